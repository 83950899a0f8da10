import type { APIRoute } from 'astro'
import { localePath, t } from '../../i18n/index.ts'
import { listNews } from '../../lib/news.ts'
import { absoluteOrigin } from '../../lib/page.ts'

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** RSS 2.0 feed of the latest news. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { docs } = await listNews(locals.payload, locals.lang, null, 1, 30)
  const site = absoluteOrigin(url)
  const items = docs
    .map((n) => {
      const link = `${site}${localePath(locals.lang, `/actualites/${n.slug}`)}`
      return `<item><title>${xml(n.title)}</title><link>${link}</link><guid isPermaLink="true">${link}</guid><pubDate>${new Date(n.publishedAt ?? n.createdAt).toUTCString()}</pubDate><description>${xml(n.summary)}</description></item>`
    })
    .join('')
  const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${xml(`${t(locals.lang, 'news.title')} — ${t(locals.lang, 'site.name')}`)}</title><link>${site}${localePath(locals.lang, '/actualites')}</link><description>${xml(t(locals.lang, 'site.tagline'))}</description><language>${locals.lang}</language>${items}</channel></rss>`
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } })
}
