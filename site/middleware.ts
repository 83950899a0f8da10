import { defineMiddleware } from 'astro:middleware'
import { payloadInstance } from '#cms/instance.ts'
import { cacheKey, contentVersion, encodedBody, isCacheable, PageCache, preferredEncoding } from './lib/page-cache.ts'
import { currentUser, renewedSessionCookie } from './lib/session.ts'

const pages = new PageCache()

/**
 * Every site request: language (English pages are the French ones under /en/), the signed-in person
 * from Payload's session cookie, the render cache (visitors, and signed-in people on pages that show nothing
 * personal), session renewal while in use, and no shared caching of a signed-in person's pages.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // site/server strips the /en prefix and says so in this header (removed from incoming requests).
  context.locals.lang = context.request.headers.get('x-portal-lang') === 'en' ? 'en' : 'fr'
  const payload = payloadInstance()
  context.locals.payload = payload
  const user = await currentUser(payload, context.request.headers)
  context.locals.user = user

  let response: Response
  if (context.request.method === 'GET' && isCacheable(context.url.pathname, context.url.searchParams)) {
    const key = cacheKey(context.locals.lang, `${context.url.pathname}${context.url.search}`, user)
    const version = await contentVersion(payload)
    const hit = pages.get(key, version)
    if (hit) {
      // Sent already compressed when this encoding of the page is ready: compressing is most of a hit's cost.
      const encoding = preferredEncoding(context.request.headers.get('accept-encoding'))
      const encoded = encoding ? encodedBody(hit, encoding) : null
      const headers = new Headers([...hit.headers, ['X-Portal-Cache', 'hit']])
      if (encoded) {
        headers.set('Content-Encoding', encoding!)
        headers.set('Content-Length', String(encoded.length))
        headers.append('Vary', 'Accept-Encoding')
      }
      // zlib's buffers sit on a plain ArrayBuffer (never a shared one), which is what a Response body takes.
      response = new Response(encoded ? (encoded as Uint8Array<ArrayBuffer>) : hit.body, { status: hit.status, headers })
    } else {
      response = await next()
      // A visitor's page is kept; a signed-in person's only when the page declared it shows nothing personal.
      const shared = !user || context.locals.sharedByRole === true
      if (shared && (response.status === 200 || response.status === 404) && !response.headers.has('Set-Cookie')) {
        const body = await response.text()
        pages.set(key, { version, status: response.status, headers: [...response.headers.entries()], body })
        response = new Response(body, { status: response.status, headers: response.headers })
      }
    }
  } else {
    response = await next()
  }

  if (user) {
    response.headers.set('Cache-Control', 'private, no-store')
    // Form posts manage their own cookie (sign-in, sign-out, password change); plain reads renew the session.
    if (context.request.method === 'GET' && !response.headers.has('Set-Cookie')) {
      const renewed = await renewedSessionCookie(payload, context.request.headers, user)
      if (renewed) response.headers.append('Set-Cookie', renewed)
    }
  }
  return response
})
