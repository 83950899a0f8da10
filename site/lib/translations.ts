import type { Payload } from 'payload'
import type { Lang } from '../i18n/index.ts'
import { versionedReads } from './page-cache.ts'

// English pages show French wherever a document has no English text yet (Payload's locale fallback). Such a block
// must say it is French (`lang="fr"`, WCAG 3.1.2) so screen readers pronounce it in French, and tell the reader
// it exists in French only. Which documents have their own English text is read once per content version.

/** Which texts of a document exist in English. */
export type TEnglish = { title: boolean; summary: boolean; body: boolean }

const reads = versionedReads<Map<string, TEnglish>>(4)
const has = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) ? value.length > 0 : Boolean(value))

/** The English texts of every resource or news item, by id (ids as strings: SQLite numbers, MongoDB strings). */
export function englishTexts(payload: Payload, collection: 'resources' | 'news'): Promise<Map<string, TEnglish>> {
  return reads(payload, collection, async () => {
    const select = collection === 'resources' ? { title: true, summary: true, sections: { heading: true } } : { title: true, summary: true, body: true }
    // Only presence is kept (no text), so reading drafts too exposes nothing.
    const found = await payload.find({ collection, locale: 'en', fallbackLocale: false, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: select as never })
    const docs = found.docs as unknown as Record<string, unknown>[]
    const record = (d: Record<string, unknown>): TEnglish => ({ title: has(d.title), summary: has(d.summary), body: has(collection === 'resources' ? d.sections : d.body) })
    return new Map(docs.map((d) => [String(d.id), record(d)]))
  })
}

/** What a page needs for one document: `frenchOnly(field)` is true when that text is shown in French on an English page. */
export async function frenchOnlyOf(payload: Payload, collection: 'resources' | 'news', id: string | number, lang: Lang): Promise<(field: keyof TEnglish) => boolean> {
  if (lang === 'fr') return () => false
  const english = (await englishTexts(payload, collection)).get(String(id))
  return (field) => !english?.[field]
}

/** The `lang` attribute of a block: "fr" when it is French on an English page, else none (the page's language). */
export const langIfFrench = (frenchOnly: boolean): 'fr' | undefined => (frenchOnly ? 'fr' : undefined)
