import type { APIRoute } from 'astro'
import { localePath } from '../i18n/index.ts'
import { redirect } from '../lib/page.ts'
import { clearedSessionCookie, endCurrentSession } from '../lib/session.ts'

/** Signs this device out (POST only: a link or prefetch must not sign anyone out). */
export const POST: APIRoute = async ({ locals, request }) => {
  if (locals.user) await endCurrentSession(locals.payload, request.headers, locals.user)
  return redirect(localePath(locals.lang, '/'), [clearedSessionCookie(locals.payload)])
}
