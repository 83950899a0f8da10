import type { Payload } from 'payload'
import { relatedText as nameOf } from '../fields/relations.ts'
import { annualFigures, type TAnnualFigures } from '../rules/annual-report.ts'
import { periodBounds } from '../rules/periods.ts'
import { trainingRecords } from '../trainings/statistics.ts'

/** The year's records (as the system: the report is for coordination), shaped for cms/rules/annual-report.ts. */
export async function annualFromRecords(payload: Payload, year: number): Promise<TAnnualFigures> {
  const { start, end } = periodBounds({ type: 'year', year })
  const within = (field: string) => ({ and: [{ [field]: { greater_than_equal: start.toISOString() } }, { [field]: { less_than: end.toISOString() } }] })
  const all = { limit: 0, pagination: false, overrideAccess: true } as const
  const [aggregates, regions, participations, trainings, visits] = await Promise.all([
    payload.find({ collection: 'case-aggregates', depth: 0, ...all, where: { month: { like: `${year}-` } } }),
    payload.find({ collection: 'regions', depth: 0, sort: 'name', ...all }),
    trainingRecords(payload, null, true),
    payload.find({ collection: 'trainings', depth: 0, ...all, where: within('startDate') }),
    payload.find({ collection: 'supervision-visits', depth: 1, ...all, where: within('date') }),
  ])
  return annualFigures(
    {
      aggregates: aggregates.docs.map((a) => ({ month: a.month, region: a.region, sex: a.sex, ageGroup: a.ageGroup, dimension: a.dimension, category: a.category, count: a.count })),
      regions: regions.docs.map((r) => ({ code: r.code, name: r.name })),
      participations,
      trainings: trainings.docs.map((t) => ({ status: t.status, startDate: String(t.startDate) })),
      visits: visits.docs.map((v) => ({ date: String(v.date), mode: v.mode ?? undefined, region: nameOf(v.region, 'name') || 'Région non renseignée' })),
    },
    year,
  )
}
