import type { Payload } from 'payload'
import type { News, User } from '#cms/payload-types.ts'
import type { Lang } from '../i18n/index.ts'

/** One page of published news, newest first. */
export function listNews(payload: Payload, lang: Lang, user: User | null, page = 1, limit = 10) {
  return payload.find({
    collection: 'news',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    page,
    limit,
    depth: 0,
    locale: lang,
    fallbackLocale: 'fr',
    user,
    overrideAccess: false,
  })
}

/**
 * A news item by slug; editors may preview the latest draft. `translated` is false when the English page has
 * to show French text (title, summary or body missing in English).
 */
export async function findNews(payload: Payload, slug: string, lang: Lang, user: User | null, preview: boolean): Promise<{ doc: News; translated: boolean } | null> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null
  const query = (locale: Lang, fallbackLocale: Lang | false) =>
    payload.find({
      collection: 'news',
      where: preview ? { slug: { equals: slug } } : { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
      limit: 1,
      pagination: false,
      depth: 0,
      draft: preview,
      locale,
      fallbackLocale,
      user,
      overrideAccess: false,
    })
  const doc = (await query(lang, 'fr')).docs[0]
  if (!doc) return null
  if (lang === 'fr') return { doc, translated: true }
  const own = (await query('en', false)).docs[0]
  return { doc, translated: Boolean(own?.title && own.summary && own.body) }
}

/** Paragraphs of a plain-text body (blank lines separate them); rendered as text, never as HTML. */
export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
}
