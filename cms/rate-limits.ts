import type { Payload } from 'payload'

// Rate limits kept in the database every portal process shares (SQLite file or MongoDB), so a limit of 30 sign-ins
// per 10 minutes is 30 whatever the number of processes behind the proxy. Each attempt is one row: it is written
// first, then the attempts of the window are counted, so two processes counting at the same moment both see each
// other's rows (no read-then-write race; at worst a simultaneous attempt is refused one early). Refused attempts
// count too, as with the previous in-memory limiter: a client that keeps trying stays refused.

/** The limited actions and their window. */
export const RATE_WINDOW_SECONDS = 600


let lastPrune = 0

/**
 * Counts one attempt of `action` by `client`; resolves to null when allowed, or to the seconds to wait when the
 * client is over `limit` attempts in the last RATE_WINDOW_SECONDS.
 */
export async function takePoint(payload: Payload, action: string, client: string, limit: number, now = new Date()): Promise<number | null> {
  const key = `${action}:${client}`
  const since = new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000).toISOString()
  await payload.create({ collection: 'rate-limits', data: { key, at: now.toISOString() }, overrideAccess: true, depth: 0 })
  const recent = await payload.find({
    collection: 'rate-limits',
    where: { and: [{ key: { equals: key } }, { at: { greater_than: since } }] },
    sort: 'at',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  await pruneExpired(payload, now)
  if (recent.totalDocs <= limit) return null
  const oldest = new Date(recent.docs[0]!.at).getTime()
  return Math.max(1, Math.ceil((oldest + RATE_WINDOW_SECONDS * 1000 - now.getTime()) / 1000))
}

/** Drops attempts older than the window, at most once a minute per process. */
async function pruneExpired(payload: Payload, now: Date): Promise<void> {
  if (now.getTime() - lastPrune < 60_000) return
  lastPrune = now.getTime()
  await payload.delete({ collection: 'rate-limits', where: { at: { less_than: new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000).toISOString() } }, overrideAccess: true, depth: 0 })
}
