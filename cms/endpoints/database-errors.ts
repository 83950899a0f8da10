// Errors of a database that still answers but refuses writes: the SQLite file or its disk read-only (or made
// immutable), the disk full, an input/output error; on MongoDB, a member that is no longer the primary.
// Endpoints answer them with a French 503 (`databaseUnwritable`), and /healthz reports them (site/server/healthz.ts).

const UNWRITABLE_CODES = /^(SQLITE_(READONLY|IOERR|FULL)(_\w+)?|NotWritablePrimary|NotPrimaryNoSecondaryOk|NotPrimaryOrSecondary)$/
const UNWRITABLE_MESSAGES = /SQLITE_(READONLY|IOERR|FULL)|readonly database|disk I\/O error|database or disk is full|not (writable )?primary/i

/** Whether an error, or one of its causes (drizzle and Payload wrap the driver's error), is a refused write. */
export function isDatabaseUnwritable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== 'object') return false
    const { code, codeName, message, cause } = current as { code?: unknown; codeName?: unknown; message?: unknown; cause?: unknown }
    if ([code, codeName].some((c) => typeof c === 'string' && UNWRITABLE_CODES.test(c))) return true
    if (typeof message === 'string' && UNWRITABLE_MESSAGES.test(message)) return true
    current = cause
  }
  return false
}
