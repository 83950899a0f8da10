import { execFile } from 'node:child_process'
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import tar from 'tar-stream'
import { backupDate, backupName, backupsToKeep, manifestProblems, safeArchivePath, type TManifest, type TManifestFile } from '../rules/backup.ts'

// One dated archive per backup: the database snapshot and every uploaded file, with a manifest of SHA-256 sums
// signed with the server secret (docs/operations.md). Written beside its final name and renamed only when
// complete, so a failure (full disk…) leaves the previous backups untouched and no half archive. Restore checks
// everything before it touches the installation.

const run = promisify(execFile)

/** BACKUP_DIR, by default data/backups. */
export const backupDir = (): string => path.resolve(process.cwd(), process.env.BACKUP_DIR || path.join('data', 'backups'))

/** What a backup reads: the database (a snapshot function writes it into the folder given) and the files folder. */
export type TBackupSource = {
  database: 'sqlite' | 'mongodb'
  /** Writes a consistent snapshot of the database into `folder` (one file per database kind) and returns its path. */
  snapshot: (folder: string) => Promise<string>
  mediaDir: string
  counts: Record<string, number>
  portalVersion: string
  secret: string
}

export type TBackupResult = { file: string; manifest: TManifest; deleted: string[] }

/** Lists every file under a folder, relative paths with `/`, sorted; an absent folder has none. */
async function filesUnder(root: string, skip?: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string) => {
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    })
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (skip && full === skip) continue
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  await walk(root)
  return out.sort()
}

/** Adds one file to the tar stream while hashing it; resolves with its manifest line. */
function addFile(pack: tar.Pack, archivePath: string, file: string): Promise<TManifestFile> {
  return new Promise((resolve, reject) => {
    fs.stat(file, (statError, stat) => {
      if (statError) return reject(statError)
      const hash = createHash('sha256')
      const entry = pack.entry({ name: archivePath, size: stat.size, mode: 0o600, mtime: stat.mtime }, (error) => (error ? reject(error) : resolve({ path: archivePath, size: stat.size, sha256: hash.digest('hex') })))
      // Only the bytes present when the file was measured: a file still growing is read up to that size.
      const input = stat.size === 0 ? null : fs.createReadStream(file, { start: 0, end: stat.size - 1 })
      if (!input) return void entry.end()
      input.on('data', (chunk) => hash.update(chunk))
      input.on('error', reject)
      input.pipe(entry)
    })
  })
}

const sign = (manifest: Buffer, secret: string): string => createHmac('sha256', secret).update(manifest).digest('hex')

/**
 * Takes one backup into `dir`: the database snapshot and MEDIA_DIR's files, then manifest.json and manifest.sig,
 * gzipped into `portail-<date>-<time>.tar.gz` (and a `.sha256` beside it for copies made elsewhere). Then applies
 * the retention rule (7 daily, 4 weekly, 12 monthly) to the archives of the folder. Throws a French message on
 * failure, after removing what it had started.
 */
export async function createBackup(source: TBackupSource, options: { dir?: string; now?: Date } = {}): Promise<TBackupResult> {
  const dir = options.dir ?? backupDir()
  const now = options.now ?? new Date()
  await fsp.mkdir(dir, { recursive: true })
  const name = backupName(now)
  const final = path.join(dir, name)
  const partial = `${final}.partial`
  const work = path.join(dir, `.snapshot-${randomBytes(6).toString('hex')}`)
  try {
    await fsp.mkdir(work)
    const snapshot = await source.snapshot(work)
    const files: TManifestFile[] = []
    const pack = tar.pack()
    const written = pipeline(pack, zlib.createGzip(), fs.createWriteStream(partial))
    // The write side can fail at any moment (full disk): stop feeding the archive at once rather than wait for an
    // entry the dead stream will never take.
    const failed = written.then(() => new Promise<never>(() => {}))
    failed.catch(() => {})
    const add = async (archivePath: string, file: string) => {
      files.push(await Promise.race([addFile(pack, archivePath, file), failed]))
    }
    await add(`database/${path.basename(snapshot)}`, snapshot)
    const skip = path.resolve(dir).startsWith(path.resolve(source.mediaDir) + path.sep) ? path.resolve(dir) : undefined
    for (const relative of await filesUnder(source.mediaDir, skip)) await add(`media/${relative}`, path.join(source.mediaDir, relative))
    const manifest: TManifest = { format: 1, createdAt: now.toISOString(), database: source.database, portalVersion: source.portalVersion, counts: source.counts, files }
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2))
    pack.entry({ name: 'manifest.json', size: manifestBytes.length, mode: 0o600 }, manifestBytes)
    pack.entry({ name: 'manifest.sig', mode: 0o600 }, sign(manifestBytes, source.secret))
    pack.finalize()
    await written
    const archiveSum = createHash('sha256')
    await pipeline(fs.createReadStream(partial), archiveSum)
    await fsp.writeFile(`${final}.sha256`, `${archiveSum.digest('hex')}  ${name}\n`)
    await fsp.rename(partial, final)
    const deleted = await applyRetention(dir, now)
    return { file: final, manifest, deleted }
  } catch (error) {
    await fsp.rm(partial, { force: true })
    await fsp.rm(`${final}.sha256`, { force: true })
    const reason = error instanceof Error ? error.message : String(error)
    const full = /ENOSPC|EDQUOT|SQLITE_FULL|disk is full/.test(reason) ? ' (disque plein : libérez de la place ou changez BACKUP_DIR)' : ''
    throw new Error(`Sauvegarde impossible${full} : ${reason}. Les sauvegardes précédentes de ${dir} sont intactes.`, { cause: error })
  } finally {
    await fsp.rm(work, { recursive: true, force: true })
  }
}

/** Deletes the archives of `dir` the retention rule does not keep (and their .sha256); returns their names. */
export async function applyRetention(dir: string, now: Date): Promise<string[]> {
  const names = (await fsp.readdir(dir)).filter((n) => backupDate(n) !== null)
  const keep = backupsToKeep(names, now)
  const gone = names.filter((n) => !keep.has(n))
  for (const n of gone) {
    await fsp.rm(path.join(dir, n), { force: true })
    await fsp.rm(path.join(dir, `${n}.sha256`), { force: true })
  }
  return gone
}

/** The newest complete archive of a folder (by its name's date), or null. */
export async function latestBackup(dir: string = backupDir()): Promise<{ file: string; at: Date } | null> {
  const names = (await fsp.readdir(dir).catch(() => [] as string[])).filter((n) => backupDate(n) !== null).sort()
  const last = names.at(-1)
  return last ? { file: path.join(dir, last), at: backupDate(last)! } : null
}

/**
 * Unpacks an archive into `into` while hashing each file, then checks it: manifest present and signed with this
 * secret, every file listed with its size and SHA-256, nothing more, no path leaving the folder. Returns the
 * manifest; throws a French message listing the problems otherwise. Nothing outside `into` is written.
 */
export async function unpackAndVerify(archive: string, into: string, secret: string): Promise<TManifest> {
  const found: TManifestFile[] = []
  const small = new Map<string, Buffer>()
  const extract = tar.extract()
  extract.on('entry', (header, stream, next) => {
    const name = header.name
    const done = (error?: unknown) => (error ? next(error) : next())
    if (header.type !== 'file' || !safeArchivePath(name)) {
      found.push({ path: name, size: header.size ?? 0, sha256: '' })
      stream.resume()
      return void stream.on('end', done)
    }
    if (name === 'manifest.json' || name === 'manifest.sig') {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      return void stream.on('end', () => {
        small.set(name, Buffer.concat(chunks))
        done()
      })
    }
    const target = path.join(into, name)
    const hash = createHash('sha256')
    let size = 0
    // Hash what is written, in the same pipeline: the entry stays paused until the folder exists.
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk)
        size += chunk.length
        callback(null, chunk)
      },
    })
    fsp
      .mkdir(path.dirname(target), { recursive: true })
      .then(() => pipeline(stream, measure, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 })))
      .then(() => {
        found.push({ path: name, size, sha256: hash.digest('hex') })
        done()
      }, done)
  })
  try {
    await pipeline(fs.createReadStream(archive), zlib.createGunzip(), extract)
  } catch (error) {
    throw new Error(`Archive illisible (${error instanceof Error ? error.message : String(error)}) : elle est tronquée ou endommagée. Rien n’a été restauré.`, { cause: error })
  }
  const manifestBytes = small.get('manifest.json')
  const signature = small.get('manifest.sig')?.toString('utf8') ?? ''
  if (!manifestBytes) throw new Error('Archive refusée : elle ne contient pas de manifeste (manifest.json). Rien n’a été restauré.')
  const expected = Buffer.from(sign(manifestBytes, secret))
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) {
    throw new Error('Archive refusée : la signature du manifeste ne correspond pas. L’archive a été modifiée, ou PAYLOAD_SECRET n’est pas celui de l’installation sauvegardée. Rien n’a été restauré.')
  }
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as TManifest
  const problems = manifestProblems(manifest, found)
  if (problems.length > 0) throw new Error(`Archive refusée, rien n’a été restauré :\n- ${problems.join('\n- ')}`)
  return manifest
}

/** Where a restore writes: the SQLite file or the MongoDB URL, and the files folder. */
export type TRestoreTarget = { database: { kind: 'sqlite'; file: string } | { kind: 'mongodb'; url: string }; mediaDir: string; secret: string }

/** True when the folder is absent or holds no file (empty sub-folders do not count). */
async function emptyFolder(dir: string): Promise<boolean> {
  return (await filesUnder(dir)).length === 0
}

/**
 * Restores an archive into an empty installation: refuses when the database or the files folder already holds
 * something, unpacks and verifies the whole archive first (unpackAndVerify), and only then moves the database
 * and the files into place. Returns the manifest (its record counts let the operator check the result).
 */
export async function restoreBackup(archive: string, target: TRestoreTarget): Promise<TManifest> {
  if (!fs.existsSync(archive)) throw new Error(`Archive introuvable : ${archive}.`)
  if (target.database.kind === 'sqlite') {
    const stat = await fsp.stat(target.database.file).catch(() => null)
    if (stat && stat.size > 0) throw new Error(`Restauration refusée : la base ${target.database.file} existe déjà. La restauration se fait dans une installation vide (arrêtez le portail, déplacez ce fichier, puis relancez).`)
  } else if (!(await mongoIsEmpty(target.database.url))) {
    throw new Error('Restauration refusée : la base MongoDB contient déjà des collections. Restaurez dans une base vide.')
  }
  if (!(await emptyFolder(target.mediaDir))) throw new Error(`Restauration refusée : le dossier des fichiers ${target.mediaDir} n’est pas vide. La restauration se fait dans une installation vide.`)
  const parent = target.database.kind === 'sqlite' ? path.dirname(target.database.file) : path.dirname(path.resolve(target.mediaDir))
  await fsp.mkdir(parent, { recursive: true })
  const work = path.join(parent, `.restore-${randomBytes(6).toString('hex')}`)
  await fsp.mkdir(work)
  try {
    const manifest = await unpackAndVerify(archive, work, target.secret)
    if (manifest.database !== target.database.kind) throw new Error(`Archive refusée : elle contient une base ${manifest.database}, l’installation utilise ${target.database.kind} (DATABASE_URL).`)
    const databaseFile = manifest.files.find((f) => f.path.startsWith('database/'))
    if (!databaseFile) throw new Error('Archive refusée : elle ne contient pas de base de données.')
    if (target.database.kind === 'sqlite') {
      await fsp.rename(path.join(work, databaseFile.path), target.database.file)
    } else {
      await run('mongorestore', [`--uri=${target.database.url}`, `--archive=${path.join(work, databaseFile.path)}`, '--gzip'])
    }
    await fsp.mkdir(target.mediaDir, { recursive: true })
    for (const f of manifest.files.filter((file) => file.path.startsWith('media/'))) {
      const destination = path.join(target.mediaDir, f.path.slice('media/'.length))
      await fsp.mkdir(path.dirname(destination), { recursive: true })
      await fsp.rename(path.join(work, f.path), destination)
    }
    return manifest
  } finally {
    await fsp.rm(work, { recursive: true, force: true })
  }
}

/** Whether a MongoDB database has no collection yet (the driver comes with Payload's MongoDB adapter). */
async function mongoIsEmpty(url: string): Promise<boolean> {
  const { MongoClient } = await import('mongodb')
  const client = new MongoClient(url)
  try {
    await client.connect()
    return (await client.db().listCollections({}, { nameOnly: true }).toArray()).length === 0
  } finally {
    await client.close()
  }
}

/** The MongoDB snapshot: `mongodump` of the whole database into one gzipped archive file. */
export async function mongoSnapshot(url: string, folder: string): Promise<string> {
  const file = path.join(folder, 'mongodb.archive.gz')
  try {
    await run('mongodump', [`--uri=${url}`, `--archive=${file}`, '--gzip'])
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new Error(missing ? 'mongodump est introuvable : installez les MongoDB Database Tools sur le serveur.' : `mongodump a échoué : ${(error as Error).message}`, { cause: error })
  }
  return file
}
