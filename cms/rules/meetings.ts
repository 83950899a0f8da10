import { isOpen, type TActionItem } from './action-items.ts'
import { civilDay, comparePeriods, daysLeft, periodBounds, periodCode, periodLabel, periodOf, periodRange, type TPeriod } from './periods.ts'
import type { Label } from './toolkit.ts'
import { can, type RoleHolder } from './roles.ts'
import { idOf } from '../fields/relations.ts'

// The common case-management framework (cadre commun): its meetings, quarter compliance, reminders, RSVP answers,
// the action points carried onto the next meeting's agenda, and the capacity-building plan's history. Plain data in
// and out, `now` passed in; days and quarters are civil ones in Africa/Bamako through the periods kit.
// How it fits together: docs/meetings.md.

type Quarter = Extract<TPeriod, { type: 'quarter' }>

export const MEETING_KINDS = {
  quarterly: { fr: 'Réunion trimestrielle du cadre commun', en: 'Quarterly framework meeting' },
  adHoc: { fr: 'Réunion ad hoc', en: 'Ad-hoc meeting' },
  validationWorkshop: { fr: 'Atelier de validation', en: 'Validation workshop' },
} as const satisfies Record<string, Label>
export type MeetingKind = keyof typeof MEETING_KINDS

export const MEETING_STATUSES = {
  planned: { fr: 'Planifiée', en: 'Planned' },
  held: { fr: 'Tenue', en: 'Held' },
  postponed: { fr: 'Reportée', en: 'Postponed' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
} as const satisfies Record<string, Label>
export type MeetingStatus = keyof typeof MEETING_STATUSES

/** The answers of an invitation; the French word is also the `reponse` parameter of the emailed links. */
export const RSVP_ANSWERS = {
  yes: { fr: 'Oui', en: 'Yes', word: 'oui' },
  no: { fr: 'Non', en: 'No', word: 'non' },
  maybe: { fr: 'Peut-être', en: 'Maybe', word: 'peut-etre' },
} as const satisfies Record<string, Label & { word: string }>
export type RsvpAnswer = keyof typeof RSVP_ANSWERS

/** The answer named by a link's `reponse` word (`oui`, `non`, `peut-etre`), or null. */
export function answerOfWord(word: string | null | undefined): RsvpAnswer | null {
  const found = (Object.entries(RSVP_ANSWERS) as [RsvpAnswer, { word: string }][]).find(([, a]) => a.word === word)
  return found ? found[0] : null
}

export const PLAN_STATUSES = {
  done: { fr: 'Réalisé', en: 'Done' },
  inProgress: { fr: 'En cours', en: 'In progress' },
  notDone: { fr: 'Pas réalisé', en: 'Not done' },
  postponed: { fr: 'Reporté', en: 'Postponed' },
} as const satisfies Record<string, Label>
export type PlanStatus = keyof typeof PLAN_STATUSES

/** A meeting as the rules see it. `start` and `end` are instants (ISO strings). */
export type TMeeting = { id?: number | string; kind: MeetingKind; status: MeetingStatus; start: string; end?: string | null; title?: string }

/** The instant of a civil day and wall-clock time (`HH:MM`) in Bamako. */
export function bamakoInstant(day: string, time: string): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  if (!match) throw new Error(`Heure invalide : « ${time} ». Indiquez une heure au format HH:MM.`)
  const { start } = periodBounds(periodOf('day', day))
  return new Date(start.getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60_000)
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

export type TProblem = { path: string; message: string }

/**
 * What is wrong with a meeting as saved at `now`: an end not after the start; a meeting of a quarter already over
 * still marked planned (it was held, postponed or cancelled: say which); a meeting marked held before it started.
 */
export function meetingProblems(meeting: Pick<TMeeting, 'status' | 'start' | 'end'>, now: Date): TProblem[] {
  const problems: TProblem[] = []
  const start = new Date(meeting.start)
  if (Number.isNaN(start.getTime())) return [{ path: 'start', message: 'Date de début invalide : indiquez la date et l’heure de la réunion.' }]
  if (meeting.end) {
    const end = new Date(meeting.end)
    if (Number.isNaN(end.getTime()) || end <= start) problems.push({ path: 'end', message: 'La fin de la réunion doit être postérieure à son début : corrigez la date ou l’heure de fin.' })
  }
  if (meeting.status === 'planned' && comparePeriods(periodOf('quarter', start), periodOf('quarter', now)) < 0) {
    problems.push({ path: 'status', message: `Cette réunion date d’un trimestre passé (${periodLabel(periodOf('quarter', start))}) : elle ne peut pas être « planifiée ». Indiquez si elle a été tenue, reportée ou annulée.` })
  }
  if (meeting.status === 'held' && start > now) problems.push({ path: 'status', message: 'Une réunion ne peut pas être « tenue » avant sa date de début.' })
  return problems
}

// ---------------------------------------------------------------------------------------------------------------
// Quarter compliance: the framework meets at least once every three months.

export type ComplianceState = 'held' | 'planned' | 'missing'
export const COMPLIANCE_STATES = {
  held: { fr: 'Réunion tenue', en: 'Meeting held' },
  planned: { fr: 'Réunion planifiée', en: 'Meeting planned' },
  missing: { fr: 'Aucune réunion', en: 'No meeting' },
} as const satisfies Record<ComplianceState, Label>

export type TQuarterCompliance = {
  code: string // 2026Q1
  label: string // 1er trimestre 2026
  state: ComplianceState
  /** The meeting that makes the quarter held or planned, when there is one. */
  meetingId: number | string | null
  /** Days left in the quarter at `now`, today included (0 once over). */
  daysLeft: number
  /** Less than 30 days left in the current quarter and no meeting held or planned: coordinators are alerted. */
  alert: boolean
}

/** Days before the end of a quarter under which a quarter without meeting raises the alert. */
export const COMPLIANCE_ALERT_DAYS = 30

/**
 * The four quarters of a year: `held` when a quarterly framework meeting of that quarter was held, else `planned`
 * when one is planned in it, else `missing`. Other kinds (ad hoc, validation workshops) do not count, nor do
 * postponed or cancelled meetings.
 */
export function quarterCompliance(meetings: readonly TMeeting[], year: number, now: Date): TQuarterCompliance[] {
  const quarters = periodRange<Quarter>({ type: 'quarter', year, quarter: 1 }, { type: 'quarter', year, quarter: 4 })
  const current = periodOf('quarter', now)
  return quarters.map((quarter) => {
    const code = periodCode(quarter)
    const inQuarter = meetings.filter((m) => m.kind === 'quarterly' && periodCode(periodOf('quarter', new Date(m.start))) === code)
    const held = inQuarter.find((m) => m.status === 'held')
    const planned = inQuarter.find((m) => m.status === 'planned')
    const state: ComplianceState = held ? 'held' : planned ? 'planned' : 'missing'
    const left = daysLeft(quarter, now)
    const isCurrent = comparePeriods(quarter, current) === 0
    return { code, label: periodLabel(quarter), state, meetingId: (held ?? planned)?.id ?? null, daysLeft: left, alert: isCurrent && state === 'missing' && left < COMPLIANCE_ALERT_DAYS }
  })
}

/** The current quarter's entry when it calls for the alert at `now`, else null. */
export function complianceAlert(meetings: readonly TMeeting[], now: Date): TQuarterCompliance | null {
  const current = periodOf('quarter', now)
  return quarterCompliance(meetings, current.year, now).find((q) => q.alert) ?? null
}

/**
 * The days left in a quarter on which the alert email goes out: when fewer than 30 days are left (29), then two
 * weeks, one week and one day before the end, rather than every day of the last month.
 */
export const COMPLIANCE_ALERT_ON: readonly number[] = [29, 14, 7, 1]

/** The current quarter's entry when its alert email is due today, else null. */
export function complianceAlertToday(meetings: readonly TMeeting[], now: Date): TQuarterCompliance | null {
  const alert = complianceAlert(meetings, now)
  return alert && COMPLIANCE_ALERT_ON.includes(alert.daysLeft) ? alert : null
}

// ---------------------------------------------------------------------------------------------------------------
// Reminders: 7 days and 1 day before, by civil day in Bamako.

export const REMINDER_DAYS = [7, 1] as const

/** Whole civil days from `now`'s day to the meeting's day (0 the same day, negative once past). */
export function daysUntil(start: string | Date, now: Date): number {
  const day = (d: Date) => Date.parse(`${civilDay(d)}T00:00:00Z`)
  return Math.round((day(new Date(start)) - day(now)) / 86_400_000)
}

/** The planned meetings whose 7-day or 1-day reminder falls on `now`'s civil day. */
export function remindersDue<M extends TMeeting>(meetings: readonly M[], now: Date): { meeting: M; daysBefore: number }[] {
  return meetings.flatMap((meeting) => {
    if (meeting.status !== 'planned') return []
    const days = daysUntil(meeting.start, now)
    return (REMINDER_DAYS as readonly number[]).includes(days) ? [{ meeting, daysBefore: days }] : []
  })
}

// ---------------------------------------------------------------------------------------------------------------
// RSVP

/** Why an invitation can no longer be answered at `now`, in French and English, or null when it can. */
export function rsvpRefusal(meeting: Pick<TMeeting, 'status' | 'start' | 'end'>, now: Date): Label | null {
  if (meeting.status === 'cancelled') return { fr: 'Cette réunion a été annulée : il n’est plus possible d’y répondre.', en: 'This meeting was cancelled: it can no longer be answered.' }
  if (meeting.status === 'held' || new Date(meeting.end ?? meeting.start) <= now) return { fr: 'Cette réunion a déjà eu lieu : il n’est plus possible d’y répondre.', en: 'This meeting has already taken place: it can no longer be answered.' }
  return null
}

export type TRsvp = { person: number | string; answer: RsvpAnswer; answeredAt: string }

/** The answers after one person answered: their previous answer is replaced, nobody else's is touched. */
export function withAnswer(rsvps: readonly TRsvp[], person: number | string, answer: RsvpAnswer, now: Date): TRsvp[] {
  return [...rsvps.filter((r) => String(r.person) !== String(person)), { person, answer, answeredAt: now.toISOString() }]
}

/** How the invitees answered: a count per answer and how many have not answered yet. */
export function rsvpSummary(rsvps: readonly TRsvp[], invitees: readonly (number | string)[]): Record<RsvpAnswer | 'pending', number> {
  const invited = new Set(invitees.map(String))
  const answered = rsvps.filter((r) => invited.has(String(r.person)))
  const count = (answer: RsvpAnswer) => answered.filter((r) => r.answer === answer).length
  return { yes: count('yes'), no: count('no'), maybe: count('maybe'), pending: invited.size - new Set(answered.map((r) => String(r.person))).size }
}

// ---------------------------------------------------------------------------------------------------------------
// Action points carried onto the agenda

export type TMeetingActionPoint = TActionItem & { meeting: number | string }

/**
 * The action points a meeting's agenda carries over: those of the meetings that started before it which are still
 * open (to do, in progress). They stay on every following agenda until they are closed (done or dropped). Items of
 * the meeting itself are its own minutes, not its agenda.
 */
export function carriedActionPoints<P extends TMeetingActionPoint>(meeting: Pick<TMeeting, 'id' | 'start'>, meetings: readonly Pick<TMeeting, 'id' | 'start' | 'status'>[], points: readonly P[]): P[] {
  const earlier = new Set(meetings.filter((m) => m.status !== 'cancelled' && String(m.id) !== String(meeting.id) && new Date(m.start) < new Date(meeting.start)).map((m) => String(m.id)))
  return points.filter((p) => isOpen(p) && earlier.has(String(p.meeting)))
}

// ---------------------------------------------------------------------------------------------------------------
// The capacity-building plan and its history

/** The fields of a plan item whose changes are kept. */
export const PLAN_TRACKED_FIELDS = ['activity', 'targetGroup', 'region', 'responsible', 'period', 'budget', 'fundingSource', 'status', 'deadline', 'comments'] as const
export type TPlanSnapshot = Partial<Record<(typeof PLAN_TRACKED_FIELDS)[number], string | number | null>>
export type TPlanChange = { field: string; from: string | number | null; to: string | number | null }
export type TPlanHistoryEntry = { at: string; by?: number | string | null; changes: TPlanChange[]; snapshot: TPlanSnapshot }

/** The tracked values of an item, relations reduced to their id and empty values to null. */
export function planSnapshot(item: Record<string, unknown>): TPlanSnapshot {
  const value = (v: unknown): string | number | null => {
    if (v === undefined || v === null || v === '') return null
    if (typeof v === 'object' && 'id' in (v as object)) return (v as { id: number | string }).id
    return typeof v === 'number' ? v : String(v)
  }
  return Object.fromEntries(PLAN_TRACKED_FIELDS.map((f) => [f, value(item[f])])) as TPlanSnapshot
}

/** What changed between two snapshots (a creation is a change from nothing for every field set). */
export function planChanges(before: TPlanSnapshot | null, after: TPlanSnapshot): TPlanChange[] {
  return PLAN_TRACKED_FIELDS.flatMap((field) => {
    const from = before?.[field] ?? null
    const to = after[field] ?? null
    return String(from) === String(to) ? [] : [{ field, from, to }]
  })
}

/**
 * An item as it stood at a date, from its history (each entry keeps the values after the change): the last
 * snapshot at or before `at`, or null when the item did not exist yet.
 */
export function planItemAt(history: readonly TPlanHistoryEntry[], at: Date): TPlanSnapshot | null {
  let found: TPlanSnapshot | null = null
  for (const entry of [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (Date.parse(entry.at) > at.getTime()) break
    found = entry.snapshot
  }
  return found
}

/** The whole plan at a date: the items that existed then, with their values of that day. */
export function planAt<I extends { id: number | string; history?: readonly TPlanHistoryEntry[] | null }>(items: readonly I[], at: Date): { id: I['id']; state: TPlanSnapshot }[] {
  return items.flatMap((item) => {
    const state = planItemAt(item.history ?? [], at)
    return state ? [{ id: item.id, state }] : []
  })
}

/** A quarter code (`2026Q2`) or a French refusal. */
export function quarterCodeProblem(code: string | null | undefined): string | null {
  if (!code) return null
  return /^\d{4}Q[1-4]$/.test(code) ? null : `Période invalide : « ${code} ». Indiquez un trimestre au format AAAAQn (ex. 2026Q2).`
}

// ---------------------------------------------------------------------------------------------------------------
// Who sees a meeting: coordination nationally; anyone else the meetings they are invited to, in person or through
// their organisation.

type TReader = (RoleHolder & { id?: number | string | null; organisation?: unknown }) | null | undefined

/** The meetings a person may read, as a database query (true: all, false: none). */
export function meetingsReadable(user: TReader): boolean | { or: Record<string, { in: (number | string)[] }>[] } {
  if (!user || user.active === false || user.id === undefined || user.id === null) return false
  if (can(user, 'coordinate')) return true
  const organisation = idOf(user.organisation)
  return { or: [{ invitedPeople: { in: [user.id] } }, ...(organisation === null ? [] : [{ invitedOrganisations: { in: [organisation] } }])] }
}

/** Whether a person is invited to a meeting already read (in person or through their organisation). */
export function isInvited(user: TReader, meeting: { invitedPeople?: readonly unknown[] | null; invitedOrganisations?: readonly unknown[] | null }): boolean {
  if (!user || user.active === false || user.id === undefined || user.id === null) return false
  const organisation = idOf(user.organisation)
  return (meeting.invitedPeople ?? []).some((p) => String(idOf(p)) === String(user.id)) || (organisation !== null && (meeting.invitedOrganisations ?? []).some((o) => String(idOf(o)) === String(organisation)))
}
