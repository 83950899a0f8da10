import { idOf } from '../fields/relations.ts'
import { isOverdue, type ActionItemStatus } from './action-items.ts'
import { TRAININGS_NOT_HELD } from './dashboard.ts'
import { PLAN_STATUSES, quarterCompliance, type ComplianceState, type PlanStatus, type TMeeting } from './meetings.ts'
import { parsePeriodCode, periodBounds, periodCode, periodDays, periodOf, periodRange, type TPeriod } from './periods.ts'
import { coverage, type TTrainedPerson, type TVisitFact } from './supervision.ts'
import { can } from './roles.ts'
import type { ScopeHolder } from './scope.ts'
import { isWaiting, type SupportStatus } from './support.ts'
import { normaliseName, statistics, type TCountRow, type TTrainingRecord } from './trainings.ts'

// The coordinators' indicators dashboard (/rapports/indicateurs, GET /api/indicators): every figure for one period
// (civil days in Bamako, both ends included), one region and one organisation, from plain records. The counting
// rules of people trained (statistics), supervision coverage (coverage) and quarter compliance (quarterCompliance)
// are the ones of their own pages, called here, never rewritten. docs/indicators.md says what each figure counts.

/** The filters, by name: the region's name and the organisation's acronym, as the records carry them. */
export type TIndicatorFilter = { from: string; to: string; region?: string | null; organisation?: string | null }

/** What the indicators are computed from; names (region, organisation acronym) rather than ids. */
export type TDashboardFacts = {
  /** Every participation in a face-to-face training (functions already grouped, see training-vocabulary.ts). */
  participations: readonly TTrainingRecord[]
  trainings: readonly { id: number | string; region: string; organiser: string; startDate: string; status: string }[]
  /** Self-training modules completed, by the learner's account region and organisation. */
  completions: readonly { completedAt: string; region: string | null; organisation: string | null }[]
  /** Certificates not revoked, by the holder's account region and organisation. */
  certificates: readonly { issuedAt: string; region: string | null; organisation: string | null }[]
  /** The registry of people trained with their trainings (for supervision coverage). */
  people: readonly TTrainedPerson[]
  visits: readonly TVisitFact[]
  meetings: readonly TMeeting[]
  planItems: readonly { status: PlanStatus; region: string | null; deadline: string | null }[]
  actionItems: readonly { status: ActionItemStatus; deadline: string | null; organisation: string | null }[]
  support: readonly { createdAt: string; resolvedAt: string | null; status: SupportStatus; region: string | null; organisation: string | null }[]
}

export type TQuarterState = { code: string; label: string; state: ComplianceState; meetingId: number | string | null }

export type TDashboardIndicators = {
  from: string
  to: string
  trainings: { held: number; people: number; women: number; men: number; byOrganisation: TCountRow[]; byRegion: TCountRow[]; byFunction: TCountRow[] }
  selfTraining: { completions: number; certificates: number }
  /** People trained in the period and followed up since their training, by the period's end (or today). */
  supervision: { trained: number; followed: number; share: number }
  meetings: { quarters: TQuarterState[]; held: number; planned: number; missing: number }
  /** Plan items whose deadline falls in the period, by status; null under an organisation filter (the plan is the framework's, not an organisation's). */
  capacityPlan: (Record<PlanStatus, number> & { total: number }) | null
  /** Open items whose deadline was over at the period's end (or today); null under a region filter (items have no region). */
  actionItems: { overdue: number } | null
  support: { received: number; resolved: number; waiting: number }
}

const day = (value: string | null | undefined): string => String(value ?? '').slice(0, 10)
/** Same name, compared without case, accents or spaces; no filter matches everything. Names repeat over thousands of records: each is folded once. */
const folded = new Map<string, string>()
const fold = (value: string): string => {
  let f = folded.get(value)
  if (f === undefined) folded.set(value, (f = normaliseName(value)))
  return f
}
const matches = (value: string | null | undefined, wanted: string | null | undefined): boolean => !wanted || fold(value ?? '') === fold(wanted)

/** The instant the period's figures are taken at: the end of its last day, or `now` when the period is not over. */
export function figuresAsOf(filter: Pick<TIndicatorFilter, 'to'>, now: Date): Date {
  const end = new Date(periodBounds(periodOf('day', filter.to)).end.getTime() - 1)
  return end < now ? end : now
}

/** The quarters that overlap the period, in order ("2026Q1"…). */
export function quartersOverlapping(from: string, to: string): Extract<TPeriod, { type: 'quarter' }>[] {
  return periodRange(periodOf('quarter', from), periodOf('quarter', to))
}

/** Every figure of the dashboard for a period, a region and an organisation, at `now`. */
export function dashboardIndicators(facts: TDashboardFacts, filter: TIndicatorFilter, now: Date): TDashboardIndicators {
  const { from, to, region, organisation } = filter
  const inPeriod = (d: string | null | undefined) => !!d && day(d) >= from && day(d) <= to
  // Instants against the period's bounds in Bamako (the same as comparing their civil days, without a date
  // formatting per record).
  const start = periodBounds(periodOf('day', from)).start.getTime()
  const end = periodBounds(periodOf('day', to)).end.getTime()
  const inPeriodInstant = (at: string | null | undefined) => {
    const t = at ? Date.parse(at) : NaN
    return t >= start && t < end
  }
  const asOf = figuresAsOf(filter, now)

  // Face-to-face: people by the training's region (the statistics rule), trainings by region and organiser.
  const trained = statistics([...facts.participations], { from, to, trainingRegion: region, organisation })
  const heldTrainings = facts.trainings.filter(
    (t) => !(TRAININGS_NOT_HELD as readonly string[]).includes(t.status) && inPeriod(t.startDate) && matches(t.region, region) && matches(t.organiser, organisation),
  )

  // Supervision: people of the organisation trained in a training of the region during the period, followed up
  // on or after that training's first day.
  const trainingIds = new Set(facts.trainings.filter((t) => inPeriod(t.startDate) && matches(t.region, region)).map((t) => String(t.id)))
  const counted = facts.people.flatMap((p) => {
    const own = p.trainings.filter((t) => trainingIds.has(String(t.id)))
    return own.length && matches(p.organisation, organisation) ? [{ ...p, trainings: own }] : []
  })
  const since = new Map(counted.map((p) => [String(p.id), p.trainings.map((t) => day(t.startDate)).sort()[0]!]))
  const visits = facts.visits.filter((v) => since.has(String(v.person)) && day(v.date) >= since.get(String(v.person))!)
  const covered = coverage(counted, visits, asOf)

  // Framework meetings: the compliance of each quarter the period touches.
  const quarters = quartersOverlapping(from, to)
  const years = [...new Set(quarters.map((q) => q.year))]
  const codes = new Set(quarters.map(periodCode))
  const compliance = years.flatMap((y) => quarterCompliance(facts.meetings, y, now)).filter((q) => codes.has(q.code))
  const meetingCount = (state: ComplianceState) => compliance.filter((q) => q.state === state).length

  const plan = facts.planItems.filter((i) => inPeriod(i.deadline) && matches(i.region, region))
  const planByStatus = Object.fromEntries(Object.keys(PLAN_STATUSES).map((s) => [s, plan.filter((i) => i.status === s).length])) as Record<PlanStatus, number>

  const support = facts.support.filter((r) => matches(r.region, region) && matches(r.organisation, organisation))
  const ofLearners = <T extends { region: string | null; organisation: string | null }>(list: readonly T[]) => list.filter((x) => matches(x.region, region) && matches(x.organisation, organisation))

  return {
    from,
    to,
    trainings: { held: heldTrainings.length, people: trained.people, women: trained.women, men: trained.men, byOrganisation: trained.byOrganisation, byRegion: trained.byTrainingRegion, byFunction: trained.byFunction },
    selfTraining: {
      completions: ofLearners(facts.completions).filter((c) => inPeriodInstant(c.completedAt)).length,
      certificates: ofLearners(facts.certificates).filter((c) => inPeriodInstant(c.issuedAt)).length,
    },
    supervision: { trained: covered.total, followed: covered.followed, share: covered.share },
    meetings: { quarters: compliance.map(({ code, label, state, meetingId }) => ({ code, label, state, meetingId })), held: meetingCount('held'), planned: meetingCount('planned'), missing: meetingCount('missing') },
    capacityPlan: organisation ? null : { ...planByStatus, total: plan.length },
    actionItems: region ? null : { overdue: facts.actionItems.filter((i) => matches(i.organisation, organisation) && isOverdue(i, asOf)).length },
    support: {
      received: support.filter((r) => inPeriodInstant(r.createdAt)).length,
      resolved: support.filter((r) => r.status === 'resolved' && inPeriodInstant(r.resolvedAt)).length,
      waiting: support.filter((r) => inPeriodInstant(r.createdAt) && isWaiting(r)).length,
    },
  }
}

/** The quarter a period is exactly (first to last day of one quarter), else null: only such a period can be locked. */
export function exactQuarter(from: string, to: string): Extract<TPeriod, { type: 'quarter' }> | null {
  const quarter = periodOf('quarter', from)
  const { first, last } = periodDays(quarter)
  return first === from && last === to ? quarter : null
}

/**
 * Why a quarter cannot be locked at `now` (French), or null: it must be over and its framework meeting held
 * (`quarters`: the compliance the dashboard computed, `TDashboardIndicators['meetings']['quarters']`).
 */
export function lockRefusal(quarterCode: string, quarters: readonly Pick<TQuarterState, 'code' | 'state'>[], now: Date): string | null {
  const quarter = parsePeriodCode(quarterCode)
  if (!quarter || quarter.type !== 'quarter') return `Trimestre invalide : « ${quarterCode} » (attendu : 2026Q1).`
  if (periodBounds(quarter).end > now) return 'Ce trimestre n’est pas terminé : ses chiffres peuvent encore changer. Verrouillez-le après son dernier jour.'
  const state = quarters.find((q) => q.code === quarterCode)
  if (state?.state !== 'held') return 'Aucune réunion trimestrielle du cadre commun n’est enregistrée comme tenue pour ce trimestre : les chiffres n’ont pas été revus. Enregistrez d’abord la réunion comme tenue.'
  return null
}

/** One figure of the dashboard as the page shows it and the CSV/XLSX export writes it: the one list both read. */
export type TIndicatorRow = { key: string; section: string; label: string; value: number | string }

const STATE_FR: Record<ComplianceState, string> = { held: 'tenue', planned: 'planifiée', missing: 'aucune' }

/** The dashboard's figures in screen order; a figure that does not apply to the filters is left out. */
export function indicatorRows(ind: TDashboardIndicators): TIndicatorRow[] {
  const rows: TIndicatorRow[] = []
  const add = (key: string, section: string, label: string, value: number | string) => rows.push({ key, section, label, value })
  const t = ind.trainings
  add('trainings.held', 'Formations en présentiel', 'Formations tenues', t.held)
  add('trainings.people', 'Formations en présentiel', 'Personnes formées', t.people)
  add('trainings.women', 'Formations en présentiel', 'dont femmes', t.women)
  add('trainings.men', 'Formations en présentiel', 'dont hommes', t.men)
  for (const r of t.byRegion) add(`trainings.region.${r.key}`, 'Personnes formées par région de la formation', r.key, r.total)
  for (const r of t.byOrganisation) add(`trainings.organisation.${r.key}`, 'Personnes formées par structure', r.key, r.total)
  for (const r of t.byFunction) add(`trainings.function.${r.key}`, 'Personnes formées par fonction', r.key, r.total)
  add('selfTraining.completions', 'Autoformation', 'Modules terminés', ind.selfTraining.completions)
  add('selfTraining.certificates', 'Autoformation', 'Attestations délivrées', ind.selfTraining.certificates)
  add('supervision.trained', 'Suivi formatif', 'Personnes formées sur la période', ind.supervision.trained)
  add('supervision.followed', 'Suivi formatif', 'dont suivies depuis leur formation', ind.supervision.followed)
  add('supervision.share', 'Suivi formatif', 'Couverture (%)', ind.supervision.share)
  for (const q of ind.meetings.quarters) add(`meetings.${q.code}`, 'Réunions du cadre commun', q.label, STATE_FR[q.state])
  if (ind.capacityPlan) {
    for (const [status, label] of Object.entries(PLAN_STATUSES)) add(`plan.${status}`, 'Plan de renforcement des capacités (échéance dans la période)', label.fr, ind.capacityPlan[status as PlanStatus])
    add('plan.total', 'Plan de renforcement des capacités (échéance dans la période)', 'Total', ind.capacityPlan.total)
  }
  if (ind.actionItems) add('actionItems.overdue', 'Points d’action', 'En retard', ind.actionItems.overdue)
  add('support.received', 'Assistance', 'Demandes reçues', ind.support.received)
  add('support.resolved', 'Assistance', 'Demandes résolues', ind.support.resolved)
  add('support.waiting', 'Assistance', 'Reçues et en attente', ind.support.waiting)
  return rows
}

/** Ids the reader asked to filter by (query parameters). */
export type TIndicatorRequest = { region?: number | null; organisation?: number | null }

/**
 * The filters a reader actually gets: coordination (`coordinate`) nationally, as asked; a partner's staff
 * (`readIndicators` with an organisation on their account) their own organisation whatever they asked, any region;
 * anyone else (no capability, or a partner account without organisation) nothing: null.
 */
export function indicatorReach(user: ScopeHolder, asked: TIndicatorRequest): { region: number | string | null; organisation: number | string | null; national: boolean } | null {
  if (can(user, 'coordinate')) return { region: asked.region ?? null, organisation: asked.organisation ?? null, national: true }
  const own = idOf(user?.organisation)
  if (!can(user, 'readIndicators') || own === null) return null
  return { region: asked.region ?? null, organisation: own, national: false }
}
