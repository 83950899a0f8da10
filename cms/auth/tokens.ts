import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import type { Payload, PayloadRequest } from 'payload'

// The portal's own secrets (email links, RSVP links, calendar feeds, certificate codes) follow the Lucia guide:
// `<id>.<secret>`, 20 random bytes each, only the SHA-256 of the secret is stored, looked up by id and compared
// in constant time, with an expiry and single use. Sessions are NOT here: they are Payload's own.

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/**
 * What a token may be used for: how long it lives and whether one use spends it.
 * - `invite`, `reset`, `verify`: email links, single use, short-lived.
 * - `rsvp`: the answer link of a meeting invitation. It lives until the meeting (the caller gives `expiresAt`, at
 *   most a year ahead) and is NOT spent by one use, so that the invitee can change their answer; it is bound to the
 *   meeting (`subject`), so the link of one meeting answers nothing about another.
 * - `calendarFeed`: the secret address of a person's calendar feed, read by calendar software every few hours:
 *   not single use, long-lived (one year, then a new address is issued), revocable, and one per person (issuing a
 *   new one revokes the previous address).
 */
export const TOKEN_PURPOSES = {
  invite: { lifetime: 7 * DAY, singleUse: true, onePerPerson: false, expiryFromCaller: false },
  reset: { lifetime: HOUR, singleUse: true, onePerPerson: false, expiryFromCaller: false },
  verify: { lifetime: 48 * HOUR, singleUse: true, onePerPerson: false, expiryFromCaller: false },
  /** Confirms a change of email address; sent to the new address. */
  emailChange: { lifetime: 24 * HOUR, singleUse: true, onePerPerson: true, expiryFromCaller: false },
  rsvp: { lifetime: 366 * DAY, singleUse: false, onePerPerson: false, expiryFromCaller: true },
  calendarFeed: { lifetime: 365 * DAY, singleUse: false, onePerPerson: true, expiryFromCaller: false },
} as const
export type TokenPurpose = keyof typeof TOKEN_PURPOSES

/**
 * When a token issued now expires. For purposes whose expiry the caller gives (an RSVP: the meeting's end), that
 * date is used, capped by the purpose's lifetime; it must be in the future.
 */
export function tokenExpiry(purpose: TokenPurpose, now: Date, until?: Date): Date {
  const policy = TOKEN_PURPOSES[purpose]
  const longest = new Date(now.getTime() + policy.lifetime)
  if (!policy.expiryFromCaller) {
    if (until) throw new Error(`A ${purpose} token has a fixed lifetime: do not pass expiresAt.`)
    return longest
  }
  if (!until) throw new Error(`A ${purpose} token needs expiresAt (for an RSVP: the end of the meeting).`)
  if (until <= now) throw new Error(`A ${purpose} token cannot expire in the past (${until.toISOString()}).`)
  return until < longest ? until : longest
}

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

/**
 * Creates a token for a person and purpose; returns the clear token, to be sent once and never stored.
 * `options.subject` binds it to one thing (`meetings:12` for an RSVP); `options.expiresAt` is required for
 * purposes whose expiry the caller gives (see TOKEN_PURPOSES).
 */
export async function issueToken(
  payload: Payload,
  purpose: TokenPurpose,
  userId: number | string,
  now = new Date(),
  req?: Partial<PayloadRequest>,
  options: { expiresAt?: Date; subject?: string } = {},
): Promise<string> {
  const expiresAt = tokenExpiry(purpose, now, options.expiresAt)
  if (purpose === 'rsvp' && !options.subject) throw new Error('An rsvp token needs a subject: the meeting it answers, as `meetings:<id>`.')
  if (TOKEN_PURPOSES[purpose].onePerPerson) await revokeTokens(payload, userId, [purpose], req)
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
      subject: options.subject,
      expiresAt: expiresAt.toISOString(),
    },
  })
  return `${id}.${secret}`
}

/**
 * Finds the unused, unexpired token; returns its user id without using it up (to show a form). A token bound to
 * a subject (an RSVP) is found only when the caller names that same subject.
 */
export async function checkToken(payload: Payload, token: string, purposes: TokenPurpose[], now = new Date(), subject?: string) {
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
  // A token bound to a subject answers for that subject only, and an unbound one for none.
  if ((record.subject ?? null) !== (subject ?? null)) return null
  return { recordId: record.id, purpose: record.purpose, subject: record.subject ?? null, userId: typeof record.user === 'object' ? record.user.id : record.user }
}

/**
 * Uses a token and returns its user and purpose, or null when it is unknown, used, expired or bound to another
 * subject. Single-use purposes are spent; reusable ones (`rsvp`, `calendarFeed`) stay valid until they expire or
 * are revoked.
 */
export async function consumeToken(payload: Payload, token: string, purposes: TokenPurpose[], now = new Date(), subject?: string) {
  const found = await checkToken(payload, token, purposes, now, subject)
  if (!found) return null
  if (!TOKEN_PURPOSES[found.purpose].singleUse) return found
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

/**
 * Removes every outstanding token of a person for the given purposes (all of them after a password change; a new
 * calendar feed address), or only those bound to `subject` (a cancelled meeting's RSVP links).
 */
export async function revokeTokens(payload: Payload, userId: number | string, purposes: TokenPurpose[] = ALL_TOKEN_PURPOSES, req?: Partial<PayloadRequest>, subject?: string): Promise<void> {
  await payload.delete({
    collection: 'auth-tokens',
    overrideAccess: true,
    req,
    where: { user: { equals: userId }, purpose: { in: purposes }, ...(subject === undefined ? {} : { subject: { equals: subject } }) },
  })
}
