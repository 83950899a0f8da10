// The vocabulary of the case-management toolkit (docs/domain.md): document types, steps, audiences and the harmonised
// form codes. One source for the admin's select options and the site's labels.

/** A French and English label. */
export type Label = { fr: string; en: string }

export const RESOURCE_TYPES = {
  form: { fr: 'Formulaire harmonisé', en: 'Harmonised form' },
  guideline: { fr: 'Ligne directrice', en: 'Guideline' },
  sop: { fr: 'Procédure opérationnelle standard (POS)', en: 'Standard operating procedure (SOP)' },
  protocol: { fr: 'Protocole de protection des données', en: 'Data-protection protocol' },
  competency: { fr: 'Référentiel de compétences', en: 'Competency framework' },
  training: { fr: 'Support de formation', en: 'Training material' },
  report: { fr: 'Rapport', en: 'Report' },
  tool: { fr: 'Outil', en: 'Tool' },
} as const satisfies Record<string, Label>
export type ResourceType = keyof typeof RESOURCE_TYPES

export const STEPS = {
  '1': { fr: '1 · Identification et enregistrement', en: '1 · Identification and registration' },
  '2': { fr: '2 · Évaluation', en: '2 · Assessment' },
  '3': { fr: '3 · Plan d’action', en: '3 · Action plan' },
  '4': { fr: '4 · Mise en œuvre', en: '4 · Implementation' },
  '5': { fr: '5 · Suivi et réexamen', en: '5 · Follow-up and review' },
  '6': { fr: '6 · Clôture', en: '6 · Closure' },
  annex: { fr: 'Annexes (référencement, transfert, réouverture, dossier)', en: 'Annexes (referral, transfer, reopening, file)' },
} as const satisfies Record<string, Label>
export type Step = keyof typeof STEPS

export const AUDIENCES = {
  caseManager: { fr: 'Gestionnaires de cas', en: 'Case managers' },
  supervisor: { fr: 'Superviseurs', en: 'Supervisors' },
  administrator: { fr: 'Administrateurs', en: 'Administrators' },
  trainer: { fr: 'Formateurs', en: 'Trainers' },
  partner: { fr: 'Partenaires', en: 'Partners' },
  public: { fr: 'Grand public', en: 'General public' },
} as const satisfies Record<string, Label>
export type Audience = keyof typeof AUDIENCES

export const DOCUMENT_STATUSES = {
  draft: { fr: 'Projet', en: 'Draft' },
  validated: { fr: 'Validé', en: 'Validated' },
  archived: { fr: 'Archivé', en: 'Archived' },
} as const satisfies Record<string, Label>
export type DocumentStatus = keyof typeof DOCUMENT_STATUSES

export const LANGUAGES = { fr: { fr: 'Français', en: 'French' }, en: { fr: 'Anglais', en: 'English' } } as const satisfies Record<string, Label>

/** The harmonised forms, by code, with their step (docs/domain.md, "Case management in six steps"). */
export const FORM_CODES = {
  '1.A': { step: '1', fr: 'Consentement au partage d’informations', en: 'Consent to share information' },
  '1.B': { step: '1', fr: 'Enregistrement du cas', en: 'Case registration' },
  '1.C': { step: '1', fr: 'Évaluation initiale', en: 'Initial assessment' },
  '1.D': { step: '1', fr: 'Enregistrement d’un enfant non accompagné ou séparé', en: 'Registration of an unaccompanied or separated child' },
  '1.E': { step: '1', fr: 'Demande de recherche d’un enfant disparu', en: 'Tracing request for a missing child' },
  '2.A': { step: '2', fr: 'Évaluation approfondie', en: 'In-depth assessment' },
  '3.A': { step: '3', fr: 'Plan d’action individuel de l’enfant', en: 'Child’s individual action plan' },
  '3.B': { step: '3', fr: 'Rapport de conférence de cas', en: 'Case conference report' },
  '4.A': { step: '4', fr: 'Services fournis à l’enfant', en: 'Services provided to the child' },
  '4.B': { step: '4', fr: 'Recherche de l’enfant', en: 'Tracing of the child' },
  '4.C': { step: '4', fr: 'Vérification (adulte)', en: 'Verification (adult)' },
  '4.D': { step: '4', fr: 'Vérification (enfant)', en: 'Verification (child)' },
  '4.E': { step: '4', fr: 'Réunification', en: 'Reunification' },
  '5.A': { step: '5', fr: 'Suivi du cas', en: 'Case follow-up' },
  '5.B': { step: '5', fr: 'Réexamen du cas', en: 'Case review' },
  '5.C': { step: '5', fr: 'Rapport de conférence de suivi', en: 'Follow-up conference report' },
  '6.A': { step: '6', fr: 'Clôture du cas', en: 'Case closure' },
  '6.B': { step: '6', fr: 'Retour d’information de l’enfant', en: 'Child feedback' },
  '6.C': { step: '6', fr: 'Retour d’information de l’adulte', en: 'Adult feedback' },
  'A.1': { step: 'annex', fr: 'Référencement et contre-référencement', en: 'Referral and counter-referral' },
  'A.2': { step: 'annex', fr: 'Transfert de cas', en: 'Case transfer' },
  'A.3': { step: 'annex', fr: 'Gestion communautaire des cas et référencement', en: 'Community case management and referral' },
  'B.1': { step: 'annex', fr: 'Réouverture du cas', en: 'Case reopening' },
  checklist: { step: 'annex', fr: 'Liste de contrôle du dossier', en: 'Case-file checklist' },
  cover: { step: 'annex', fr: 'Page de garde du dossier', en: 'Case-file cover page' },
} as const satisfies Record<string, Label & { step: Step }>
export type FormCode = keyof typeof FORM_CODES

/** Payload select options from a label table, in its order. */
export function selectOptions(table: Record<string, Label>): { value: string; label: Label }[] {
  return Object.entries(table).map(([value, label]) => ({ value, label: { fr: label.fr, en: label.en } }))
}

/** The form codes of one step, in the toolkit's order. */
export function formCodesOfStep(step: Step): FormCode[] {
  return (Object.keys(FORM_CODES) as FormCode[]).filter((code) => FORM_CODES[code].step === step)
}

/** How a form code is shown: "1.C", or the name for the two file tools. */
export function displayFormCode(code: FormCode, lang: 'fr' | 'en'): string {
  return code === 'checklist' || code === 'cover' ? FORM_CODES[code][lang] : code
}
