// Formative supervision (suivi formatif): after a training, every trained person gets at least one follow-up visit,
// on site or remotely, rated against the competency framework. These are the rules behind the coverage tables, the
// lists of follow-ups due and of people never followed up, competency progress and the checks of a visit. Plain data
// in and out, `now` passed in; days are civil days in Bamako (cms/rules/periods.ts). docs/supervision.md explains
// the choices.
import { behavioursOf, RATING_VALUE, RATINGS, type Rating, type TFramework } from './competency-framework.ts'
import { civilDay, periodDays, periodOf, shiftPeriod } from './periods.ts'
import { idOf } from '../fields/relations.ts'
import { can } from './roles.ts'
import type { ScopeHolder } from './scope.ts'
import type { Label } from './toolkit.ts'

/** How a visit was made. */
export const VISIT_MODES = {
  onSite: { fr: 'Sur site', en: 'On site' },
  phone: { fr: 'À distance : téléphone', en: 'Remote: phone' },
  video: { fr: 'À distance : visio', en: 'Remote: video call' },
} as const satisfies Record<string, Label>
export type VisitMode = keyof typeof VISIT_MODES

/** People trained this many days ago and never followed up are listed to coordination each month. */
export const NEVER_FOLLOWED_UP_DAYS = 60
/** The supervisor is reminded this many days before a planned follow-up. */
export const REMINDER_DAYS_BEFORE = 7

/** A day `n` days after (before, when negative) a civil day `YYYY-MM-DD`. */
export function shiftDay(day: string, n: number): string {
  return periodDays(shiftPeriod(periodOf('day', day.slice(0, 10)), n)).first
}

/** A person of the participants registry with the trainings they attended (days as `YYYY-MM-DD`). */
export type TTrainedPerson = {
  id: number | string
  name: string
  organisation: string
  region: string
  trainings: { id: number | string; startDate: string; endDate: string }[]
}

/** A visit as the rules see it. */
export type TVisitFact = {
  id?: number | string
  person: number | string
  supervisor: number | string | null
  date: string
  mode?: string
  nextFollowUp?: string | null
  ratings?: { behaviour: string; rating: string }[] | null
}

const day = (value: string | null | undefined): string => String(value ?? '').slice(0, 10)

/** Trained by `today`: at least one training that has started. */
function trainedBy(person: TTrainedPerson, today: string): boolean {
  return person.trainings.some((t) => day(t.startDate) <= today)
}

/** The visits that happened by `today`, per person. */
function visitsByPerson(visits: TVisitFact[], today: string): Map<string, TVisitFact[]> {
  const map = new Map<string, TVisitFact[]>()
  for (const v of visits) {
    if (day(v.date) > today) continue
    const list = map.get(String(v.person)) ?? []
    list.push(v)
    map.set(String(v.person), list)
  }
  for (const list of map.values()) list.sort((a, b) => day(a.date).localeCompare(day(b.date)))
  return map
}

/** One line of a coverage table. */
export type TCoverageLine = { key: string; total: number; followed: number; share: number }
/** Coverage of a group of trained people: how many had at least one follow-up, and who has not. */
export type TCoverage = TCoverageLine & {
  byRegion: TCoverageLine[]
  byOrganisation: TCoverageLine[]
  notFollowed: { id: number | string; name: string; organisation: string; region: string }[]
}

/** Share in whole percent (0 when nobody is counted). */
export function share(followed: number, total: number): number {
  return total === 0 ? 0 : Math.round((followed / total) * 100)
}

function lines(people: TTrainedPerson[], followed: Set<string>, keyOf: (p: TTrainedPerson) => string): TCoverageLine[] {
  const groups = new Map<string, { total: number; followed: number }>()
  for (const p of people) {
    const g = groups.get(keyOf(p)) ?? { total: 0, followed: 0 }
    g.total += 1
    if (followed.has(String(p.id))) g.followed += 1
    groups.set(keyOf(p), g)
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g, share: share(g.followed, g.total) })).sort((a, b) => a.key.localeCompare(b.key, 'fr'))
}

/**
 * Coverage at `now`. Without a training: every person trained by today, followed when they had at least one visit
 * by today. With a training: its participants (once it has started), followed when a visit took place on or after
 * its first day — a visit before that training does not follow it up.
 */
export function coverage(people: TTrainedPerson[], visits: TVisitFact[], now: Date, training?: number | string): TCoverage {
  const today = civilDay(now)
  const byPerson = visitsByPerson(visits, today)
  const counted = people.filter((p) => {
    if (training === undefined) return trainedBy(p, today)
    const t = p.trainings.find((x) => String(x.id) === String(training))
    return t !== undefined && day(t.startDate) <= today
  })
  const followed = new Set<string>()
  for (const p of counted) {
    const since = training === undefined ? '' : day(p.trainings.find((x) => String(x.id) === String(training))!.startDate)
    if ((byPerson.get(String(p.id)) ?? []).some((v) => day(v.date) >= since)) followed.add(String(p.id))
  }
  return {
    key: training === undefined ? 'national' : String(training),
    total: counted.length,
    followed: followed.size,
    share: share(followed.size, counted.length),
    byRegion: lines(counted, followed, (p) => p.region),
    byOrganisation: lines(counted, followed, (p) => p.organisation),
    notFollowed: counted.filter((p) => !followed.has(String(p.id))).map(({ id, name, organisation, region }) => ({ id, name, organisation, region })),
  }
}

/** A supervisor's area: the people of their organisation in their region. */
export type TSupervisorArea = { id: number | string; name: string; organisation: string | null; region: string | null }

/** Whether a person falls in a supervisor's area (both the organisation and the region must be the supervisor's). */
export function inSupervisorArea(area: Pick<TSupervisorArea, 'organisation' | 'region'>, person: { organisation: string | null | undefined; region: string | null | undefined }): boolean {
  return area.organisation !== null && area.region !== null && String(person.organisation) === String(area.organisation) && String(person.region) === String(area.region)
}

/** Coverage per supervisor: the trained people of each supervisor's area, and how many had a visit. */
export function coverageBySupervisor(people: TTrainedPerson[], visits: TVisitFact[], supervisors: TSupervisorArea[], now: Date): (TCoverageLine & { supervisor: number | string })[] {
  return supervisors.map((s) => {
    const mine = people.filter((p) => inSupervisorArea(s, p))
    const c = coverage(mine, visits, now)
    return { supervisor: s.id, key: s.name, total: c.total, followed: c.followed, share: c.share }
  })
}

/** A follow-up to make: the latest visit's planned date. */
export type TDueFollowUp = { person: number | string; lastVisit: string; due: string; overdue: boolean; visit?: number | string }

/**
 * Follow-ups due within `withinDays` of today (late ones included), from each person's latest visit: a later visit
 * replaces the plan of an earlier one. Soonest first.
 */
export function dueFollowUps(visits: TVisitFact[], now: Date, withinDays = REMINDER_DAYS_BEFORE): TDueFollowUp[] {
  const today = civilDay(now)
  const limit = shiftDay(today, withinDays)
  const due: TDueFollowUp[] = []
  for (const list of visitsByPerson(visits, today).values()) {
    const latest = list[list.length - 1]!
    const next = day(latest.nextFollowUp)
    if (next && next <= limit) due.push({ person: latest.person, lastVisit: day(latest.date), due: next, overdue: next < today, visit: latest.id })
  }
  return due.sort((a, b) => a.due.localeCompare(b.due))
}

/** The latest visits whose planned follow-up is exactly REMINDER_DAYS_BEFORE days away: today's reminders. */
export function followUpReminders(visits: TVisitFact[], now: Date): TVisitFact[] {
  const today = civilDay(now)
  const target = shiftDay(today, REMINDER_DAYS_BEFORE)
  return [...visitsByPerson(visits, today).values()].map((list) => list[list.length - 1]!).filter((v) => day(v.nextFollowUp) === target)
}

/**
 * People trained more than `days` days ago (the end of their first training) who never had a visit, longest wait
 * first — the list coordination receives each month.
 */
export function neverFollowedUp(people: TTrainedPerson[], visits: TVisitFact[], now: Date, days = NEVER_FOLLOWED_UP_DAYS): (TTrainedPerson & { trainedOn: string })[] {
  const today = civilDay(now)
  const before = shiftDay(today, -days)
  const visited = new Set(visits.filter((v) => day(v.date) <= today).map((v) => String(v.person)))
  return people
    .filter((p) => !visited.has(String(p.id)) && p.trainings.length > 0)
    .map((p) => ({ ...p, trainedOn: p.trainings.map((t) => day(t.endDate)).sort()[0]! }))
    .filter((p) => p.trainedOn < before)
    .sort((a, b) => a.trainedOn.localeCompare(b.trainedOn) || a.name.localeCompare(b.name, 'fr'))
}

/** Mean rating value (1 à renforcer … 3 maîtrisé) per competency of one visit; "not observed" counts for nothing. */
export function competencyScores(visit: Pick<TVisitFact, 'ratings'>, framework: Pick<TFramework, 'domains'>): Record<string, number> {
  const competencyOf = new Map(behavioursOf(framework).map((b) => [b.id, b.competencyId]))
  const sums = new Map<string, { sum: number; n: number }>()
  for (const r of visit.ratings ?? []) {
    const value = RATING_VALUE[r.rating as Rating]
    const competency = competencyOf.get(r.behaviour)
    if (value === null || value === undefined || !competency) continue
    const s = sums.get(competency) ?? { sum: 0, n: 0 }
    s.sum += value
    s.n += 1
    sums.set(competency, s)
  }
  return Object.fromEntries([...sums].map(([k, s]) => [k, Math.round((s.sum / s.n) * 100) / 100]))
}

/** Progress of one competency in a group: mean score at each person's first visit and at their latest. */
export type TProgressLine = { group: string; competency: string; people: number; first: number; latest: number; change: number }

/**
 * Competency progress, first visit vs latest, per competency and group (region or organisation), over the people
 * with at least two visits by today who were rated on that competency both times.
 */
export function competencyProgress(people: Pick<TTrainedPerson, 'id' | 'organisation' | 'region'>[], visits: TVisitFact[], framework: Pick<TFramework, 'domains'>, now: Date, by: 'region' | 'organisation'): TProgressLine[] {
  const byPerson = visitsByPerson(visits, civilDay(now))
  const sums = new Map<string, { group: string; competency: string; people: number; first: number; latest: number }>()
  for (const p of people) {
    const list = byPerson.get(String(p.id)) ?? []
    if (list.length < 2) continue
    const first = competencyScores(list[0]!, framework)
    const latest = competencyScores(list[list.length - 1]!, framework)
    for (const competency of Object.keys(first)) {
      if (latest[competency] === undefined) continue
      const key = `${p[by]}\u0000${competency}`
      const s = sums.get(key) ?? { group: p[by], competency, people: 0, first: 0, latest: 0 }
      s.people += 1
      s.first += first[competency]!
      s.latest += latest[competency]!
      sums.set(key, s)
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100
  return [...sums.values()]
    .map((s) => ({ group: s.group, competency: s.competency, people: s.people, first: round(s.first / s.people), latest: round(s.latest / s.people), change: round((s.latest - s.first) / s.people) }))
    .sort((a, b) => a.group.localeCompare(b.group, 'fr') || a.competency.localeCompare(b.competency))
}

/** The behaviours most often rated « à renforcer » among visits, most frequent first (the summary's common gaps). */
export function commonGaps(visits: Pick<TVisitFact, 'ratings'>[], limit = 5): { behaviour: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const v of visits) for (const r of v.ratings ?? []) if (r.rating === 'toStrengthen') counts.set(r.behaviour, (counts.get(r.behaviour) ?? 0) + 1)
  return [...counts].map(([behaviour, count]) => ({ behaviour, count })).sort((a, b) => b.count - a.count || a.behaviour.localeCompare(b.behaviour)).slice(0, limit)
}

/** Visits counted by region and mode (the monthly summary's first table). */
export function visitsByRegionAndMode(visits: (Pick<TVisitFact, 'mode'> & { region: string })[]): { region: string; counts: Record<VisitMode, number>; total: number }[] {
  const rows = new Map<string, Record<VisitMode, number>>()
  for (const v of visits) {
    const counts = rows.get(v.region) ?? { onSite: 0, phone: 0, video: 0 }
    if (v.mode && v.mode in counts) counts[v.mode as VisitMode] += 1
    rows.set(v.region, counts)
  }
  return [...rows].map(([region, counts]) => ({ region, counts, total: counts.onSite + counts.phone + counts.video })).sort((a, b) => a.region.localeCompare(b.region, 'fr'))
}

/** A field problem, in the shape Payload's ValidationError and PortalError carry. */
export type TFieldProblem = { path: string; message: string }

/** What the checks of a visit need to know besides the visit. */
export type TVisitContext = {
  now: Date
  /** First day of the person's first training, or null when they attended none (no lower bound then). */
  firstTrainingDay: string | null
  /** The framework version the visit is rated against. */
  framework: Pick<TFramework, 'version' | 'domains'>
  /** Whether the writer's scope reaches the person (a supervisor: their organisation and region). */
  personInScope: boolean
}

/**
 * The checks of a visit, each refusal in French naming its field: the date neither in the future nor before the
 * person's first training; each rating on the scale and each behaviour in the framework version used (once);
 * the next follow-up after the visit; the person within the writer's scope.
 */
export function visitProblems(visit: { date: string; nextFollowUp?: string | null; ratings?: { behaviour: string; rating: string }[] }, ctx: TVisitContext): TFieldProblem[] {
  const problems: TFieldProblem[] = []
  const today = civilDay(ctx.now)
  const date = day(visit.date)
  if (!ctx.personInScope) problems.push({ path: 'person', message: 'Personne supervisée hors de votre périmètre : vous ne suivez que les personnes de votre structure et de votre région.' })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push({ path: 'date', message: 'Date de visite invalide : une date AAAA-MM-JJ est attendue.' })
  else if (date > today) problems.push({ path: 'date', message: `Date de visite dans le futur (${date}) : indiquez le jour où la visite a eu lieu.` })
  else if (ctx.firstTrainingDay && date < day(ctx.firstTrainingDay)) problems.push({ path: 'date', message: `Date de visite (${date}) antérieure à la première formation de la personne (${day(ctx.firstTrainingDay)}).` })
  const next = day(visit.nextFollowUp)
  if (next && /^\d{4}-\d{2}-\d{2}$/.test(date) && next <= date) problems.push({ path: 'nextFollowUp', message: 'Prochain suivi : choisissez une date après celle de la visite.' })
  const known = new Set(behavioursOf(ctx.framework).map((b) => b.id))
  const seen = new Set<string>()
  for (const [i, r] of (visit.ratings ?? []).entries()) {
    if (!known.has(r.behaviour)) problems.push({ path: `ratings.${i}.behaviour`, message: `Comportement « ${r.behaviour} » absent du référentiel version ${ctx.framework.version}.` })
    else if (seen.has(r.behaviour)) problems.push({ path: `ratings.${i}.behaviour`, message: `Comportement « ${r.behaviour} » noté deux fois dans la même visite.` })
    seen.add(r.behaviour)
    if (!(r.rating in RATINGS)) problems.push({ path: `ratings.${i}.rating`, message: `Note « ${r.rating} » hors de l’échelle : non observé, à renforcer, acquis ou maîtrisé.` })
  }
  return problems
}

/** A field that differs between what a person edited from and what is stored now (the conflict page lists them). */
export type TDifference = { field: string; mine: string; stored: string }

/**
 * The differences between the version a person submits and the version stored since they opened it, field by field
 * (values given as display text): shown to the second person to save, so nobody overwrites another silently.
 */
export function visitDifferences(mine: Record<string, string>, stored: Record<string, string>): TDifference[] {
  return Object.keys({ ...mine, ...stored })
    .filter((field) => (mine[field] ?? '') !== (stored[field] ?? ''))
    .map((field) => ({ field, mine: mine[field] ?? '', stored: stored[field] ?? '' }))
}

/** A database query in Payload's `where` shape, as plain data (the rules do not import Payload). */
export type TVisitWhere = boolean | Record<string, unknown>

/**
 * Which visits a person reaches (docs/access.md, "suivi formatif"): coordination and administrators every visit;
 * a supervisor the visits they conduct and those of the people of their organisation in their region (both kept
 * on the visit from the participants registry); to read only, anyone signed in the visits of which they are the
 * person supervised (`personAccount`, the account with the participant's email). Nobody else anything.
 */
export function visitsReach(user: ScopeHolder, operation: 'read' | 'write'): TVisitWhere {
  if (!user || user.active === false || user.id === undefined || user.id === null) return false
  if (can(user, 'coordinate')) return true
  const clauses: Record<string, unknown>[] = []
  if (can(user, 'supervise')) {
    clauses.push({ supervisor: { equals: user.id } })
    const organisation = idOf(user.organisation)
    const region = idOf(user.region)
    if (organisation !== null && region !== null) clauses.push({ and: [{ organisation: { equals: organisation } }, { region: { equals: region } }] })
  }
  if (operation === 'read') clauses.push({ personAccount: { equals: user.id } })
  if (clauses.length === 0) return false
  return clauses.length === 1 ? clauses[0]! : { or: clauses }
}

/** Whether a supervisor's area (their organisation and region) holds a person; coordination reaches everyone. */
export function personInReach(user: ScopeHolder, person: { organisation?: unknown; region?: unknown }): boolean {
  if (!user || user.active === false) return false
  if (can(user, 'coordinate')) return true
  if (!can(user, 'supervise')) return false
  const s = (v: unknown) => (idOf(v) === null ? null : String(idOf(v)))
  return inSupervisorArea({ organisation: s(user.organisation), region: s(user.region) }, { organisation: s(person.organisation), region: s(person.region) })
}
