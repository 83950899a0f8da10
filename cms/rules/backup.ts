import { periodCode, periodOf, previousPeriod, type TPeriod } from './periods.ts'

// Backups as data: archive names, the retention rule and the manifest check (docs/operations.md).

/** `portail-20261201-023000.tar.gz`: the moment (UTC = Bamako) the snapshot was taken, sortable by name. */
export const BACKUP_NAME = /^portail-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.tar\.gz$/

export function backupName(at: Date): string {
  const iso = at.toISOString()
  return `portail-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.tar.gz`
}

/** When a backup was taken, from its name; null for a file that is not one of ours. */
export function backupDate(name: string): Date | null {
  const m = BACKUP_NAME.exec(name)
  if (!m) return null
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** How many of each kind are kept: the newest backup of each of the last 7 days, 4 ISO weeks and 12 months. */
export const RETENTION = { daily: 7, weekly: 4, monthly: 12 } as const

/**
 * Which backups to keep at `now`: for each of the last RETENTION.daily days (today included), RETENTION.weekly
 * ISO weeks and RETENTION.monthly months, the newest backup taken in it. Everything else may be deleted. Names
 * that are not backups are never listed (the caller leaves them alone), and backups dated after `now` (a clock
 * put back) are kept.
 */
export function backupsToKeep(names: readonly string[], now: Date, retention: { daily: number; weekly: number; monthly: number } = RETENTION): Set<string> {
  const dated = names.map((name) => ({ name, at: backupDate(name) })).filter((b): b is { name: string; at: Date } => b.at !== null)
  dated.sort((a, b) => b.at.getTime() - a.at.getTime())
  const keep = new Set(dated.filter((b) => b.at.getTime() > now.getTime()).map((b) => b.name))
  const rules: [type: 'day' | 'week' | 'month', count: number][] = [['day', retention.daily], ['week', retention.weekly], ['month', retention.monthly]]
  for (const [type, count] of rules) {
    const recent = new Set<string>()
    let cursor: TPeriod = periodOf(type, now)
    for (let i = 0; i < count; i += 1) {
      recent.add(periodCode(cursor))
      cursor = previousPeriod(cursor)
    }
    const seen = new Set<string>()
    for (const b of dated) {
      if (b.at.getTime() > now.getTime()) continue
      const code = periodCode(periodOf(type, b.at))
      if (recent.has(code) && !seen.has(code)) {
        seen.add(code)
        keep.add(b.name)
      }
    }
  }
  return keep
}

/** One file of an archive as the manifest lists it. */
export type TManifestFile = { path: string; size: number; sha256: string }

/** The manifest written in every archive (manifest.json), signed with the server secret (manifest.sig). */
export type TManifest = {
  format: 1
  createdAt: string
  database: 'sqlite' | 'mongodb'
  portalVersion: string
  /** Record counts per collection at the time of the snapshot, for the restore drill and the operator's check. */
  counts: Record<string, number>
  files: TManifestFile[]
}

/** A path inside an archive that could not escape the restore folder: relative, no `..`, no backslash, no NUL. */
export function safeArchivePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

/**
 * What is wrong with an archive's content against its manifest, in French (empty when it is sound): a file
 * missing, added, of another size or another SHA-256, or a path that would escape the restore folder.
 */
export function manifestProblems(manifest: Pick<TManifest, 'files'>, found: readonly TManifestFile[]): string[] {
  const problems: string[] = []
  const listed = new Map(manifest.files.map((f) => [f.path, f]))
  const seen = new Set<string>()
  for (const f of found) {
    if (!safeArchivePath(f.path)) {
      problems.push(`Chemin refusé dans l’archive : « ${f.path} ».`)
      continue
    }
    seen.add(f.path)
    const expected = listed.get(f.path)
    if (!expected) problems.push(`Fichier absent du manifeste : « ${f.path} ».`)
    else if (expected.size !== f.size || expected.sha256 !== f.sha256) problems.push(`Empreinte SHA-256 différente pour « ${f.path} » : le fichier a été modifié ou endommagé.`)
  }
  for (const f of manifest.files) {
    if (!safeArchivePath(f.path)) problems.push(`Chemin refusé dans le manifeste : « ${f.path} ».`)
    else if (!seen.has(f.path)) problems.push(`Fichier manquant dans l’archive : « ${f.path} ».`)
  }
  return problems
}
