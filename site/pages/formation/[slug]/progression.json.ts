import type { APIRoute } from 'astro'
import { recordPosition } from '#cms/learning/progress.ts'
import { findModule } from '../../../lib/learning.ts'
import { validator, ZPosition } from '../../../lib/offline-items.ts'

const validatePosition = validator(ZPosition)

/**
 * POST {position}: where the learner is in the video (resume on any device, 90 % rule). Idempotent by nature:
 * the furthest position only grows, so a replayed item changes nothing that counts and needs no stored key.
 */
export const POST: APIRoute = async ({ request, locals, params }) => {
  if (!locals.user) return Response.json({ errors: [{ message: 'Connectez-vous pour enregistrer votre progression.' }] }, { status: 401 })
  const parsed = validatePosition(await request.json().catch(() => null))
  if (!parsed.ok) return Response.json({ errors: [{ message: parsed.reason }] }, { status: 400 })
  const module = await findModule(locals.payload, params.slug ?? '', locals.lang, locals.user)
  if (!module) return Response.json({ errors: [{ message: 'Module introuvable.' }] }, { status: 404 })
  const progress = await recordPosition(locals.payload, locals.user, module, parsed.value.position)
  return Response.json({ watchedRatio: progress.watchedRatio, lastPosition: progress.lastPosition })
}
