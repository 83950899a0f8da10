import type { Payload } from 'payload'
import { z } from 'zod'
import type { User } from '../payload-types.ts'
import { PortalError } from '../endpoints/errors.ts'
import { idOf } from '../fields/relations.ts'
import { dashboardIndicators, indicatorReach, type TDashboardFacts, type TDashboardIndicators } from '../rules/dashboard-indicators.ts'
import type { ActionItemStatus } from '../rules/action-items.ts'
import type { PlanStatus, TMeeting } from '../rules/meetings.ts'
import { formatDateFr, isoDay } from '../rules/trainings.ts'
import { trainedPeople, visitFacts } from '../supervision/data.ts'
import { trainingRecords } from '../trainings/statistics.ts'

// Reads what the indicators dashboard counts (cms/rules/dashboard-indicators.ts). Every read is made as the system
// (`overrideAccess: true`): the figures are aggregates over the whole programme, and the caller's scope is applied
// afterwards by narrowing the filters (`indicatorReach`: coordination nationally, a partner's staff their own
// organisation), never by what the reader's own access would let them list.

const ZDay = (what: string) => z.string({ error: `${what} manquante : indiquez une date au format AAAA-MM-JJ.` }).refine((v) => isoDay(v) !== null, { error: `${what} invalide : indiquez une date au format AAAA-MM-JJ.` })
const ZId = (what: string) => z.coerce.number({ error: `${what} invalide.` }).int({ error: `${what} invalide.` }).positive({ error: `${what} invalide.` })

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&region=<id>&organisation=<id>`: both days included, in Bamako. */
export const ZIndicatorQuery = z
  .object({
    from: ZDay('Date de début'),
    to: ZDay('Date de fin'),
    region: ZId('Région').optional(),
    organisation: ZId('Structure').optional(),
  })
  .refine((q) => q.from <= q.to, { error: 'La date de fin précède la date de début.', path: ['to'] })
export type TIndicatorQuery = z.infer<typeof ZIndicatorQuery>

/** The query parameters as the schema reads them (empty ones left out, so "Toutes les régions" is no filter). */
export function indicatorParams(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(['from', 'to', 'region', 'organisation'].flatMap((k) => (params.get(k)?.trim() ? [[k, params.get(k)!.trim()]] : [])))
}

/** Everything the rules count, with names instead of ids. */
export async function loadDashboardFacts(payload: Payload): Promise<TDashboardFacts> {
  const all = { pagination: false, depth: 0, overrideAccess: true } as const
  const [participations, people, visits, trainings, regions, organisations, users, progress, certificates, meetings, plan, items, support] = await Promise.all([
    trainingRecords(payload, null, true),
    trainedPeople(payload),
    visitFacts(payload),
    payload.find({ collection: 'trainings', ...all, select: { region: true, organiser: true, startDate: true, status: true } }),
    payload.find({ collection: 'regions', ...all, select: { name: true } }),
    payload.find({ collection: 'organisations', ...all, select: { acronym: true } }),
    payload.find({ collection: 'users', ...all, select: { region: true, organisation: true } }),
    payload.find({ collection: 'module-progress', ...all, where: { completedAt: { exists: true } }, select: { user: true, completedAt: true } }),
    payload.find({ collection: 'certificates', ...all, where: { revoked: { not_equals: true } }, select: { user: true, issuedAt: true } }),
    payload.find({ collection: 'meetings', ...all, where: { kind: { equals: 'quarterly' } }, select: { kind: true, status: true, start: true, end: true } }),
    payload.find({ collection: 'capacity-plan-items', ...all, select: { status: true, region: true, deadline: true } }),
    payload.find({ collection: 'action-items', ...all, select: { status: true, deadline: true, responsibleOrganisation: true } }),
    payload.find({ collection: 'support-requests', ...all, select: { createdAt: true, resolvedAt: true, status: true, region: true, requester: true } }),
  ])
  const regionName = new Map(regions.docs.map((r) => [String(r.id), r.name]))
  const acronym = new Map(organisations.docs.map((o) => [String(o.id), o.acronym]))
  const regionOf = (value: unknown) => regionName.get(String(idOf(value))) ?? null
  const organisationOf = (value: unknown) => acronym.get(String(idOf(value))) ?? null
  const account = new Map(users.docs.map((u) => [String(u.id), { region: regionOf(u.region), organisation: organisationOf(u.organisation) }]))
  const accountOf = (user: unknown) => account.get(String(idOf(user))) ?? { region: null, organisation: null }
  return {
    participations,
    people,
    visits,
    trainings: trainings.docs.map((t) => ({ id: t.id, region: regionOf(t.region) ?? '', organiser: organisationOf(t.organiser) ?? '', startDate: String(t.startDate).slice(0, 10), status: t.status })),
    completions: progress.docs.flatMap((p) => (p.completedAt ? [{ completedAt: p.completedAt, ...accountOf(p.user) }] : [])),
    certificates: certificates.docs.map((c) => ({ issuedAt: c.issuedAt, ...accountOf(c.user) })),
    meetings: meetings.docs as unknown as TMeeting[],
    planItems: plan.docs.map((i) => ({ status: i.status as PlanStatus, region: regionOf(i.region), deadline: i.deadline ? String(i.deadline).slice(0, 10) : null })),
    actionItems: items.docs.map((i) => ({ status: i.status as ActionItemStatus, deadline: i.deadline ? String(i.deadline).slice(0, 10) : null, organisation: organisationOf(i.responsibleOrganisation) })),
    support: support.docs.map((r) => ({ createdAt: r.createdAt, resolvedAt: r.resolvedAt ?? null, status: r.status, region: regionOf(r.region), organisation: accountOf(r.requester).organisation })),
  }
}

export type TNamed = { id: number | string; name: string }
export type TDashboard = {
  query: TIndicatorQuery
  /** False for a partner's staff: the figures are their organisation's only. */
  national: boolean
  region: TNamed | null
  organisation: TNamed | null
  indicators: TDashboardIndicators
}

/**
 * The dashboard a person may see for a query (already validated), at `now`: 403 when they may not read indicators
 * (or are a partner's staff without organisation), 400 when the region or organisation does not exist.
 */
export async function dashboardFor(payload: Payload, user: User, query: TIndicatorQuery, now: Date, facts?: TDashboardFacts): Promise<TDashboard> {
  const reach = indicatorReach(user, query)
  if (!reach) throw new PortalError('capabilityMissing', { capability: 'readIndicators' })
  const [region, organisation] = await Promise.all([
    reach.region === null ? null : payload.findByID({ collection: 'regions', id: reach.region, depth: 0, overrideAccess: true, disableErrors: true }),
    reach.organisation === null ? null : payload.findByID({ collection: 'organisations', id: reach.organisation, depth: 0, overrideAccess: true, disableErrors: true }),
  ])
  const problems = [
    ...(reach.region !== null && !region ? [{ path: 'region', message: 'Région inconnue : choisissez une région de la liste.' }] : []),
    ...(reach.organisation !== null && !organisation ? [{ path: 'organisation', message: 'Structure inconnue : choisissez une structure de la liste.' }] : []),
  ]
  if (problems.length) throw new PortalError('invalidInput', {}, problems)
  const indicators = dashboardIndicators(facts ?? (await loadDashboardFacts(payload)), { from: query.from, to: query.to, region: region?.name ?? null, organisation: organisation?.acronym ?? null }, now)
  return {
    query: { ...query, region: region ? Number(region.id) : undefined, organisation: organisation ? Number(organisation.id) : undefined },
    national: reach.national,
    region: region ? { id: region.id, name: region.name } : null,
    organisation: organisation ? { id: organisation.id, name: organisation.acronym } : null,
    indicators,
  }
}

/** What the figures are for, in words ("Indicateurs du 1er juillet 2025 au 30 septembre 2025 · Ségou · Tdh"). */
export function dashboardTitle(dashboard: Pick<TDashboard, 'query' | 'region' | 'organisation'>): string {
  return [`Indicateurs du ${formatDateFr(dashboard.query.from)} au ${formatDateFr(dashboard.query.to)}`, dashboard.region?.name, dashboard.organisation?.name].filter(Boolean).join(' · ')
}
