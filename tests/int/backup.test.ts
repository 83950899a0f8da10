import { createClient } from '@libsql/client'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import type { Payload } from 'payload'
import tar from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupName } from '#cms/rules/backup.ts'
import { testPortal } from '../helpers/portal.ts'

// The restore drill and the backup's failure modes, on the test file's real portal (SQLite file + MEDIA_DIR):
// seed, back up, restore into an empty installation, compare every table's row count and every file's SHA-256;
// a corrupted or tampered archive is refused before anything is written; a full disk leaves the previous backup.

let payload: Payload
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portail-backup-'))
const secret = process.env.PAYLOAD_SECRET!
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const archive = () => import('#cms/backup/archive.ts')
const run = () => import('#cms/backup/run.ts')
let first: { file: string; counts: Record<string, number> }

/** Row count of every table of an SQLite file. */
async function tableCounts(file: string): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    const counts: Record<string, number> = {}
    for (const row of tables.rows) counts[String(row.name)] = Number((await client.execute(`SELECT count(*) AS n FROM "${String(row.name)}"`)).rows[0]!.n)
    return counts
  } finally {
    client.close()
  }
}

/** SHA-256 of every file under a folder, by relative path. */
function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex')
  }
  return out
}

/** Rewrites an archive, letting `change` alter any entry (name → bytes). */
async function rewrite(from: string, to: string, change: (entries: Map<string, Buffer>) => void) {
  const entries = new Map<string, Buffer>()
  const extract = tar.extract()
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => {
      entries.set(header.name, Buffer.concat(chunks))
      next()
    })
  })
  await pipeline(fs.createReadStream(from), zlib.createGunzip(), extract)
  change(entries)
  const pack = tar.pack()
  for (const [name, data] of entries) pack.entry({ name }, data)
  pack.finalize()
  await pipeline(pack, zlib.createGzip(), fs.createWriteStream(to))
}

const emptyTarget = (name: string) => ({ database: { kind: 'sqlite' as const, file: path.join(work, name, 'portal.db') }, mediaDir: path.join(work, name, 'media'), secret })

beforeAll(async () => {
  payload = await testPortal()
  // A private file too (a support screenshot), beside the toolkit PDFs the seed generated.
  const { submitSupportRequest } = await import('#cms/support/requests.ts')
  await submitSupportRequest(payload, { category: 'site', urgency: 'normal', description: 'Capture jointe pour la sauvegarde.', email: 'v@example.org', pageUrl: '/', browser: 'test', screenshot: { name: 'c.png', data: png, mimetype: 'image/png' } }, null)
}, 600_000)
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('the restore drill', () => {
  it('backs up, restores into an empty installation, and nothing is lost', async () => {
    const { backupPortal, recordCounts } = await run()
    const { restoreBackup } = await archive()
    const dir = path.join(work, 'backups')
    // An old archive the retention rule drops, and a foreign file it leaves alone.
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'portail-20200101-000000.tar.gz'), 'old')
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me')
    const counts = await recordCounts(payload)
    const result = await backupPortal(payload, { dir })
    first = { file: result.file, counts }
    expect(path.basename(result.file)).toMatch(/^portail-\d{8}-\d{6}\.tar\.gz$/)
    expect(result.manifest.counts).toEqual(counts)
    expect(result.deleted).toEqual(['portail-20200101-000000.tar.gz'])
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true)
    // The .sha256 beside the archive is what `sha256sum -c` checks after an off-site copy.
    const sum = fs.readFileSync(`${result.file}.sha256`, 'utf8').split(' ')[0]
    expect(sum).toBe(createHash('sha256').update(fs.readFileSync(result.file)).digest('hex'))
    expect(counts['support-screenshots']).toBeGreaterThanOrEqual(1)
    expect(counts.resources).toBeGreaterThan(10)

    const target = emptyTarget('restored')
    const manifest = await restoreBackup(result.file, target)
    expect(manifest.files.length).toBeGreaterThan(10)
    const restored = await tableCounts(target.database.file)
    const live = await tableCounts(process.env.DATABASE_URL!.slice('file:'.length))
    // Every table, row for row (the jobs table may have moved on in the running portal meanwhile).
    const { payload_jobs: _liveJobs, ...liveRest } = live
    const { payload_jobs: _restoredJobs, ...restoredRest } = restored
    expect(restoredRest).toEqual(liveRest)
    const integrity = createClient({ url: `file:${target.database.file}` })
    expect((await integrity.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok')
    integrity.close()
    expect(fileHashes(target.mediaDir)).toEqual(fileHashes(process.env.MEDIA_DIR!))
    expect(Object.keys(fileHashes(target.mediaDir)).some((f) => f.startsWith('private/support/'))).toBe(true)
  })

  it('restores only into an empty installation', async () => {
    const { restoreBackup } = await archive()
    const target = emptyTarget('occupied')
    fs.mkdirSync(path.dirname(target.database.file), { recursive: true })
    fs.writeFileSync(target.database.file, 'existing data')
    await expect(restoreBackup(first.file, target)).rejects.toThrow(/existe déjà/)
    expect(fs.readFileSync(target.database.file, 'utf8')).toBe('existing data')
    const files = emptyTarget('occupied-files')
    fs.mkdirSync(files.mediaDir, { recursive: true })
    fs.writeFileSync(path.join(files.mediaDir, 'x.pdf'), 'x')
    await expect(restoreBackup(first.file, files)).rejects.toThrow(/n’est pas vide/)
    expect(fs.existsSync(files.database.file)).toBe(false)
  })
})

describe('a damaged or tampered archive is refused before anything is written', () => {
  const refused = async (file: string, reason: RegExp, secretUsed = secret) => {
    const { restoreBackup } = await archive()
    const target = { ...emptyTarget(`refused-${path.basename(file)}`), secret: secretUsed }
    await expect(restoreBackup(file, target)).rejects.toThrow(reason)
    expect(fs.existsSync(target.database.file)).toBe(false)
    expect(fileHashes(target.mediaDir)).toEqual({})
    // Nothing left behind either: no unpacked copy beside the target.
    expect(fs.readdirSync(path.dirname(target.database.file)).filter((n) => n.startsWith('.restore-'))).toEqual([])
  }

  it('a file changed inside the archive', async () => {
    const file = path.join(work, 'changed-file.tar.gz')
    await rewrite(first.file, file, (entries) => {
      const name = [...entries.keys()].find((n) => n.startsWith('media/') && n.endsWith('.pdf'))!
      const bytes = Buffer.from(entries.get(name)!)
      const at = bytes.length - 40
      bytes[at] = bytes[at]! ^ 0xff
      entries.set(name, bytes)
    })
    await refused(file, /Empreinte SHA-256 différente pour « media\//)
  })

  it('a file added, or one removed', async () => {
    const added = path.join(work, 'added.tar.gz')
    await rewrite(first.file, added, (entries) => entries.set('media/extra.pdf', Buffer.from('%PDF-1.4')))
    await refused(added, /Fichier absent du manifeste : « media\/extra.pdf »/)
    const removed = path.join(work, 'removed.tar.gz')
    await rewrite(first.file, removed, (entries) => entries.delete('database/portal.db'))
    await refused(removed, /Fichier manquant dans l’archive : « database\/portal.db »/)
  })

  it('the manifest rewritten to match, or another server’s secret', async () => {
    const file = path.join(work, 'manifest.tar.gz')
    await rewrite(first.file, file, (entries) => {
      const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as { counts: Record<string, number> }
      manifest.counts.users = 0
      entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)))
    })
    await refused(file, /signature du manifeste ne correspond pas/)
    await refused(first.file, /signature du manifeste ne correspond pas/, 'another-secret-0123456789abcdef0123456789')
  })

  it('a truncated archive, and a path escaping the folder', async () => {
    const truncated = path.join(work, 'truncated.tar.gz')
    const bytes = fs.readFileSync(first.file)
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await refused(truncated, /Archive illisible/)
    const escaping = path.join(work, 'escaping.tar.gz')
    await rewrite(first.file, escaping, (entries) => entries.set('../evil.sh', Buffer.from('rm -rf /')))
    await refused(escaping, /Chemin refusé dans l’archive : « \.\.\/evil\.sh »/)
    expect(fs.existsSync(path.join(work, 'evil.sh'))).toBe(false)
  })
})

describe('a full disk during a backup', () => {
  it('leaves the previous backup untouched and reports the failure', async () => {
    const { backupPortal } = await run()
    const dir = path.join(work, 'full')
    fs.mkdirSync(dir)
    const size = fs.statSync(first.file).size
    const now = new Date(Date.now() + 3_600_000)
    let cleanup = () => {}
    if (process.getuid?.() === 0) {
      // A real file system that fills up: a tmpfs with room for one archive and a half.
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil((size * 1.5) / 4096) * 4096}`, 'tmpfs', dir])
      cleanup = () => execFileSync('umount', [dir])
    } else {
      // Without root no file system can be mounted: the archive being written is Linux's /dev/full, where every
      // write fails with ENOSPC exactly as on a full disk (the backup opens it by its name and writes into it).
      fs.symlinkSync('/dev/full', path.join(dir, `${backupName(now)}.partial`))
    }
    try {
      fs.copyFileSync(first.file, path.join(dir, path.basename(first.file)))
      const before = createHash('sha256').update(fs.readFileSync(path.join(dir, path.basename(first.file)))).digest('hex')
      await expect(backupPortal(payload, { dir, now })).rejects.toThrow(/Sauvegarde impossible \(disque plein.*Les sauvegardes précédentes .* sont intactes/s)
      expect(createHash('sha256').update(fs.readFileSync(path.join(dir, path.basename(first.file)))).digest('hex')).toBe(before)
      // No half archive, no snapshot folder left: only the previous backup.
      expect(fs.readdirSync(dir)).toEqual([path.basename(first.file)])
    } finally {
      cleanup()
    }
  })
})
