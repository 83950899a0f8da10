import type { APIRoute } from 'astro'
import { redirect } from '../../../lib/page.ts'
import { ACTOR_COOKIE, sandboxPage } from '../../../lib/sandbox.ts'

/** Chooses the account the person acts as in this workspace (only one of their own), then goes back. */
export const POST: APIRoute = async (context) => {
  const page = await sandboxPage(context)
  if (!page) return new Response(null, { status: 404 })
  const form = await context.request.formData().catch(() => new FormData())
  const chosen = String(form.get('compte') ?? '')
  const back = String(form.get('suite') ?? page.base)
  const safeBack = back.startsWith(`${page.base}`) || back.startsWith(`/en${page.base}`) ? back : page.base
  if (!page.opened.actors.some((a) => a.id === chosen)) return redirect(safeBack)
  return redirect(safeBack, [`${ACTOR_COOKIE(page.opened.ws.id)}=${chosen}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`])
}
