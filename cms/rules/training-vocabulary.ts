import type { Label } from './toolkit.ts'

// Vocabulary of face-to-face trainings (labels for the admin and the site). Sexes and attendance statuses live
// with the rules that compute on them (rules/trainings.ts); next steps are action items (rules/action-items.ts).

export const TRAINING_KINDS = {
  trainingOfTrainers: { fr: 'Formation des formateurs', en: 'Training of trainers' },
  initial: { fr: 'Formation initiale', en: 'Initial training' },
  refresher: { fr: 'Recyclage', en: 'Refresher' },
  workshop: { fr: 'Atelier', en: 'Workshop' },
} as const satisfies Record<string, Label>

export const TRAINING_STATUSES = {
  planned: { fr: 'Planifiée', en: 'Planned' },
  ongoing: { fr: 'En cours', en: 'Ongoing' },
  done: { fr: 'Réalisée', en: 'Done' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
  postponed: { fr: 'Reportée', en: 'Postponed' },
} as const satisfies Record<string, Label>

/** Items of the end-of-training evaluation, rated 1 (poor) to 5 (excellent). */
export const EVALUATION_ITEMS = {
  organisation: { fr: 'Organisation et logistique', en: 'Organisation and logistics' },
  content: { fr: 'Pertinence du contenu', en: 'Relevance of the content' },
  methods: { fr: 'Méthodes et exercices pratiques', en: 'Methods and practical exercises' },
  trainers: { fr: 'Maîtrise des formateurs', en: 'Trainers’ command of the subject' },
  usefulness: { fr: 'Utilité pour le travail', en: 'Usefulness for the job' },
} as const satisfies Record<string, Label>
