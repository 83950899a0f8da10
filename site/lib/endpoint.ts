import type { APIContext, APIRoute } from 'astro'
import { errorResponse, PortalError } from '#cms/endpoints/errors.ts'
import type { TValidation } from './offline-items.ts'
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

/**
 * The value a validator accepted, or a 400 whose message is the validator's own French reason (the same check the
 * browser ran before queuing the item, so a refusal here means a tampered or outdated client).
 */
export function accepted<T>(validation: TValidation<T>, field: string): T {
  if (validation.ok) return validation.value
  throw new PortalError('invalidInput', {}, [{ path: field, message: validation.reason }])
}
