import type { Endpoint } from 'payload'
import { z } from 'zod'
import { audit, clientIp } from '../auth/audit.ts'
import { download } from '../endpoints/download.ts'
import { requireCapability } from '../endpoints/guards.ts'
import { endpoint } from '../endpoints/handler.ts'
import { periodParam } from '../endpoints/params.ts'
import { parsePeriodCode, periodCode } from '../rules/periods.ts'
import { dataValueSetOf, pushToDhis2 } from './exchange.ts'

/** DHIS2 takes the portal's figures by month, quarter or year. */
const PERIOD_TYPES = ['month', 'quarter', 'year'] as const

const ZPushRequest = z.object({
  period: z
    .string({ error: 'Indiquez la période (202503, 2025Q1 ou 2025).' })
    .refine((code) => (PERIOD_TYPES as readonly string[]).includes(parsePeriodCode(code)?.type ?? ''), { error: 'Période invalide : un mois (202503), un trimestre (2025Q1) ou une année (2025).' }),
  send: z.boolean({ error: '« send » : true pour l’envoi réel après l’essai à blanc, false pour l’essai seul.' }).default(false),
})

/** The DHIS2 exchange (docs/indicators.md): the payload as a file, and the push (dry run, then for real). Coordinators. */
export const dhis2Endpoints: Endpoint[] = [
  {
    path: '/dhis2/data-value-sets',
    method: 'get',
    handler: endpoint(async (req) => {
      requireCapability(req, 'coordinate')
      const period = periodParam(req.searchParams, 'period', PERIOD_TYPES)
      const { payload } = await dataValueSetOf(req.payload, period)
      return download({ body: `${JSON.stringify(payload, null, 2)}\n`, fileName: `dhis2-${periodCode(period)}.json`, kind: 'json' })
    }),
  },
  {
    path: '/dhis2/push',
    method: 'post',
    handler: endpoint(async (req) => {
      const user = requireCapability(req, 'coordinate')
      const input = ZPushRequest.parse(await req.json?.())
      const result = await pushToDhis2(req.payload, parsePeriodCode(input.period)!, { send: input.send, by: user })
      if (result.sent) {
        await audit(req.payload, { action: 'dhis2.sent', actor: user as never, ip: clientIp(req.headers), details: { period: result.period, values: result.values, status: result.sent.summary.status } })
      }
      return Response.json(result)
    }),
  },
]
