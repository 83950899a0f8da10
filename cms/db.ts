import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseAdapterObj, Migration } from 'payload'
import { parseDatabaseUrl } from './config/database.ts'
import { migrations as mongodbMigrations } from './migrations/mongodb/index.ts'
import { migrations as sqliteMigrations } from './migrations/sqlite/index.ts'
import { reuseSqliteStatements } from './sqlite-statements.ts'

// Via import.meta.url: the back office's Next.js bundle loads this file too, and has no import.meta.dirname.
const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

/** The database chosen by DATABASE_URL; nothing else in the portal depends on which one it is. */
export const database = parseDatabaseUrl(process.env.DATABASE_URL, process.cwd())

/** The committed migrations for the selected adapter, applied at every start. */
// Each adapter types its own migration arguments; Payload's `migrate` takes them as its generic Migration.
export const migrations = (database.kind === 'sqlite' ? sqliteMigrations : mongodbMigrations) as unknown as Migration[]

/** Builds the Payload adapter. Schema push is off everywhere: development and production both run migrations. */
export function databaseAdapter(): DatabaseAdapterObj {
  if (database.kind === 'mongodb') {
    return mongooseAdapter({ url: database.url, migrationDir: path.join(migrationsRoot, 'mongodb') })
  }
  fs.mkdirSync(path.dirname(database.file), { recursive: true })
  reuseSqliteStatements()
  // Several processes may share the file (docs/operations.md): WAL lets readers go on while one writes, and a
  // writer waits up to 10 s for another's lock instead of failing at once with SQLITE_BUSY.
  return sqliteAdapter({ client: { url: database.url }, push: false, wal: true, busyTimeout: 10_000, migrationDir: path.join(migrationsRoot, 'sqlite') })
}
