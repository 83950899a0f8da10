import { describe, expect, it } from 'vitest'
import { isDatabaseUnwritable } from './database-errors.ts'

const sqliteError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code })

describe('isDatabaseUnwritable', () => {
  it('recognises SQLite refusing a write: read-only file, I/O error on an immutable file, full disk', () => {
    expect(isDatabaseUnwritable(sqliteError('SQLITE_READONLY', 'attempt to write a readonly database'))).toBe(true)
    expect(isDatabaseUnwritable(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'))).toBe(true)
    expect(isDatabaseUnwritable(sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe(true)
  })

  it('finds the driver error under the wrappers of drizzle and Payload', () => {
    const driver = sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error')
    const drizzle = new Error('Failed query: insert into "outbox" …', { cause: driver })
    expect(isDatabaseUnwritable(new Error('Une erreur', { cause: drizzle }))).toBe(true)
  })

  it('recognises a MongoDB member that is no longer the primary', () => {
    expect(isDatabaseUnwritable(Object.assign(new Error('not primary'), { codeName: 'NotWritablePrimary', code: 10107 }))).toBe(true)
  })

  it('leaves other failures alone: constraint, busy database, bugs, non-errors', () => {
    expect(isDatabaseUnwritable(sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email'))).toBe(false)
    expect(isDatabaseUnwritable(sqliteError('SQLITE_BUSY', 'database is locked'))).toBe(false)
    expect(isDatabaseUnwritable(new TypeError('Cannot read properties of undefined'))).toBe(false)
    expect(isDatabaseUnwritable('SQLITE_READONLY')).toBe(false)
    expect(isDatabaseUnwritable(null)).toBe(false)
  })
})
