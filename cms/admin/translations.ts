// Texts of the portal's own admin components, merged into Payload's translations (French first).
export const adminTranslations = {
  fr: {
    portal: {
      consultationExportTitle: 'Tableau consolidé des commentaires de la consultation',
      exportCsv: 'Exporter en CSV',
      exportXlsx: 'Exporter en XLSX',
      exportAudited: 'Chaque export est inscrit au journal d’audit (il contient les noms des contributeurs).',
      trainingDocuments: 'Documents et saisie de la formation',
      reportPdf: 'Rapport de formation (PDF)',
      reportDocx: 'Rapport de formation (Word)',
      attendanceSheet: 'Feuille d’émargement (PDF)',
      trainingDashboard: 'Présence du jour et import des participants (page mobile)',
      followUp: 'Suivi',
      myTrainings: 'Formations en présentiel',
      trainingStatistics: 'Statistiques des formations',
      selfTrainingFollowUp: 'Suivi de l’autoformation',
      messageLinks: 'Liens du message (s’ouvrent dans un nouvel onglet)',
      reportDifficulty: 'Signaler une difficulté',
      operations: 'Exploitation',
      securityChecks: 'Contrôles de sécurité',
      dataProtection: 'Demandes sur les données personnelles',
    },
  },
  en: {
    portal: {
      consultationExportTitle: 'Consolidated table of the consultation’s comments',
      exportCsv: 'Export as CSV',
      exportXlsx: 'Export as XLSX',
      exportAudited: 'Every export is written to the audit log (it contains contributors’ names).',
      trainingDocuments: 'Training documents and data entry',
      reportPdf: 'Training report (PDF)',
      reportDocx: 'Training report (Word)',
      attendanceSheet: 'Attendance sheet (PDF)',
      trainingDashboard: 'Daily attendance and participants import (mobile page)',
      followUp: 'Follow-up',
      myTrainings: 'Face-to-face trainings',
      trainingStatistics: 'Training statistics',
      selfTrainingFollowUp: 'Self-training follow-up',
      messageLinks: 'Links in the message (open in a new tab)',
      reportDifficulty: 'Report a problem',
      operations: 'Operations',
      securityChecks: 'Security checks',
      dataProtection: 'Personal data requests',
    },
  },
}
export type AdminTranslations = typeof adminTranslations.fr
export type AdminTranslationKey = `portal:${keyof AdminTranslations['portal']}`
