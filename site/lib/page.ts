import type { AstroGlobal } from 'astro'
import { env } from '#cms/config/env.ts'
import { dateFormatter } from '#cms/rules/display.ts'
import { t as translate, localePath, type MessageKey } from '../i18n/index.ts'

/** What every page needs from the request: language, translator, localised links, the person and Payload. */
export function pageContext(Astro: AstroGlobal) {
  const { lang, user, payload } = Astro.locals
  return {
    lang,
    user,
    payload,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params),
    href: (path: string) => localePath(lang, path),
    ip: Astro.request.headers.get('x-portal-client-ip'),
    date: (iso: string | null | undefined) => formatDate(lang, iso),
    label: (entry: { fr: string; en: string }) => entry[lang],
  }
}

/** A date as people read it: "13 août 2024" / "13 August 2024". */
export function formatDate(lang: 'fr' | 'en', iso: string | null | undefined): string {
  if (!iso) return ''
  return dateFormatter(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))
}

/** A 303 redirect carrying optional Set-Cookie values (after a form post). */
export function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' })
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(null, { status: 303, headers })
}

/**
 * The origin of links that must be absolute (canonical, hreflang, sitemap, RSS, robots.txt): PUBLIC_URL's in
 * production, never the request's Host, which the client chooses and which would end up in cached pages; in
 * development the address in use, so every loopback name works. Every other link stays relative.
 */
export function absoluteOrigin(url: URL): string {
  return env.NODE_ENV === 'production' ? new URL(env.publicUrl).origin : url.origin
}
