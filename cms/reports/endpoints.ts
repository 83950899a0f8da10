import type { Endpoint } from 'payload'
import { z } from 'zod'
import { download } from '../endpoints/download.ts'
import { PortalError } from '../endpoints/errors.ts'
import { requireCapability } from '../endpoints/guards.ts'
import { endpoint } from '../endpoints/handler.ts'
import { choiceParam } from '../endpoints/params.ts'
import { reportLetterhead } from '../globals/Letterhead.ts'
import { ZMonthCode } from '../rules/monthly-report.ts'
import { annualFromRecords } from './annual-data.ts'
import { renderAnnualReportDocx, renderAnnualReportPdf } from './annual-report.ts'
import { printableReport } from './monthly-data.ts'
import { renderMonthlyReportDocx, renderMonthlyReportPdf } from './monthly-report.ts'

const FORMATS = ['pdf', 'docx'] as const

const ZMonthlyQuery = z.object({
  month: ZMonthCode,
  version: z.coerce.number({ error: 'Version invalide : un numéro de version (1, 2…).' }).int({ error: 'Version invalide : un numéro de version (1, 2…).' }).min(1, { error: 'Version invalide : un numéro de version (1, 2…).' }).optional(),
})

const ZAnnualQuery = z.object({
  year: z.coerce.number({ error: 'Indiquez l’année, sur quatre chiffres (par exemple 2026).' }).int({ error: 'Année invalide : quatre chiffres, par exemple 2026.' }).min(2000, { error: 'Année invalide : quatre chiffres, de 2000 à 2100.' }).max(2100, { error: 'Année invalide : quatre chiffres, de 2000 à 2100.' }),
})

/**
 * The reports coordinators download (docs/reports.md). `GET /api/reports/monthly?month=YYYY-MM&format=pdf|docx`
 * prints the month's latest version (or `&version=n`); a month with no report yet prints the figures from the
 * records with empty narrative sections, so a link to any month always gives a file.
 * `GET /api/reports/annual?year=YYYY&format=pdf|docx`: the year's CPIMS+ aggregates (small cells suppressed) with
 * the training and supervision figures.
 */
export const reportEndpoints: Endpoint[] = [
  {
    path: '/reports/monthly',
    method: 'get',
    handler: endpoint(async (req) => {
      requireCapability(req, 'coordinate')
      const query = ZMonthlyQuery.parse({ month: req.searchParams.get('month') ?? undefined, version: req.searchParams.get('version') || undefined })
      const format = choiceParam(req.searchParams, 'format', FORMATS, 'pdf')
      const { docs } = await req.payload.find({
        collection: 'monthly-reports',
        where: { and: [{ month: { equals: query.month } }, ...(query.version ? [{ version: { equals: query.version } }] : [])] },
        sort: '-version',
        limit: 1,
        depth: 1,
        overrideAccess: false,
        user: req.user,
      })
      if (query.version && !docs[0]) throw new PortalError('notFound', { thing: 'record' })
      const report = await printableReport(req.payload, docs[0] ?? null, query.month)
      const { render, signatory } = await reportLetterhead(req.payload)
      const file = { ...report, signatory }
      const body = format === 'pdf' ? await renderMonthlyReportPdf(file, render) : await renderMonthlyReportDocx(file, render)
      const version = docs[0]?.version ?? 1
      const suffix = version > 1 ? `-v${version}` : ''
      return download({ body, fileName: `rapport-mensuel-${query.month}${suffix}.${format}`, kind: format })
    }),
  },
  {
    path: '/reports/annual',
    method: 'get',
    handler: endpoint(async (req) => {
      requireCapability(req, 'coordinate')
      const { year } = ZAnnualQuery.parse({ year: req.searchParams.get('year') || undefined })
      const format = choiceParam(req.searchParams, 'format', FORMATS, 'pdf')
      const figures = await annualFromRecords(req.payload, year)
      const { render, signatory } = await reportLetterhead(req.payload)
      const body = format === 'pdf' ? await renderAnnualReportPdf(figures, signatory, render) : await renderAnnualReportDocx(figures, signatory, render)
      return download({ body, fileName: `rapport-annuel-${year}.${format}`, kind: format })
    }),
  },
]
