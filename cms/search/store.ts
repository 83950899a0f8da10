import type { Payload } from 'payload'
import { richTextToPlainText } from '../rich-text/html.ts'
import { buildIndex, search, type TSearchDoc, type TSearchHit, type TSearchIndex } from './index.ts'

// The index follows the database: before each search one cheap query reads the number of published resources
// and the latest change; when either moved, the index is rebuilt. Any process sees any process's change within
// one request, and losing the cache costs one rebuild (docs/decisions.md: caches must be safe to lose).

const cached = new Map<'fr' | 'en', { version: string; index: TSearchIndex }>()

const WHERE = { _status: { equals: 'published' as const }, supersededBy: { exists: false } }

async function currentVersion(payload: Payload): Promise<string> {
  const latest = await payload.find({ collection: 'resources', where: WHERE, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, select: { updatedAt: true } })
  return `${latest.totalDocs}:${latest.docs[0]?.updatedAt ?? ''}`
}

/** The search documents of every current, published resource, in the requested language (French fallback). */
export async function loadSearchDocs(payload: Payload, locale: 'fr' | 'en'): Promise<TSearchDoc[]> {
  const { docs } = await payload.find({
    collection: 'resources',
    where: WHERE,
    limit: 0,
    pagination: false,
    depth: 0,
    locale,
    fallbackLocale: 'fr',
    overrideAccess: true,
    select: { slug: true, title: true, summary: true, formCode: true, tags: true, type: true, publishedAt: true, sections: true },
  })
  return docs.map((d) => ({
    id: d.id,
    slug: d.slug,
    title: d.title,
    summary: d.summary,
    formCode: d.formCode ?? null,
    tags: d.tags ?? [],
    type: d.type,
    publishedAt: d.publishedAt ?? null,
    // The sections' words, as plain text: found by search, never shown as HTML in results.
    text: (d.sections ?? []).map((s) => `${s.heading} ${richTextToPlainText(s.body)}`).join(' '),
  }))
}

/** Searches the published toolkit; the public only ever sees published, current documents. */
export async function searchResources(payload: Payload, query: string, locale: 'fr' | 'en', limit = 20): Promise<TSearchHit[]> {
  const version = await currentVersion(payload)
  let entry = cached.get(locale)
  if (entry?.version !== version) {
    entry = { version, index: buildIndex(await loadSearchDocs(payload, locale)) }
    cached.set(locale, entry)
  }
  return search(entry.index, query, limit)
}
