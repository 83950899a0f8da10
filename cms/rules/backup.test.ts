import { describe, expect, it } from 'vitest'
import { backupDate, backupName, backupsToKeep, manifestProblems, safeArchivePath } from './backup.ts'

const at = (iso: string) => new Date(iso)

describe('backup names', () => {
  it('are dated, sortable and read back', () => {
    expect(backupName(at('2026-12-01T02:30:05.123Z'))).toBe('portail-20261201-023005.tar.gz')
    expect(backupDate('portail-20261201-023005.tar.gz')?.toISOString()).toBe('2026-12-01T02:30:05.000Z')
  })
  it('ignore other files', () => {
    expect(backupDate('notes.txt')).toBeNull()
    expect(backupDate('portail-20261301-023005.tar.gz')).toBeNull()
    expect(backupDate('portail-20261201-023005.tar.gz.partial')).toBeNull()
  })
})

describe('backupsToKeep (7 daily, 4 weekly, 12 monthly)', () => {
  // One backup every day at 02:00 for 400 days, up to 2026-12-01 (a Tuesday).
  const now = at('2026-12-01T12:00:00Z')
  const names = Array.from({ length: 400 }, (_, i) => backupName(new Date(now.getTime() - 10 * 3_600_000 - i * 86_400_000)))
  const keep = backupsToKeep(names, now)

  it('keeps the last 7 days', () => {
    for (let i = 0; i < 7; i += 1) expect(keep.has(names[i]!)).toBe(true)
    // 8 days ago is not a daily, and not the newest of its week (Monday 23 Nov's week ends on Sunday 29th).
    expect(keep.has(names[8]!)).toBe(false)
  })
  it('keeps the newest of each of the last 4 weeks and 12 months, and nothing else', () => {
    expect(keep.has('portail-20261122-020000.tar.gz')).toBe(true) // Sunday of week 47
    expect(keep.has('portail-20261115-020000.tar.gz')).toBe(true) // Sunday of week 46
    expect(keep.has('portail-20261108-020000.tar.gz')).toBe(false) // week 45: five weeks back
    expect(keep.has('portail-20261031-020000.tar.gz')).toBe(true) // last of October
    expect(keep.has('portail-20260131-020000.tar.gz')).toBe(true) // last of January (12th month back)
    expect(keep.has('portail-20251231-020000.tar.gz')).toBe(false) // 13th month back
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12)
    expect(keep.size).toBeGreaterThanOrEqual(12 + 7)
  })
  it('keeps the newest of several backups the same day', () => {
    const kept = backupsToKeep(['portail-20261201-010000.tar.gz', 'portail-20261201-090000.tar.gz'], now)
    expect([...kept]).toEqual(['portail-20261201-090000.tar.gz'])
  })
  it('keeps backups from the future (a clock put back) and never lists foreign files', () => {
    const kept = backupsToKeep(['portail-20271201-010000.tar.gz', 'readme.txt'], now)
    expect([...kept]).toEqual(['portail-20271201-010000.tar.gz'])
  })
})

describe('manifestProblems', () => {
  const manifest = { files: [{ path: 'database/portal.db', size: 10, sha256: 'aa' }, { path: 'media/x.pdf', size: 3, sha256: 'bb' }] }
  it('accepts an archive that matches', () => {
    expect(manifestProblems(manifest, manifest.files)).toEqual([])
  })
  it('names a modified, a missing and an added file', () => {
    const problems = manifestProblems(manifest, [{ path: 'database/portal.db', size: 10, sha256: 'ab' }, { path: 'media/y.pdf', size: 1, sha256: 'cc' }])
    expect(problems).toEqual([
      'Empreinte SHA-256 différente pour « database/portal.db » : le fichier a été modifié ou endommagé.',
      'Fichier absent du manifeste : « media/y.pdf ».',
      'Fichier manquant dans l’archive : « media/x.pdf ».',
    ])
  })
  it('refuses paths that would escape the restore folder', () => {
    expect(manifestProblems({ files: [] }, [{ path: '../etc/passwd', size: 1, sha256: 'x' }])).toEqual(['Chemin refusé dans l’archive : « ../etc/passwd ».'])
    for (const bad of ['/etc/passwd', 'media/../../x', 'a\\b', '', 'a//b', './a']) expect(safeArchivePath(bad)).toBe(false)
    expect(safeArchivePath('media/private/support/capture.png')).toBe(true)
  })
})
