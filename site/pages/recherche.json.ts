import type { APIRoute } from 'astro'
import { normaliseQuery } from '#cms/search/index.ts'
import { searchResources } from '#cms/search/store.ts'
import { t, localePath } from '../i18n/index.ts'

/** JSON answers for the live search: the same search as the page, rendered by the browser script. */
export const GET: APIRoute = async ({ url, locals }) => {
  const q = normaliseQuery((url.searchParams.get('q') ?? '').slice(0, 500))
  const hits = q.length >= 2 ? await searchResources(locals.payload, q, locals.lang) : []
  const status = q.length < 2 ? t(locals.lang, 'search.tooShort') : hits.length > 0 ? t(locals.lang, 'search.results', { count: hits.length, q }) : t(locals.lang, 'search.none', { q })
  return Response.json(
    { q, status, hits: hits.map((h) => ({ url: localePath(locals.lang, `/ressources/${h.doc.slug}`), formCode: h.doc.formCode, title: h.title, summary: h.summary })) },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
