import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../fields/relations.ts'
import { resourceYear } from '../../rules/resources.ts'

/** Stamps the filing year and, on first publication, the publication date. */
export const deriveResourceFields: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const publishedAt = data.publishedAt ?? originalDoc?.publishedAt ?? (data._status === 'published' ? new Date().toISOString() : undefined)
  return { ...data, publishedAt, year: resourceYear({ validatedAt: data.validatedAt ?? originalDoc?.validatedAt, publishedAt }) }
}

/** A published document's file becomes downloadable by everyone; until then only editors can fetch it. */
export const publishAttachedFile: CollectionAfterChangeHook = async ({ doc, req }) => {
  const file = idOf(doc.file)
  if (doc._status === 'published' && file !== null) {
    await req.payload.update({ collection: 'media', id: file, data: { visibility: 'public' }, overrideAccess: true, req })
  }
  return doc
}

/** Publishing a new version marks the one it replaces, which stays reachable in the history. */
export const recordSupersession: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc._status !== 'published') return doc
  const older = idOf(doc.supersedes)
  const before = idOf(previousDoc?.supersedes)
  if (before !== null && before !== older) {
    await req.payload.update({ collection: 'resources', id: before, data: { supersededBy: null }, overrideAccess: true, req, context: { skipSupersession: true } })
  }
  if (older !== null && !req.context.skipSupersession) {
    await req.payload.update({ collection: 'resources', id: older, data: { supersededBy: doc.id }, overrideAccess: true, req, context: { skipSupersession: true } })
  }
  return doc
}
