import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import type { Payload, PayloadRequest } from 'payload'

// The portal's own secrets (email links, RSVP links, calendar feeds, certificate codes) follow the Lucia guide:
// `<id>.<secret>`, 20 random bytes each, only the SHA-256 of the secret is stored, looked up by id and compared
// in constant time, with an expiry and single use. Sessions are NOT here: they are Payload's own.

/** What a token may be used for, with its lifetime. */
export const TOKEN_PURPOSES = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
  verify: 48 * 60 * 60 * 1000,
  /** Confirms a change of email address; sent to the new address. */
  emailChange: 24 * 60 * 60 * 1000,
} as const
export type TokenPurpose = keyof typeof TOKEN_PURPOSES

const randomPart = (): string => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))

/** SHA-256 of a secret, hex encoded: the only form a secret is ever stored in. */
export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)))
}

/** Splits `<id>.<secret>`; anything else (too long, wrong alphabet) is null. */
export function parseToken(token: string): { id: string; secret: string } | null {
  const match = /^([a-z2-7]{32})\.([a-z2-7]{32})$/.exec(token)
  return match ? { id: match[1]!, secret: match[2]! } : null
}

/** Compares a presented secret with the stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = new TextEncoder().encode(hashSecret(secret))
  const b = new TextEncoder().encode(storedHash)
  return a.length === b.length && constantTimeEqual(a, b)
}

/** Creates a token for a person and purpose; returns the clear token, to be sent once and never stored. */
export async function issueToken(
  payload: Payload,
  purpose: TokenPurpose,
  userId: number | string,
  now = new Date(),
  req?: Partial<PayloadRequest>,
): Promise<string> {
  const id = randomPart()
  const secret = randomPart()
  await payload.create({
    collection: 'auth-tokens',
    overrideAccess: true,
    req,
    data: {
      tokenId: id,
      secretHash: hashSecret(secret),
      purpose,
      user: userId as number,
      expiresAt: new Date(now.getTime() + TOKEN_PURPOSES[purpose]).toISOString(),
    },
  })
  return `${id}.${secret}`
}

/** Finds the unused, unexpired token; returns its user id without using it up (to show a form). */
export async function checkToken(payload: Payload, token: string, purposes: TokenPurpose[], now = new Date()) {
  const parsed = parseToken(token)
  if (!parsed) return null
  const { docs } = await payload.find({
    collection: 'auth-tokens',
    overrideAccess: true,
    depth: 0,
    limit: 1,
    where: { tokenId: { equals: parsed.id }, purpose: { in: purposes } },
  })
  const record = docs[0]
  if (!record || record.usedAt || new Date(record.expiresAt) <= now) return null
  if (!secretMatches(parsed.secret, record.secretHash)) return null
  return { recordId: record.id, purpose: record.purpose, userId: typeof record.user === 'object' ? record.user.id : record.user }
}

/** Uses a token up (single use) and returns its user and purpose, or null when it is unknown, used or expired. */
export async function consumeToken(payload: Payload, token: string, purposes: TokenPurpose[], now = new Date()) {
  const found = await checkToken(payload, token, purposes, now)
  if (!found) return null
  // The `usedAt: exists false` condition makes two concurrent uses race to one winner.
  const { docs } = await payload.update({
    collection: 'auth-tokens',
    overrideAccess: true,
    where: { id: { equals: found.recordId }, usedAt: { exists: false } },
    data: { usedAt: now.toISOString() },
  })
  return docs.length === 1 ? found : null
}

/** Every purpose: a password change revokes them all. */
export const ALL_TOKEN_PURPOSES = Object.keys(TOKEN_PURPOSES) as TokenPurpose[]

/** Removes every outstanding token of a person for the given purposes (all of them after a password change). */
export async function revokeTokens(payload: Payload, userId: number | string, purposes: TokenPurpose[] = ALL_TOKEN_PURPOSES, req?: Partial<PayloadRequest>): Promise<void> {
  await payload.delete({
    collection: 'auth-tokens',
    overrideAccess: true,
    req,
    where: { user: { equals: userId }, purpose: { in: purposes } },
  })
}
