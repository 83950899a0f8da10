import type http from 'node:http'
import { localePath, t, type Lang, type MessageKey } from '../i18n/index.ts'
import type { Area } from './headers.ts'

// The answers the server writes itself, before a request reaches Payload or Astro (too large, too many attempts,
// wrong origin, fatal error). The site gets a small French (or English) HTML page, the API and admin JSON in
// Payload's error shape; the security headers are already on `res` (set first thing for every request).

/** Writes a small JSON or HTML answer, never cached. */
export function answer(res: http.ServerResponse, status: number, body: unknown, type: 'json' | 'html' = 'json'): void {
  res.statusCode = status
  res.setHeader('Content-Type', type === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(type === 'json' ? JSON.stringify(body) : String(body))
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** A standalone page (no script, no style: allowed by the site's CSP as is). Parameters are escaped. */
export function serverPage(lang: Lang, title: MessageKey, body: MessageKey, params: Record<string, string | number> = {}): string {
  const safe = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, escapeHtml(String(v))]))
  return (
    `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t(lang, title))} — Portail protection de l’enfant</title>` +
    `<h1>${escapeHtml(t(lang, title))}</h1><p>${t(lang, body, safe)}</p><p><a href="${localePath(lang, '/')}">${escapeHtml(t(lang, 'error.backHome'))}</a></p></html>`
  )
}

/**
 * True when the client asked for a page (a browser following a form post or a link sends `Accept: text/html…`);
 * scripts and `fetch` send `*\/*` or `application/json` and get JSON.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  return /(?:^|,)\s*text\/html\s*(?:;|,|$)/i.test(accept ?? '')
}

/**
 * Refuses a request: an HTML page on the site (in the page's language) and to a browser that asked for a page
 * anywhere (a too-large form posted straight to /api or /admin shows a French page, not JSON), Payload-style JSON
 * in French to scripts.
 */
export function refuse(
  res: http.ServerResponse,
  where: { area: Area; english: boolean; html?: boolean },
  status: number,
  text: { title: MessageKey; body: MessageKey; params?: Record<string, string | number> },
): void {
  if (where.area === 'site' || where.html) return answer(res, status, serverPage(where.english ? 'en' : 'fr', text.title, text.body, text.params), 'html')
  answer(res, status, { errors: [{ message: t('fr', text.body, text.params) }] })
}
