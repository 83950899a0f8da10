import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { idOf } from '../../fields/relations.ts'
import { resourceYear } from '../../rules/resources.ts'

/** Stamps the filing year and, on first publication, the publication date. */
export const deriveResourceFields: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const publishedAt = data.publishedAt ?? originalDoc?.publishedAt ?? (data._status === 'published' ? new Date().toISOString() : undefined)
  return { ...data, publishedAt, year: resourceYear({ validatedAt: data.validatedAt ?? originalDoc?.validatedAt, publishedAt }) }
}

/**
 * A file is downloadable by everyone exactly while a published document uses it; otherwise only editors can fetch
 * it. Recomputed from the database (the published rows, not the draft being saved) for the file the document uses
 * now and the one it used before, so publishing, unpublishing, replacing the file and deleting all move it.
 */
async function followFileVisibility(req: PayloadRequest, files: unknown[]): Promise<void> {
  for (const file of new Set(files.map(idOf).filter((id) => id !== null))) {
    const { totalDocs } = await req.payload.count({ collection: 'resources', where: { and: [{ file: { equals: file } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
    const visibility = totalDocs > 0 ? 'public' : 'private'
    const media = await req.payload.findByID({ collection: 'media', id: file, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (media && media.visibility !== visibility) await req.payload.update({ collection: 'media', id: file, data: { visibility }, overrideAccess: true, req })
  }
}

/** After a save: the visibility of the document's file, and of the file it replaced. */
export const publishAttachedFile: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await followFileVisibility(req, [doc.file, previousDoc?.file])
  return doc
}

/** After a deletion: its file becomes private unless another published document uses it. */
export const withdrawAttachedFile: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await followFileVisibility(req, [doc.file])
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
