import { PortalError } from '#cms/endpoints/errors.ts'
import { requireCapability } from '#cms/endpoints/guards.ts'
import { idempotencyKeyOf, once } from '#cms/offline/idempotency.ts'
import { accepted, route } from '../../../lib/endpoint.ts'
import { validator, ZAttendanceMarks } from '../../../lib/offline-items.ts'
import { markAttendance } from '../../../lib/trainings.ts'

const validateMarks = validator(ZAttendanceMarks)

/**
 * POST marks from the attendance screen (JSON), sent by the offline queue with an `Idempotency-Key` header: an
 * item sent again after a lost answer gets 409 and is not applied twice (it would otherwise undo a later mark).
 */
export const POST = route(async ({ request, locals, params }) => {
  const user = requireCapability(locals, 'runTrainings')
  const key = idempotencyKeyOf(request.headers)
  if (!key.ok) throw new PortalError('invalidInput', {}, [{ path: 'Idempotency-Key', message: key.message }])
  const { day, marks } = accepted(validateMarks(await request.json().catch(() => null)), 'marks')
  const training = await locals.payload.findByID({ collection: 'trainings', id: params.id ?? '', depth: 0, user, overrideAccess: false, disableErrors: true })
  if (!training) throw new PortalError('notFound', { thing: 'training' })
  const outcome = await once(locals.payload, user.id, key.key, () => markAttendance(locals.payload, user, day, marks))
  if (outcome.replayed) throw new PortalError('alreadyReceived')
  return Response.json({ saved: outcome.value })
})
