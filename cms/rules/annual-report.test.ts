import { describe, expect, it } from 'vitest'
import type { TCaseAggregate } from './case-aggregates.ts'
import { annualFigures, type TAnnualInputs } from './annual-report.ts'

const agg = (over: Partial<TCaseAggregate>): TCaseAggregate => ({ month: '2026-03', region: 'KAY', sex: 'F', ageGroup: '12-14', dimension: 'cases', category: 'open', count: 1, ...over })
const input: TAnnualInputs = {
  regions: [{ code: 'KAY', name: 'Kayes' }, { code: 'MOP', name: 'Mopti' }, { code: 'GAO', name: 'Gao' }],
  aggregates: [
    agg({ count: 20 }),
    agg({ region: 'MOP', sex: 'M', ageGroup: '15-17', count: 12, category: 'closed' }),
    agg({ region: 'GAO', count: 3 }),
    agg({ month: '2025-12', count: 99 }),
    agg({ dimension: 'concern', category: 'physicalViolence', count: 14 }),
    agg({ dimension: 'concern', category: 'neglect', count: 2 }),
    agg({ dimension: 'service', category: 'health', count: 9 }),
    agg({ dimension: 'referral', category: 'legal', count: 6 }),
  ],
  participations: [
    { participant: { id: 1, firstName: 'A', lastName: 'B', sex: 'F', function: 'x', organisation: 'DNPEF', region: 'Kayes' }, trainingKind: 'k', trainingRegion: 'Kayes', startDate: '2026-05-04' },
    { participant: { id: 2, firstName: 'C', lastName: 'D', sex: 'M', function: 'x', organisation: 'DNPEF', region: 'Kayes' }, trainingKind: 'k', trainingRegion: 'Kayes', startDate: '2026-05-04' },
    { participant: { id: 3, firstName: 'E', lastName: 'F', sex: 'M', function: 'x', organisation: 'DNPEF', region: 'Kayes' }, trainingKind: 'k', trainingRegion: 'Kayes', startDate: '2025-05-04' },
  ],
  trainings: [{ status: 'done', startDate: '2026-05-04' }, { status: 'cancelled', startDate: '2026-06-01' }],
  visits: [{ date: '2026-07-01', mode: 'onSite', region: 'Kayes' }, { date: '2025-07-01', mode: 'onSite', region: 'Kayes' }],
}

describe('annual figures', () => {
  const f = annualFigures(input, 2026)
  it('sums the year’s case aggregates by region with small cells and their give-away suppressed', () => {
    expect(f.cases.total).toBe('35')
    // Gao (3) is under 5; with the total shown, the next smallest (Mopti, 12) is hidden too; an empty region is "< 5".
    expect(f.cases.byRegion.lines.map((l) => [l.label, l.shown])).toEqual([['Kayes', '20'], ['Mopti', '×'], ['Gao', '< 5']])
    expect(f.cases.byRegion.total).toMatchObject({ value: 35, shown: '35' })
  })
  it('breaks cases down by sex, age group and status, every category listed', () => {
    expect(f.cases.bySex.lines.map((l) => [l.label, l.value])).toEqual([['Filles', 23], ['Garçons', 12], ['Non renseigné', 0]])
    expect(f.cases.byAge.lines.find((l) => l.label === '12-14 ans')?.value).toBe(23)
    expect(f.cases.byStatus.lines.map((l) => [l.label, l.value])).toEqual([['Ouvert', 23], ['Clôturé', 12]])
  })
  it('lists concerns, services and referrals with at least one case, small ones shown "< 5", no total', () => {
    expect(f.cases.concerns).toEqual({ lines: [{ label: 'Violence physique', value: 14, shown: '14', suppressed: false }, { label: 'Négligence', value: 2, shown: '< 5', suppressed: true }] })
    expect(f.cases.services.lines.map((l) => l.label)).toEqual(['Santé'])
    expect(f.cases.referrals.lines.map((l) => l.label)).toEqual(['Assistance juridique'])
  })
  it('adds the year’s trainings held, people trained by sex and region, and supervision visits', () => {
    expect(f.training).toEqual({ trainingsHeld: 1, women: 1, men: 1, people: 2, byTrainingRegion: [{ label: 'Kayes', women: 1, men: 1, total: 2 }] })
    expect(f.supervision.visits).toBe(1)
  })
})
