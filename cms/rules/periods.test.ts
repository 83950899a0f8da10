import { describe, expect, it } from 'vitest'
import {
  civilDay,
  comparePeriods,
  daysLeft,
  daysLeftInQuarter,
  firstWorkingDay,
  isFirstWorkingDayOfMonth,
  isoWeeksInYear,
  nextPeriod,
  parsePeriodCode,
  periodBounds,
  periodCode,
  periodDays,
  periodLabel,
  periodOf,
  periodRange,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
  type TPeriod,
} from './periods.ts'

const code = (type: Parameters<typeof periodOf>[0], at: Date | string, timeZone?: string) => periodCode(periodOf(type, at, timeZone))

describe('ISO weeks around year ends', () => {
  it('puts the last days of December and the first of January in the week of their Thursday', () => {
    expect(code('week', '2020-12-31')).toBe('2020W53')
    expect(code('week', '2021-01-03')).toBe('2020W53')
    expect(code('week', '2021-01-04')).toBe('2021W1')
    expect(code('week', '2024-12-29')).toBe('2024W52')
    expect(code('week', '2024-12-30')).toBe('2025W1')
    expect(code('week', '2025-03-05')).toBe('2025W10')
    expect(code('week', '2026-01-01')).toBe('2026W1')
    expect(code('week', '2027-01-01')).toBe('2026W53')
  })
  it('counts 53 weeks only in the years whose first or last day is a Thursday', () => {
    expect([2019, 2020, 2021, 2024, 2025, 2026].map(isoWeeksInYear)).toEqual([52, 53, 52, 52, 52, 53])
  })
  it('starts weeks on Monday and crosses the year with next and previous', () => {
    const w53: TPeriod = { type: 'week', year: 2020, week: 53 }
    expect(periodDays(w53)).toEqual({ first: '2020-12-28', last: '2021-01-03' })
    expect(periodCode(nextPeriod(w53))).toBe('2021W1')
    expect(periodCode(previousPeriod({ type: 'week', year: 2025, week: 1 }))).toBe('2024W52')
    expect(periodDays({ type: 'week', year: 2025, week: 1 })).toEqual({ first: '2024-12-30', last: '2025-01-05' })
  })
})

describe('periods containing a day or an instant', () => {
  it('finds the day, month, quarter and year of a day', () => {
    expect(['day', 'week', 'month', 'quarter', 'year'].map((t) => code(t as never, '2025-03-01'))).toEqual(['20250301', '2025W9', '202503', '2025Q1', '2025'])
    expect(code('quarter', '2025-03-31')).toBe('2025Q1')
    expect(code('quarter', '2025-04-01')).toBe('2025Q2')
    expect(code('quarter', '2024-12-31')).toBe('2024Q4')
  })
  it('reads an instant as its civil day in Bamako, and in another zone when asked', () => {
    const lateEvening = new Date('2025-03-31T23:30:00Z')
    expect(civilDay(lateEvening)).toBe('2025-03-31')
    expect(code('quarter', lateEvening)).toBe('2025Q1')
    // In Paris (UTC+2 in summer time) the same instant is already 1 April: the zone is not assumed to be UTC.
    expect(civilDay(lateEvening, 'Europe/Paris')).toBe('2025-04-01')
    expect(code('quarter', lateEvening, 'Europe/Paris')).toBe('2025Q2')
  })
  it('refuses a malformed day and an invalid instant with a French message', () => {
    expect(() => periodOf('month', '2025-02-30')).toThrow(/Jour invalide : « 2025-02-30 »/)
    expect(() => periodOf('month', '2025-03-01T10:00:00Z')).toThrow(/AAAA-MM-JJ/)
    expect(() => periodOf('month', new Date('pas une date'))).toThrow(/Date invalide/)
  })
})

describe('boundaries', () => {
  it('starts a period at local midnight and ends it, excluded, where the next begins', () => {
    expect(periodBounds({ type: 'month', year: 2025, month: 3 })).toEqual({ start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z') })
    expect(periodBounds({ type: 'quarter', year: 2024, quarter: 4 })).toEqual({ start: new Date('2024-10-01T00:00:00Z'), end: new Date('2025-01-01T00:00:00Z') })
    expect(periodBounds({ type: 'year', year: 2024 }).end).toEqual(periodBounds({ type: 'year', year: 2025 }).start)
    expect(periodBounds({ type: 'day', year: 2024, month: 2, day: 29 })).toEqual({ start: new Date('2024-02-29T00:00:00Z'), end: new Date('2024-03-01T00:00:00Z') })
  })
  it('follows the zone’s offset, daylight saving included', () => {
    // March 2025 in Paris: UTC+1 on the 1st, UTC+2 after the change of the 30th.
    expect(periodBounds({ type: 'month', year: 2025, month: 3 }, 'Europe/Paris')).toEqual({ start: new Date('2025-02-28T23:00:00Z'), end: new Date('2025-03-31T22:00:00Z') })
  })
  it('gives the first and last days of months of every length', () => {
    expect(periodDays({ type: 'month', year: 2024, month: 2 })).toEqual({ first: '2024-02-01', last: '2024-02-29' })
    expect(periodDays({ type: 'month', year: 2025, month: 2 })).toEqual({ first: '2025-02-01', last: '2025-02-28' })
    expect(periodDays({ type: 'quarter', year: 2025, quarter: 3 })).toEqual({ first: '2025-07-01', last: '2025-09-30' })
  })
})

describe('days left', () => {
  it('counts today in, down to 1 on the quarter’s last day', () => {
    expect(daysLeftInQuarter(new Date('2025-03-31T12:00:00Z'))).toBe(1)
    expect(daysLeftInQuarter(new Date('2025-03-30T00:00:00Z'))).toBe(2)
    expect(daysLeftInQuarter(new Date('2025-04-01T00:00:00Z'))).toBe(91)
    expect(daysLeftInQuarter(new Date('2024-12-31T23:59:59Z'))).toBe(1)
    expect(daysLeftInQuarter(new Date('2024-01-01T00:00:00Z'))).toBe(91) // leap year: 31 + 29 + 31
  })
  it('is 0 once a period is over and its whole length before it starts', () => {
    const q1: TPeriod = { type: 'quarter', year: 2025, quarter: 1 }
    expect(daysLeft(q1, new Date('2025-04-02T00:00:00Z'))).toBe(0)
    expect(daysLeft(q1, new Date('2024-11-15T00:00:00Z'))).toBe(90)
  })
})

describe('previous, next and ranges', () => {
  it('crosses year ends', () => {
    expect(periodCode(nextPeriod({ type: 'month', year: 2024, month: 12 }))).toBe('202501')
    expect(periodCode(previousPeriod({ type: 'month', year: 2025, month: 1 }))).toBe('202412')
    expect(periodCode(nextPeriod({ type: 'quarter', year: 2024, quarter: 4 }))).toBe('2025Q1')
    expect(periodCode(shiftPeriod({ type: 'quarter', year: 2025, quarter: 1 }, -5))).toBe('2023Q4')
    expect(periodCode(nextPeriod({ type: 'day', year: 2024, month: 12, day: 31 }))).toBe('20250101')
    expect(periodCode(previousPeriod({ type: 'day', year: 2024, month: 3, day: 1 }))).toBe('20240229')
  })
  it('lists every period between two dates, both ends included, gaps too', () => {
    expect(periodsBetween('quarter', '2024-11-20', '2025-07-01').map(periodCode)).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025Q3'])
    expect(periodsBetween('month', new Date('2024-12-31T10:00:00Z'), new Date('2025-02-01T00:00:00Z')).map(periodCode)).toEqual(['202412', '202501', '202502'])
    expect(periodsBetween('week', '2020-12-20', '2021-01-10').map(periodCode)).toEqual(['2020W51', '2020W52', '2020W53', '2021W1'])
    expect(periodsBetween('year', '2025-06-01', '2025-06-01').map(periodCode)).toEqual(['2025'])
    expect(periodsBetween('month', '2025-06-01', '2025-01-01')).toEqual([])
  })
  it('refuses to compare periods of different types, and to list an unbounded number', () => {
    expect(() => comparePeriods({ type: 'month', year: 2025, month: 1 }, { type: 'year', year: 2025 })).toThrow(/types différents/)
    expect(() => periodRange({ type: 'day', year: 1990, month: 1, day: 1 }, { type: 'day', year: 2030, month: 1, day: 1 })).toThrow(/intervalle plus court/)
  })
})

describe('DHIS2 codes', () => {
  it('reads back every code it writes', () => {
    const periods: TPeriod[] = [
      { type: 'day', year: 2025, month: 3, day: 1 },
      { type: 'week', year: 2025, week: 10 },
      { type: 'week', year: 2020, week: 53 },
      { type: 'month', year: 2025, month: 3 },
      { type: 'quarter', year: 2025, quarter: 1 },
      { type: 'year', year: 2025 },
    ]
    expect(periods.map(periodCode)).toEqual(['20250301', '2025W10', '2020W53', '202503', '2025Q1', '2025'])
    for (const p of periods) expect(parsePeriodCode(periodCode(p))).toEqual(p)
    expect(parsePeriodCode('2025W01')).toEqual({ type: 'week', year: 2025, week: 1 })
    expect(parsePeriodCode(' 2025q2 ')).toEqual({ type: 'quarter', year: 2025, quarter: 2 })
  })
  it('refuses codes of no real period', () => {
    for (const bad of ['2025W53', '2025W0', '202513', '202500', '20250230', '2025Q5', '2025-03', '25Q1', '2025S1', '']) expect(parsePeriodCode(bad), bad).toBeNull()
    expect(parsePeriodCode('2020W53')).not.toBeNull()
  })
})

describe('labels', () => {
  it('says periods in French', () => {
    expect(periodLabel({ type: 'day', year: 2025, month: 3, day: 1 })).toBe('1er mars 2025')
    expect(periodLabel({ type: 'day', year: 2025, month: 8, day: 15 })).toBe('15 août 2025')
    expect(periodLabel({ type: 'week', year: 2025, week: 10 })).toBe('semaine 10 de 2025')
    expect(periodLabel({ type: 'month', year: 2025, month: 3 })).toBe('mars 2025')
    expect(periodLabel({ type: 'quarter', year: 2025, quarter: 1 })).toBe('1er trimestre 2025')
    expect(periodLabel({ type: 'quarter', year: 2025, quarter: 3 })).toBe('3e trimestre 2025')
    expect(periodLabel({ type: 'year', year: 2025 })).toBe('2025')
  })
  it('and in English', () => {
    expect(periodLabel({ type: 'day', year: 2025, month: 3, day: 1 }, 'en')).toBe('1 March 2025')
    expect(periodLabel({ type: 'week', year: 2025, week: 10 }, 'en')).toBe('week 10 of 2025')
    expect(periodLabel({ type: 'month', year: 2025, month: 3 }, 'en')).toBe('March 2025')
    expect(periodLabel({ type: 'quarter', year: 2025, quarter: 1 }, 'en')).toBe('Q1 2025')
  })
})

describe('working days', () => {
  it('skips a weekend at the start of a month', () => {
    // 1 March 2025 was a Saturday, 1 June 2025 a Sunday, 1 December 2026 a Tuesday.
    expect(firstWorkingDay({ type: 'month', year: 2025, month: 3 })).toBe('2025-03-03')
    expect(firstWorkingDay({ type: 'month', year: 2025, month: 6 })).toBe('2025-06-02')
    expect(firstWorkingDay({ type: 'month', year: 2026, month: 12 })).toBe('2026-12-01')
  })
  it('knows the first working day in Bamako time, not the server clock', () => {
    expect(isFirstWorkingDayOfMonth(new Date('2025-03-03T08:00:00Z'))).toBe(true)
    expect(isFirstWorkingDayOfMonth(new Date('2025-03-01T08:00:00Z'))).toBe(false)
    expect(isFirstWorkingDayOfMonth(new Date('2025-03-04T08:00:00Z'))).toBe(false)
    // 23:30 UTC on 2 March is already 3 March in a zone one hour ahead.
    expect(isFirstWorkingDayOfMonth(new Date('2025-03-02T23:30:00Z'), 'Africa/Lagos')).toBe(true)
    expect(isFirstWorkingDayOfMonth(new Date('2025-03-02T23:30:00Z'))).toBe(false)
  })
})
