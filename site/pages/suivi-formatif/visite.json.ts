import { PortalError } from '#cms/endpoints/errors.ts'
import { requireCapability } from '#cms/endpoints/guards.ts'
import { idempotencyKeyOf, once } from '#cms/offline/idempotency.ts'
import { saveVisit } from '#cms/supervision/save.ts'
import { accepted, route } from '../../lib/endpoint.ts'
import { validator, ZVisit } from '../../lib/offline-items.ts'

const validateVisit = validator(ZVisit)

/**
 * POST a visit from the visit form (JSON), sent by the offline queue with an `Idempotency-Key` header: a visit sent
 * again after a lost answer gets 409 and is stored once. A change to a visit saved by someone else meanwhile gets
 * 412 with the differences (the queue shows them as the item's refusal).
 */
export const POST = route(async ({ request, locals }) => {
  const user = requireCapability(locals, 'supervise')
  const key = idempotencyKeyOf(request.headers)
  if (!key.ok) throw new PortalError('invalidInput', {}, [{ path: 'Idempotency-Key', message: key.message }])
  const visit = accepted(validateVisit(await request.json().catch(() => null)), 'visit')
  const outcome = await once(locals.payload, user.id, key.key, () => saveVisit(locals.payload, user, visit))
  if (outcome.replayed) throw new PortalError('alreadyReceived')
  return Response.json(outcome.value, { status: outcome.value.created ? 201 : 200 })
})
