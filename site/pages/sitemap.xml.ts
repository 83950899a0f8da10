import type { APIRoute } from 'astro'
import { localePath } from '../i18n/index.ts'
import { absoluteOrigin } from '../lib/page.ts'

const STATIC_PAGES = ['/', '/ressources', '/gestion-des-cas', '/actualites', '/recherche', '/a-propos', '/donnees-et-acces', '/chiffres-cles', '/contact', '/connexion', '/inscription']

/** Every public page in French and English, with the published documents and news. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { payload } = locals
  const published = { _status: { equals: 'published' as const } }
  const [resources, news] = await Promise.all([
    payload.find({ collection: 'resources', where: published, limit: 0, pagination: false, depth: 0, select: { slug: true, updatedAt: true }, overrideAccess: false }),
    payload.find({ collection: 'news', where: published, limit: 0, pagination: false, depth: 0, select: { slug: true, updatedAt: true }, overrideAccess: false }),
  ])
  const entries = [
    ...STATIC_PAGES.map((path) => ({ path, lastmod: undefined as string | undefined })),
    ...resources.docs.map((d) => ({ path: `/ressources/${d.slug}`, lastmod: d.updatedAt })),
    ...news.docs.map((d) => ({ path: `/actualites/${d.slug}`, lastmod: d.updatedAt })),
  ]
  const urlOf = (lang: 'fr' | 'en', path: string) => `${absoluteOrigin(url)}${localePath(lang, path)}`
  const body = entries
    .map(
      (e) =>
        `<url><loc>${urlOf('fr', e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''}` +
        `<xhtml:link rel="alternate" hreflang="fr" href="${urlOf('fr', e.path)}"/><xhtml:link rel="alternate" hreflang="en" href="${urlOf('en', e.path)}"/></url>`,
    )
    .join('')
  return new Response(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${body}</urlset>`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
