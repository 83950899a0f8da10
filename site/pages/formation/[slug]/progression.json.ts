import type { APIRoute } from 'astro'
import { recordPosition, ZPosition } from '#cms/learning/progress.ts'
import { findModule } from '../../../lib/learning.ts'

/** POST {position}: where the learner is in the video (resume on any device, 90 % rule). Idempotent. */
export const POST: APIRoute = async ({ request, locals, params }) => {
  if (!locals.user) return Response.json({ errors: [{ message: 'Connectez-vous pour enregistrer votre progression.' }] }, { status: 401 })
  const parsed = ZPosition.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ errors: parsed.error.issues.map((issue) => ({ field: 'position', message: issue.message })) }, { status: 400 })
  const module = await findModule(locals.payload, params.slug ?? '', locals.lang, locals.user)
  if (!module) return Response.json({ errors: [{ message: 'Module introuvable.' }] }, { status: 404 })
  const progress = await recordPosition(locals.payload, locals.user, module, parsed.data.position)
  return Response.json({ watchedRatio: progress.watchedRatio, lastPosition: progress.lastPosition })
}
