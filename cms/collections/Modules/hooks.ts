import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { z } from 'zod'
import { ZQuiz } from '../../../training/schema.ts'

/** A quiz edited in the admin must keep the curriculum's shape (questions, options, answers), or it is refused. */
export const checkQuiz: CollectionBeforeValidateHook = ({ data, req }) => {
  if (data?.quiz === undefined) return data
  const parsed = ZQuiz.safeParse(data.quiz)
  if (!parsed.success) throw new ValidationError({ collection: 'modules', errors: [{ path: 'quiz', message: `Quiz invalide : ${z.prettifyError(parsed.error)}` }] }, req.t)
  return data
}
