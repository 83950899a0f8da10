import * as z from 'zod/mini'

// What the offline queue keeps, checked with the same schemas in the browser (before an item is kept, so the
// server never refuses it later for its shape) and on the server (the endpoint's body). `zod/mini` keeps the
// browser scripts small. A new use adds its schema here and passes `validator(ZThing)` to the queue.

export type TValidation<T> = { ok: true; value: T } | { ok: false; reason: string }

/** A pure check for the queue and the endpoint: the value, or the French reasons it is refused. */
export function validator<T>(schema: z.ZodMiniType<T>): (body: unknown) => TValidation<T> {
  return (body) => {
    const parsed = schema.safeParse(body)
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues.map((i) => i.message).join(' ; ') }
  }
}

export const ATTENDANCE_STATUS_CODES = ['present', 'late', 'absent', 'excused'] as const

/** Body of POST /presentiel/<id>/presence.json: marks of one day (the queue sends one mark per item). */
export const ZAttendanceMarks = z.object({
  day: z.iso.date({ error: 'Jour invalide : une date AAAA-MM-JJ est attendue.' }),
  marks: z
    .array(
      z.object({
        enrolment: z.string().check(z.regex(/^[A-Za-z0-9]{1,40}$/, { error: 'Inscription inconnue.' })),
        status: z.enum(ATTENDANCE_STATUS_CODES, { error: 'État de présence inconnu : présent, en retard, absent ou excusé.' }),
      }),
    )
    .check(z.minLength(1, { error: 'Aucune présence à enregistrer.' }), z.maxLength(500, { error: 'Au plus 500 présences par envoi.' })),
})
export type TAttendanceMarks = z.infer<typeof ZAttendanceMarks>

/** Body of POST /formation/<slug>/progression.json: where the learner is in the video, in seconds. */
export const ZPosition = z.object({
  position: z.number({ error: 'Position invalide : un nombre de secondes est attendu.' }).check(z.minimum(0, { error: 'Position invalide : un nombre de secondes positif est attendu.' }), z.maximum(36000, { error: 'Position invalide : au plus 10 heures.' })),
})
export type TPosition = z.infer<typeof ZPosition>

/** Body of POST /formation/<slug>/quiz.json (and the quiz form): one attempt; its id makes a replay count once. */
export const ZQuizSubmission = z.object({
  attemptId: z.uuid({ error: 'identifiant de tentative invalide' }),
  answers: z
    .record(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)), z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10)))
    .check(z.refine((a) => Object.keys(a).length <= 50, { error: 'trop de réponses' })),
})
export type TQuizSubmission = z.infer<typeof ZQuizSubmission>

/** How a visit was made, and the rating scale: the server's vocabularies (cms/rules/supervision.ts, competency-framework.ts). */
export const VISIT_MODE_CODES = ['onSite', 'phone', 'video'] as const
export const RATING_CODES = ['notObserved', 'toStrengthen', 'acquired', 'mastered'] as const
/** The case-management steps a visit may observe (cms/rules/toolkit.ts STEPS). */
export const STEP_CODES = ['1', '2', '3', '4', '5', '6', 'annex'] as const

const day = (field: string) => z.iso.date({ error: `${field} : une date AAAA-MM-JJ est attendue.` })
const text = (field: string, max: number) => z.string().check(z.maxLength(max, { error: `${field} : au plus ${max} caractères.` }))
const recordId = (error: string) => z.string().check(z.regex(/^[A-Za-z0-9]{1,40}$/, { error }))

/**
 * Body of POST /suivi-formatif/visite.json (and of the visit form without JavaScript): a new visit, or a change to
 * one (`visit` and the `revision` the person opened, so a visit changed meanwhile is refused with the differences).
 * Checks that need the database — date against the person's first training, behaviour in the framework version,
 * person in the supervisor's scope — are the server's (cms/rules/supervision.ts `visitProblems`).
 */
export const ZVisit = z.object({
  visit: z.optional(recordId('Visite inconnue.')),
  revision: z.optional(z.number().check(z.int(), z.minimum(1))),
  person: recordId('Personne supervisée : choisissez une personne dans la liste.'),
  date: day('Date de la visite'),
  mode: z.enum(VISIT_MODE_CODES, { error: 'Modalité : sur site, à distance par téléphone ou par visio.' }),
  steps: z.array(z.enum(STEP_CODES, { error: 'Étape observée inconnue.' })).check(z.maxLength(STEP_CODES.length)),
  ratings: z
    .array(
      z.object({
        behaviour: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, { error: 'Comportement inconnu.' })),
        rating: z.enum(RATING_CODES, { error: 'Niveau hors de l’échelle : non observé, à renforcer, acquis ou maîtrisé.' }),
        observation: text('Observation', 2000),
      }),
    )
    .check(z.maxLength(200, { error: 'Au plus 200 comportements notés.' })),
  strengths: text('Points forts', 4000),
  gaps: text('Points à améliorer', 4000),
  nextFollowUp: z.optional(day('Prochain suivi')),
  actions: z
    .array(z.object({ activity: z.string().check(z.minLength(1, { error: 'Action convenue : décrivez l’action.' }), z.maxLength(300, { error: 'Action convenue : au plus 300 caractères.' })), deadline: z.optional(day('Échéance de l’action')) }))
    .check(z.maxLength(20, { error: 'Au plus 20 actions convenues par visite.' })),
})
export type TVisit = z.infer<typeof ZVisit>

/**
 * The visit form's fields (name → value; `steps` may repeat) as the body ZVisit checks: one reading for the page
 * without JavaScript and for the script that queues the visit. Fields: person, date, mode, steps, `r-<behaviour>`
 * (a level, empty when not rated) with `o-<behaviour>` (its observation), strengths, gaps, nextFollowUp,
 * `action-<n>` with `deadline-<n>`, and visit with revision when a visit is changed.
 */
export function visitFromForm(entries: Iterable<[string, string]>): unknown {
  const fields = new Map<string, string[]>()
  for (const [name, value] of entries) fields.set(name, [...(fields.get(name) ?? []), String(value)])
  const one = (name: string) => (fields.get(name)?.[0] ?? '').trim()
  const optional = (name: string) => one(name) || undefined
  const ratings = [...fields.keys()]
    .filter((name) => name.startsWith('r-') && one(name))
    .map((name) => ({ behaviour: name.slice(2), rating: one(name), observation: one(`o-${name.slice(2)}`) }))
  const actions = [...fields.keys()]
    .filter((name) => /^action-\d+$/.test(name) && one(name))
    .map((name) => ({ activity: one(name), deadline: optional(`deadline-${name.slice(7)}`) }))
  const revision = optional('revision')
  return {
    visit: optional('visit'),
    revision: revision === undefined ? undefined : Number(revision),
    person: one('person'),
    date: one('date'),
    mode: one('mode'),
    steps: fields.get('steps') ?? [],
    ratings,
    strengths: one('strengths'),
    gaps: one('gaps'),
    nextFollowUp: optional('nextFollowUp'),
    actions,
  }
}

/**
 * Body of POST /bac-a-sable/<espace>/cas/<cas>/fiche.json: one form of a sandbox case saved from its page, kept by
 * the offline queue when the training room's connection drops. `actor` is the workspace account the trainee acted
 * as when saving (not the one chosen when it is sent); the values are checked against the form's definition by the
 * same code as the server's save (cms/rules/sandbox-forms.ts) by `sandboxSaveValidator` (site/lib/sandbox-save.ts,
 * apart so that the other queue uses do not carry the form checker).
 */
export const ZSandboxFormSave = z.object({
  form: z.string().check(z.regex(/^[A-Za-z0-9.-]{1,30}$/, { error: 'Fiche inconnue.' })),
  actor: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, { error: 'Compte de l’espace inconnu.' })),
  values: z.record(z.string(), z.unknown(), { error: 'Valeurs de la fiche illisibles.' }),
})
export type TSandboxFormSave = z.infer<typeof ZSandboxFormSave>

