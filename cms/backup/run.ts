import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { MEDIA_DIR } from '../collections/Media.ts'
import { env } from '../config/env.ts'
import { database } from '../db.ts'
import { createBackup, mongoSnapshot, type TBackupResult } from './archive.ts'

// The portal always runs from the repository root (npm scripts), like MEDIA_DIR and DATABASE_URL's relative paths.
const root = process.cwd()

/** Record counts of every collection, as the system: written in the manifest, compared by the restore drill. */
export async function recordCounts(payload: Payload): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const slug of Object.keys(payload.collections).sort()) {
    counts[slug] = (await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs
  }
  return counts
}

/**
 * A consistent snapshot of the SQLite database while the portal runs: `VACUUM INTO` copies the database as one
 * read transaction, so writes made meanwhile (by this or another process) are either wholly in it or not at all.
 */
async function sqliteSnapshot(payload: Payload, folder: string): Promise<string> {
  const file = path.join(folder, 'portal.db')
  const client = (payload.db as unknown as { client: { execute: (q: { sql: string; args: string[] }) => Promise<unknown> } }).client
  await client.execute({ sql: 'VACUUM INTO ?', args: [file] })
  return file
}

/** Backs up the running portal (database + MEDIA_DIR) into BACKUP_DIR, with retention: `npm run backup` and the daily check. */
export async function backupPortal(payload: Payload, options: { dir?: string; now?: Date } = {}): Promise<TBackupResult> {
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version
  return createBackup(
    {
      database: database.kind,
      snapshot: (folder) => (database.kind === 'sqlite' ? sqliteSnapshot(payload, folder) : mongoSnapshot(database.url, folder)),
      mediaDir: MEDIA_DIR,
      counts: await recordCounts(payload),
      portalVersion: version,
      secret: env.PAYLOAD_SECRET,
    },
    options,
  )
}
