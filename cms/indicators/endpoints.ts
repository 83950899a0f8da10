import type { Endpoint } from 'payload'
import { requireUser } from '../endpoints/guards.ts'
import { endpoint } from '../endpoints/handler.ts'
import { exportTable, tableFormat } from '../endpoints/table-export.ts'
import { indicatorRows } from '../rules/dashboard-indicators.ts'
import { dashboardFor, dashboardTitle, indicatorParams, ZIndicatorQuery } from './load.ts'

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
      const rows = indicatorRows(dashboard.indicators).map((r) => [r.section, r.label, r.value])
      // Aggregates only: no person in the file, so no personal-data audit entry.
      return exportTable(req, { headers: ['Rubrique', 'Indicateur', 'Valeur'], rows, sheet: 'Indicateurs', title: dashboardTitle(dashboard), widths: [40, 40, 12] }, { format, fileName: `indicateurs-${query.from}-${query.to}`, personalData: false })
    }),
  },
]
