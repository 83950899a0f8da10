import type { Payload } from 'payload'
import { createLocalReq, JWTAuthentication, refreshOperation } from 'payload'
import { generateExpiredPayloadCookie, generatePayloadCookie, parseCookies } from 'payload/shared'
import type { User } from '#cms/payload-types.ts'
import { jwtExpiry, shouldRenewSession } from '#cms/rules/session.ts'

// The site uses Payload's own sessions: the same cookie as /admin, checked on every request by Payload's own JWT
// strategy (signature, expiry, and the session id still present in the user's row). See docs/performance.md.

const tokenOf = (payload: Payload, headers: Headers): string | undefined => parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)

/**
 * The signed-in person for a request, or null. A malformed or revoked cookie simply means "signed out".
 *
 * This calls Payload's JWT strategy itself rather than `payload.auth`: `payload.auth` also computes the person's
 * permissions on every collection and field (the admin panel's needs, about half the cost of a signed-in page),
 * and reads the user with relationships populated two levels deep (organisation → region…). The strategy reads
 * the user row once by id, with no cache, so a session ended anywhere (sign-out, "everywhere", deactivation)
 * is refused by every process on its next request. `isGraphQL` is the strategy's only switch for depth 0: the
 * user comes with ids for organisation and region (read them with `#cms/fields/relations.ts`).
 */
export async function currentUser(payload: Payload, headers: Headers): Promise<User | null> {
  if (!tokenOf(payload, headers)) return null
  try {
    const { user } = await JWTAuthentication({ headers, payload, isGraphQL: true, strategyName: 'local-jwt' })
    return user && user.collection === 'users' ? (user as unknown as User) : null
  } catch (error) {
    console.warn('Session cookie rejected:', error instanceof Error ? error.message : error)
    return null
  }
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
