import { recordPosition } from '#cms/self-training/progress.ts'
import { PortalError } from '#cms/endpoints/errors.ts'
import { requireUser } from '#cms/endpoints/guards.ts'
import { accepted, route } from '../../../lib/endpoint.ts'
import { findModule } from '../../../lib/self-training.ts'
import { validator, ZPosition } from '../../../lib/offline-items.ts'

const validatePosition = validator(ZPosition)

/**
 * POST {position}: where the learner is in the video (resume on any device, 90 % rule). Idempotent by nature:
 * the furthest position only grows, so a replayed item changes nothing that counts and needs no stored key.
 */
export const POST = route(async ({ request, locals, params }) => {
  const user = requireUser(locals, { fr: 'enregistrer votre progression', en: 'save your progress' })
  const { position } = accepted(validatePosition(await request.json().catch(() => null)), 'position')
  const module = await findModule(locals.payload, params.slug ?? '', locals.lang, user)
  if (!module) throw new PortalError('notFound', { thing: 'module' })
  const progress = await recordPosition(locals.payload, user, module, position)
  return Response.json({ watchedRatio: progress.watchedRatio, lastPosition: progress.lastPosition })
})
