import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import type { Meeting, User } from '#cms/payload-types.ts'
import { PortalError, type TFieldError } from '#cms/endpoints/errors.ts'
import { errorAnswer } from '#cms/endpoints/errors.ts'

/** The meetings a signed-in person may read (invited, or all for coordination), most recent first. */
export async function readableMeetings(payload: Payload, user: User): Promise<Meeting[]> {
  return (await payload.find({ collection: 'meetings', user, overrideAccess: false, depth: 0, limit: 100, sort: '-start' })).docs
}

/** A Payload request acting as the signed-in person, for operations that need one (transactions, access). */
export function requestAs(payload: Payload, user: User, headers: Headers): Promise<PayloadRequest> {
  return createLocalReq({ user: { ...user, collection: 'users' } as never, req: { headers } }, payload)
}

/** Field errors of a refused operation (zod, PortalError, Payload validation), French or English; others rethrown. */
export function refusal(error: unknown, lang: 'fr' | 'en'): { message: string; fields: Record<string, string> } {
  const answer = errorAnswer(error, { lang })
  if (answer.status >= 500) throw error
  const first = answer.body.errors[0]
  const fields: Record<string, string> = {}
  for (const e of (first?.data?.errors ?? []) as TFieldError[]) fields[e.path] ??= e.message
  return { message: first?.message ?? new PortalError('invalidInput').message, fields }
}

