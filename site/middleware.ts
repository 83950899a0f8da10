import { defineMiddleware } from 'astro:middleware'
import { payloadInstance } from '#cms/instance.ts'
import { contentVersion, isCacheable, PageCache } from './lib/page-cache.ts'
import { currentUser, renewedSessionCookie } from './lib/session.ts'

const pages = new PageCache()

/**
 * Every site request: language (English pages are the French ones under /en/), the signed-in person
 * from Payload's session cookie, session renewal while in use, and no caching of personal pages.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // site/server strips the /en prefix and says so in this header (removed from incoming requests).
  context.locals.lang = context.request.headers.get('x-portal-lang') === 'en' ? 'en' : 'fr'
  const payload = payloadInstance()
  context.locals.payload = payload
  context.locals.user = await currentUser(payload, context.request.headers)

  if (!context.locals.user && context.request.method === 'GET' && isCacheable(context.url.pathname, context.url.searchParams)) {
    const key = `${context.locals.lang}|${context.url.pathname}${context.url.search}`
    const version = await contentVersion(payload)
    const hit = pages.get(key, version)
    if (hit) return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['X-Portal-Cache', 'hit']] })
    const rendered = await next()
    if ((rendered.status !== 200 && rendered.status !== 404) || rendered.headers.has('Set-Cookie')) return rendered
    const body = await rendered.text()
    pages.set(key, { version, status: rendered.status, headers: [...rendered.headers.entries()], body })
    return new Response(body, { status: rendered.status, headers: rendered.headers })
  }

  const response = await next()

  if (context.locals.user) {
    response.headers.set('Cache-Control', 'private, no-store')
    // Form posts manage their own cookie (sign-in, sign-out, password change); plain reads renew the session.
    if (context.request.method === 'GET' && !response.headers.has('Set-Cookie')) {
      const renewed = await renewedSessionCookie(payload, context.request.headers, context.locals.user)
      if (renewed) response.headers.append('Set-Cookie', renewed)
    }
  }
  return response
})
