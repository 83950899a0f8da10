import type { APIContext, APIRoute } from 'astro'
import { errorResponse } from '#cms/endpoints/errors.ts'
import type { TRequester } from '#cms/endpoints/download.ts'

/**
 * Wraps an Astro endpoint: whatever it throws (PortalError, zod, Payload errors, bugs) becomes the portal's JSON
 * error answer in the page's language, the same shape as `/api` errors (see docs/kits.md).
 */
export function route(handler: APIRoute): APIRoute {
  return async (context) => {
    try {
      return await handler(context)
    } catch (error) {
      return errorResponse(error, { lang: context.locals.lang, log: context.locals.payload?.logger })
    }
  }
}

/** Who asks, for the download and table-export kits (audit: actor and client address). */
export function requester({ locals, request }: Pick<APIContext, 'locals' | 'request'>): TRequester {
  return { payload: locals.payload, user: locals.user, headers: request.headers }
}
