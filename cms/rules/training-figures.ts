// Attendance and pre/post-test results of a training broken down by group — by sex, by organisation — as the
// ministry's reports and statistics disaggregate them. Pure: the training report, the trainer pages and the
// exports all print these rows.

import { normaliseName, NOT_PROVIDED, participantAttendance, percent, testProgression, type Sex, type TEnrolment, type TParticipant } from './trainings.ts'

/** One group's figures: people enrolled, attendance rate (%), pre/post averages over those with both tests. */
export type TGroupFigures = {
  key: string
  enrolled: number
  attendanceRate: number
  withBoth: number
  averagePre: number | null
  averagePost: number | null
  averageProgression: number | null
}

const SEX_LABELS: Record<Sex, string> = { F: 'Femmes', M: 'Hommes' }

/** The days of an enrolment's training: one list for a training's report, each enrolment's own across trainings. */
export type TDaysOf = string[] | ((enrolment: TEnrolment) => string[])

/** Days attended (present or late) over days held, in %, each enrolment counted over its own training's days. */
function attendanceOver(enrolments: TEnrolment[], days: TDaysOf): number {
  const daysOf = typeof days === 'function' ? days : () => days
  let attended = 0
  let held = 0
  for (const enrolment of enrolments) {
    const own = participantAttendance(enrolment, daysOf(enrolment))
    attended += own.attended
    held += own.total
  }
  return percent(attended, held)
}

/** Figures of each group, in the order given by `groupOf` values first met, then a "Total" row over everyone. */
function figuresBy(participants: TParticipant[], enrolments: TEnrolment[], days: TDaysOf, groupOf: (p: TParticipant) => string, order?: string[]): TGroupFigures[] {
  const personOf = new Map(participants.map((p) => [String(p.id), p]))
  const groups = new Map<string, { key: string; enrolments: TEnrolment[] }>()
  for (const key of order ?? []) groups.set(normaliseName(key), { key, enrolments: [] })
  for (const enrolment of enrolments) {
    const person = personOf.get(String(enrolment.participantId))
    if (!person) continue
    const label = groupOf(person).trim() || NOT_PROVIDED
    const id = normaliseName(label)
    if (!groups.has(id)) groups.set(id, { key: label, enrolments: [] })
    groups.get(id)!.enrolments.push(enrolment)
  }
  const row = (key: string, list: TEnrolment[]): TGroupFigures => {
    const tests = testProgression(list)
    return { key, enrolled: list.length, attendanceRate: attendanceOver(list, days), withBoth: tests.withBoth, averagePre: tests.averagePre, averagePost: tests.averagePost, averageProgression: tests.averageProgression }
  }
  const counted = [...groups.values()].flatMap((g) => g.enrolments)
  return [...[...groups.values()].map((g) => row(g.key, g.enrolments)), row('Total', counted)]
}

/** Women, men, total: attendance and pre/post-test results. */
export function figuresBySex(participants: TParticipant[], enrolments: TEnrolment[], days: TDaysOf): TGroupFigures[] {
  return figuresBy(participants, enrolments, days, (p) => SEX_LABELS[p.sex], [SEX_LABELS.F, SEX_LABELS.M])
}

/** Each organisation (most enrolled first, then by name), then the total: attendance and pre/post-test results. */
export function figuresByOrganisation(participants: TParticipant[], enrolments: TEnrolment[], days: TDaysOf): TGroupFigures[] {
  const rows = figuresBy(participants, enrolments, days, (p) => p.organisation)
  const total = rows.pop()!
  return [...rows.sort((a, b) => b.enrolled - a.enrolled || a.key.localeCompare(b.key, 'fr', { sensitivity: 'base' })), total]
}
