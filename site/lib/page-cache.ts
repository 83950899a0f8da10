import type { Payload } from 'payload'
import { idOf } from '#cms/fields/relations.ts'
import type { TEncodedBodies } from './compression.ts'

// Rendered public pages, kept per content version. The version is read from the database (count and latest
// change of every collection public pages show), at most once every VERSION_TTL_MS per process, so a change made
// by any process shows within that delay plus one render (within 5 s). Losing the cache costs one render per page:
// nothing here is needed by another process (docs/performance.md).

const VERSION_TTL_MS = 2000
const MAX_ENTRIES = 500
const SOURCES = ['resources', 'news', 'media', 'organisations', 'regions', 'cercles', 'enrolments', 'modules', 'videos', 'faq'] as const
const GLOBALS = ['home'] as const

/** Paths whose anonymous rendering depends only on the URL and the content (never on a person). */
const CACHEABLE = /^\/(?:|formation|ressources(?:\/[a-z0-9-]+)?|gestion-des-cas|actualites(?:\/[a-z0-9-]+)?|actualites\/rss\.xml|recherche|recherche\.json|a-propos|donnees-et-acces|aide|contact|sitemap\.xml|robots\.txt)$/

/** True for public content paths; previews (?apercu) are never cached. */
export function isCacheable(pathname: string, search: URLSearchParams): boolean {
  return CACHEABLE.test(pathname) && !search.has('apercu')
}

/** Who a cached rendering may be served to (a signed-in person's role and scope fields; null for a visitor). */
export type TAudience = { roles?: readonly string[] | null; active?: boolean | null; organisation?: unknown; region?: unknown } | null

/**
 * The cache key of a rendering. Visitors share one per language and URL. Signed-in people share one per set of
 * roles and scope (organisation, region), and only for pages that declare they show nothing personal
 * (`Astro.locals.sharedByRole`): on those pages the navigation and what access rules let a person read depend on
 * these fields alone, never on who the person is (docs/performance.md).
 */
export function cacheKey(lang: string, pathAndQuery: string, user: TAudience): string {
  if (!user) return `visitor|${lang}|${pathAndQuery}`
  const roles = [...new Set(user.roles ?? [])].sort().join(',')
  return `roles:${roles};active:${user.active !== false};org:${idOf(user.organisation) ?? ''};region:${idOf(user.region) ?? ''}|${lang}|${pathAndQuery}`
}

type Entry = { version: string; status: number; headers: [string, string][]; body: string; encoded?: TEncodedBodies }

/**
 * A small LRU map of things made for one content version (rendered pages by default, or documents read for a
 * page): the least recently used goes first when full.
 */
export class PageCache<T extends { version: string } = Entry> {
  private entries = new Map<string, T>()
  constructor(private readonly max = MAX_ENTRIES) {}

  /** The entry for this key if it was made for this content version. */
  get(key: string, version: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.version !== version) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  set(key: string, entry: T): void {
    this.entries.delete(key)
    this.entries.set(key, entry)
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!)
  }

  get size(): number {
    return this.entries.size
  }
}

let memo: { at: number; version: Promise<string> } | undefined

/** The content version: counts and latest changes of the public collections, re-read every 2 seconds at most. */
export function contentVersion(payload: Payload, now = Date.now()): Promise<string> {
  if (memo && now - memo.at < VERSION_TTL_MS) return memo.version
  const version = Promise.all([
    ...SOURCES.map(async (collection) => {
      const latest = await payload.find({ collection, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, pagination: true })
      return `${latest.totalDocs}@${latest.docs[0]?.updatedAt ?? ''}`
    }),
    ...GLOBALS.map(async (slug) => String((await payload.findGlobal({ slug, depth: 0, overrideAccess: true })).updatedAt ?? '')),
  ]).then((parts) => parts.join('|'))
  memo = { at: now, version }
  version.catch(() => (memo = undefined))
  return version
}

/**
 * A per-process memo of documents read for pages, kept per content version like rendered pages: `read` runs once
 * per key and version (a change anywhere shows within 2 s). For content that is large and the same for everyone
 * of an audience (build keys with `cacheKey`); callers must not modify what they get.
 */
export function versionedReads<T>(max = 200) {
  const cache = new PageCache<{ version: string; value: T }>(max)
  return async (payload: Payload, key: string, read: () => Promise<T>): Promise<T> => {
    const version = await contentVersion(payload)
    const kept = cache.get(key, version)
    if (kept) return kept.value
    const value = await read()
    cache.set(key, { version, value })
    return value
  }
}
