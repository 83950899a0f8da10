// Reporting periods: days, ISO weeks, months, quarters and years, as the ministry reports and DHIS2 count them.
//
// A period is a calendar notion (a civil date range) in the portal's time zone, Africa/Bamako. Mali is on UTC all
// year today, but nothing here assumes it: instants are turned into civil days with Intl in that zone, and period
// boundaries are the instants of local midnight. Pure functions; `now` is always passed in.
//
// Codes follow DHIS2's period identifiers: day `20250301`, ISO week `2025W10`, month `202503`, quarter `2025Q1`,
// year `2025`. Usage: docs/documents-and-periods.md.

export const TIME_ZONE = 'Africa/Bamako'

export type TPeriodType = 'day' | 'week' | 'month' | 'quarter' | 'year'
export type TPeriod =
  | { type: 'day'; year: number; month: number; day: number }
  /** An ISO 8601 week: `year` is the ISO week-numbering year, which differs from the calendar year around 1 January. */
  | { type: 'week'; year: number; week: number }
  | { type: 'month'; year: number; month: number }
  | { type: 'quarter'; year: number; quarter: number }
  | { type: 'year'; year: number }

export type TLocale = 'fr' | 'en'

export const MONTH_NAMES: Record<TLocale, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

const DAY_MS = 86_400_000

// ---------------------------------------------------------------------------------------------------------------
// Civil days: a day is handled as the UTC timestamp of its midnight, which makes calendar arithmetic exact.

/** Number of the civil day `YYYY-MM-DD` (days since 1970-01-01), or null when it is not a real calendar day. */
function dayNumber(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day)
  const d = new Date(time)
  // Date.UTC rolls 2025-02-30 over to March and maps years below 100 to the 1900s: both are refused here.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? time / DAY_MS : null
}

/** `YYYY-MM-DD` of a day number. */
function dayString(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10)
}

function civil(dayNo: number): { year: number; month: number; day: number } {
  const d = new Date(dayNo * DAY_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  if (Number.isNaN(at.getTime())) throw new Error('Date invalide : impossible de situer cet instant dans une période.')
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) }
}

/** The civil day (`YYYY-MM-DD`) of an instant in the time zone. */
export function civilDay(at: Date, timeZone: string = TIME_ZONE): string {
  const { year, month, day } = wallClock(at, timeZone)
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
}

/** The instant at which a civil day begins in the time zone (its local midnight). */
function startOfDay(dayNo: number, timeZone: string): Date {
  // Local midnight = UTC midnight minus the zone's offset; the offset is read again at the result, in case it
  // changed in between (a daylight-saving shift), which Mali does not have today but a zone may.
  const utcMidnight = dayNo * DAY_MS
  const offsetAt = (time: number) => {
    const w = wallClock(new Date(time), timeZone)
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(time / 1000) * 1000
  }
  const guess = utcMidnight - offsetAt(utcMidnight)
  return new Date(utcMidnight - offsetAt(guess))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Day number of a `YYYY-MM-DD` string (a full timestamp is refused: pass a Date for an instant). */
function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim())
  const number = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : null
  if (number === null) throw new Error(`Jour invalide : « ${day} ». Indiquez une date au format AAAA-MM-JJ.`)
  return number
}

// ---------------------------------------------------------------------------------------------------------------
// ISO weeks: weeks start on Monday, and week 1 is the week holding the year's first Thursday.

/** ISO weekday, Monday = 1 … Sunday = 7. */
function isoWeekday(dayNo: number): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNo + 3) % 7) + 7) % 7) + 1
}

/** Day number of the Monday of ISO week 1 of an ISO week-year. */
function firstMondayOfIsoYear(year: number): number {
  const jan4 = dayNumber(year, 1, 4) as number
  return jan4 - (isoWeekday(jan4) - 1)
}

/** 52 or 53: the number of ISO weeks of an ISO week-year. */
export function isoWeeksInYear(year: number): number {
  return (firstMondayOfIsoYear(year + 1) - firstMondayOfIsoYear(year)) / 7
}

function isoWeekOf(dayNo: number): { year: number; week: number } {
  // The week belongs to the year of its Thursday.
  const thursday = dayNo + (4 - isoWeekday(dayNo))
  const year = civil(thursday).year
  return { year, week: Math.floor((thursday - firstMondayOfIsoYear(year)) / 7) + 1 }
}

// ---------------------------------------------------------------------------------------------------------------
// Periods

/** First and last day numbers of a period (both included). */
function dayRange(p: TPeriod): { first: number; last: number } {
  switch (p.type) {
    case 'day': {
      const day = dayNumber(p.year, p.month, p.day) as number
      return { first: day, last: day }
    }
    case 'week': {
      const first = firstMondayOfIsoYear(p.year) + (p.week - 1) * 7
      return { first, last: first + 6 }
    }
    case 'month':
      return { first: dayNumber(p.year, p.month, 1) as number, last: (Date.UTC(p.year, p.month, 1) / DAY_MS) - 1 }
    case 'quarter':
      return { first: dayNumber(p.year, 3 * p.quarter - 2, 1) as number, last: (Date.UTC(p.year, 3 * p.quarter, 1) / DAY_MS) - 1 }
    case 'year':
      return { first: dayNumber(p.year, 1, 1) as number, last: (dayNumber(p.year, 12, 31) as number) }
  }
}

function periodOfDayNumber(type: TPeriodType, dayNo: number): TPeriod {
  const { year, month, day } = civil(dayNo)
  switch (type) {
    case 'day':
      return { type, year, month, day }
    case 'week':
      return { type, ...isoWeekOf(dayNo) }
    case 'month':
      return { type, year, month }
    case 'quarter':
      return { type, year, quarter: Math.floor((month - 1) / 3) + 1 }
    case 'year':
      return { type, year }
  }
}

/** The period of a type containing an instant (its civil day in the time zone) or a civil day `YYYY-MM-DD`. */
export function periodOf<T extends TPeriodType>(type: T, at: Date | string, timeZone: string = TIME_ZONE): Extract<TPeriod, { type: T }> {
  return periodOfDayNumber(type, typeof at === 'string' ? parseDay(at) : parseDay(civilDay(at, timeZone))) as Extract<TPeriod, { type: T }>
}

/** The instants a period spans in the time zone: `start` included, `end` excluded (the start of the next period). */
export function periodBounds(p: TPeriod, timeZone: string = TIME_ZONE): { start: Date; end: Date } {
  const { first, last } = dayRange(p)
  return { start: startOfDay(first, timeZone), end: startOfDay(last + 1, timeZone) }
}

/** First and last civil days of a period (`YYYY-MM-DD`, both included), for date fields and queries by day. */
export function periodDays(p: TPeriod): { first: string; last: string } {
  const { first, last } = dayRange(p)
  return { first: dayString(first), last: dayString(last) }
}

/** The period `steps` periods after (or before, when negative) this one. */
export function shiftPeriod<P extends TPeriod>(p: P, steps: number): P {
  return shift(p, steps) as P
}

function shift(p: TPeriod, steps: number): TPeriod {
  switch (p.type) {
    case 'day':
      return periodOfDayNumber('day', dayRange(p).first + steps)
    case 'week':
      return periodOfDayNumber('week', dayRange(p).first + 7 * steps)
    case 'month': {
      const index = p.year * 12 + (p.month - 1) + steps
      return { type: 'month', year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 }
    }
    case 'quarter': {
      const index = p.year * 4 + (p.quarter - 1) + steps
      return { type: 'quarter', year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 }
    }
    case 'year':
      return { type: 'year', year: p.year + steps }
  }
}

export const nextPeriod = <P extends TPeriod>(p: P): P => shiftPeriod(p, 1)
export const previousPeriod = <P extends TPeriod>(p: P): P => shiftPeriod(p, -1)

/** Orders two periods of the same type (negative when `a` comes first). */
export function comparePeriods(a: TPeriod, b: TPeriod): number {
  if (a.type !== b.type) throw new Error(`Périodes de types différents (${a.type}, ${b.type}) : elles ne peuvent pas être comparées.`)
  return dayRange(a).first - dayRange(b).first
}

/** Periods that may be listed at once: about 27 years of days. */
export const MAX_PERIODS = 10_000

/** Every period from `first` to `last`, both included (empty when `last` comes first), gaps included. */
export function periodRange<P extends TPeriod>(first: P, last: P): P[] {
  const periods: P[] = []
  for (let p = first; comparePeriods(p, last) <= 0; p = nextPeriod(p)) {
    if (periods.length === MAX_PERIODS) throw new Error(`Plus de ${MAX_PERIODS} périodes entre ${periodCode(first)} et ${periodCode(last)} : choisissez un intervalle plus court ou une période plus longue.`)
    periods.push(p)
  }
  return periods
}

/** Every period of a type from the one containing `from` to the one containing `to`, both included. */
export function periodsBetween<T extends TPeriodType>(type: T, from: Date | string, to: Date | string, timeZone: string = TIME_ZONE): Extract<TPeriod, { type: T }>[] {
  return periodRange(periodOf(type, from, timeZone), periodOf(type, to, timeZone))
}

/** Whole days left in a period at `now`, today included: 1 on its last day, 0 once it is over, its length before it. */
export function daysLeft(p: TPeriod, now: Date, timeZone: string = TIME_ZONE): number {
  const { first, last } = dayRange(p)
  const today = parseDay(civilDay(now, timeZone))
  return Math.max(0, last - Math.max(today, first) + 1)
}

/** Whole days left in the current quarter at `now`, today included. */
export function daysLeftInQuarter(now: Date, timeZone: string = TIME_ZONE): number {
  return daysLeft(periodOf('quarter', now, timeZone), now, timeZone)
}

// ---------------------------------------------------------------------------------------------------------------
// Working days: Monday to Friday. Public holidays are not counted out (their dates move with the lunar calendar);
// a routine due on a holiday runs that day, which only means an email arrives while the office is closed.

/** The first working day (`YYYY-MM-DD`, Monday to Friday) of a month. */
export function firstWorkingDay(p: Extract<TPeriod, { type: 'month' }>): string {
  let day = dayNumber(p.year, p.month, 1) as number
  while (isoWeekday(day) > 5) day += 1
  return dayString(day)
}

/** Whether `now` falls on the first working day of its month in the time zone (monthly mails go out that day). */
export function isFirstWorkingDayOfMonth(now: Date, timeZone: string = TIME_ZONE): boolean {
  return civilDay(now, timeZone) === firstWorkingDay(periodOf('month', now, timeZone))
}

// ---------------------------------------------------------------------------------------------------------------
// DHIS2 codes

/** The DHIS2 code of a period: `20250301`, `2025W10`, `202503`, `2025Q1`, `2025`. */
export function periodCode(p: TPeriod): string {
  const year = String(p.year).padStart(4, '0')
  switch (p.type) {
    case 'day':
      return `${year}${pad(p.month)}${pad(p.day)}`
    case 'week':
      return `${year}W${p.week}`
    case 'month':
      return `${year}${pad(p.month)}`
    case 'quarter':
      return `${year}Q${p.quarter}`
    case 'year':
      return year
  }
}

/** The period of a DHIS2 code, or null when the code is not one of the five forms or names no real period. */
export function parsePeriodCode(code: string): TPeriod | null {
  const text = code.trim().toUpperCase()
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return dayNumber(year, month, day) === null ? null : { type: 'day', year, month, day }
  }
  if ((m = /^(\d{4})W(\d{1,2})$/.exec(text))) {
    const [year, week] = [Number(m[1]), Number(m[2])]
    return week >= 1 && week <= isoWeeksInYear(year) ? { type: 'week', year, week } : null
  }
  if ((m = /^(\d{4})(\d{2})$/.exec(text))) {
    const [year, month] = [Number(m[1]), Number(m[2])]
    return month >= 1 && month <= 12 ? { type: 'month', year, month } : null
  }
  if ((m = /^(\d{4})Q([1-4])$/.exec(text))) return { type: 'quarter', year: Number(m[1]), quarter: Number(m[2]) }
  if ((m = /^(\d{4})$/.exec(text))) return { type: 'year', year: Number(m[1]) }
  return null
}

// ---------------------------------------------------------------------------------------------------------------
// Labels

/** The day of the month in French: "1er", "2", … "31". */
export function dayOfMonthFr(day: number): string {
  return day === 1 ? '1er' : String(day)
}

/** A period in words: "1er mars 2025", "semaine 10 de 2025", "mars 2025", "1er trimestre 2025", "2025" (English: "1 March 2025", "week 10 of 2025", "March 2025", "Q1 2025"). */
export function periodLabel(p: TPeriod, locale: TLocale = 'fr'): string {
  const fr = locale === 'fr'
  switch (p.type) {
    case 'day':
      return fr ? `${dayOfMonthFr(p.day)} ${MONTH_NAMES.fr[p.month - 1]} ${p.year}` : `${p.day} ${MONTH_NAMES.en[p.month - 1]} ${p.year}`
    case 'week':
      return fr ? `semaine ${p.week} de ${p.year}` : `week ${p.week} of ${p.year}`
    case 'month':
      return `${MONTH_NAMES[locale][p.month - 1]} ${p.year}`
    case 'quarter':
      return fr ? `${p.quarter === 1 ? '1er' : `${p.quarter}e`} trimestre ${p.year}` : `Q${p.quarter} ${p.year}`
    case 'year':
      return String(p.year)
  }
}
