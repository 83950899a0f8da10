import type { APIRoute } from 'astro'
import { absoluteOrigin } from '../lib/page.ts'

/** Crawlers: the public site yes; the back office, the API and personal pages no. */
export const GET: APIRoute = ({ url }) =>
  new Response(
    ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /mon-compte', 'Disallow: /en/mon-compte', `Sitemap: ${absoluteOrigin(url)}/sitemap.xml`, ''].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } },
  )
