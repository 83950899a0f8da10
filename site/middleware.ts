import { defineMiddleware } from 'astro:middleware'
import { payloadInstance } from '#cms/instance.ts'
import { encodedBody, type TEncoding, wholePage } from './lib/compression.ts'
import { cacheKey, contentVersion, isCacheable, PageCache } from './lib/page-cache.ts'
import { fillPersonSlots } from './lib/person-slots.ts'
import { currentUser, renewedSessionCookie } from './lib/session.ts'

const pages = new PageCache()

type TPerson = { id: number | string; name?: string | null } | null

/** The page as this person gets it: the stand-ins of a rendering shared by role filled in (site/lib/person-slots.ts). */
const forPerson = (body: string, person: TPerson) => (person ? fillPersonSlots(body, person) : body)

/** An HTML page rendered to its end and sent in one piece (site/lib/compression.ts); anything else as it comes. */
async function whole(response: Response, accepted: string | null, person: TPerson): Promise<Response> {
  if (!response.body || response.headers.has('Content-Encoding') || !response.headers.get('Content-Type')?.startsWith('text/html')) return response
  return wholePage(forPerson(await response.text(), person), { status: response.status, headers: response.headers }, accepted)
}

/**
 * Every site request: language (English pages are the French ones under /en/), the signed-in person
 * from Payload's session cookie, the render cache (visitors, and signed-in people on pages that show nothing
 * personal), session renewal while in use, and no shared caching of a signed-in person's pages.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // A page's `Astro.rewrite` (to the 404 page) runs this middleware again, inside the first run and with the same
  // locals: that run only renders, so a page is cached, compressed and its session renewed once.
  if (context.locals.handled) return next()
  context.locals.handled = true
  // site/server strips the /en prefix and says so in this header (removed from incoming requests).
  context.locals.lang = context.request.headers.get('x-portal-lang') === 'en' ? 'en' : 'fr'
  const payload = payloadInstance()
  context.locals.payload = payload
  const user = await currentUser(payload, context.request.headers)
  context.locals.user = user

  const accepted = context.request.headers.get('accept-encoding')
  let response: Response
  if (context.request.method === 'GET' && isCacheable(context.url.pathname, context.url.searchParams)) {
    const key = cacheKey(context.locals.lang, `${context.url.pathname}${context.url.search}`, user)
    const version = await contentVersion(payload)
    const hit = pages.get(key, version)
    if (hit) {
      // A rendering shared by role is filled in for each person, so compressed on the spot; visitors get the bytes
      // compressed once.
      const body = forPerson(hit.body, user)
      const bytes = body === hit.body ? (encoding: TEncoding) => encodedBody(hit, encoding) : undefined
      response = wholePage(body, { status: hit.status, headers: new Headers([...hit.headers, ['X-Portal-Cache', 'hit']]) }, accepted, bytes)
    } else {
      response = await next()
      // A visitor's page is kept; a signed-in person's only when the page declared it shows nothing personal.
      const shared = !user || context.locals.sharedByRole === true
      if (shared && (response.status === 200 || response.status === 404) && !response.headers.has('Set-Cookie')) {
        const body = await response.text()
        pages.set(key, { version, status: response.status, headers: [...response.headers.entries()], body })
        response = wholePage(forPerson(body, user), { status: response.status, headers: response.headers }, accepted)
      } else response = await whole(response, accepted, user)
    }
  } else {
    response = await whole(await next(), accepted, user)
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
