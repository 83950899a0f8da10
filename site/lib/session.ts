import type { Payload } from 'payload'
import { createLocalReq, refreshOperation } from 'payload'
import { generateExpiredPayloadCookie, generatePayloadCookie, parseCookies } from 'payload/shared'
import type { User } from '#cms/payload-types.ts'
import { jwtExpiry, shouldRenewSession } from '#cms/rules/session.ts'

// The site uses Payload's own sessions: the same cookie as /admin, checked by payload.auth on every request.

const tokenOf = (payload: Payload, headers: Headers): string | undefined => parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)

/** The signed-in person for a request, or null. A malformed or revoked cookie simply means "signed out". */
export async function currentUser(payload: Payload, headers: Headers): Promise<User | null> {
  if (!tokenOf(payload, headers)) return null
  try {
    const { user } = await payload.auth({ headers })
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
