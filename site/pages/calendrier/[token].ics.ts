import type { APIRoute } from 'astro'
import { download } from '#cms/endpoints/download.ts'
import { calendarFeed } from '#cms/meetings/feed.ts'

/**
 * GET /calendrier/<token>.ics — a person's calendar feed, read by calendar software without signing in through
 * its secret address (issued on /reunions; a new address revokes the previous one).
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const body = await calendarFeed(locals.payload, (params.token ?? '').slice(0, 200), new Date())
  if (body === null) {
    return new Response('Adresse d’agenda inconnue, expirée ou remplacée : demandez une nouvelle adresse sur la page « Réunions » du portail.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    })
  }
  return download({ body, kind: 'ics', fileName: 'reunions-cadre-commun.ics', inline: true })
}
