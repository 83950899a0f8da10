import type { Payload } from 'payload'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import { MAX_ATTACHMENT_BYTES } from '../email/attachments.ts'
import { monthlyReportDraft } from '../email/templates.ts'
import { reportLetterhead } from '../globals/Letterhead.ts'
import type { TDailyCheck } from '../jobs/daily.ts'
import { adminDocHref } from '../rules/admin-links.ts'
import { monthCode } from '../rules/monthly-report.ts'
import { isFirstWorkingDayOfMonth, periodLabel, periodOf, previousPeriod } from '../rules/periods.ts'
import { CAPABILITIES } from '../rules/roles.ts'
import { printableReport } from './monthly-data.ts'
import { renderMonthlyReportPdf } from './monthly-report.ts'

/**
 * The monthly report's check of the daily routine (cms/jobs/daily-checks.ts): on the first working day of a month,
 * the previous month's report is drafted if nobody has started it, and coordination receives the draft — the PDF
 * attached, and the link to complete it in the back office. A month whose report is already submitted needs
 * nothing: no draft, no email.
 */
export const monthlyReportCheck: TDailyCheck = {
  name: 'monthly-report',
  async run(payload, now) {
    if (!isFirstWorkingDayOfMonth(now)) return
    const month = previousPeriod(periodOf('month', now))
    const code = monthCode(month)
    const { docs } = await payload.find({ collection: 'monthly-reports', where: { month: { equals: code } }, sort: '-version', limit: 1, depth: 1, overrideAccess: true })
    if (docs[0]?.status === 'submitted') return
    const draft = docs[0] ?? (await payload.create({ collection: 'monthly-reports', data: { month: code, status: 'draft' }, overrideAccess: true }))
    await mailDraft(payload, draft.id, await printableReport(payload, draft, code), periodLabel(month))
  },
}

async function mailDraft(payload: Payload, id: number, report: Awaited<ReturnType<typeof printableReport>>, label: string): Promise<void> {
  const { render, signatory } = await reportLetterhead(payload)
  const pdf = await renderMonthlyReportPdf({ ...report, signatory }, render)
  // A report too heavy for the email (many logos) goes by link only; the link is always there.
  const attached = pdf.length <= MAX_ATTACHMENT_BYTES
  const attachments = attached ? [{ fileName: `rapport-mensuel-${report.figures.month}.pdf`, contentType: 'application/pdf', encoding: 'base64' as const, content: pdf.toString('base64') }] : []
  const url = `${env.publicUrl}${adminDocHref('monthly-reports', id)}`
  const { docs: coordinators } = await payload.find({ collection: 'users', overrideAccess: true, depth: 0, limit: 200, pagination: false, where: { and: [{ roles: { in: [...CAPABILITIES.coordinate] } }, { active: { not_equals: false } }] } })
  for (const person of coordinators) await queueEmail(payload, { to: person.email, ...monthlyReportDraft(person.name, label, attached, url), attachments })
}
