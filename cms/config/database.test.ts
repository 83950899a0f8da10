import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from './database.ts'

describe('parseDatabaseUrl', () => {
  it('defaults to an SQLite file under data/', () => {
    expect(parseDatabaseUrl(undefined, '/srv/portal')).toEqual({
      kind: 'sqlite',
      file: '/srv/portal/data/portal.db',
      url: 'file:/srv/portal/data/portal.db',
    })
  })
  it('keeps absolute file paths', () => {
    expect(parseDatabaseUrl('file:///tmp/x.db', '/srv')).toMatchObject({ kind: 'sqlite', file: '/tmp/x.db' })
  })
  it('selects MongoDB for mongodb URLs', () => {
    expect(parseDatabaseUrl('mongodb://db:27017/portail', '/srv')).toEqual({ kind: 'mongodb', url: 'mongodb://db:27017/portail' })
  })
  it('refuses other schemes with the accepted forms', () => {
    expect(() => parseDatabaseUrl('postgres://x', '/srv')).toThrow(/file:data\/portal.db.*mongodb/)
  })
})
