import type { CollectionBeforeChangeHook } from 'payload'

/** A news item gets its publication date when first published, unless the editor set one; it never moves after. */
export const stampPublication: CollectionBeforeChangeHook = ({ data, originalDoc }) => ({
  ...data,
  publishedAt: data.publishedAt ?? originalDoc?.publishedAt ?? (data._status === 'published' ? new Date().toISOString() : undefined),
})
