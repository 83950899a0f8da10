import { ValidationError, type Payload } from 'payload'
import { z } from 'zod'

// "Send it once": the offline queue (site/scripts/offline-queue.ts) sends every item with an `Idempotency-Key`
// header, a random UUID of its own. When an answer is lost on the way back the item is sent again with the same
// key; the server recognises it and answers 409 without applying it a second time (the queue counts 409 as done).

export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

/** Keys are kept this long: far beyond how long a phone stays offline, short enough for the table to stay small. */
export const KEEP_KEYS_DAYS = 90

const ZIdempotencyKey = z.uuid({ error: 'En-tête Idempotency-Key invalide : un UUID est attendu.' })

/** The key a request carries: null without the header (a plain form post), or the French reason it is refused. */
export function idempotencyKeyOf(headers: Headers): { ok: true; key: string | null } | { ok: false; message: string } {
  const value = headers.get(IDEMPOTENCY_HEADER)
  if (value === null) return { ok: true, key: null }
  const parsed = ZIdempotencyKey.safeParse(value)
  return parsed.success ? { ok: true, key: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message }
}

let lastPrune = 0

/**
 * Runs `apply` once per (person, key): the key is claimed first (a unique column, so two copies arriving together
 * cannot both pass), released if `apply` fails so that the item can be sent again. Without a key, just runs it.
 */
export async function once<T>(payload: Payload, userId: number | string, key: string | null, apply: () => Promise<T>): Promise<{ replayed: true } | { replayed: false; value: T }> {
  if (key === null) return { replayed: false, value: await apply() }
  return claimOnce(payload, `${userId}:${key}`, userId, apply)
}

/**
 * Runs `apply` once for a key across every process sharing the database (the daily routine uses it with keys of
 * its own, `routine:<check>:<day>`, and no person). The claim is released when `apply` fails, so it can run again.
 */
export async function claimOnce<T>(payload: Payload, key: string, userId: number | string | null, apply: () => Promise<T>): Promise<{ replayed: true } | { replayed: false; value: T }> {
  const seen = await payload.find({ collection: 'idempotency-keys', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  if (seen.docs.length > 0) return { replayed: true }
  let claim: { id: number | string }
  try {
    claim = await payload.create({ collection: 'idempotency-keys', data: { key, user: userId as number | null }, overrideAccess: true })
  } catch (error) {
    // The same key claimed a moment ago by a copy of this request (or another process): it is a replay.
    if (error instanceof ValidationError && error.data.errors.some((e) => e.path === 'key')) return { replayed: true }
    throw error
  }
  try {
    const value = await apply()
    await pruneOldKeys(payload)
    return { replayed: false, value }
  } catch (error) {
    await payload.delete({ collection: 'idempotency-keys', id: claim.id, overrideAccess: true })
    throw error
  }
}

/** Drops keys older than KEEP_KEYS_DAYS, at most once an hour per process. */
async function pruneOldKeys(payload: Payload): Promise<void> {
  const now = Date.now()
  if (now - lastPrune < 3_600_000) return
  lastPrune = now
  await payload.delete({ collection: 'idempotency-keys', where: { createdAt: { less_than: new Date(now - KEEP_KEYS_DAYS * 86_400_000).toISOString() } }, overrideAccess: true })
}
