import type { APIRoute } from 'astro'
import { z } from 'zod'
import { audit } from '#cms/auth/audit.ts'
import { FOLLOW_UP_HEADERS, followUp } from '#cms/learning/follow-up.ts'
import { can } from '#cms/rules/roles.ts'
import { tableFile } from '#cms/trainings/statistics.ts'

const ZQuery = z.object({ format: z.enum(['csv', 'xlsx']).catch('csv') })

/** GET ?format=csv|xlsx — learners' progress (personal data: the export is written to the audit log). */
export const GET: APIRoute = async ({ url, locals, request }) => {
  if (!can(locals.user, 'followLearners')) return new Response('Réservé aux formateurs, à la coordination et aux administrateurs.', { status: 403 })
  const { format } = ZQuery.parse(Object.fromEntries(url.searchParams))
  const { rows } = await followUp(locals.payload, locals.user!)
  await audit(locals.payload, { action: 'export.personalData', actor: locals.user, ip: request.headers.get('x-portal-client-ip'), details: { what: 'self-training-progress', format, rows: rows.length } })
  const body = await tableFile([FOLLOW_UP_HEADERS, ...rows], format, 'Progression')
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="progression-autoformation.${format}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
