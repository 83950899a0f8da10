import type { Payload, Where } from 'payload'
import { z } from 'zod'
import type { Media, Resource, User } from '#cms/payload-types.ts'
import { AUDIENCES, RESOURCE_TYPES, STEPS } from '#cms/rules/toolkit.ts'
import type { Lang } from '../i18n/index.ts'

// Reading the toolkit for the public pages: query strings parsed with zod (a bad value is dropped, never a 500),
// Local API calls made as the visitor with access rules on.

const keyOf = <T extends Record<string, unknown>>(table: T) => z.enum(Object.keys(table) as [keyof T & string, ...(keyof T & string)[]])
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)

/** The list page's query string: type, étape, public, langue, année, tri, page. */
export const ZResourceQuery = z.object({
  type: lenient(keyOf(RESOURCE_TYPES)),
  etape: lenient(keyOf(STEPS)),
  public: lenient(keyOf(AUDIENCES)),
  langue: lenient(z.enum(['fr', 'en'])),
  annee: lenient(z.coerce.number().int().min(2000).max(2100)),
  tri: z.enum(['date', 'titre']).catch('date').default('date'),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
})
export type TResourceQuery = z.infer<typeof ZResourceQuery>

/** Parses a URL's search params (repeated or over-long values are cut, unknown keys ignored). */
export function parseResourceQuery(params: URLSearchParams): TResourceQuery {
  const raw = Object.fromEntries([...params.keys()].map((k) => [k, (params.get(k) ?? '').slice(0, 40)]))
  return ZResourceQuery.parse(raw)
}

/** The same query as a URL, for pagination and filter links (default values left out). */
export function resourceQueryString(q: TResourceQuery, changes: Partial<TResourceQuery> = {}): string {
  const merged = { ...q, ...changes }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || (key === 'page' && value === 1) || (key === 'tri' && value === 'date')) continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

const CURRENT: Where = { _status: { equals: 'published' }, supersededBy: { exists: false } }

/** One page of current, published resources matching the filters. */
export async function listResources(payload: Payload, q: TResourceQuery, lang: Lang, user: User | null, limit = 12) {
  const and: Where[] = [CURRENT]
  if (q.type) and.push({ type: { equals: q.type } })
  if (q.etape) and.push({ steps: { in: [q.etape] } })
  if (q.public) and.push({ audience: { in: [q.public] } })
  if (q.langue) and.push({ language: { equals: q.langue } })
  if (q.annee) and.push({ year: { equals: q.annee } })
  return payload.find({
    collection: 'resources',
    where: { and },
    sort: q.tri === 'titre' ? 'title' : '-publishedAt',
    page: q.page,
    limit,
    depth: 1,
    locale: lang,
    fallbackLocale: 'fr',
    user,
    overrideAccess: false,
  })
}

/** Years that have current resources, newest first (for the year filter). */
export async function resourceYears(payload: Payload): Promise<number[]> {
  const { docs } = await payload.find({ collection: 'resources', where: CURRENT, limit: 0, pagination: false, depth: 0, select: { year: true }, overrideAccess: true })
  return [...new Set(docs.map((d) => d.year).filter((y): y is number => typeof y === 'number'))].sort((a, b) => b - a)
}

/**
 * A resource by slug, as the visitor may see it. Editors asking for a preview get the latest draft.
 * `translated` tells whether the English page has its own title (else French is shown with a notice).
 */
export async function findResource(payload: Payload, slug: string, lang: Lang, user: User | null, preview: boolean) {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null
  const where: Where = preview ? { slug: { equals: slug } } : { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] }
  const common = { collection: 'resources' as const, where, limit: 1, pagination: false, draft: preview, user, overrideAccess: false as const }
  // Shown in the page's language, French where a text is missing (related documents included).
  const doc = (await payload.find({ ...common, depth: 1, locale: lang, fallbackLocale: 'fr' })).docs[0]
  if (!doc) return null
  if (lang === 'fr') return { doc, translated: true }
  const own = (await payload.find({ ...common, depth: 0, locale: 'en', fallbackLocale: false, select: { title: true } })).docs[0]
  return { doc, translated: Boolean(own?.title) }
}

/** The versions a document replaced, newest first (it follows `supersedes` back, at most 20 steps). */
export async function versionHistory(payload: Payload, doc: Resource, lang: Lang, user: User | null): Promise<Resource[]> {
  const history: Resource[] = []
  let cursor = doc.supersedes
  while (cursor && history.length < 20) {
    const id = typeof cursor === 'object' ? cursor.id : cursor
    const older = await payload.findByID({ collection: 'resources', id, depth: 0, locale: lang, fallbackLocale: 'fr', user, overrideAccess: false, disableErrors: true })
    if (!older) break
    history.push(older)
    cursor = older.supersedes
  }
  return history
}

/** The downloadable file of a resource, when the visitor may fetch it. */
export function fileOf(doc: Resource): Media | null {
  return doc.file && typeof doc.file === 'object' ? doc.file : null
}
