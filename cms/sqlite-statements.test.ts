import Database from 'libsql'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_KEPT_STATEMENTS, reuseSqliteStatements } from './sqlite-statements.ts'

beforeAll(() => reuseSqliteStatements())

function tableOfNames() {
  const db = new Database(':memory:')
  db.exec('create table people (id integer primary key, name text unique)')
  return db
}

describe('SQLite statements reused', () => {
  it('prepares a query text once per database, and each database its own', () => {
    const db = tableOfNames()
    const other = tableOfNames()
    const sql = 'select id, name from people where name = ?'
    expect(db.prepare(sql)).toBe(db.prepare(sql))
    expect(db.prepare('select count(*) from people')).not.toBe(db.prepare(sql))
    expect(other.prepare(sql)).not.toBe(db.prepare(sql))
  })

  it('binds each call’s own values, after a failed write and after a read left half-way', () => {
    const db = tableOfNames()
    const insert = () => db.prepare('insert into people (name) values (?)')
    insert().run(['Awa'])
    insert().run(['Moussa'])
    expect(() => insert().run(['Awa'])).toThrow(/UNIQUE/)
    insert().run(['Fatoumata'])
    const select = () => db.prepare('select name from people where name >= ? order by name').raw(true)
    expect(select().all(['B'])).toEqual([['Fatoumata'], ['Moussa']])
    select().iterate(['A']).next()
    expect(select().all(['M'])).toEqual([['Moussa']])
  })

  it('starts afresh after a schema change, so a kept statement never reports columns it no longer has', () => {
    const db = tableOfNames()
    const sql = 'select * from people'
    const before = db.prepare(sql)
    expect(before.columns().map((c) => c.name)).toEqual(['id', 'name'])
    db.prepare('alter table people add column region text').run()
    const after = db.prepare(sql)
    expect(after).not.toBe(before)
    expect(after.columns().map((c) => c.name)).toEqual(['id', 'name', 'region'])
  })

  it('keeps at most MAX_KEPT_STATEMENTS, dropping the least recently used', () => {
    const db = tableOfNames()
    const first = db.prepare('select 0')
    const second = db.prepare('select 1')
    for (let i = 2; i < MAX_KEPT_STATEMENTS; i++) db.prepare(`select ${i}`)
    // Full. `select 0` is used again before one more overflows it: `select 1`, now the oldest, is the one dropped.
    expect(db.prepare('select 0')).toBe(first)
    db.prepare(`select ${MAX_KEPT_STATEMENTS}`)
    expect(db.prepare('select 0')).toBe(first)
    expect(db.prepare('select 1')).not.toBe(second)
  })
})
