import { describe, expect, it } from 'vitest'
import { regionalIndicators, type TIndicatorInputs } from './indicators.ts'
import type { TTrainingRecord } from './trainings.ts'

const person = (id: number, sex: 'F' | 'M', region = 'Gao') => ({ id, firstName: `P${id}`, lastName: 'Test', sex, function: 'Travailleur social', organisation: 'DRPFEF', region })
const record = (id: number, sex: 'F' | 'M', trainingRegion: string, startDate: string): TTrainingRecord => ({ participant: person(id, sex), trainingKind: 'Formation des formateurs', trainingRegion, startDate })
const regions = [
  { name: 'Mopti', code: 'MOP' },
  { name: 'Kayes', code: 'KAY' },
]
const valueOf = (values: ReturnType<typeof regionalIndicators>, indicator: string, disaggregation: string, region: string) =>
  values.find((v) => v.indicator === indicator && v.disaggregation === disaggregation && v.region === region)?.value

describe('regional indicators', () => {
  const input: TIndicatorInputs = {
    participations: [
      record(1, 'F', 'Mopti', '2025-03-10'),
      record(2, 'M', 'Mopti', '2025-03-10'),
      // The same woman trained twice in the quarter counts once; her home region (Gao) does not matter.
      record(1, 'F', 'Mopti', '2025-03-24'),
      record(3, 'F', 'Kayes', '2025-04-01'),
    ],
    trainings: [
      { region: 'Mopti', startDate: '2025-03-10' },
      { region: 'Mopti', startDate: '2025-03-24' },
      { region: 'Kayes', startDate: '2025-04-01' },
    ],
    // 31 March 23:30 in Bamako (UTC) is still March; a holder without a region is counted nowhere.
    certificates: [
      { region: 'Kayes', issuedAt: '2025-03-31T23:30:00.000Z' },
      { region: null, issuedAt: '2025-03-15T10:00:00.000Z' },
      { region: 'Kayes', issuedAt: '2025-04-01T00:00:00.000Z' },
    ],
  }

  it('counts distinct people by the training’s region and sex, trainings and certificates, in the period only', () => {
    const q1 = regionalIndicators(input, { type: 'quarter', year: 2025, quarter: 1 }, regions)
    expect(valueOf(q1, 'peopleTrained', 'female', 'MOP')).toBe(1)
    expect(valueOf(q1, 'peopleTrained', 'male', 'MOP')).toBe(1)
    expect(valueOf(q1, 'peopleTrained', 'total', 'MOP')).toBe(2)
    expect(valueOf(q1, 'trainingsHeld', 'total', 'MOP')).toBe(2)
    expect(valueOf(q1, 'certificatesIssued', 'total', 'KAY')).toBe(1)
    // Kayes's training is in April: zero in Q1, still reported.
    expect(valueOf(q1, 'peopleTrained', 'total', 'KAY')).toBe(0)
    expect(valueOf(q1, 'trainingsHeld', 'total', 'KAY')).toBe(0)
    const april = regionalIndicators(input, { type: 'month', year: 2025, month: 4 }, regions)
    expect(valueOf(april, 'peopleTrained', 'female', 'KAY')).toBe(1)
    expect(valueOf(april, 'certificatesIssued', 'total', 'KAY')).toBe(1)
    expect(valueOf(april, 'trainingsHeld', 'total', 'MOP')).toBe(0)
  })

  it('reports every region and every disaggregation, five figures each', () => {
    expect(regionalIndicators(input, { type: 'year', year: 2024 }, regions)).toHaveLength(10)
    expect(regionalIndicators(input, { type: 'year', year: 2024 }, regions).every((v) => v.value === 0)).toBe(true)
  })
})
