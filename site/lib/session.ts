import type { Payload } from 'payload'
import { createLocalReq, JWTAuthentication, refreshOperation } from 'payload'
import { generateExpiredPayloadCookie, generatePayloadCookie, parseCookies } from 'payload/shared'
import type { User } from '#cms/payload-types.ts'
import { jwtExpiry, jwtSessionId, shouldRenewSession } from '#cms/rules/session.ts'

// The site uses Payload's own sessions: the same cookie as /admin, checked on every request by Payload's own JWT
// strategy (signature, expiry, and the session id still present in the user's row). See docs/performance.md.

/** Most sessions whose user row is kept between requests (the oldest is dropped first): about 2 KB each. */
const MAX_KEPT_SESSIONS = 2000

/** The user row last read for a session (key `id:sid`), with the row's `updatedAt` at that read. */
const keptUsers = new Map<string, { user: User; updatedAt: string }>()

const tokenOf = (payload: Payload, headers: Headers): string | undefined => parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)

/**
 * The signed-in person for a request, or null. A malformed or revoked cookie simply means "signed out".
 *
 * This calls Payload's JWT strategy itself rather than `payload.auth`: `payload.auth` also computes the person's
 * permissions on every collection and field (the admin panel's needs, about half the cost of a signed-in page),
 * and reads the user with relationships populated two levels deep (organisation → region…). The strategy asks
 * the database on every request, so a session ended anywhere (sign-out, "everywhere", deactivation) is refused
 * by every process on its next request. `isGraphQL` is the strategy's only switch for depth 0: the
 * user comes with ids for organisation and region (read them with `#cms/fields/relations.ts`).
 *
 * The strategy's read of the user row goes through `readingKeptUser`, which reuses the row read for the same
 * session on an earlier request once the database confirms, on this request, that the session is still listed and
 * the row unchanged since: a smaller read than the whole row, and no afterRead pass over the user's fields.
 */
export async function currentUser(payload: Payload, headers: Headers): Promise<User | null> {
  const token = tokenOf(payload, headers)
  if (!token) return null
  try {
    const { user } = await JWTAuthentication({ headers, payload: readingKeptUser(payload, jwtSessionId(token)), isGraphQL: true, strategyName: 'local-jwt' })
    return user && user.collection === 'users' ? (user as unknown as User) : null
  } catch (error) {
    console.warn('Session cookie rejected:', error instanceof Error ? error.message : error)
    return null
  }
}

/**
 * `payload` with its `findByID` replaced for the JWT strategy, which calls it once, after it has verified the token's
 * signature and expiry, with the user id from the token. Everything else (the signature, the token's version and
 * collection, the session id listed on the row) is still checked by Payload's strategy itself.
 *
 * The database is asked on every request, so nothing is trusted from memory: a session ended by any process
 * (sign-out, sign-out everywhere, deactivation or a change of roles or scope, which end every session) makes the
 * row not match and the request is signed out; any other change to the row (name, email, password date) changes
 * its `updatedAt` and the row is read again whole. The person gets a copy: pages never change the kept row.
 */
function readingKeptUser(payload: Payload, sid: string | null): Payload {
  const findByID: Payload['findByID'] = async (args) => {
    if (args.collection !== 'users' || !sid) return payload.findByID(args)
    const key = `${args.id}:${sid}`
    const kept = keptUsers.get(key)
    if (kept) {
      const row = await payload.db.findOne<{ id: number; updatedAt?: string }>({
        collection: 'users',
        where: { and: [{ id: { equals: args.id } }, { 'sessions.id': { equals: sid } }] },
        select: { updatedAt: true },
      })
      if (!row) {
        keptUsers.delete(key)
        return null as never
      }
      if (row.updatedAt === kept.updatedAt) return structuredClone(kept.user) as never
    }
    const user = (await payload.findByID(args)) as unknown as User
    keptUsers.delete(key)
    if (keptUsers.size >= MAX_KEPT_SESSIONS) keptUsers.delete(keptUsers.keys().next().value!)
    keptUsers.set(key, { user: structuredClone(user), updatedAt: user.updatedAt })
    return user as never
  }
  return Object.create(payload, { findByID: { value: findByID } }) as Payload
}

/** Set-Cookie value carrying a session token (HttpOnly, SameSite=Lax, Secure behind TLS: Payload's settings). */
export function sessionCookie(payload: Payload, token: string): string {
  return generatePayloadCookie({ collectionAuthConfig: payload.collections.users.config.auth, cookiePrefix: payload.config.cookiePrefix, token })
}

/** Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(payload: Payload): string {
  return generateExpiredPayloadCookie({ collectionAuthConfig: payload.collections.users.config.auth, cookiePrefix: payload.config.cookiePrefix })
}

/** When the session is in the second half of its idle period, extends it and returns the new cookie. */
export async function renewedSessionCookie(payload: Payload, headers: Headers, user: User, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string | null> {
  const token = tokenOf(payload, headers)
  const exp = token ? jwtExpiry(token) : null
  const idle = payload.collections.users.config.auth.tokenExpiration
  if (exp === null || !shouldRenewSession(exp, nowSeconds, idle)) return null
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never, req: { headers }, urlSuffix: '/api/users/refresh-token' }, payload)
  const result = await refreshOperation({ collection: payload.collections.users, req })
  return result.refreshedToken ? sessionCookie(payload, result.refreshedToken) : null
}

/** Signs the current device out: its session id is removed, other devices stay signed in. */
export async function endCurrentSession(payload: Payload, headers: Headers, user: User): Promise<void> {
  const { logoutOperation } = await import('payload')
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never, req: { headers } }, payload)
  await logoutOperation({ collection: payload.collections.users, req })
}
