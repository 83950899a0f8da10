import type { Payload } from 'payload'
import { audit } from './audit.ts'

/** Journals a failed sign-in and, when it locked the account, the lockout. */
export async function recordLoginFailure(
  payload: Payload,
  email: string | undefined,
  error: unknown,
  ip: string | null,
): Promise<void> {
  const reason = error instanceof Error ? error.name : 'unknown'
  const normalised = email?.toLowerCase().trim()
  await audit(payload, { action: 'login.failure', subjectEmail: normalised, ip, details: { reason } })
  if (!normalised) return
  const { docs } = await payload.find({ collection: 'users', overrideAccess: true, depth: 0, limit: 1, where: { email: { equals: normalised } }, showHiddenFields: true })
  const account = docs[0] as { id: number; email: string; lockUntil?: string | null; loginAttempts?: number | null } | undefined
  // Journal the lockout once: on the failure that reached the limit, not on the attempts made while locked.
  if (account?.lockUntil && new Date(account.lockUntil) > new Date() && reason !== 'LockedAuth') {
    await audit(payload, { action: 'account.locked', subject: account, ip, details: { until: account.lockUntil } })
  }
}

