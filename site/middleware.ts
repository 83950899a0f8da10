import { defineMiddleware } from 'astro:middleware'
import { payloadInstance } from '#cms/instance.ts'
import { currentUser, renewedSessionCookie } from './lib/session.ts'

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
