import type { APIRoute } from 'astro'
import { idempotencyKeyOf, once } from '#cms/offline/idempotency.ts'
import { canRunTrainings, markAttendance } from '../../../lib/trainings.ts'
import { validator, ZAttendanceMarks } from '../../../lib/offline-items.ts'

const validateMarks = validator(ZAttendanceMarks)

/**
 * POST marks from the attendance screen (JSON), sent by the offline queue with an `Idempotency-Key` header: an
 * item sent again after a lost answer gets 409 and is not applied twice (it would otherwise undo a later mark).
 */
export const POST: APIRoute = async ({ request, locals, params }) => {
  if (!canRunTrainings(locals.user)) return Response.json({ errors: [{ message: 'Connectez-vous comme formateur.' }] }, { status: 401 })
  const key = idempotencyKeyOf(request.headers)
  if (!key.ok) return Response.json({ errors: [{ message: key.message }] }, { status: 400 })
  const parsed = validateMarks(await request.json().catch(() => null))
  if (!parsed.ok) return Response.json({ errors: [{ message: `Présences invalides : ${parsed.reason}` }] }, { status: 400 })
  const training = await locals.payload.findByID({ collection: 'trainings', id: params.id ?? '', depth: 0, user: locals.user, overrideAccess: false, disableErrors: true })
  if (!training) return Response.json({ errors: [{ message: 'Formation introuvable.' }] }, { status: 404 })
  try {
    const outcome = await once(locals.payload, locals.user.id, key.key, () => markAttendance(locals.payload, locals.user!, parsed.value.day, parsed.value.marks))
    if (outcome.replayed) return Response.json({ errors: [{ message: 'Déjà enregistré : cet envoi avait déjà été reçu.' }] }, { status: 409 })
    return Response.json({ saved: outcome.value })
  } catch (error) {
    return Response.json({ errors: [{ message: (error as Error).message }] }, { status: 422 })
  }
}
