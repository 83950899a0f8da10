import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js'

// Fuzzy search over the toolkit: accent- and case-insensitive, typo-tolerant, over titles, summaries, form codes,
// tags and the plain text of the sections (lowest weight). Pure: documents in, results out; the store (store.ts) keeps an index in step with the database.
//
// Two stages, so that 5,000 documents answer in a few milliseconds (docs/budgets.md): an inverted index of
// accent-free words finds candidates, each query word matching index words exactly, by prefix, or within a small
// edit distance (typos); fuse.js then scores the best candidates and gives the matched ranges to highlight.
// Running fuse.js alone over every document costs ~150 ms per query at that size.

/** What the index holds for one resource. */
export type TSearchDoc = { id: number | string; slug: string; title: string; summary: string; formCode?: string | null; tags: string[]; type: string; publishedAt?: string | null; text?: string }

/** A piece of text, marked when it matched the query. */
export type TSegment = { text: string; mark: boolean }
export type TSearchHit = { doc: TSearchDoc; score: number; title: TSegment[]; summary: TSegment[] }

const OPTIONS: IFuseOptions<TSearchDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'formCode', weight: 3 },
    { name: 'tags', weight: 2 },
    { name: 'summary', weight: 1 },
    { name: 'text', weight: 0.5 },
  ],
  threshold: 0.34,
  ignoreLocation: true,
  ignoreDiacritics: true,
  includeMatches: true,
  includeScore: true,
  minMatchCharLength: 2,
}
const FIELD_WEIGHTS = { title: 3, formCode: 3, tags: 2, summary: 1, text: 0.5 } as const
const CANDIDATES = 60

/** Lowercase, without accents: "Évaluation" → "evaluation". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

/** Words of a text, accent-free; form codes such as "4.e" stay one word. */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+(?:\.[a-z0-9]+)*/g) ?? []
}

/** A built index: the documents, the inverted index word → (document → best field weight), words by length. */
export type TSearchIndex = { docs: TSearchDoc[]; postings: Map<string, Map<number, number>>; byLength: Map<number, string[]> }

/** Builds the index once; searching it does not touch the database. */
export function buildIndex(docs: TSearchDoc[]): TSearchIndex {
  const postings = new Map<string, Map<number, number>>()
  docs.forEach((doc, i) => {
    const fields: [keyof typeof FIELD_WEIGHTS, string][] = [['title', doc.title], ['formCode', doc.formCode ?? ''], ['tags', doc.tags.join(' ')], ['summary', doc.summary], ['text', doc.text ?? '']]
    for (const [field, text] of fields) {
      for (const word of words(text)) {
        let entry = postings.get(word)
        if (!entry) postings.set(word, (entry = new Map()))
        entry.set(i, Math.max(entry.get(i) ?? 0, FIELD_WEIGHTS[field]))
      }
    }
  })
  const byLength = new Map<number, string[]>()
  for (const word of postings.keys()) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word])
  return { docs, postings, byLength }
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) when at most `max`, else max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1)
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return max + 1
    previous2 = previous
    previous = current
  }
  return previous[b.length]!
}

/** Index words a query word stands for, with a closeness in 0..1: exact 1, prefix 0.9, one typo 0.7, two 0.5. */
function expand(index: TSearchIndex, word: string): Map<string, number> {
  const found = new Map<string, number>()
  if (index.postings.has(word)) found.set(word, 1)
  const tolerance = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0
  for (let length = word.length - tolerance; length <= word.length + Math.max(tolerance, 12); length++) {
    for (const candidate of index.byLength.get(length) ?? []) {
      if (found.has(candidate)) continue
      if (word.length >= 3 && candidate.startsWith(word)) found.set(candidate, 0.9)
      else if (tolerance > 0 && Math.abs(length - word.length) <= tolerance) {
        const distance = editDistance(word, candidate, tolerance)
        if (distance <= tolerance) found.set(candidate, distance === 1 ? 0.7 : 0.5)
      }
    }
  }
  return found
}

/** Normalises a query: trims, collapses spaces, caps the length (a 2,000-character query is cut, not an error). */
export function normaliseQuery(q: string): string {
  return q.replace(/\s+/g, ' ').trim().slice(0, 80)
}

const FORM_CODE = /^(?:[1-6]\.[a-e]|a\.[1-3]|b\.1)$/i

/** Searches; an exact form code ("4.E") puts that form first, then fuzzy matches follow. */
export function search(index: TSearchIndex, rawQuery: string, limit = 20): TSearchHit[] {
  const query = normaliseQuery(rawQuery)
  const queryWords = [...new Set(words(query))].filter((w) => w.length >= 2 || /\d/.test(w))
  if (query.length < 2 || queryWords.length === 0) return []
  // Stage 1: candidates, ranked by how many query words they contain, then by field weight × closeness.
  const score = new Map<number, number>()
  const matchedWords = new Map<number, number>()
  for (const word of queryWords) {
    const seen = new Set<number>()
    for (const [indexWord, closeness] of expand(index, word)) {
      for (const [doc, weight] of index.postings.get(indexWord)!) {
        score.set(doc, (score.get(doc) ?? 0) + weight * closeness)
        if (!seen.has(doc)) {
          seen.add(doc)
          matchedWords.set(doc, (matchedWords.get(doc) ?? 0) + 1)
        }
      }
    }
  }
  const ranked = [...score.keys()].sort((a, b) => matchedWords.get(b)! - matchedWords.get(a)! || score.get(b)! - score.get(a)!).slice(0, CANDIDATES)
  const candidates = ranked.map((i) => index.docs[i]!)
  // Stage 2: fuse.js scores the candidates and says which ranges matched.
  const results = new Fuse(candidates, OPTIONS).search(query, { limit: limit * 2 })
  const exact = FORM_CODE.test(query) ? query.toUpperCase() : null
  const hits = results.map((r) => toHit(r.item, exact && r.item.formCode?.toUpperCase() === exact ? -1 : (r.score ?? 1), r.matches))
  // Candidates fuse.js found too far for the whole query (e.g. words in different fields) still count.
  for (const i of ranked) {
    if (hits.length >= limit) break
    const doc = index.docs[i]!
    if (matchedWords.get(i) === queryWords.length && !hits.some((h) => h.doc === doc)) hits.push(toHit(doc, 0.9, undefined))
  }
  if (exact && !hits.some((h) => h.score === -1)) {
    const doc = index.docs.find((d) => d.formCode?.toUpperCase() === exact)
    if (doc) hits.push(toHit(doc, -1, undefined))
  }
  return hits.sort((a, b) => a.score - b.score).slice(0, limit)
}

function toHit(doc: TSearchDoc, score: number, matches: readonly FuseResultMatch[] | undefined): TSearchHit {
  return { doc, score, title: segments(doc.title, matchIndices(matches, 'title')), summary: segments(doc.summary, matchIndices(matches, 'summary')) }
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
