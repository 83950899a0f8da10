import { NotFound, type CollectionBeforeOperationHook, type Payload } from 'payload'

// Document ids as clients send them. On SQLite ids are integers, and Payload's REST layer turns `/api/trainings/abc`
// into `parseFloat('abc')` = NaN, which the database driver rejects with an error (a 500). An id that cannot name a
// document names no document: 404, for every collection, before any query.

/** Whether `id` can name a document of the collection: an integer on numeric-id databases, a short string otherwise. */
export function isWellFormedId(payload: Payload, slug: string, id: unknown): boolean {
  const numeric = payload.db.defaultIDType === 'number' && payload.collections[slug as keyof typeof payload.collections]?.customIDType !== 'text'
  if (numeric) return (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) || (typeof id === 'string' && /^\d{1,15}$/.test(id))
  return (typeof id === 'string' && id.length > 0 && id.length <= 100) || typeof id === 'number'
}

/**
 * beforeOperation hook of every collection: an operation on a malformed id is a 404, never a database error.
 * A caller that asked for no errors (`disableErrors`) gets what it asked for: the lookup finds nothing.
 */
export const refuseMalformedId: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id, disableErrors } = args as { id?: unknown; disableErrors?: boolean }
  if (id !== undefined && !disableErrors && !isWellFormedId(req.payload, collection.slug, id)) throw new NotFound(req.t)
  return args
}
