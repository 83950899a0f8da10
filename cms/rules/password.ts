/** Minimum length of a password (docs/security.md). */
export const MIN_PASSWORD_LENGTH = 12

/** Why a password is refused; the keys map to French messages in the callers' dictionaries. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail'

/** The strength estimate the policy needs: a 0–4 score (zxcvbn scale). */
export type StrengthEstimator = (password: string, userInputs: string[]) => number

/**
 * The words of an email address a password must not be built on, lower-cased: the local part, the part before a
 * `+` tag, its pieces split on `.`, `+`, `-` and `_`, and those pieces joined (`test.faible+x@…` gives
 * `testfaible`, which a password like `testfaible123` would otherwise slip past).
 */
export function emailWords(email: string | undefined): { whole: string[]; pieces: string[] } {
  const local = email?.split('@')[0]?.toLowerCase() ?? ''
  if (!local) return { whole: [], pieces: [] }
  const base = local.split('+')[0] ?? ''
  const pieces = local.split(/[.+\-_]+/).filter(Boolean)
  const basePieces = base.split(/[.\-_]+/).filter(Boolean)
  const whole = [local, base, basePieces.join(''), pieces.join('')]
  return { whole: [...new Set(whole)].filter(Boolean), pieces: [...new Set(pieces)] }
}

const SEPARATORS = /[\s.+\-_]+/g

/**
 * Checks a candidate password against the policy: at least 12 characters, at most 256,
 * not built on the account's email, and a zxcvbn score of 3 or more (which refuses common passwords).
 * "Built on the email" is checked with and without separators on both sides; the pieces of the address are also
 * given to the estimator, which scores a password made of them as guessable.
 */
export function checkPassword(password: string, email: string | undefined, estimate: StrengthEstimator): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort'
  if (password.length > 256) return 'tooLong'
  const { whole, pieces } = emailWords(email)
  const lower = password.toLowerCase()
  const bare = lower.replace(SEPARATORS, '')
  const builtOn = whole.some((w) => w.replace(SEPARATORS, '').length >= 4 && (lower.includes(w) || bare.includes(w.replace(SEPARATORS, ''))))
  if (builtOn) return 'containsEmail'
  if (estimate(password, email ? [email.toLowerCase(), ...whole, ...pieces] : []) < 3) return 'common'
  return null
}

/** True when the password was last changed more than `maxAgeDays` ago (never changed counts as expired). */
export function isPasswordExpired(
  account: { passwordChangedAt?: string | Date | null; passwordExpiryExempt?: boolean | null },
  now: Date,
  maxAgeDays: number,
): boolean {
  if (account.passwordExpiryExempt) return false
  if (!account.passwordChangedAt) return true
  const changed = new Date(account.passwordChangedAt).getTime()
  return now.getTime() - changed > maxAgeDays * 24 * 60 * 60 * 1000
}
