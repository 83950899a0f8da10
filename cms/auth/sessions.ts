import type { Payload, PayloadRequest } from 'payload'

/**
 * Ends every session of a person: the session ids live in the user document (Payload's `useSessions`),
 * so emptying the list makes every token they hold invalid at once. Written through the adapter because the
 * `sessions` field is not writable through the API, by design.
 */
export async function revokeAllSessions(payload: Payload, userId: number | string, req?: Partial<PayloadRequest>): Promise<void> {
  await payload.db.updateOne({ collection: 'users', id: userId, data: { sessions: [] }, req, returning: false })
}
