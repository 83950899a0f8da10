import { submitQuiz } from '#cms/self-training/progress.ts'
import { PortalError } from '#cms/endpoints/errors.ts'
import { requireUser } from '#cms/endpoints/guards.ts'
import { QuizAnswerError } from '#training/rules/completion.ts'
import { route } from '../../../lib/endpoint.ts'
import { findModule } from '../../../lib/self-training.ts'
import { ZQuizSubmission } from '../../../lib/offline-items.ts'

/** POST {attemptId, answers}: a quiz attempt sent later by the offline queue; the same attempt counts once. */
export const POST = route(async ({ request, locals, params }) => {
  const user = requireUser(locals, { fr: 'répondre au quiz', en: 'answer the quiz' })
  const submission = ZQuizSubmission.parse(await request.json().catch(() => null))
  const module = await findModule(locals.payload, params.slug ?? '', locals.lang, user)
  if (!module) throw new PortalError('notFound', { thing: 'module' })
  try {
    return Response.json(await submitQuiz(locals.payload, user, module, submission.answers, submission.attemptId))
  } catch (error) {
    if (error instanceof QuizAnswerError) throw new PortalError('invalidInput', {}, [{ path: `answers.${error.questionId}`, message: error.message }])
    throw error
  }
})
