import { createLocalReq, loginOperation, type Payload, type PayloadRequest } from 'payload'

/**
 * Ends every session of a person: the session ids live in the user document (Payload's `useSessions`),
 * so emptying the list makes every token they hold invalid at once. Written through the adapter because the
 * `sessions` field is not writable through the API, by design.
 */
export async function revokeAllSessions(payload: Payload, userId: number | string, req?: Partial<PayloadRequest>): Promise<void> {
  await payload.db.updateOne({ collection: 'users', id: userId, data: { sessions: [] }, req, returning: false })
}

/**
 * Signs a person in and returns the session token for the site's own cookie. The users collection removes the
 * token from Payload's login, refresh and "me" answers (`auth.removeTokenFromResponses`: scripts must never read
 * a session token), which also empties the Local API's `payload.login`; the operation itself still returns it.
 */
export async function loginForCookie(
  payload: Payload,
  input: { email: string; password: string; context?: Record<string, unknown>; headers: Headers },
): Promise<{ token?: string; user?: unknown }> {
  const req = await createLocalReq({ context: input.context ?? {}, req: { headers: input.headers } }, payload)
  return loginOperation({ collection: payload.collections.users, data: { email: input.email, password: input.password }, overrideAccess: true, req })
}
