import { isOverdue, type TActionItem } from './action-items.ts'
import { civilDay, periodDays, periodOf } from './periods.ts'
import type { Sex, TSexCount } from './trainings.ts'

// The figures of the back office's dashboard (cms/admin/dashboard/): what each role opens the back office for.
// Plain data in, plain data out, `now` passed in; days are civil days in Bamako (cms/rules/periods.ts). The server
// module cms/admin/dashboard/figures.ts reads the records and hands them to these rules.

/** Trainings that did not or will not take place: never upcoming, never to report. */
export const TRAININGS_NOT_HELD = ['cancelled', 'postponed'] as const

/** A training as the dashboard sees it: its days, its status, and whether its written report exists. */
export type TDashTraining = {
  id: number | string
  title: string
  startDate: string // YYYY-MM-DD or a Payload ISO timestamp
  endDate: string
  status: string
  region?: number | string | null
  reportWritten: boolean
}

/** Where a training stands on a given day, for its trainer's list. */
export type TTrainingPhase = 'upcoming' | 'today' | 'toReport' | 'reported' | 'notHeld'

const day = (value: string) => value.slice(0, 10)

/**
 * The written report of a training exists once its evaluation summary or its recommendations are written (the
 * other report sections are optional; the figures come from the records).
 */
export function isReportWritten(training: { evaluationNotes?: string | null; recommendations?: string | null }): boolean {
  return Boolean(training.evaluationNotes?.trim() || training.recommendations?.trim())
}

/** Upcoming before its first day, `today` from its first to its last day, then to report until its report is written. */
export function trainingPhase(training: Omit<TDashTraining, 'id' | 'title'>, now: Date): TTrainingPhase {
  if ((TRAININGS_NOT_HELD as readonly string[]).includes(training.status)) return 'notHeld'
  const today = civilDay(now)
  if (day(training.startDate) > today) return 'upcoming'
  if (day(training.endDate) >= today) return 'today'
  return training.reportWritten ? 'reported' : 'toReport'
}

/** A trainer's trainings sorted into upcoming (soonest first), today's and those to report (oldest first). */
export function trainerAgenda<T extends TDashTraining>(trainings: readonly T[], now: Date): { upcoming: T[]; today: T[]; toReport: T[] } {
  const byStart = [...trainings].sort((a, b) => day(a.startDate).localeCompare(day(b.startDate)))
  const phase = (t: T) => trainingPhase(t, now)
  return {
    upcoming: byStart.filter((t) => phase(t) === 'upcoming'),
    today: byStart.filter((t) => phase(t) === 'today'),
    toReport: byStart.filter((t) => phase(t) === 'toReport'),
  }
}

/** The first and last civil days of the current year in Bamako, for "this year" figures and their filters. */
export function thisYear(now: Date): { year: number; first: string; last: string } {
  const year = periodOf('year', now)
  return { year: year.year, ...periodDays(year) }
}

/** One participation in a training, reduced to what the "people trained" figure needs. */
export type TParticipation = { participant: number | string; sex: Sex; trainingRegion: number | string }

/** People trained in one region (of the training), by sex. */
export type TRegionCount = TSexCount & { region: number | string }

/**
 * People trained per region of the training, by sex: a person counts once per region where they were trained,
 * and once in the national total however many trainings they followed.
 */
export function trainedByRegion(participations: readonly TParticipation[]): { rows: TRegionCount[]; total: TSexCount } {
  const regions = new Map<string, { region: number | string; women: Set<string>; men: Set<string> }>()
  const women = new Set<string>()
  const men = new Set<string>()
  for (const p of participations) {
    const key = String(p.trainingRegion)
    let row = regions.get(key)
    if (!row) regions.set(key, (row = { region: p.trainingRegion, women: new Set(), men: new Set() }))
    const person = String(p.participant)
    ;(p.sex === 'F' ? row.women : row.men).add(person)
    ;(p.sex === 'F' ? women : men).add(person)
  }
  const rows = [...regions.values()].map((r) => ({ region: r.region, women: r.women.size, men: r.men.size, total: r.women.size + r.men.size }))
  return { rows, total: { women: women.size, men: men.size, total: women.size + men.size } }
}

/** The items still open whose deadline day is over (the action items' own rule). */
export function overdueItems<T extends Pick<TActionItem, 'status' | 'deadline'>>(items: readonly T[], now: Date): T[] {
  return items.filter((item) => isOverdue(item, now))
}

/**
 * People who started self-training and have not finished it: some module progress, and no valid certificate
 * (the certificate is what finishing means: every required module completed). Each person once, in first-seen order.
 */
export function unfinishedLearners(progressUsers: readonly (number | string)[], certifiedUsers: readonly (number | string)[]): (number | string)[] {
  const certified = new Set(certifiedUsers.map(String))
  const seen = new Set<string>()
  return progressUsers.filter((user) => {
    const key = String(user)
    if (certified.has(key) || seen.has(key)) return false
    seen.add(key)
    return true
  })
}
