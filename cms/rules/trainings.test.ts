import { describe, expect, it } from 'vitest'
import {
  attendanceByDay,
  attendanceRate,
  disaggregate,
  evaluationSummary,
  formatDateFr,
  formatDateRangeFr,
  isDayWithinTraining,
  attendanceProblem,
  isoDay,
  isValidScore,
  normaliseName,
  normalisePhone,
  participantAttendance,
  quarterOf,
  round1,
  statistics,
  testProgression,
  trainingDays,
  trainingsByRegionAndQuarter,
  type TEnrolment,
  type TParticipant,
} from './trainings.ts'
import { septemberEnrolments, septemberParticipants } from '../../tests/fixtures/training-of-trainers.ts'

// The September 2024 training of trainers (tests/fixtures/training-of-trainers.ts), with varied functions and regions.
const participants: TParticipant[] = septemberParticipants((i) => ({
  firstName: `Prénom${i + 1}`,
  lastName: `Nom${i + 1}`,
  function: i < 10 ? 'Gestionnaire de cas' : 'Superviseur',
  region: i % 3 === 0 ? 'Ségou' : 'Bamako',
}))
const days = trainingDays('2024-09-17', '2024-09-21')
const enrolments: TEnrolment[] = septemberEnrolments(participants)

describe('trainingDays', () => {
  it('lists every calendar day, both ends included', () => {
    expect(days).toEqual(['2024-09-17', '2024-09-18', '2024-09-19', '2024-09-20', '2024-09-21'])
    expect(trainingDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
    expect(trainingDays('2024-09-17', '2024-09-17')).toEqual(['2024-09-17'])
  })
  it('reads Payload timestamps by their UTC day', () => {
    expect(trainingDays('2024-09-17T00:00:00.000Z', '2024-09-18T12:00:00.000Z')).toEqual(['2024-09-17', '2024-09-18'])
    expect(isoDay('2024-09-17T08:30:00')).toBe('2024-09-17')
  })
  it('refuses an end before the start, in French', () => {
    expect(() => trainingDays('2024-09-21', '2024-09-17')).toThrow(/précède la date de début/)
  })
  it('refuses spans over 60 days and invalid dates', () => {
    expect(trainingDays('2024-01-01', '2024-02-29')).toHaveLength(60)
    expect(() => trainingDays('2024-01-01', '2024-03-01')).toThrow(/61 jours.*limite est de 60/)
    expect(() => trainingDays('2024-02-30', '2024-03-01')).toThrow(/Date de début invalide/)
    expect(() => trainingDays('2024-09-17', '21/09/2024')).toThrow(/Date de fin invalide/)
  })
  it('checks that a day falls within the training', () => {
    expect(isDayWithinTraining('2024-09-17', '2024-09-17', '2024-09-21')).toBe(true)
    expect(isDayWithinTraining('2024-09-21', '2024-09-17', '2024-09-21')).toBe(true)
    expect(isDayWithinTraining('2024-09-22', '2024-09-17', '2024-09-21')).toBe(false)
    expect(isDayWithinTraining('2024-09-16', '2024-09-17', '2024-09-21')).toBe(false)
    expect(isDayWithinTraining('pas une date', '2024-09-17', '2024-09-21')).toBe(false)
  })
})

describe('French dates and quarters', () => {
  it('writes dates and ranges as the reports do', () => {
    expect(formatDateFr('2024-09-17')).toBe('17 septembre 2024')
    expect(formatDateFr('2024-10-01')).toBe('1er octobre 2024')
    expect(formatDateRangeFr('2024-09-17', '2024-09-21')).toBe('du 17 au 21 septembre 2024')
    expect(formatDateRangeFr('2024-09-30', '2024-10-04')).toBe('du 30 septembre au 4 octobre 2024')
    expect(formatDateRangeFr('2024-12-30', '2025-01-03')).toBe('du 30 décembre 2024 au 3 janvier 2025')
    expect(formatDateRangeFr('2024-09-17', '2024-09-17')).toBe('le 17 septembre 2024')
  })
  it('labels quarters T1 to T4', () => {
    expect(quarterOf('2024-09-17')).toBe('2024-T3')
    expect(quarterOf('2024-01-01')).toBe('2024-T1')
    expect(quarterOf('2024-12-31')).toBe('2024-T4')
    expect(quarterOf('n/a')).toBeNull()
  })
  it('rounds halves away from zero despite binary drift', () => {
    expect(round1(72.45)).toBe(72.5)
    expect(round1(-2.45)).toBe(-2.5)
    expect(round1(18.588)).toBe(18.6)
    expect(round1(-0.01)).toBe(0)
  })
})

describe('disaggregate', () => {
  const result = disaggregate(participants)
  it('counts 18 participants, 6 women and 12 men', () => {
    expect(result).toMatchObject({ total: 18, women: 6, men: 12 })
  })
  it('breaks down by organisation, sorted by total then name', () => {
    expect(result.byOrganisation[0]).toEqual({ organisation: 'DNPEF', women: 2, men: 2, total: 4 })
    expect(result.byOrganisation.map((o) => o.organisation)).toEqual(['DNPEF', 'DNAPE', 'IRC', 'Kanuya', 'SAMU SOCIAL Mali', 'Terre des hommes', 'UNICEF', 'ENDA Mali', 'GARDL'])
    expect(result.byOrganisation.reduce((sum, o) => sum + o.total, 0)).toBe(18)
  })
  it('breaks down by region and function', () => {
    expect(result.byRegion).toEqual([
      { region: 'Bamako', women: 4, men: 8, total: 12 },
      { region: 'Ségou', women: 2, men: 4, total: 6 },
    ])
    expect(result.byFunction.map((f) => [f.function, f.total])).toEqual([
      ['Gestionnaire de cas', 10],
      ['Superviseur', 8],
    ])
  })
  it('groups spellings, names empty values and counts a person once', () => {
    const base = { firstName: 'A', lastName: 'B', function: '', region: '' }
    const people: TParticipant[] = [
      { ...base, id: 1, sex: 'F', organisation: 'UNICEF' },
      { ...base, id: 2, sex: 'M', organisation: ' Unicef ' },
      { ...base, id: 2, sex: 'M', organisation: 'Unicef' },
      { ...base, id: 3, sex: 'M', organisation: '' },
    ]
    const r = disaggregate(people)
    expect(r.total).toBe(3)
    expect(r.byOrganisation).toEqual([
      { organisation: 'UNICEF', women: 1, men: 1, total: 2 },
      { organisation: 'Non renseigné', women: 0, men: 1, total: 1 },
    ])
    expect(r.byRegion).toEqual([{ region: 'Non renseigné', women: 1, men: 2, total: 3 }])
  })
  it('handles no participant', () => {
    expect(disaggregate([])).toEqual({ total: 0, women: 0, men: 0, byOrganisation: [], byRegion: [], byFunction: [] })
  })
})

describe('attendance', () => {
  it('counts each day and its rate', () => {
    const byDay = attendanceByDay(enrolments, days)
    expect(byDay[0]).toEqual({ date: '2024-09-17', present: 17, late: 1, absent: 0, excused: 0, unmarked: 0, rate: 100 })
    expect(byDay[1]).toEqual({ date: '2024-09-18', present: 18, late: 0, absent: 0, excused: 0, unmarked: 0, rate: 100 })
    expect(byDay[2]).toEqual({ date: '2024-09-19', present: 17, late: 0, absent: 1, excused: 0, unmarked: 0, rate: 94.4 })
    expect(byDay[4]).toEqual({ date: '2024-09-21', present: 16, late: 0, absent: 0, excused: 1, unmarked: 1, rate: 88.9 })
  })
  it('gives the overall rate over enrolments × days', () => {
    // 90 participant-days, 3 not attended (absent, excused, unmarked): 87 / 90.
    expect(attendanceRate(enrolments, days)).toBe(96.7)
  })
  it('gives one participant’s attendance', () => {
    expect(participantAttendance(enrolments[0]!, days)).toEqual({ attended: 4, total: 5, rate: 80 })
    expect(participantAttendance(enrolments[1]!, days)).toEqual({ attended: 5, total: 5, rate: 100 })
    expect(participantAttendance({ participantId: 9, attendance: [], preTest: null, postTest: null }, days)).toEqual({ attended: 0, total: 5, rate: 0 })
  })
  it('lets a later mark correct an earlier one and ignores days outside the list', () => {
    const e: TEnrolment = {
      participantId: 1,
      attendance: [
        { date: '2024-09-17', status: 'absent' },
        { date: '2024-09-17', status: 'present' },
        { date: '2024-09-25', status: 'present' },
      ],
      preTest: null,
      postTest: null,
    }
    expect(attendanceByDay([e], ['2024-09-17', '2024-09-18'])).toEqual([
      { date: '2024-09-17', present: 1, late: 0, absent: 0, excused: 0, unmarked: 0, rate: 100 },
      { date: '2024-09-18', present: 0, late: 0, absent: 0, excused: 0, unmarked: 1, rate: 0 },
    ])
  })
  it('gives 0 when there is no enrolment or no day', () => {
    expect(attendanceByDay([], days).every((d) => d.rate === 0 && d.unmarked === 0)).toBe(true)
    expect(attendanceRate([], days)).toBe(0)
    expect(attendanceRate(enrolments, [])).toBe(0)
  })
})

describe('testProgression', () => {
  it('compares the participants who sat both tests', () => {
    expect(testProgression(enrolments)).toEqual({
      withPre: 18,
      withPost: 17,
      withBoth: 17,
      averagePre: 56.1, // 954 / 17
      averagePost: 74.7, // 1270 / 17
      averageProgression: 18.6, // 316 / 17
      improved: 16,
      improvedShare: 94.1,
    })
  })
  it('returns nulls when nobody has both scores, and ignores invalid scores', () => {
    const r = testProgression([
      { participantId: 1, attendance: [], preTest: 50, postTest: null },
      { participantId: 2, attendance: [], preTest: null, postTest: 80 },
      { participantId: 3, attendance: [], preTest: 120, postTest: 80 },
      { participantId: 4, attendance: [], preTest: Number.NaN, postTest: 80 },
    ])
    expect(r).toEqual({ withPre: 1, withPost: 3, withBoth: 0, averagePre: null, averagePost: null, averageProgression: null, improved: 0, improvedShare: null })
    expect(testProgression([]).withBoth).toBe(0)
  })
  it('validates scores', () => {
    expect(isValidScore(0)).toBe(true)
    expect(isValidScore(100)).toBe(true)
    expect(isValidScore(75.5)).toBe(true)
    expect(isValidScore(-1)).toBe(false)
    expect(isValidScore(100.1)).toBe(false)
    expect(isValidScore(Number.POSITIVE_INFINITY)).toBe(false)
    expect(isValidScore('75')).toBe(false)
    expect(isValidScore(null)).toBe(false)
  })
})

describe('evaluationSummary', () => {
  it('averages each item, sorted, and keeps the comments', () => {
    const base = { attendance: [], preTest: null, postTest: null }
    const r = evaluationSummary([
      { ...base, participantId: 1, evaluation: { ratings: { 'Qualité des formateurs': 5, 'Atteinte des objectifs': 4 }, comment: ' Très utile. ' } },
      { ...base, participantId: 2, evaluation: { ratings: { 'Qualité des formateurs': 4, 'Atteinte des objectifs': 4, Logistique: 2 } } },
      { ...base, participantId: 3, evaluation: { ratings: { Logistique: 7 }, comment: '' } },
      { ...base, participantId: 4 },
    ])
    expect(r.items).toEqual([
      { item: 'Atteinte des objectifs', average: 4, responses: 2 },
      { item: 'Logistique', average: 2, responses: 1 },
      { item: 'Qualité des formateurs', average: 4.5, responses: 2 },
    ])
    expect(r.comments).toEqual(['Très utile.'])
    expect(r.respondents).toBe(2)
    expect(evaluationSummary([])).toEqual({ items: [], comments: [], respondents: 0 })
  })
})

describe('duplicates', () => {
  it('normalises names and phones', () => {
    expect(normaliseName('  Traoré-Diallo  Aïssata ')).toBe('traoredialloaissata')
    expect(normalisePhone('+223 76 12 34 56')).toBe('76123456')
    expect(normalisePhone('00223 76-12-34-56')).toBe('76123456')
    expect(normalisePhone('223 76123456')).toBe('76123456')
    expect(normalisePhone('22312345')).toBe('22312345')
    expect(normalisePhone(null)).toBe('')
  })
})

describe('statistics', () => {
  const [a, b, c] = participants as [TParticipant, TParticipant, TParticipant]
  const records = [
    { participant: a, trainingKind: 'Gestion de cas', trainingRegion: 'Bamako', startDate: '2024-09-17' },
    { participant: b, trainingKind: 'Gestion de cas', trainingRegion: 'Bamako', startDate: '2024-09-17' },
    { participant: a, trainingKind: 'CPIMS+', trainingRegion: 'Ségou', startDate: '2024-11-04' },
    { participant: c, trainingKind: 'CPIMS+', trainingRegion: 'Ségou', startDate: '2025-01-20' },
  ]
  it('counts distinct people, by sex and by value', () => {
    const s = statistics(records, {})
    expect(s).toMatchObject({ participations: 4, people: 3, women: 2, men: 1 })
    expect(s.byTrainingKind).toEqual([
      { key: 'CPIMS+', women: 1, men: 1, total: 2 },
      { key: 'Gestion de cas', women: 2, men: 0, total: 2 },
    ])
    expect(s.byQuarter).toEqual([
      { key: '2024-T3', women: 2, men: 0, total: 2 },
      { key: '2024-T4', women: 1, men: 0, total: 1 },
      { key: '2025-T1', women: 0, men: 1, total: 1 },
    ])
    expect(s.byOrganisation).toEqual([{ key: 'DNPEF', women: 2, men: 1, total: 3 }])
    expect(s.byTrainingRegion.map((r) => [r.key, r.total])).toEqual([
      ['Bamako', 2],
      ['Ségou', 2],
    ])
  })
  it('applies the filters', () => {
    expect(statistics(records, { from: '2024-10-01' })).toMatchObject({ participations: 2, people: 2 })
    expect(statistics(records, { to: '2024-12-31', trainingKind: 'cpims+' })).toMatchObject({ participations: 1, people: 1 })
    expect(statistics(records, { trainingRegion: 'segou', sex: 'M' })).toMatchObject({ people: 1, women: 0, men: 1 })
    expect(statistics([], {})).toMatchObject({ participations: 0, people: 0, byQuarter: [] })
  })
  it('tables trainings by region and quarter, gaps included', () => {
    const table = trainingsByRegionAndQuarter([
      { region: 'Bamako', startDate: '2024-09-17' },
      { region: 'Ségou', startDate: '2025-02-03' },
      { region: 'Bamako', startDate: '2025-01-10' },
      { region: 'Bamako', startDate: 'invalide' },
    ])
    expect(table).toEqual({
      quarters: ['2024-T3', '2024-T4', '2025-T1'],
      rows: [
        { region: 'Bamako', counts: [1, 0, 1], total: 2 },
        { region: 'Ségou', counts: [0, 0, 1], total: 1 },
      ],
      totals: [1, 0, 2],
      total: 3,
    })
    expect(trainingsByRegionAndQuarter([])).toEqual({ quarters: [], rows: [], totals: [], total: 0 })
  })
})

describe('attendanceProblem', () => {
  const start = '2024-09-17'
  const end = '2024-09-21'
  it('accepts days within the training, each once, in any order', () => {
    expect(attendanceProblem([{ date: '2024-09-18T00:00:00.000Z' }, { date: '2024-09-17' }, { date: '2024-09-21' }], start, end)).toBeNull()
    expect(attendanceProblem([], start, end)).toBeNull()
  })
  it('points at the first day outside the dates, on its own field', () => {
    expect(attendanceProblem([{ date: '2024-09-17' }, { date: '2024-09-22' }], start, end)).toEqual({ path: 'attendance.1.date', message: 'Le 2024-09-22 est en dehors des dates de la formation.' })
    expect(attendanceProblem([{ date: '2024-09-16' }], start, end)?.path).toBe('attendance.0.date')
    expect(attendanceProblem([{ date: 'pas une date' }], start, end)?.message).toMatch(/en dehors des dates/)
  })
  it('points at a day entered twice', () => {
    expect(attendanceProblem([{ date: '2024-09-18' }, { date: '2024-09-19' }, { date: '2024-09-18T10:00:00Z' }], start, end)).toEqual({ path: 'attendance.2.date', message: 'Le 2024-09-18 est saisi deux fois.' })
  })
})
