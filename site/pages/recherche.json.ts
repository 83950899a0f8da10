import type { APIRoute } from 'astro'
import { normaliseQuery } from '#cms/search/index.ts'
import { searchResources } from '#cms/search/store.ts'
import { t, localePath } from '../i18n/index.ts'
import { englishTexts, langIfFrench } from '../lib/translations.ts'

/** JSON answers for the live search: the same search as the page, rendered by the browser script. */
export const GET: APIRoute = async ({ url, locals }) => {
  const q = normaliseQuery((url.searchParams.get('q') ?? '').slice(0, 500))
  const hits = q.length >= 2 ? await searchResources(locals.payload, q, locals.lang) : []
  const status = q.length < 2 ? t(locals.lang, 'search.tooShort') : hits.length > 0 ? t(locals.lang, 'search.results', { count: hits.length, q }) : t(locals.lang, 'search.none', { q })
  const english = locals.lang === 'en' ? await englishTexts(locals.payload, 'resources') : null
  const frenchOnly = (id: string | number, field: 'title' | 'summary') => langIfFrench(english !== null && !english.get(String(id))?.[field])
  return Response.json(
    {
      q,
      status,
      hits: hits.map((h) => ({
        url: localePath(locals.lang, `/ressources/${h.doc.slug}`),
        formCode: h.doc.formCode,
        title: h.title,
        summary: h.summary,
        lang: { title: frenchOnly(h.doc.id, 'title'), summary: frenchOnly(h.doc.id, 'summary') },
      })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
