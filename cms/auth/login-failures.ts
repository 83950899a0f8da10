import type { Payload } from 'payload'
import { audit } from './audit.ts'
import { spendPasswordCheck } from './reauth.ts'

/**
 * Journals a failed sign-in and, when it locked the account, the lockout. Payload checks no password when the
 * email is unknown or the account already locked; the same check is spent here then, so a failure takes the
 * same time whether the account exists (site and REST sign-ins both come through here).
 */
export async function recordLoginFailure(
  payload: Payload,
  email: string | undefined,
  error: unknown,
  ip: string | null,
  password?: unknown,
): Promise<void> {
  const reason = error instanceof Error ? error.name : 'unknown'
  const normalised = email?.toLowerCase().trim()
  await audit(payload, { action: 'login.failure', subjectEmail: normalised, ip, details: { reason } })
  if (!normalised) return
  const { docs } = await payload.find({ collection: 'users', overrideAccess: true, depth: 0, limit: 1, where: { email: { equals: normalised } }, showHiddenFields: true })
  const account = docs[0] as { id: number; email: string; lockUntil?: string | null; loginAttempts?: number | null } | undefined
  const checked = account !== undefined && reason !== 'LockedAuth'
  if (!checked && typeof password === 'string') await spendPasswordCheck(password)
  // Journal the lockout once: on the failure that reached the limit, not on the attempts made while locked.
  if (account?.lockUntil && new Date(account.lockUntil) > new Date() && reason !== 'LockedAuth') {
    await audit(payload, { action: 'account.locked', subject: account, ip, details: { until: account.lockUntil } })
  }
}

