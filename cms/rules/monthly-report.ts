import { z } from 'zod'
import { civilDay, nextPeriod, periodDays, type TPeriod } from './periods.ts'
import { visitsByRegionAndMode, type VisitMode } from './supervision.ts'
import { statistics, type TTrainingRecord } from './trainings.ts'

// The figures of the monthly activity report (docs/reports.md), from plain records: what was done in the month
// (trainings held and people trained by sex, supervision visits, framework meetings held, resources and news
// published, support requests received and resolved) and what is planned for the next month (trainings and
// meetings planned, capacity-plan items still open that fall due). Counting rules are those of the other figures
// of the portal: people trained are distinct people of trainings that started in the month (cms/rules/trainings.ts
// `statistics`), cancelled and postponed trainings are not "held", visits are tabled by region and mode as the
// supervision summary does (cms/rules/supervision.ts).

export type TMonth = Extract<TPeriod, { type: 'month' }>

/** `YYYY-MM`, the month of a monthly report (the query parameter and the collection's key). */
export const ZMonthCode = z
  .string({ error: 'Indiquez le mois, au format AAAA-MM (par exemple 2026-03).' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Mois invalide : attendu AAAA-MM (par exemple 2026-03).' })

export function monthOfCode(code: string): TMonth {
  return { type: 'month', year: Number(code.slice(0, 4)), month: Number(code.slice(5, 7)) }
}
export function monthCode(month: TMonth): string {
  return `${month.year}-${String(month.month).padStart(2, '0')}`
}

export type TMonthlyInputs = {
  participations: readonly TTrainingRecord[]
  trainings: readonly { title: string; status: string; region: string; startDate: string; endDate: string }[]
  visits: readonly { date: string; mode?: string; region: string }[]
  meetings: readonly { title: string; status: string; start: string }[]
  /** Published resources and news, by publication instant. */
  resources: readonly { publishedAt: string }[]
  news: readonly { publishedAt: string }[]
  support: readonly { createdAt: string; resolvedAt?: string | null }[]
  planItems: readonly { activity: string; status: string; deadline?: string | null; responsible?: string | null }[]
}

export type TMonthlyFigures = {
  month: string
  trainings: { title: string; region: string; startDate: string; endDate: string }[]
  trainingsHeld: number
  peopleTrained: { women: number; men: number; total: number }
  visits: { total: number; byRegion: { region: string; counts: Record<VisitMode, number>; total: number }[] }
  meetingsHeld: { title: string; day: string }[]
  resourcesPublished: number
  newsPublished: number
  support: { received: number; resolved: number }
}

export type TMonthlyPlans = {
  trainings: { title: string; region: string; startDate: string }[]
  meetings: { title: string; day: string }[]
  planItems: { activity: string; deadline: string; responsible: string }[]
}

const NOT_HELD = new Set(['cancelled', 'postponed'])

/** What was done in the month, from the records. */
export function monthlyFigures(input: TMonthlyInputs, month: TMonth): TMonthlyFigures {
  const { first, last } = periodDays(month)
  const inMonth = (day: string) => day >= first && day <= last
  const instantIn = (at: string | null | undefined) => !!at && inMonth(civilDay(new Date(at)))
  const trainings = input.trainings
    .filter((t) => !NOT_HELD.has(t.status) && inMonth(t.startDate.slice(0, 10)))
    .map((t) => ({ title: t.title, region: t.region, startDate: t.startDate.slice(0, 10), endDate: t.endDate.slice(0, 10) }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'fr'))
  const trained = statistics([...input.participations], { from: first, to: last })
  const visits = input.visits.filter((v) => inMonth(v.date.slice(0, 10)))
  return {
    month: monthCode(month),
    trainings,
    trainingsHeld: trainings.length,
    peopleTrained: { women: trained.women, men: trained.men, total: trained.people },
    visits: { total: visits.length, byRegion: visitsByRegionAndMode(visits) },
    meetingsHeld: input.meetings
      .filter((m) => m.status === 'held' && instantIn(m.start))
      .map((m) => ({ title: m.title, day: civilDay(new Date(m.start)) }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    resourcesPublished: input.resources.filter((r) => instantIn(r.publishedAt)).length,
    newsPublished: input.news.filter((n) => instantIn(n.publishedAt)).length,
    support: { received: input.support.filter((s) => instantIn(s.createdAt)).length, resolved: input.support.filter((s) => instantIn(s.resolvedAt)).length },
  }
}

/**
 * What is planned for the month after `month`: trainings and meetings planned to start then, and capacity-plan
 * items not done whose deadline falls by the end of that month (overdue ones included: they are still to do).
 */
export function plansAfter(input: Pick<TMonthlyInputs, 'trainings' | 'meetings' | 'planItems'>, month: TMonth): TMonthlyPlans {
  const { first, last } = periodDays(nextPeriod(month))
  const inNext = (day: string) => day >= first && day <= last
  return {
    trainings: input.trainings
      .filter((t) => t.status === 'planned' && inNext(t.startDate.slice(0, 10)))
      .map((t) => ({ title: t.title, region: t.region, startDate: t.startDate.slice(0, 10) }))
      .sort((a, b) => a.startDate.localeCompare(b.startDate)),
    meetings: input.meetings
      .filter((m) => m.status === 'planned' && inNext(civilDay(new Date(m.start))))
      .map((m) => ({ title: m.title, day: civilDay(new Date(m.start)) }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    planItems: input.planItems
      .filter((i) => i.status !== 'done' && !!i.deadline && i.deadline.slice(0, 10) <= last)
      .map((i) => ({ activity: i.activity, deadline: i.deadline!.slice(0, 10), responsible: i.responsible?.trim() ?? '' }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline)),
  }
}

/** The "planned next month" narrative prefilled in a new report, one "- " line per planned item, for the coordinator to edit. */
export function plannedText(plans: TMonthlyPlans, formatDay: (day: string) => string): string {
  return [
    ...plans.trainings.map((t) => `- Formation « ${t.title} » (${t.region}), à partir du ${formatDay(t.startDate)}`),
    ...plans.meetings.map((m) => `- Réunion « ${m.title} », le ${formatDay(m.day)}`),
    ...plans.planItems.map((i) => `- Plan de renforcement : ${i.activity} (échéance ${formatDay(i.deadline)}${i.responsible ? `, ${i.responsible}` : ''})`),
  ].join('\n')
}
