import Database from 'libsql'

// SQLite statements prepared once per query text, reused afterwards (docs/performance.md, "Prepared statements").
//
// Payload's SQLite adapter runs every query through @libsql/client, which prepares the statement again on each
// call: SQLite parses and plans Payload's long queries (subqueries gathering arrays and relations as JSON) every
// time, a third of the cost of a small read. The client offers no statement cache and hides its database handle,
// so the cache sits on the `libsql` driver's `prepare`, the one way the client reaches SQLite. Reusing a statement
// is what the driver is built for: each call binds its own values, a statement left half-read or failed is reset
// by the next call (cms/sqlite-statements.test.ts proves both), and SQLite prepares a statement again by
// itself when the schema changes under it.

/** Statements kept per database, least recently used dropped first: Payload's query texts are a few hundred. */
export const MAX_KEPT_STATEMENTS = 500

// Schema changes (migrations, some run in tests while the portal is up) empty the cache: a kept `select *` would
// report the columns it had when prepared until it runs again.
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i

type TDatabase = Database.Database
type TStatement = Database.Statement
const kept = new WeakMap<TDatabase, Map<string, TStatement>>()
let installed = false

/** Makes every `libsql` database of the process reuse its prepared statements (idempotent). */
export function reuseSqliteStatements(): void {
  if (installed) return
  installed = true
  const prepare = Database.prototype.prepare
  // The driver's own signature is generic in the bound values; every statement is one prepared statement at run time.
  Database.prototype.prepare = function keptPrepare(this: TDatabase, sql: string): TStatement {
    let statements = kept.get(this)
    if (SCHEMA_CHANGE.test(sql)) {
      statements?.clear()
      return prepare.call(this, sql)
    }
    if (!statements) kept.set(this, (statements = new Map()))
    let statement = statements.get(sql)
    if (statement) statements.delete(sql)
    else {
      statement = prepare.call(this, sql)
      if (statements.size >= MAX_KEPT_STATEMENTS) statements.delete(statements.keys().next().value!)
    }
    statements.set(sql, statement)
    return statement
  } as TDatabase['prepare']
}
