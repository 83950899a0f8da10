import type { APIRoute } from 'astro'
import { submitQuiz } from '#cms/learning/progress.ts'
import { QuizAnswerError } from '#training/rules/completion.ts'
import { findModule } from '../../../lib/learning.ts'
import { ZQuizSubmission } from '../../../lib/offline-items.ts'

/** POST {attemptId, answers}: a quiz attempt sent later by the offline queue; the same attempt counts once. */
export const POST: APIRoute = async ({ request, locals, params }) => {
  if (!locals.user) return Response.json({ errors: [{ message: 'Connectez-vous pour répondre au quiz.' }] }, { status: 401 })
  const parsed = ZQuizSubmission.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ errors: [{ message: `Réponses invalides : ${parsed.error.issues.map((i) => i.message).join(', ')}` }] }, { status: 400 })
  const module = await findModule(locals.payload, params.slug ?? '', locals.lang, locals.user)
  if (!module) return Response.json({ errors: [{ message: 'Module introuvable.' }] }, { status: 404 })
  try {
    return Response.json(await submitQuiz(locals.payload, locals.user, module, parsed.data.answers, parsed.data.attemptId))
  } catch (error) {
    if (error instanceof QuizAnswerError) return Response.json({ errors: [{ message: error.message }] }, { status: 400 })
    throw error
  }
}
