/** Minimum length of a password (DESIGN.md §6). */
export const MIN_PASSWORD_LENGTH = 12

/** Why a password is refused; the keys map to French messages in the callers' dictionaries. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail'

/** The strength estimate the policy needs: a 0–4 score (zxcvbn scale). */
export type StrengthEstimator = (password: string, userInputs: string[]) => number

/**
 * Checks a candidate password against the policy: at least 12 characters, at most 256,
 * not built on the account's email, and a zxcvbn score of 3 or more (which refuses common passwords).
 */
export function checkPassword(password: string, email: string | undefined, estimate: StrengthEstimator): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort'
  if (password.length > 256) return 'tooLong'
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return 'containsEmail'
  if (estimate(password, email ? [email, local ?? ''] : []) < 3) return 'common'
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
