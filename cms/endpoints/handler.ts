import type { PayloadHandler, PayloadRequest } from 'payload'
import { errorResponse } from './errors.ts'

/** The language a Payload request asks for (the admin's language), French unless English was chosen. */
export const requestLang = (req: PayloadRequest): 'fr' | 'en' => (req.i18n?.language === 'en' ? 'en' : 'fr')

/**
 * Wraps a Payload endpoint handler: whatever it throws (PortalError, zod, Payload errors, bugs) becomes the
 * portal's JSON error answer (see errors.ts), so handlers throw instead of writing error responses.
 */
export function endpoint(handler: PayloadHandler): PayloadHandler {
  return async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      return errorResponse(error, { lang: requestLang(req), log: req.payload.logger })
    }
  }
}
