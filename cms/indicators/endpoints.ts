import type { Endpoint } from 'payload'
import { requireUser } from '../endpoints/guards.ts'
import { endpoint } from '../endpoints/handler.ts'
import { dashboardFor, indicatorParams, ZIndicatorQuery } from './load.ts'

/** `GET /api/indicators?from=&to=&region=&organisation=`: the dashboard's figures as JSON (docs/indicators.md). */
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
]
