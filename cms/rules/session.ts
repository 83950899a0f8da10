/**
 * Sessions end after `idleSeconds` without use and are renewed while in use: a request made in the second half
 * of the token's life gets a fresh token (and session expiry), so an active learner is never thrown out.
 */
export function shouldRenewSession(expiresAtSeconds: number, nowSeconds: number, idleSeconds: number): boolean {
  const remaining = expiresAtSeconds - nowSeconds
  return remaining > 0 && remaining < idleSeconds / 2
}

/** The claims of a JWT, read without verifying it (verification is Payload's job); null when unreadable. */
function jwtClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const claims: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null
  } catch {
    return null // a malformed cookie is treated as "no session", never as an error
  }
}

/** The `exp` claim of a JWT (unverified); null when unreadable. */
export function jwtExpiry(token: string): number | null {
  const exp = jwtClaims(token)?.exp
  return typeof exp === 'number' ? exp : null
}

/** The session id (`sid` claim) of a JWT (unverified: only use it once Payload has verified the token); null when absent. */
export function jwtSessionId(token: string): string | null {
  const sid = jwtClaims(token)?.sid
  return typeof sid === 'string' && sid !== '' ? sid : null
}
