import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountByEmail } from '../helpers/portal.ts'
import { portalDeliveringMail, type startSmtpServer } from '../helpers/smtp.ts'

// The daily security checks on a real portal: findings read from accounts, the audit log and BACKUP_DIR, and the
// email to administrators when something needs action, once a day.

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'portail-security-backups-'))

beforeAll(async () => {
  process.env.BACKUP_DIR = backups
  ;({ smtp, payload } = await portalDeliveringMail())
}, 600_000)
afterAll(async () => {
  await smtp.close()
  fs.rmSync(backups, { recursive: true, force: true })
})

describe('daily security checks', () => {
  it('finds a locked account, failed sign-ins, a missing backup and an export, and emails administrators once a day', async () => {
    const { securityReport, dailySecurityChecks } = await import('#cms/security/report.ts')
    const { runDailyChecks } = await import('#cms/jobs/daily.ts')
    const { audit } = await import('#cms/auth/audit.ts')
    const trainer = await accountByEmail(payload, 'formateur@example.org')
    await payload.update({ collection: 'users', id: trainer.id, data: { lockUntil: new Date(Date.now() + 600_000).toISOString(), loginAttempts: 5 } as never, overrideAccess: true })
    for (let i = 0; i < 10; i += 1) await audit(payload, { action: 'login.failure', subjectEmail: 'formateur@example.org', ip: '203.0.113.9' })
    await audit(payload, { action: 'export.personalData', actor: { id: trainer.id, email: trainer.email }, details: { what: 'training-report', rows: 12 } })
    const now = new Date()

    const findings = await securityReport(payload, now, backups)
    const seen = findings.map((f) => `${f.kind}:${f.subject}`)
    expect(seen).toContain('backupMissing:BACKUP_DIR')
    expect(seen).toContain('accountLocked:formateur@example.org')
    expect(seen).toContain('failedSignInsAccount:formateur@example.org')
    expect(seen).toContain('personalDataExport:formateur@example.org')
    // Demo accounts are exempt from expiry; none was created a week ago.
    expect(seen.filter((s) => s.startsWith('passwordExpired') || s.startsWith('neverActivated'))).toEqual([])

    const first = await runDailyChecks(payload, now, [dailySecurityChecks])
    expect(first.ran).toEqual(['security-checks'])
    const mail = await smtp.waitFor('admin@example.org', /Contrôles de sécurité : \d+ point\(s\) à traiter/)
    expect(mail.text).toContain('formateur@example.org')
    expect(mail.text).toContain('Aucune sauvegarde trouvée')
    expect(mail.text).toContain('/exploitation/securite')
    // Nobody else gets it: only administrators.
    expect(smtp.messages.filter((m) => /Contrôles de sécurité/.test(m.subject ?? '')).map((m) => (m.to as { text: string }).text)).toEqual(['admin@example.org'])
    const again = await runDailyChecks(payload, new Date(now.getTime() + 60_000), [dailySecurityChecks])
    expect(again.skipped).toEqual(['security-checks'])
  })

  it('counts the newest backup of BACKUP_DIR', async () => {
    const { securityReport } = await import('#cms/security/report.ts')
    const { backupPortal } = await import('#cms/backup/run.ts')
    await backupPortal(payload, { dir: backups })
    const findings = await securityReport(payload, new Date(), backups)
    expect(findings.some((f) => f.kind === 'backupMissing' || f.kind === 'backupOld')).toBe(false)
    const tomorrow = await securityReport(payload, new Date(Date.now() + 27 * 3_600_000), backups)
    expect(tomorrow.find((f) => f.kind === 'backupOld')?.detail).toMatch(/La dernière sauvegarde a 2[67] heures/)
  })
})
