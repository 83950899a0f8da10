import type { Payload, PayloadRequest } from 'payload'
import { relatedText as nameOf } from '../fields/relations.ts'
import type { MonthlyReport } from '../payload-types.ts'
import { monthCode, monthlyFigures, monthOfCode, plansAfter, type TMonth, type TMonthlyFigures, type TMonthlyInputs, type TMonthlyPlans } from '../rules/monthly-report.ts'
import { nextPeriod, periodBounds } from '../rules/periods.ts'
import { trainingRecords } from '../trainings/statistics.ts'
import type { TMonthlyReport } from './monthly-report.ts'

// Reads the records a monthly report is made of (as the system: the report is for coordination, who read them
// all) and hands them to the pure rules of cms/rules/monthly-report.ts. Only the records of the month and of the
// next one are read, except enrolments, which the statistics rule filters by their training's start day.

/** The records of `month` and the month after it, shaped for the rules. */
export async function monthlyInputs(payload: Payload, month: TMonth, req?: Partial<PayloadRequest>): Promise<TMonthlyInputs> {
  const from = periodBounds(month).start.toISOString()
  const to = periodBounds(nextPeriod(month)).end.toISOString()
  const within = (field: string) => ({ and: [{ [field]: { greater_than_equal: from } }, { [field]: { less_than: to } }] })
  const all = { limit: 0, pagination: false, overrideAccess: true, req } as const
  const [participations, trainings, visits, meetings, resources, news, support, planItems] = await Promise.all([
    trainingRecords(payload, null, true),
    payload.find({ collection: 'trainings', depth: 1, ...all, where: within('startDate') }),
    payload.find({ collection: 'supervision-visits', depth: 1, ...all, where: within('date') }),
    payload.find({ collection: 'meetings', depth: 0, ...all, where: within('start') }),
    payload.find({ collection: 'resources', depth: 0, ...all, where: { and: [{ _status: { equals: 'published' } }, within('publishedAt')] } }),
    payload.find({ collection: 'news', depth: 0, ...all, where: { and: [{ _status: { equals: 'published' } }, within('publishedAt')] } }),
    payload.find({ collection: 'support-requests', depth: 0, ...all, where: { or: [within('createdAt'), within('resolvedAt')] } }),
    payload.find({ collection: 'capacity-plan-items', depth: 0, ...all, where: { and: [{ status: { not_equals: 'done' } }, { deadline: { less_than: to } }] } }),
  ])
  return {
    participations,
    trainings: trainings.docs.map((t) => ({ title: t.title, status: t.status, region: nameOf(t.region, 'name'), startDate: String(t.startDate), endDate: String(t.endDate) })),
    visits: visits.docs.map((v) => ({ date: String(v.date), mode: v.mode ?? undefined, region: nameOf(v.region, 'name') || 'Région non renseignée' })),
    meetings: meetings.docs.map((m) => ({ title: m.title, status: m.status, start: String(m.start) })),
    resources: resources.docs.flatMap((r) => (r.publishedAt ? [{ publishedAt: r.publishedAt }] : [])),
    news: news.docs.flatMap((n) => (n.publishedAt ? [{ publishedAt: n.publishedAt }] : [])),
    support: support.docs.map((s) => ({ createdAt: s.createdAt, resolvedAt: s.resolvedAt ?? null })),
    planItems: planItems.docs.map((i) => ({ activity: i.activity, status: i.status, deadline: i.deadline ?? null, responsible: i.responsible ?? null })),
  }
}

/** The month's figures and next month's plans, from the records as they are now. */
export async function monthFromRecords(payload: Payload, month: TMonth, req?: Partial<PayloadRequest>): Promise<{ figures: TMonthlyFigures; plans: TMonthlyPlans }> {
  const inputs = await monthlyInputs(payload, month, req)
  return { figures: monthlyFigures(inputs, month), plans: plansAfter(inputs, month) }
}

/**
 * The report to print for a stored record: a submitted report prints the figures frozen at its submission (what
 * was sent stays what was sent); a draft prints the records as they are now.
 */
export async function printableReport(payload: Payload, record: MonthlyReport | null, month: string): Promise<TMonthlyReport> {
  const frozen = record?.status === 'submitted' && record.figures ? (record.figures as TMonthlyFigures) : null
  const figures = frozen ?? (await monthFromRecords(payload, monthOfCode(month))).figures
  return {
    figures: { ...figures, month: monthCode(monthOfCode(month)) },
    summary: record?.summary,
    difficulties: record?.difficulties,
    plannedNextMonth: record?.plannedNextMonth,
    status: record?.status ?? 'draft',
    version: record?.version ?? 1,
    submittedBy: record ? nameOf(record.submittedBy, 'name') || null : null,
    submittedAt: record?.submittedAt ?? null,
  }
}
