import path from 'node:path'

/** Which adapter a DATABASE_URL selects, and where it points. */
export type DatabaseTarget = { kind: 'sqlite'; file: string; url: string } | { kind: 'mongodb'; url: string }

/**
 * Reads DATABASE_URL: unset or `file:…` means an SQLite file (relative paths resolve against `cwd`),
 * `mongodb://` or `mongodb+srv://` means MongoDB. Anything else is refused with the accepted forms.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd: string): DatabaseTarget {
  const value = raw?.trim() || 'file:data/portal.db'
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) return { kind: 'mongodb', url: value }
  if (value.startsWith('file:')) {
    const file = path.resolve(cwd, value.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
    return { kind: 'sqlite', file, url: `file:${file}` }
  }
  throw new Error(
    `DATABASE_URL "${value}" is not supported. Use file:data/portal.db (SQLite, default) or mongodb://host:27017/portail (MongoDB).`,
  )
}
