import type { Payload, PayloadRequest } from 'payload'
import type { IndicatorSnapshot, User } from '../payload-types.ts'
import { audit, clientIp } from '../auth/audit.ts'
import { PortalError } from '../endpoints/errors.ts'
import { dashboardIndicators, exactQuarter, lockRefusal, type TDashboardIndicators } from '../rules/dashboard-indicators.ts'
import { periodCode, periodDays, parsePeriodCode } from '../rules/periods.ts'
import { loadDashboardFacts, type TDashboard } from './load.ts'

// The quarter lock (docs/indicators.md): once the quarter's framework meeting has reviewed the figures, a
// coordinator freezes them. The snapshot holds the figures nationally (key ""), for each region (`r:<id>`) and for
// each organisation (`o:<id>`): every view the dashboard offers with one filter or none. A lock is final: there is
// no unlocking (a figure corrected later shows on the live dashboard of another period, never in a reviewed one).

/** The key of a snapshot's figures for a view: national, one region, or one organisation (never both). */
export function snapshotKey(region: number | string | null | undefined, organisation: number | string | null | undefined): string | null {
  if (region && organisation) return null
  return region ? `r:${region}` : organisation ? `o:${organisation}` : ''
}

/** The snapshot of a quarter, if it was locked. */
export async function snapshotOf(payload: Payload, quarter: string): Promise<IndicatorSnapshot | null> {
  const { docs } = await payload.find({ collection: 'indicator-snapshots', where: { quarter: { equals: quarter } }, depth: 1, limit: 1, overrideAccess: true })
  return docs[0] ?? null
}

/** Freezes a quarter's figures: refused (422, French) when it is not over, has no held meeting, or is locked already. */
export async function lockQuarter(req: PayloadRequest, user: User, quarter: string, now: Date): Promise<IndicatorSnapshot> {
  const { payload } = req
  const [facts, regions, organisations, existing] = await Promise.all([
    loadDashboardFacts(payload),
    payload.find({ collection: 'regions', depth: 0, limit: 0, pagination: false, overrideAccess: true, select: { name: true } }),
    payload.find({ collection: 'organisations', depth: 0, limit: 0, pagination: false, overrideAccess: true, select: { acronym: true } }),
    snapshotOf(payload, quarter),
  ])
  const period = parsePeriodCode(quarter)
  const { first: from, last: to } = period?.type === 'quarter' ? periodDays(period) : { first: '', last: '' }
  const national = dashboardIndicators(facts, { from, to }, now)
  const refusal = lockRefusal(quarter, national.meetings.quarters, now)
  if (refusal) throw new PortalError('rejected', { reason: { fr: refusal, en: 'This quarter cannot be locked (see the French message).' } })
  if (existing) throw new PortalError('rejected', { reason: { fr: `Ce trimestre (${quarter}) est déjà verrouillé.`, en: `${quarter} is already locked.` } })
  const figures: Record<string, TDashboardIndicators> = { '': national }
  for (const r of regions.docs) figures[snapshotKey(r.id, null)!] = dashboardIndicators(facts, { from, to, region: r.name }, now)
  for (const o of organisations.docs) figures[snapshotKey(null, o.id)!] = dashboardIndicators(facts, { from, to, organisation: o.acronym }, now)
  const meeting = national.meetings.quarters.find((q) => q.code === quarter)?.meetingId ?? null
  const snapshot = await payload.create({
    collection: 'indicator-snapshots',
    data: { quarter, lockedAt: now.toISOString(), lockedBy: user.id, meeting: meeting === null ? null : Number(meeting), figures },
    overrideAccess: true,
    req,
  })
  await audit(payload, { action: 'indicators.locked', actor: user as never, ip: clientIp(req.headers), details: { quarter, snapshot: snapshot.id } })
  return snapshot
}

/** What the dashboard shows of a quarter's lock for a view: the frozen figures and who locked, or whether it may be locked. */
export type TLockView =
  | { quarter: null }
  | { quarter: string; locked: { at: string; by: string; figures: TDashboardIndicators | null } }
  | { quarter: string; locked: null; refusal: string | null }

/** The lock state of the dashboard's period (only a whole quarter can be locked) for its filters. */
export async function lockView(payload: Payload, dashboard: TDashboard, now: Date): Promise<TLockView> {
  const quarter = exactQuarter(dashboard.query.from, dashboard.query.to)
  if (!quarter) return { quarter: null }
  const code = periodCode(quarter)
  const snapshot = await snapshotOf(payload, code)
  if (!snapshot) return { quarter: code, locked: null, refusal: lockRefusal(code, dashboard.indicators.meetings.quarters, now) }
  const key = snapshotKey(dashboard.region?.id, dashboard.organisation?.id)
  const figures = key === null ? null : ((snapshot.figures as Record<string, TDashboardIndicators>)[key] ?? null)
  const by = typeof snapshot.lockedBy === 'object' ? snapshot.lockedBy.name : ''
  return { quarter: code, locked: { at: snapshot.lockedAt, by, figures } }
}

/** The figures to show and export for a dashboard: a locked quarter's frozen ones when they cover its filters, else the live ones. */
export async function shownIndicators(payload: Payload, dashboard: TDashboard, now: Date): Promise<{ indicators: TDashboardIndicators; lock: TLockView }> {
  const lock = await lockView(payload, dashboard, now)
  return { indicators: 'locked' in lock && lock.locked?.figures ? lock.locked.figures : dashboard.indicators, lock }
}
