import { describe, expect, it } from 'vitest'
import { queryLabel, resultsOf, statisticsQuery, statisticsRows, type TResultRecord } from './statistics.ts'
import { statistics } from '../rules/trainings.ts'

describe('statistics filters', () => {
  it('reads period, region, organisation and kind from the query, empty ones ignored', () => {
    expect(statisticsQuery(new URLSearchParams('du=2024-01-01&au=2024-12-31&region=Mopti&structure=&type=workshop'))).toEqual({ ok: true, query: { du: '2024-01-01', au: '2024-12-31', region: 'Mopti', type: 'workshop' } })
    expect(queryLabel({ du: '2024-01-01', type: 'workshop' })).toBe('depuis le 1er janvier 2024 · Atelier')
  })
  it('refuses an impossible date, an unknown kind and a period ending before it starts, in French', () => {
    const wrong = statisticsQuery(new URLSearchParams('du=2024-02-30&type=colloque'))
    expect(wrong).toMatchObject({ ok: false, errors: { du: expect.stringContaining('AAAA-MM-JJ'), type: 'Type de formation inconnu.' } })
    expect(statisticsQuery(new URLSearchParams('du=2024-05-01&au=2024-04-01'))).toMatchObject({ ok: false, errors: { au: 'La date de fin précède la date de début.' } })
  })
})

describe('results across trainings', () => {
  const person = (id: number, sex: 'F' | 'M', organisation: string) => ({ id, firstName: 'P', lastName: String(id), sex, function: 'Superviseur', organisation, region: 'Mopti' })
  const records: TResultRecord[] = [
    // One woman trained twice: two participations, each over its own training's days.
    { participant: person(1, 'F', 'IRC'), trainingKind: 'Atelier', trainingRegion: 'Mopti', startDate: '2024-01-10', days: ['2024-01-10', '2024-01-11'], enrolment: { participantId: 1, attendance: [{ date: '2024-01-10', status: 'present' }, { date: '2024-01-11', status: 'present' }], preTest: 40, postTest: 60 } },
    { participant: person(1, 'F', 'IRC'), trainingKind: 'Recyclage', trainingRegion: 'Gao', startDate: '2024-06-03', days: ['2024-06-03'], enrolment: { participantId: 1, attendance: [], preTest: null, postTest: null } },
    { participant: person(2, 'M', 'Tdh'), trainingKind: 'Atelier', trainingRegion: 'Mopti', startDate: '2024-01-10', days: ['2024-01-10', '2024-01-11'], enrolment: { participantId: 2, attendance: [{ date: '2024-01-10', status: 'late' }], preTest: 50, postTest: 80 } },
  ]
  it('gives attendance and scores by sex and organisation, each participation over its own days', () => {
    const { bySex, byOrganisation } = resultsOf(records)
    expect(bySex.map((r) => [r.key, r.enrolled, r.attendanceRate, r.averagePre, r.averageProgression])).toEqual([
      ['Femmes', 2, 66.7, 40, 20],
      ['Hommes', 1, 50, 50, 30],
      ['Total', 3, 60, 45, 25],
    ])
    expect(byOrganisation.map((r) => r.key)).toEqual(['IRC', 'Tdh', 'Total'])
  })
  it('puts the results in the aggregates export', () => {
    const rows = statisticsRows(statistics(records), resultsOf(records))
    expect(rows).toContainEqual(['Résultats par sexe', 'Femmes', '2', '66.7', '1', '40', '60', '20'])
  })
})
