import { AGE_GROUPS, CASE_SEXES, CASE_STATUSES, CONCERNS, SERVICES, type TCaseAggregate } from './case-aggregates.ts'
import { suppressCount, suppressTable } from './small-cells.ts'
import { visitsByRegionAndMode, type VisitMode } from './supervision.ts'
import { statistics, type TTrainingRecord } from './trainings.ts'

// The figures of the annual report (docs/reports.md): the CPIMS+ case aggregates of the year (cases by region,
// sex, age group and status; concerns, services, referrals) and the portal's own training and supervision
// figures. The report is shared beyond coordination, so case counts pass the small-cell rule
// (cms/rules/small-cells.ts): under 5 shown "< 5", and a breakdown whose total is shown gets its secondary
// suppression ("×"). Concerns, services and referrals count a case once per category (a case may have several),
// so they have no total and only the primary rule applies.

/** One line of a breakdown: what is counted, the count, and the text to print (suppressed or not). */
export type TLine = { label: string; value: number; shown: string; suppressed: boolean }
export type TBreakdown = { lines: TLine[]; total?: TLine }

export type TAnnualFigures = {
  year: number
  cases: { total: string; byRegion: TBreakdown; bySex: TBreakdown; byAge: TBreakdown; byStatus: TBreakdown; concerns: TBreakdown; services: TBreakdown; referrals: TBreakdown }
  training: { trainingsHeld: number; women: number; men: number; people: number; byTrainingRegion: { label: string; women: number; men: number; total: number }[] }
  supervision: { visits: number; byRegion: { region: string; counts: Record<VisitMode, number>; total: number }[] }
}

export type TAnnualInputs = {
  aggregates: readonly TCaseAggregate[]
  /** Region code → name, in the order regions are listed. */
  regions: readonly { code: string; name: string }[]
  participations: readonly TTrainingRecord[]
  trainings: readonly { status: string; startDate: string }[]
  visits: readonly { date: string; mode?: string; region: string }[]
}

const AGE_LABELS: Record<string, string> = Object.fromEntries(AGE_GROUPS.map((g) => [g, g === 'unknown' ? 'Âge non renseigné' : `${g} ans`]))

/** A breakdown whose total is shown: every category listed (zeros included), with secondary suppression. */
function withTotal(categories: readonly { key: string; label: string }[], count: (key: string) => number): TBreakdown {
  const values = categories.map((c) => count(c.key))
  const table = suppressTable(values.map((v) => [v]))
  const line = (label: string, cell: { value: number; text: string; suppressed: string }): TLine => ({ label, value: cell.value, shown: cell.text, suppressed: cell.suppressed !== 'no' })
  return { lines: categories.map((c, i) => line(c.label, table[i]![0]!)), total: line('Total', table[categories.length]![0]!) }
}

/** A breakdown without a total (a case counts in several categories): categories with at least one case, most first. */
function withoutTotal(categories: readonly { key: string; label: string }[], count: (key: string) => number): TBreakdown {
  const lines = categories
    .map((c) => ({ label: c.label, value: count(c.key) }))
    .filter((l) => l.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'fr'))
    .map((l) => ({ ...l, shown: suppressCount(l.value), suppressed: suppressCount(l.value).startsWith('<') }))
  return { lines }
}

const entries = (labels: Record<string, { fr: string }>) => Object.entries(labels).map(([key, l]) => ({ key, label: l.fr }))

export function annualFigures(input: TAnnualInputs, year: number): TAnnualFigures {
  const ofYear = input.aggregates.filter((a) => a.month.startsWith(`${year}-`))
  const sum = (filter: (a: TCaseAggregate) => boolean) => ofYear.filter(filter).reduce((n, a) => n + a.count, 0)
  const cases = (filter: (a: TCaseAggregate) => boolean) => sum((a) => a.dimension === 'cases' && filter(a))
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const trained = statistics([...input.participations], { from, to })
  const visits = input.visits.filter((v) => v.date.slice(0, 4) === String(year))
  return {
    year,
    cases: {
      total: suppressCount(cases(() => true)),
      byRegion: withTotal(input.regions.map((r) => ({ key: r.code, label: r.name })), (code) => cases((a) => a.region === code)),
      bySex: withTotal(entries(CASE_SEXES), (sex) => cases((a) => a.sex === sex)),
      byAge: withTotal(AGE_GROUPS.map((g) => ({ key: g, label: AGE_LABELS[g]! })), (group) => cases((a) => a.ageGroup === group)),
      byStatus: withTotal(entries(CASE_STATUSES), (status) => cases((a) => a.category === status)),
      concerns: withoutTotal(entries(CONCERNS), (c) => sum((a) => a.dimension === 'concern' && a.category === c)),
      services: withoutTotal(entries(SERVICES), (s) => sum((a) => a.dimension === 'service' && a.category === s)),
      referrals: withoutTotal(entries(SERVICES), (s) => sum((a) => a.dimension === 'referral' && a.category === s)),
    },
    training: {
      trainingsHeld: input.trainings.filter((t) => !['cancelled', 'postponed'].includes(t.status) && t.startDate.slice(0, 4) === String(year)).length,
      women: trained.women,
      men: trained.men,
      people: trained.people,
      byTrainingRegion: trained.byTrainingRegion.map((r) => ({ label: r.key, women: r.women, men: r.men, total: r.total })),
    },
    supervision: { visits: visits.length, byRegion: visitsByRegionAndMode(visits) },
  }
}
