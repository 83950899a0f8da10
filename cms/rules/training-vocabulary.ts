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

/**
 * Functions written in several ways that are one function in the statistics: a label, and the spellings grouped
 * under it (compared without case, accents or spaces, feminine forms included).
 */
export const FUNCTION_GROUPS: { label: string; spellings: string[] }[] = [
  { label: 'Superviseur', spellings: ['Superviseur', 'Superviseure', 'Superviseur de cas', 'Superviseure de cas', 'Superviseur des cas'] },
  { label: 'Éducateur / Éducatrice', spellings: ['Éducateur', 'Éducatrice', 'Éducateur spécialisé', 'Éducatrice spécialisée'] },
  { label: 'Gestionnaire de cas', spellings: ['Gestionnaire de cas', 'Gestionnaire des cas', 'Case manager'] },
  { label: 'Travailleur social / Travailleuse sociale', spellings: ['Travailleur social', 'Travailleuse sociale'] },
]

const foldFunction = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/[^\p{L}\p{N}]+/gu, '')
const FUNCTION_OF = new Map(FUNCTION_GROUPS.flatMap((group) => group.spellings.map((spelling) => [foldFunction(spelling), group.label] as const)))

/** The statistics' name of a function: its group's label when it is a known spelling, else the function as written. */
export function functionGroup(text: string | null | undefined): string {
  const written = (text ?? '').replace(/\s+/g, ' ').trim()
  return FUNCTION_OF.get(foldFunction(written)) ?? written
}
