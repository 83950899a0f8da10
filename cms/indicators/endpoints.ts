import type { Endpoint } from 'payload'
import { z } from 'zod'
import { requireCapability, requireUser } from '../endpoints/guards.ts'
import { endpoint } from '../endpoints/handler.ts'
import { exportTable, tableFormat } from '../endpoints/table-export.ts'
import { indicatorRows } from '../rules/dashboard-indicators.ts'
import { dashboardFor, dashboardTitle, indicatorParams, ZIndicatorQuery } from './load.ts'
import { lockQuarter, shownIndicators } from './lock.ts'

const ZLock = z.object({ quarter: z.string({ error: 'Indiquez le trimestre à verrouiller (2026Q1).' }).regex(/^\d{4}Q[1-4]$/, { error: 'Trimestre invalide : attendu sous la forme 2026Q1.' }) })

/**
 * `GET /api/indicators?from=&to=&region=&organisation=`: the dashboard's figures as JSON; `GET /api/indicators/export`
 * (same query, `format=csv|xlsx`): the very rows the page shows (`indicatorRows`), so the file equals the screen.
 */
export const indicatorEndpoints: Endpoint[] = [
  {
    path: '/indicators',
    method: 'get',
    handler: endpoint(async (req) => {
      const user = requireUser(req)
      const query = ZIndicatorQuery.parse(indicatorParams(req.searchParams))
      const { indicators, national, region, organisation } = await dashboardFor(req.payload, user, query, new Date())
      return Response.json({ ...indicators, national, region, organisation }, { headers: { 'Cache-Control': 'private, no-store' } })
    }),
  },
  {
    path: '/indicators/export',
    method: 'get',
    handler: endpoint(async (req) => {
      const user = requireUser(req)
      const format = tableFormat(req.searchParams)
      const query = ZIndicatorQuery.parse(indicatorParams(req.searchParams))
      const dashboard = await dashboardFor(req.payload, user, query, new Date())
      const { indicators } = await shownIndicators(req.payload, dashboard, new Date())
      const rows = indicatorRows(indicators).map((r) => [r.section, r.label, r.value])
      // Aggregates only: no person in the file, so no personal-data audit entry.
      return exportTable(req, { headers: ['Rubrique', 'Indicateur', 'Valeur'], rows, sheet: 'Indicateurs', title: dashboardTitle(dashboard), widths: [40, 40, 12] }, { format, fileName: `indicateurs-${query.from}-${query.to}`, personalData: false })
    }),
  },
  {
    // The quarter lock (coordination): JSON `{ quarter }` from a script, or the dashboard's form without JavaScript,
    // which goes back to the locked quarter's dashboard.
    path: '/indicators/lock',
    method: 'post',
    handler: endpoint(async (req) => {
      const user = requireCapability(req, 'coordinate')
      const form = (req.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')
      const body = form ? Object.fromEntries(new URLSearchParams(await new Response(req.body as BodyInit).text())) : await req.json?.().catch(() => null)
      const { quarter } = ZLock.parse(body)
      const snapshot = await lockQuarter(req, user, quarter, new Date())
      if (!form) return Response.json({ quarter: snapshot.quarter, lockedAt: snapshot.lockedAt, id: snapshot.id }, { status: 201 })
      const back = typeof body?.retour === 'string' && body.retour.startsWith('/rapports/indicateurs') ? body.retour : '/rapports/indicateurs'
      return new Response(null, { status: 303, headers: { Location: back, 'Cache-Control': 'no-store' } })
    }),
  },
]
