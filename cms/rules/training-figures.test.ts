import { describe, expect, it } from 'vitest'
import { figuresByOrganisation, figuresBySex } from './training-figures.ts'
import type { TEnrolment, TParticipant } from './trainings.ts'

const days = ['2024-09-17', '2024-09-18']
const people: TParticipant[] = [
  { id: 1, firstName: 'Awa', lastName: 'A', sex: 'F', function: 'Éducatrice', organisation: 'IRC', region: 'Mopti' },
  { id: 2, firstName: 'Binta', lastName: 'B', sex: 'F', function: 'Superviseure', organisation: 'Tdh', region: 'Mopti' },
  { id: 3, firstName: 'Cheick', lastName: 'C', sex: 'M', function: 'Éducateur', organisation: 'IRC', region: 'Gao' },
]
const enrolments: TEnrolment[] = [
  { participantId: 1, attendance: [{ date: days[0]!, status: 'present' }, { date: days[1]!, status: 'present' }], preTest: 40, postTest: 80 },
  { participantId: 2, attendance: [{ date: days[0]!, status: 'late' }, { date: days[1]!, status: 'absent' }], preTest: 60, postTest: 70 },
  { participantId: 3, attendance: [{ date: days[0]!, status: 'absent' }], preTest: 50, postTest: null },
]

describe('figures by group', () => {
  it('gives women, men and total their attendance and pre/post results, tests compared in pairs only', () => {
    expect(figuresBySex(people, enrolments, days)).toEqual([
      { key: 'Femmes', enrolled: 2, attendanceRate: 75, withBoth: 2, averagePre: 50, averagePost: 75, averageProgression: 25 },
      { key: 'Hommes', enrolled: 1, attendanceRate: 0, withBoth: 0, averagePre: null, averagePost: null, averageProgression: null },
      { key: 'Total', enrolled: 3, attendanceRate: 50, withBoth: 2, averagePre: 50, averagePost: 75, averageProgression: 25 },
    ])
  })
  it('keeps both sexes even when one is absent, and ignores enrolments of unknown people', () => {
    const rows = figuresBySex(people.slice(0, 1), enrolments, days)
    expect(rows.map((r) => [r.key, r.enrolled])).toEqual([['Femmes', 1], ['Hommes', 0], ['Total', 1]])
  })
  it('lists organisations by people enrolled, then the total', () => {
    expect(figuresByOrganisation(people, enrolments, days).map((r) => [r.key, r.enrolled, r.attendanceRate])).toEqual([['IRC', 2, 50], ['Tdh', 1, 50], ['Total', 3, 50]])
  })
})
