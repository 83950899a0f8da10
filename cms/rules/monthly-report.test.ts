import { describe, expect, it } from 'vitest'
import { monthlyFigures, monthOfCode, plannedText, plansAfter, ZMonthCode, type TMonthlyInputs } from './monthly-report.ts'
import type { TTrainingRecord } from './trainings.ts'

const person = (id: number, sex: 'F' | 'M') => ({ id, firstName: `P${id}`, lastName: 'Test', sex, function: 'Travailleur social', organisation: 'DNPEF', region: 'Kayes' })
const record = (id: number, sex: 'F' | 'M', startDate: string): TTrainingRecord => ({ participant: person(id, sex), trainingKind: 'Formation initiale', trainingRegion: 'Kayes', startDate })

const inputs: TMonthlyInputs = {
  // Person 1 is in two March trainings: one person trained. Person 4 was trained in February.
  participations: [record(1, 'F', '2026-03-02'), record(1, 'F', '2026-03-23'), record(2, 'F', '2026-03-02'), record(3, 'M', '2026-03-23'), record(4, 'M', '2026-02-27')],
  trainings: [
    { title: 'Gestion des cas — Kayes', status: 'done', region: 'Kayes', startDate: '2026-03-02T00:00:00.000Z', endDate: '2026-03-06T00:00:00.000Z' },
    { title: 'CPIMS+ — Kayes', status: 'done', region: 'Kayes', startDate: '2026-03-23T00:00:00.000Z', endDate: '2026-03-24T00:00:00.000Z' },
    { title: 'Annulée', status: 'cancelled', region: 'Mopti', startDate: '2026-03-10T00:00:00.000Z', endDate: '2026-03-11T00:00:00.000Z' },
    { title: 'Février', status: 'done', region: 'Kayes', startDate: '2026-02-27T00:00:00.000Z', endDate: '2026-03-01T00:00:00.000Z' },
    { title: 'Avril — Ségou', status: 'planned', region: 'Ségou', startDate: '2026-04-14T00:00:00.000Z', endDate: '2026-04-16T00:00:00.000Z' },
    { title: 'Mai — Gao', status: 'planned', region: 'Gao', startDate: '2026-05-04T00:00:00.000Z', endDate: '2026-05-06T00:00:00.000Z' },
  ],
  visits: [
    { date: '2026-03-05T00:00:00.000Z', mode: 'onSite', region: 'Kayes' },
    { date: '2026-03-19T00:00:00.000Z', mode: 'phone', region: 'Kayes' },
    { date: '2026-03-31T00:00:00.000Z', mode: 'video', region: 'Mopti' },
    { date: '2026-04-01T00:00:00.000Z', mode: 'onSite', region: 'Mopti' },
  ],
  meetings: [
    { title: 'Réunion du 1er trimestre', status: 'held', start: '2026-03-26T09:00:00.000Z' },
    { title: 'Réunion reportée', status: 'postponed', start: '2026-03-12T09:00:00.000Z' },
    { title: 'Atelier de validation', status: 'planned', start: '2026-04-09T09:00:00.000Z' },
  ],
  // Bamako is UTC all year: 31 March 23:30 UTC is still March.
  resources: [{ publishedAt: '2026-03-31T23:30:00.000Z' }, { publishedAt: '2026-04-01T00:00:00.000Z' }],
  news: [{ publishedAt: '2026-03-15T10:00:00.000Z' }],
  support: [
    { createdAt: '2026-02-25T10:00:00.000Z', resolvedAt: '2026-03-02T10:00:00.000Z' },
    { createdAt: '2026-03-03T10:00:00.000Z', resolvedAt: null },
    { createdAt: '2026-03-04T10:00:00.000Z', resolvedAt: '2026-03-04T15:00:00.000Z' },
  ],
  planItems: [
    { activity: 'Recyclage des superviseurs', status: 'notDone', deadline: '2026-04-30T00:00:00.000Z', responsible: 'DRPFEF Ségou' },
    { activity: 'Achat de tablettes', status: 'inProgress', deadline: '2026-02-15T00:00:00.000Z', responsible: null },
    { activity: 'Déjà fait', status: 'done', deadline: '2026-04-10T00:00:00.000Z' },
    { activity: 'Plus tard', status: 'notDone', deadline: '2026-06-30T00:00:00.000Z' },
    { activity: 'Sans échéance', status: 'notDone', deadline: null },
  ],
}

describe('monthly report figures', () => {
  const march = monthlyFigures(inputs, monthOfCode('2026-03'))
  it('counts trainings held in the month (cancelled ones and those started before left out) and distinct people trained by sex', () => {
    expect(march.trainings.map((t) => t.title)).toEqual(['Gestion des cas — Kayes', 'CPIMS+ — Kayes'])
    expect(march.trainingsHeld).toBe(2)
    expect(march.peopleTrained).toEqual({ women: 2, men: 1, total: 3 })
  })
  it('tables supervision visits of the month by region and mode', () => {
    expect(march.visits.total).toBe(3)
    expect(march.visits.byRegion).toEqual([
      { region: 'Kayes', counts: { onSite: 1, phone: 1, video: 0 }, total: 2 },
      { region: 'Mopti', counts: { onSite: 0, phone: 0, video: 1 }, total: 1 },
    ])
  })
  it('lists framework meetings held, and counts publications and support by their Bamako day', () => {
    expect(march.meetingsHeld).toEqual([{ title: 'Réunion du 1er trimestre', day: '2026-03-26' }])
    expect(march.resourcesPublished).toBe(1)
    expect(march.newsPublished).toBe(1)
    expect(march.support).toEqual({ received: 2, resolved: 2 })
  })
  it('gives zeros for a quiet month', () => {
    expect(monthlyFigures(inputs, monthOfCode('2025-07'))).toMatchObject({ trainingsHeld: 0, peopleTrained: { women: 0, men: 0, total: 0 }, visits: { total: 0, byRegion: [] }, meetingsHeld: [], support: { received: 0, resolved: 0 } })
  })
})

describe('planned next month', () => {
  const plans = plansAfter(inputs, monthOfCode('2026-03'))
  it('takes trainings and meetings planned in the next month and open plan items due by its end, overdue ones included', () => {
    expect(plans.trainings).toEqual([{ title: 'Avril — Ségou', region: 'Ségou', startDate: '2026-04-14' }])
    expect(plans.meetings).toEqual([{ title: 'Atelier de validation', day: '2026-04-09' }])
    expect(plans.planItems.map((i) => i.activity)).toEqual(['Achat de tablettes', 'Recyclage des superviseurs'])
  })
  it('writes them as lines the coordinator can edit', () => {
    expect(plannedText(plans, (d) => d.split('-').reverse().join('/'))).toBe(
      [
        '- Formation « Avril — Ségou » (Ségou), à partir du 14/04/2026',
        '- Réunion « Atelier de validation », le 09/04/2026',
        '- Plan de renforcement : Achat de tablettes (échéance 15/02/2026)',
        '- Plan de renforcement : Recyclage des superviseurs (échéance 30/04/2026, DRPFEF Ségou)',
      ].join('\n'),
    )
  })
  it('crosses the year: December plans January', () => {
    expect(plansAfter({ trainings: [{ title: 'Janvier', status: 'planned', region: 'Kayes', startDate: '2027-01-05', endDate: '2027-01-06' }], meetings: [], planItems: [] }, monthOfCode('2026-12')).trainings).toHaveLength(1)
  })
})

describe('month code', () => {
  it('accepts YYYY-MM and refuses anything else with a French message', () => {
    expect(ZMonthCode.safeParse('2026-03').success).toBe(true)
    for (const bad of ['2026-13', '2026-3', '202603', 'mars']) expect(ZMonthCode.safeParse(bad).error?.issues[0]?.message).toBe('Mois invalide : attendu AAAA-MM (par exemple 2026-03).')
  })
})
