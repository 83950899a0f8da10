import crypto from 'node:crypto'
import { incrementLoginAttempts, resetLoginAttempts, type Payload, type PayloadRequest } from 'payload'

// Re-authentication: changing a password or an email address needs the current password, checked against the
// stored hash. Payload does not export its password check, so the two formats it stores are verified here the
// same way (PBKDF2-SHA256: `pbkdf2-sha256-v1:<hex>` with 600,000 iterations and 32 bytes, or the older bare hex
// with 25,000 iterations and 512 bytes). tests/int/reauth.test.ts proves the check against hashes Payload wrote,
// so a change of format in a Payload upgrade fails a test instead of locking people out silently.

const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

const pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number): Promise<Buffer> =>
  new Promise((resolve, reject) => crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) => (error ? reject(error) : resolve(key))))

/** True when `password` matches a hash and salt stored by Payload; compared in constant time. */
export async function passwordMatches(stored: Readonly<Record<string, unknown>>, password: string): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const current = stored.hash.startsWith(CURRENT_PREFIX)
  const expected = Buffer.from(current ? stored.hash.slice(CURRENT_PREFIX.length) : stored.hash, 'hex')
  const actual = await pbkdf2(password, stored.salt, current ? 600_000 : 25_000, current ? 32 : 512)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** A stored hash in the current format that no password matches: checking it costs what a real check costs. */
const NO_ACCOUNT = { salt: '00'.repeat(32), hash: `${CURRENT_PREFIX}${'00'.repeat(32)}` }

/**
 * Does the work of one password check for a request about an account that does not exist (or whose check was
 * skipped because it is locked), so sign-in, sign-up and reset take the same time whether the account exists.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  await passwordMatches(NO_ACCOUNT, password)
}

/** Outcome of a re-authentication. */
export type ReauthOutcome = 'ok' | 'missing' | 'wrong' | 'locked'

/**
 * Checks a signed-in person's current password. A wrong password counts as a failed sign-in (Payload's own
 * counter: 5 failures lock the account 15 minutes), so a stolen session cannot be used to guess the password.
 */
export async function verifyCurrentPassword(payload: Payload, userId: number | string, password: unknown, req?: Partial<PayloadRequest>): Promise<ReauthOutcome> {
  if (typeof password !== 'string' || password === '') return 'missing'
  if (password.length > 256) return 'wrong'
  // The adapter returns the stored record with hash, salt and lock fields (the API never exposes them).
  const account = await payload.db.findOne<Record<string, unknown> & { id: number | string }>({ collection: 'users', where: { id: { equals: userId } }, req })
  if (!account) return 'wrong'
  const collection = payload.collections.users.config
  if (typeof account.lockUntil === 'string' && new Date(account.lockUntil) > new Date()) {
    await spendPasswordCheck(password)
    return 'locked'
  }
  if (await passwordMatches(account, password)) {
    await resetLoginAttempts({ collection, doc: account as never, payload, req: req as PayloadRequest })
    return 'ok'
  }
  await incrementLoginAttempts({ collection, payload, user: account as never })
  return 'wrong'
}
