import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js'

// Fuzzy search over the toolkit: accent- and case-insensitive, typo-tolerant, over titles, summaries, form codes
// and tags. Pure: documents in, results out; the store (store.ts) keeps an index in step with the database.

/** What the index holds for one resource. */
export type TSearchDoc = { id: number | string; slug: string; title: string; summary: string; formCode?: string | null; tags: string[]; type: string; publishedAt?: string | null }

/** A piece of text, marked when it matched the query. */
export type TSegment = { text: string; mark: boolean }
export type TSearchHit = { doc: TSearchDoc; score: number; title: TSegment[]; summary: TSegment[] }

const OPTIONS: IFuseOptions<TSearchDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'formCode', weight: 3 },
    { name: 'tags', weight: 2 },
    { name: 'summary', weight: 1 },
  ],
  threshold: 0.34,
  ignoreLocation: true,
  ignoreDiacritics: true,
  includeMatches: true,
  includeScore: true,
  minMatchCharLength: 2,
}

/** A built index and the documents it was built from. */
export type TSearchIndex = { fuse: Fuse<TSearchDoc>; docs: TSearchDoc[] }

/** Builds the index once; searching it does not touch the database. */
export function buildIndex(docs: TSearchDoc[]): TSearchIndex {
  return { fuse: new Fuse(docs, OPTIONS, Fuse.createIndex(OPTIONS.keys!, docs)), docs }
}

const FORM_CODE = /^(?:[1-6]\.[a-e]|a\.[1-3]|b\.1)$/i

/** Normalises a query: trims, collapses spaces, caps the length (a 2,000-character query is cut, not an error). */
export function normaliseQuery(q: string): string {
  return q.replace(/\s+/g, ' ').trim().slice(0, 80)
}

/** Searches; an exact form code ("4.E") puts that form first, then fuzzy matches follow. */
export function search(index: TSearchIndex, rawQuery: string, limit = 20): TSearchHit[] {
  const query = normaliseQuery(rawQuery)
  if (query.length < 2) return []
  const results = index.fuse.search(query, { limit: limit * 2 })
  const exact = FORM_CODE.test(query) ? query.toUpperCase() : null
  const hits = results.map((r) => ({
    doc: r.item,
    score: exact && r.item.formCode?.toUpperCase() === exact ? -1 : (r.score ?? 1),
    title: segments(r.item.title, matchIndices(r.matches, 'title')),
    summary: segments(r.item.summary, matchIndices(r.matches, 'summary')),
  }))
  if (exact && !hits.some((h) => h.score === -1)) {
    const doc = index.docs.find((d) => d.formCode?.toUpperCase() === exact)
    if (doc) hits.push({ doc, score: -1, title: segments(doc.title, []), summary: segments(doc.summary, []) })
  }
  return hits.sort((a, b) => a.score - b.score).slice(0, limit)
}

function matchIndices(matches: readonly FuseResultMatch[] | undefined, key: string): [number, number][] {
  return (matches ?? []).filter((m) => m.key === key).flatMap((m) => m.indices.map(([a, b]) => [a, b] as [number, number]))
}

/** Cuts a text into marked and unmarked segments; matches shorter than 2 characters are noise and stay unmarked. */
export function segments(text: string, indices: [number, number][]): TSegment[] {
  const ranges = indices
    .filter(([a, b]) => b - a >= 1)
    .sort((x, y) => x[0] - y[0])
    .reduce<[number, number][]>((merged, [a, b]) => {
      const last = merged[merged.length - 1]
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b)
      else merged.push([a, b])
      return merged
    }, [])
  const out: TSegment[] = []
  let cursor = 0
  for (const [a, b] of ranges) {
    if (a > cursor) out.push({ text: text.slice(cursor, a), mark: false })
    out.push({ text: text.slice(a, b + 1), mark: true })
    cursor = b + 1
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), mark: false })
  return out
}
