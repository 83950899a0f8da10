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
