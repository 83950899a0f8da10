import { describe, expect, it } from 'vitest'
import { needsAction, securityFindings, type TCheckedAccount } from './security-checks.ts'

const now = new Date('2026-12-01T06:00:00.000Z')
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString()
const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString()
const account = (over: Partial<TCheckedAccount>): TCheckedAccount => ({
  id: 1, name: 'Awa Traoré', email: 'awa@example.org', roles: ['trainer'], active: true, createdAt: daysAgo(200), passwordChangedAt: daysAgo(10), lastSignInAt: daysAgo(1), ...over,
})
const quiet = { accounts: [account({})], failures: [], lastBackupAt: hoursAgo(4), exports: [] }
const kinds = (input: Parameters<typeof securityFindings>[0]) => securityFindings(input, now).map((f) => `${f.kind}:${f.subject}`)

describe('securityFindings', () => {
  it('finds nothing on a quiet day', () => {
    expect(securityFindings(quiet, now)).toEqual([])
    expect(needsAction([])).toBe(false)
  })

  it('passwords: expired (never changed counts), expiring within 14 days, exempt accounts ignored', () => {
    const found = kinds({ ...quiet, accounts: [
      account({ email: 'old@x.org', passwordChangedAt: daysAgo(91) }),
      account({ email: 'never@x.org', passwordChangedAt: null }),
      account({ email: 'soon@x.org', passwordChangedAt: daysAgo(80) }),
      account({ email: 'fine@x.org', passwordChangedAt: daysAgo(75) }),
      account({ email: 'demo@x.org', passwordChangedAt: daysAgo(400), passwordExpiryExempt: true }),
    ] })
    expect(found).toEqual(['passwordExpired:old@x.org', 'passwordExpired:never@x.org', 'passwordExpiringSoon:soon@x.org'])
    const soon = securityFindings({ ...quiet, accounts: [account({ passwordChangedAt: '2026-09-12T06:00:00.000Z' })] }, now)[0]!
    expect(soon.detail).toBe('Le mot de passe de Awa Traoré expire le 11/12/2026.')
    expect(soon.action).toBe(false)
  })

  it('locked accounts while the lock lasts only; deactivated accounts are left out', () => {
    expect(kinds({ ...quiet, accounts: [
      account({ email: 'locked@x.org', lockUntil: new Date(now.getTime() + 600_000).toISOString() }),
      account({ email: 'was@x.org', lockUntil: hoursAgo(1) }),
      account({ email: 'off@x.org', active: false, lockUntil: new Date(now.getTime() + 600_000).toISOString(), passwordChangedAt: null }),
    ] })).toEqual(['accountLocked:locked@x.org'])
  })

  it('unusual failed sign-ins in the last 24 hours, per account and per address', () => {
    const failures = [
      ...Array.from({ length: 10 }, (_, i) => ({ at: hoursAgo(i + 1), email: 'Awa@example.org', ip: `10.0.0.${i}` })),
      ...Array.from({ length: 20 }, (_, i) => ({ at: hoursAgo(2), email: `x${i}@x.org`, ip: '203.0.113.5' })),
      // Older than a day, and one below the threshold: not counted.
      ...Array.from({ length: 30 }, () => ({ at: hoursAgo(25), email: 'old@x.org', ip: '198.51.100.1' })),
      ...Array.from({ length: 9 }, () => ({ at: hoursAgo(1), email: 'nine@x.org', ip: null })),
    ]
    const found = securityFindings({ ...quiet, failures }, now)
    expect(found.map((f) => `${f.kind}:${f.subject}`)).toEqual(['failedSignInsAccount:awa@example.org', 'failedSignInsAddress:203.0.113.5'])
    expect(found[0]!.detail).toBe('10 échecs de connexion en 24 heures sur ce compte (seuil 10).')
    expect(needsAction(found)).toBe(true)
  })

  it('administrators not signed in for 90 days (created that long ago without any sign-in too)', () => {
    expect(kinds({ ...quiet, accounts: [
      account({ email: 'a1@x.org', roles: ['admin'], lastSignInAt: daysAgo(90) }),
      account({ email: 'a2@x.org', roles: ['admin'], lastSignInAt: daysAgo(89) }),
      account({ email: 't@x.org', roles: ['trainer'], lastSignInAt: daysAgo(300) }),
    ] })).toEqual(['adminInactive:a1@x.org'])
  })

  it('accounts never activated after 7 days', () => {
    expect(kinds({ ...quiet, accounts: [
      account({ email: 'new@x.org', createdAt: daysAgo(3), lastSignInAt: null }),
      account({ email: 'stale@x.org', createdAt: daysAgo(7), lastSignInAt: null }),
    ] })).toEqual(['neverActivated:stale@x.org'])
  })

  it('the last good backup: missing, or older than 26 hours', () => {
    expect(kinds({ ...quiet, lastBackupAt: null })).toEqual(['backupMissing:BACKUP_DIR'])
    expect(kinds({ ...quiet, lastBackupAt: hoursAgo(26) })).toEqual(['backupOld:BACKUP_DIR'])
    expect(kinds({ ...quiet, lastBackupAt: hoursAgo(25) })).toEqual([])
  })

  it('personal-data exports of the last day, as information', () => {
    const found = securityFindings({ ...quiet, exports: [
      { at: hoursAgo(3), actorEmail: 'coordination@example.org', what: 'training-report', rows: 24 },
      { at: hoursAgo(30), actorEmail: 'old@example.org', what: 'x', rows: 1 },
    ] }, now)
    expect(found).toEqual([{ kind: 'personalDataExport', action: false, subject: 'coordination@example.org', detail: 'Export « training-report » (24 lignes) le 01/12/2026 à 03:00 (UTC).' }])
    expect(needsAction(found)).toBe(false)
  })

  it('lists what needs action first', () => {
    const found = securityFindings({ ...quiet, lastBackupAt: null, accounts: [account({ passwordChangedAt: null })] }, now)
    expect(found.map((f) => f.kind)).toEqual(['backupMissing', 'passwordExpired'])
  })
})
