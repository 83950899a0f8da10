// Face-to-face trainings: every figure of a training report and of the statistics page is computed here, once,
// so that the PDF, the Word file, the back office and the site never disagree. Plain data in, plain data out;
// dates are ISO calendar days (`YYYY-MM-DD`) read in UTC, the time zone of Mali; their labels and quarters come
// from the periods kit (./periods.ts).

import type { Label } from './toolkit.ts'
import { dayOfMonthFr, MONTH_NAMES, periodLabel, periodOf, periodRange } from './periods.ts'

export type Sex = 'F' | 'M'
export type AttendanceStatus = 'present' | 'absent' | 'late' | 'excused'
export type TParticipant = { id: string | number; firstName: string; lastName: string; sex: Sex; function: string; organisation: string; region: string; phone?: string | null; email?: string | null }
export type TEnrolment = {
  participantId: string | number
  attendance: { date: string /* YYYY-MM-DD */; status: AttendanceStatus }[]
  preTest: number | null
  postTest: number | null
  evaluation?: { ratings: Record<string, number> /* item → 1..5 */; comment?: string }
}

/** Labels of the two sexes, as the disaggregated tables name them. */
export const SEXES = {
  F: { fr: 'Femme', en: 'Woman' },
  M: { fr: 'Homme', en: 'Man' },
} as const satisfies Record<Sex, Label>

/** Attendance statuses with the one-letter code of the paper attendance list (P, R, A, E). */
export const ATTENDANCE_STATUSES = {
  present: { fr: 'Présent', en: 'Present', code: 'P' },
  late: { fr: 'En retard', en: 'Late', code: 'R' },
  absent: { fr: 'Absent', en: 'Absent', code: 'A' },
  excused: { fr: 'Excusé', en: 'Excused', code: 'E' },
} as const satisfies Record<AttendanceStatus, Label & { code: string }>

/** Longest training accepted, in calendar days: beyond it a date is surely mistyped. */
export const MAX_TRAINING_DAYS = 60

/** What a table shows for an empty organisation, region or function. */
export const NOT_PROVIDED = 'Non renseigné'

const DAY_MS = 86_400_000
const MONTHS = MONTH_NAMES.fr

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** UTC timestamp of a strict `YYYY-MM-DD` calendar day (a Payload ISO timestamp is accepted too), or null. */
export function parseIsoDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim())
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (match[0].includes('T')) {
    // Payload stores dates as full timestamps; their UTC calendar day is the training day (Mali is on UTC). A
    // timestamp without zone is read as UTC too, so that the server's own time zone never shifts a day.
    const time = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(match[0]) ? match[0] : `${match[0]}Z`)
    if (Number.isNaN(time)) return null
    const d = new Date(time)
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  }
  const time = Date.UTC(year, month - 1, day)
  const back = new Date(time)
  // Date.UTC rolls 2024-02-30 over to March, and maps years below 100 to the 1900s: both are refused here.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? time : null
}

/** The `YYYY-MM-DD` form of a day (or of a Payload timestamp), or null when it is not a real calendar day. */
export function isoDay(value: string): string | null {
  const time = parseIsoDay(value)
  return time === null ? null : new Date(time).toISOString().slice(0, 10)
}

/** Every calendar day of a training, both ends included; throws a French error on reversed or overlong spans. */
export function trainingDays(startDate: string, endDate: string): string[] {
  const start = parseIsoDay(startDate)
  const end = parseIsoDay(endDate)
  if (start === null) throw new Error(`Date de début invalide : « ${startDate} ». Indiquez une date au format AAAA-MM-JJ.`)
  if (end === null) throw new Error(`Date de fin invalide : « ${endDate} ». Indiquez une date au format AAAA-MM-JJ.`)
  if (end < start) {
    throw new Error(`La date de fin (${formatDateFr(endDate)}) précède la date de début (${formatDateFr(startDate)}) : corrigez les dates de la formation.`)
  }
  const count = Math.round((end - start) / DAY_MS) + 1
  if (count > MAX_TRAINING_DAYS) {
    throw new Error(`La formation couvrirait ${count} jours : la limite est de ${MAX_TRAINING_DAYS} jours. Vérifiez les dates de début et de fin.`)
  }
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10))
}

/** Whether a day falls within a training's dates (false when any date is invalid). */
export function isDayWithinTraining(date: string, startDate: string, endDate: string): boolean {
  const day = parseIsoDay(date)
  const start = parseIsoDay(startDate)
  const end = parseIsoDay(endDate)
  return day !== null && start !== null && end !== null && day >= start && day <= end
}

/**
 * The first problem in an enrolment's attendance list, as the field path and the French sentence to show there:
 * a day outside the training's dates, or a day entered twice. Null when the list is fine.
 */
export function attendanceProblem(attendance: readonly { date: string }[], startDate: string, endDate: string): { path: string; message: string } | null {
  const seen = new Set<string>()
  for (const [i, entry] of attendance.entries()) {
    const day = String(entry.date).slice(0, 10)
    if (!isDayWithinTraining(day, startDate, endDate)) return { path: `attendance.${i}.date`, message: `Le ${day} est en dehors des dates de la formation.` }
    if (seen.has(day)) return { path: `attendance.${i}.date`, message: `Le ${day} est saisi deux fois.` }
    seen.add(day)
  }
  return null
}

/** A day in French: "17 septembre 2024", "1er octobre 2024"; the input unchanged when it is not a date. */
export function formatDateFr(date: string): string {
  const day = isoDay(date)
  return day ? periodLabel(periodOf('day', day)) : date
}

/** A training's dates in French: "du 17 au 21 septembre 2024", "du 30 septembre au 4 octobre 2024", "le 17 septembre 2024". */
export function formatDateRangeFr(startDate: string, endDate: string): string {
  const start = parseIsoDay(startDate)
  const end = parseIsoDay(endDate)
  if (start === null || end === null) return `du ${startDate} au ${endDate}`
  if (start === end) return `le ${formatDateFr(startDate)}`
  const s = new Date(start)
  const e = new Date(end)
  // Say the month and the year once when both ends share them, as the reports do.
  if (s.getUTCFullYear() !== e.getUTCFullYear()) return `du ${formatDateFr(startDate)} au ${formatDateFr(endDate)}`
  if (s.getUTCMonth() !== e.getUTCMonth()) return `du ${dayOfMonthFr(s.getUTCDate())} ${MONTHS[s.getUTCMonth()]} au ${formatDateFr(endDate)}`
  return `du ${dayOfMonthFr(s.getUTCDate())} au ${formatDateFr(endDate)}`
}

/** A short day for column headers: "17/09". */
export function formatShortDateFr(date: string): string {
  const day = isoDay(date)
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}` : date
}

/** The quarter of a day, labelled as in DNPEF reporting ("2024-T3"), or null when the date is invalid. */
export function quarterOf(date: string): string | null {
  const day = isoDay(date)
  return day ? dnpefQuarter(periodOf('quarter', day)) : null
}

function dnpefQuarter(p: { year: number; quarter: number }): string {
  return `${p.year}-T${p.quarter}`
}

// ---------------------------------------------------------------------------------------------------------------
// Rounding

/** A share as a percentage rounded to 0.1 (0 when the whole is 0); integer arithmetic avoids binary drift. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10
}

/** Rounds to one decimal, halves away from zero; the nudge absorbs binary drift such as 72.45 stored as 72.4499…. */
export function round1(value: number): number {
  const sign = value < 0 ? -1 : 1
  const rounded = (sign * Math.round(Math.abs(value) * 10 + 1e-7)) / 10
  return rounded === 0 ? 0 : rounded
}

function average(values: number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((sum, v) => sum + v, 0) / values.length)
}

// ---------------------------------------------------------------------------------------------------------------
// Participants

export type TSexCount = { women: number; men: number; total: number }
export type TDisaggregation = TSexCount & {
  byOrganisation: (TSexCount & { organisation: string })[]
  byRegion: (TSexCount & { region: string })[]
  byFunction: (TSexCount & { function: string })[]
}
/** One line of a breakdown: a value (organisation, region, kind, quarter…) and its people by sex. */
export type TCountRow = TSexCount & { key: string }

/** Participants by sex, then by organisation, region and function (each sorted by total, then name); a person is counted once. */
export function disaggregate(participants: TParticipant[]): TDisaggregation {
  const people = distinctById(participants)
  const women = people.filter((p) => p.sex === 'F').length
  return {
    total: people.length,
    women,
    men: people.length - women,
    byOrganisation: countBy(people, (p) => p.organisation).map(({ key, ...counts }) => ({ organisation: key, ...counts })),
    byRegion: countBy(people, (p) => p.region).map(({ key, ...counts }) => ({ region: key, ...counts })),
    byFunction: countBy(people, (p) => p.function).map(({ key, ...counts }) => ({ function: key, ...counts })),
  }
}

function distinctById<T extends { id: string | number }>(items: T[]): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(String(item.id))) seen.set(String(item.id), item)
  return [...seen.values()]
}

/**
 * Counts distinct people by a value, by sex. Values are grouped case-, accent- and space-insensitively ("Unicef" and
 * "UNICEF" are one line, shown as first met); an empty value is shown as "Non renseigné".
 */
function countBy<T extends { id: string | number; sex: Sex }>(items: T[], valueOf: (item: T) => string, sort: 'total' | 'key' = 'total'): TCountRow[] {
  const groups = new Map<string, { key: string; women: Set<string>; men: Set<string> }>()
  for (const item of items) {
    const label = (valueOf(item) ?? '').trim().replace(/\s+/g, ' ') || NOT_PROVIDED
    const groupKey = normaliseName(label)
    let group = groups.get(groupKey)
    if (!group) groups.set(groupKey, (group = { key: label, women: new Set(), men: new Set() }))
    ;(item.sex === 'F' ? group.women : group.men).add(String(item.id))
  }
  const rows = [...groups.values()].map(({ key, women, men }) => ({ key, women: women.size, men: men.size, total: women.size + men.size }))
  return rows.sort((a, b) => (sort === 'total' ? b.total - a.total : 0) || compareFr(a.key, b.key))
}

function compareFr(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true })
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance

export type TDayAttendance = { date: string; present: number; late: number; absent: number; excused: number; unmarked: number; rate: number }

/** Each enrolment's status per day; when a day is marked twice the last mark wins (a correction). */
function statusesOf(enrolment: TEnrolment): Map<string, AttendanceStatus> {
  const statuses = new Map<string, AttendanceStatus>()
  for (const mark of enrolment.attendance) statuses.set(isoDay(mark.date) ?? mark.date, mark.status)
  return statuses
}

/** Per day: how many participants were present, late, absent, excused or not marked, and the rate (present + late) in %. */
export function attendanceByDay(enrolments: TEnrolment[], days: string[]): TDayAttendance[] {
  const statuses = enrolments.map(statusesOf)
  return days.map((date) => {
    const row: TDayAttendance = { date, present: 0, late: 0, absent: 0, excused: 0, unmarked: 0, rate: 0 }
    for (const byDay of statuses) {
      const status = byDay.get(date)
      if (status) row[status] += 1
      else row.unmarked += 1
    }
    row.rate = percent(row.present + row.late, enrolments.length)
    return row
  })
}

/** One participant's attendance: days attended (present or late) out of the training days, and the rate in %. */
export function participantAttendance(enrolment: TEnrolment, days: string[]): { attended: number; total: number; rate: number } {
  const byDay = statusesOf(enrolment)
  const attended = days.filter((day) => byDay.get(day) === 'present' || byDay.get(day) === 'late').length
  return { attended, total: days.length, rate: percent(attended, days.length) }
}

/** Overall attendance rate in %: participant-days attended (present or late) over enrolments × days. */
export function attendanceRate(enrolments: TEnrolment[], days: string[]): number {
  const attended = enrolments.reduce((sum, enrolment) => sum + participantAttendance(enrolment, days).attended, 0)
  return percent(attended, enrolments.length * days.length)
}

// ---------------------------------------------------------------------------------------------------------------
// Tests and evaluation

/** Whether a test score is usable: a finite number from 0 to 100. */
export function isValidScore(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100
}

export type TTestProgression = {
  /** Participants with a valid pre-test, a valid post-test, and both. */
  withPre: number
  withPost: number
  withBoth: number
  /** Averages over the participants having both scores, rounded to 0.1; null when none. */
  averagePre: number | null
  averagePost: number | null
  /** Average of (post − pre), in points. */
  averageProgression: number | null
  /** Participants whose post-test is above their pre-test, and their share of `withBoth` in % (null when none). */
  improved: number
  improvedShare: number | null
}

/** Pre-test / post-test comparison over the participants who sat both tests (invalid scores count as missing). */
export function testProgression(enrolments: TEnrolment[]): TTestProgression {
  // Only pairs are compared: averaging all pre-tests against all post-tests would mix different groups of people.
  const pairs = enrolments.filter((e) => isValidScore(e.preTest) && isValidScore(e.postTest)).map((e) => ({ pre: e.preTest as number, post: e.postTest as number }))
  const improved = pairs.filter((p) => p.post > p.pre).length
  return {
    withPre: enrolments.filter((e) => isValidScore(e.preTest)).length,
    withPost: enrolments.filter((e) => isValidScore(e.postTest)).length,
    withBoth: pairs.length,
    averagePre: average(pairs.map((p) => p.pre)),
    averagePost: average(pairs.map((p) => p.post)),
    averageProgression: average(pairs.map((p) => p.post - p.pre)),
    improved,
    improvedShare: pairs.length === 0 ? null : percent(improved, pairs.length),
  }
}

export type TEvaluationSummary = {
  /** Average rating (1 to 5, rounded to 0.1) and number of answers, per item, sorted by item. */
  items: { item: string; average: number; responses: number }[]
  /** Non-empty free comments, in enrolment order. */
  comments: string[]
  /** Participants who returned an evaluation (at least one rating or a comment). */
  respondents: number
}

/** The end-of-training evaluation: average per rating item and the participants' comments; ratings outside 1–5 are ignored. */
export function evaluationSummary(enrolments: TEnrolment[]): TEvaluationSummary {
  const byItem = new Map<string, number[]>()
  const comments: string[] = []
  let respondents = 0
  for (const { evaluation } of enrolments) {
    if (!evaluation) continue
    let answered = false
    for (const [rawItem, rating] of Object.entries(evaluation.ratings ?? {})) {
      const item = rawItem.trim()
      if (!item || typeof rating !== 'number' || !Number.isFinite(rating) || rating < 1 || rating > 5) continue
      byItem.set(item, [...(byItem.get(item) ?? []), rating])
      answered = true
    }
    const comment = evaluation.comment?.trim()
    if (comment) comments.push(comment)
    if (answered || comment) respondents += 1
  }
  const items = [...byItem.entries()]
    .map(([item, ratings]) => ({ item, average: average(ratings) ?? 0, responses: ratings.length }))
    .sort((a, b) => compareFr(a.item, b.item))
  return { items, comments, respondents }
}

// ---------------------------------------------------------------------------------------------------------------
// People: duplicates

/** A name reduced for comparison: lower case, no accents, no spaces or punctuation ("Traoré-Diallo " → "traorediallo"). */
export function normaliseName(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** A phone number reduced to its digits, without Mali's country code (+223, 00223, or 223 before 8 digits). */
export function normalisePhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '')
  if (digits.startsWith('00223')) return digits.slice(5)
  // A bare 223 is the country code only when a full number follows: 8-digit local numbers may start with 223.
  if (digits.startsWith('223') && digits.length >= 11) return digits.slice(3)
  return digits
}

/** An e-mail address trimmed and lower-cased, the form in which two addresses are compared. */
export function normaliseEmail(email: string | null | undefined): string {
  return (email ?? '').trim().toLowerCase()
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

/** One participation: a person trained in one training. */
export type TTrainingRecord = { participant: TParticipant; trainingKind: string; trainingRegion: string; startDate: string }

/** Filters of the statistics page; text filters ignore case and accents, dates are inclusive training start days. */
export type TStatisticsFilters = {
  from?: string | null
  to?: string | null
  trainingKind?: string | null
  /** Region where the training took place. */
  trainingRegion?: string | null
  /** Region of the participant. */
  region?: string | null
  organisation?: string | null
  sex?: Sex | null
}

export type TStatistics = {
  /** Participations kept by the filters (a person trained twice counts twice here). */
  participations: number
  /** Distinct people trained, and among them women and men. */
  people: number
  women: number
  men: number
  /** Distinct people per value, by sex; sorted by total then name, except `byQuarter` (chronological). */
  byOrganisation: TCountRow[]
  byRegion: TCountRow[]
  byFunction: TCountRow[]
  byTrainingKind: TCountRow[]
  byTrainingRegion: TCountRow[]
  byQuarter: TCountRow[]
}

/** The participations the filters keep (dates are inclusive training start days; text compared without case or accents). */
export function filterRecords<T extends TTrainingRecord>(records: T[], filters: TStatisticsFilters = {}): T[] {
  const from = filters.from ? parseIsoDay(filters.from) : null
  const to = filters.to ? parseIsoDay(filters.to) : null
  const matches = (value: string, wanted: string | null | undefined) => !wanted || normaliseName(value) === normaliseName(wanted)
  return records.filter((r) => {
    const start = parseIsoDay(r.startDate)
    if ((from !== null || to !== null) && start === null) return false
    if (from !== null && start !== null && start < from) return false
    if (to !== null && start !== null && start > to) return false
    return (
      matches(r.trainingKind, filters.trainingKind) &&
      matches(r.trainingRegion, filters.trainingRegion) &&
      matches(r.participant.region, filters.region) &&
      matches(r.participant.organisation, filters.organisation) &&
      (!filters.sex || r.participant.sex === filters.sex)
    )
  })
}

/** People trained, counted once each, by sex, organisation, region, function, training kind and quarter of the training. */
export function statistics(records: TTrainingRecord[], filters: TStatisticsFilters = {}): TStatistics {
  const kept = filterRecords(records, filters)
  // Each participation carries its person's id and sex, so that countBy counts people, not participations.
  const rows = kept.map((r) => ({ ...r, id: r.participant.id, sex: r.participant.sex }))
  const people = distinctById(rows)
  const women = people.filter((p) => p.sex === 'F').length
  return {
    participations: kept.length,
    people: people.length,
    women,
    men: people.length - women,
    byOrganisation: countBy(rows, (r) => r.participant.organisation),
    byRegion: countBy(rows, (r) => r.participant.region),
    byFunction: countBy(rows, (r) => r.participant.function),
    byTrainingKind: countBy(rows, (r) => r.trainingKind),
    byTrainingRegion: countBy(rows, (r) => r.trainingRegion),
    byQuarter: countBy(
      rows.filter((r) => quarterOf(r.startDate) !== null),
      (r) => quarterOf(r.startDate) ?? '',
      'key',
    ),
  }
}

export type TRegionQuarterTable = {
  /** Every quarter from the first to the last training, gaps included, so that a quiet quarter shows as 0. */
  quarters: string[]
  /** One row per region (alphabetical), `counts` aligned with `quarters`. */
  rows: { region: string; counts: number[]; total: number }[]
  /** Column totals aligned with `quarters`, and the grand total. */
  totals: number[]
  total: number
}

/** Number of trainings per region and quarter, as a table; trainings with an invalid date are left out. */
export function trainingsByRegionAndQuarter(trainings: { region: string; startDate: string }[]): TRegionQuarterTable {
  const dated = trainings.flatMap((t) => {
    const quarter = quarterOf(t.startDate)
    return quarter ? [{ region: t.region.trim() || NOT_PROVIDED, quarter }] : []
  })
  if (dated.length === 0) return { quarters: [], rows: [], totals: [], total: 0 }
  const labels = dated.map((t) => t.quarter).sort()
  const quarters = quarterRange(labels[0] as string, labels[labels.length - 1] as string)
  const byRegion = new Map<string, { region: string; counts: number[] }>()
  for (const { region, quarter } of dated) {
    const key = normaliseName(region)
    let row = byRegion.get(key)
    if (!row) byRegion.set(key, (row = { region, counts: quarters.map(() => 0) }))
    row.counts[quarters.indexOf(quarter)]! += 1
  }
  const rows = [...byRegion.values()].map((r) => ({ ...r, total: r.counts.reduce((a, b) => a + b, 0) })).sort((a, b) => compareFr(a.region, b.region))
  const totals = quarters.map((_, i) => rows.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0))
  return { quarters, rows, totals, total: dated.length }
}

function quarterRange(first: string, last: string): string[] {
  const quarter = (label: string) => ({ type: 'quarter' as const, year: Number(label.slice(0, 4)), quarter: Number(label.slice(6)) })
  return periodRange(quarter(first), quarter(last)).map(dnpefQuarter)
}
