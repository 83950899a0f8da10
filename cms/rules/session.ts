/**
 * Sessions end after `idleSeconds` without use and are renewed while in use: a request made in the second half
 * of the token's life gets a fresh token (and session expiry), so an active learner is never thrown out.
 */
export function shouldRenewSession(expiresAtSeconds: number, nowSeconds: number, idleSeconds: number): boolean {
  const remaining = expiresAtSeconds - nowSeconds
  return remaining > 0 && remaining < idleSeconds / 2
}

/** Reads the `exp` claim of a JWT without verifying it (verification is Payload's job); null when unreadable. */
export function jwtExpiry(token: string): number | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { exp?: unknown }
    return typeof claims.exp === 'number' ? claims.exp : null
  } catch {
    return null // a malformed cookie is treated as "no session", never as an error
  }
}
