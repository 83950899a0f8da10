import type { Payload } from 'payload'
import { backupDir, latestBackup } from '../backup/archive.ts'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import { securityDigest } from '../email/templates.ts'
import { idOf } from '../fields/relations.ts'
import type { TDailyCheck } from '../jobs/daily.ts'
import { needsAction, SECURITY_SETTINGS, securityFindings, type TFinding } from '../rules/security-checks.ts'

const DAY = 86_400_000

/**
 * Reads what the security checks need, as the system, and returns the day's findings (rule: securityFindings in
 * cms/rules/security-checks.ts): accounts with their lock and last successful sign-in (audit log), the last day's
 * failed sign-ins and personal-data exports, and the newest archive of BACKUP_DIR.
 */
export async function securityReport(payload: Payload, now = new Date(), dir = backupDir()): Promise<TFinding[]> {
  const sys = { overrideAccess: true, depth: 0, pagination: false } as const
  const since = new Date(now.getTime() - DAY).toISOString()
  const users = await payload.find({
    collection: 'users',
    ...sys,
    showHiddenFields: true,
    select: { name: true, email: true, roles: true, active: true, createdAt: true, passwordChangedAt: true, passwordExpiryExempt: true, lockUntil: true },
  })
  const signIns = await payload.find({ collection: 'audit-log', ...sys, where: { action: { equals: 'login.success' } }, select: { subject: true, createdAt: true }, sort: '-createdAt' })
  const lastSignIn = new Map<string, string>()
  for (const entry of signIns.docs) {
    const subject = String(idOf(entry.subject))
    if (!lastSignIn.has(subject)) lastSignIn.set(subject, entry.createdAt)
  }
  const failures = await payload.find({ collection: 'audit-log', ...sys, where: { and: [{ action: { equals: 'login.failure' } }, { createdAt: { greater_than: since } }] }, select: { subjectEmail: true, ip: true, createdAt: true } })
  const exports = await payload.find({ collection: 'audit-log', ...sys, where: { and: [{ action: { equals: 'export.personalData' } }, { createdAt: { greater_than: since } }] }, select: { actorEmail: true, details: true, createdAt: true } })
  const backup = await latestBackup(dir)
  return securityFindings(
    {
      accounts: users.docs.map((u) => ({ ...u, email: u.email ?? '', roles: u.roles ?? [], lastSignInAt: lastSignIn.get(String(u.id)) ?? null })),
      failures: failures.docs.map((f) => ({ at: f.createdAt, email: f.subjectEmail, ip: f.ip })),
      exports: exports.docs.map((e) => {
        const details = (e.details ?? {}) as { what?: string; rows?: number }
        return { at: e.createdAt, actorEmail: e.actorEmail, what: details.what ?? null, rows: details.rows ?? null }
      }),
      lastBackupAt: backup ? backup.at.toISOString() : null,
    },
    now,
    { ...SECURITY_SETTINGS, passwordMaxAgeDays: env.PASSWORD_MAX_AGE_DAYS },
  )
}

/** The daily security checks: when something needs action, every active administrator gets the list by email. */
export const dailySecurityChecks: TDailyCheck = {
  name: 'security-checks',
  run: async (payload, now) => {
    const findings = await securityReport(payload, now)
    if (!needsAction(findings)) return
    const admins = await payload.find({ collection: 'users', where: { and: [{ roles: { contains: 'admin' } }, { active: { not_equals: false } }] }, overrideAccess: true, depth: 0, pagination: false, select: { email: true } })
    const mail = securityDigest(findings, `${env.publicUrl}/exploitation/securite`)
    for (const admin of admins.docs) if (admin.email) await queueEmail(payload, { to: admin.email, ...mail })
  },
}
