// Runs before each integration test file, before any portal module is imported: gives the file its own database.
// TEST_DATABASE_URL picks the adapter (SQLite temp file by default; a mongodb:// URL runs the suite on MongoDB).
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

const unique = `${process.pid}-${randomBytes(4).toString('hex')}`
const target = process.env.TEST_DATABASE_URL
if (target?.startsWith('mongodb')) {
  const url = new URL(target)
  url.pathname = `/portail-test-${unique}`
  process.env.DATABASE_URL = url.toString()
} else {
  process.env.DATABASE_URL = `file:${path.join(os.tmpdir(), `portail-int-${unique}.db`)}`
}
process.env.MEDIA_DIR = path.join(os.tmpdir(), `portail-int-media-${unique}`)
// The daily routine backs up too: never into the repository's data/backups.
process.env.BACKUP_DIR = path.join(os.tmpdir(), `portail-int-backups-${unique}`)
process.env.SMTP_URL = ''
// The daily routine runs when a test calls it with its own date, never because the suite crossed the hour.
process.env.DAILY_ROUTINE = 'false'
process.env.PAYLOAD_SECRET = 'integration-test-secret-0123456789abcdef'
