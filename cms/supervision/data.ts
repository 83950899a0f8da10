import type { Payload, Where } from 'payload'
import type { User } from '../payload-types.ts'
import { idOf } from '../fields/relations.ts'
import { can } from '../rules/roles.ts'
import { coverage, dueFollowUps, inSupervisorArea, neverFollowedUp, visitsReach, type TCoverage, type TDueFollowUp, type TTrainedPerson, type TVisitFact } from '../rules/supervision.ts'

// What the supervision rules (cms/rules/supervision.ts) need, read from the database. Reading as the system is
// deliberate here: coverage counts every trained person, and callers narrow what they show to the asker's reach
// (`peopleInReach`, the visits' own access).

/** Every trained person of the registry with their trainings (names of organisation and region for tables). */
export async function trainedPeople(payload: Payload): Promise<(TTrainedPerson & { organisationId: number | string | null; regionId: number | string | null })[]> {
  const [participants, enrolments, trainings, organisations, regions] = await Promise.all([
    payload.find({ collection: 'participants', pagination: false, depth: 0, overrideAccess: true, select: { fullName: true, firstName: true, lastName: true, organisation: true, region: true } }),
    payload.find({ collection: 'enrolments', pagination: false, depth: 0, overrideAccess: true, select: { training: true, participant: true } }),
    payload.find({ collection: 'trainings', pagination: false, depth: 0, overrideAccess: true, select: { startDate: true, endDate: true } }),
    payload.find({ collection: 'organisations', pagination: false, depth: 0, overrideAccess: true, select: { acronym: true } }),
    payload.find({ collection: 'regions', pagination: false, depth: 0, overrideAccess: true, select: { name: true } }),
  ])
  const org = new Map(organisations.docs.map((o) => [String(o.id), o.acronym]))
  const region = new Map(regions.docs.map((r) => [String(r.id), r.name]))
  const training = new Map(trainings.docs.map((t) => [String(t.id), t]))
  const byPerson = new Map<string, TTrainedPerson['trainings']>()
  for (const e of enrolments.docs) {
    const t = training.get(String(idOf(e.training)))
    if (!t) continue
    const list = byPerson.get(String(idOf(e.participant))) ?? []
    list.push({ id: t.id, startDate: String(t.startDate).slice(0, 10), endDate: String(t.endDate).slice(0, 10) })
    byPerson.set(String(idOf(e.participant)), list)
  }
  return participants.docs
    .filter((p) => byPerson.has(String(p.id)))
    .map((p) => ({
      id: p.id,
      name: p.fullName ?? `${p.lastName} ${p.firstName}`,
      organisation: org.get(String(idOf(p.organisation))) ?? '',
      region: region.get(String(idOf(p.region))) ?? '',
      organisationId: idOf(p.organisation),
      regionId: idOf(p.region),
      trainings: byPerson.get(String(p.id))!,
    }))
}

/** The visits as the rules see them; `where` narrows them (a month, a reach). */
export async function visitFacts(payload: Payload, where?: Where): Promise<(TVisitFact & { region: string })[]> {
  const [visits, regions] = await Promise.all([
    payload.find({ collection: 'supervision-visits', where, pagination: false, depth: 0, overrideAccess: true, select: { person: true, supervisor: true, date: true, mode: true, nextFollowUp: true, ratings: true, region: true } }),
    payload.find({ collection: 'regions', pagination: false, depth: 0, overrideAccess: true, select: { name: true } }),
  ])
  const region = new Map(regions.docs.map((r) => [String(r.id), r.name]))
  return visits.docs.map((v) => ({
    id: v.id,
    person: idOf(v.person)!,
    supervisor: idOf(v.supervisor),
    date: String(v.date).slice(0, 10),
    mode: v.mode,
    nextFollowUp: v.nextFollowUp ? String(v.nextFollowUp).slice(0, 10) : null,
    ratings: (v.ratings ?? []).map((r) => ({ behaviour: r.behaviour, rating: r.rating })),
    region: region.get(String(idOf(v.region))) ?? '',
  }))
}

/** The trained people a person follows: everyone for coordination, a supervisor's organisation and region, else nobody. */
export function peopleInReach<P extends { organisationId: number | string | null; regionId: number | string | null }>(user: User, people: P[]): P[] {
  if (can(user, 'coordinate')) return people
  if (!can(user, 'supervise')) return []
  const area = { organisation: idOf(user.organisation) === null ? null : String(idOf(user.organisation)), region: idOf(user.region) === null ? null : String(idOf(user.region)) }
  return people.filter((p) => inSupervisorArea(area, { organisation: p.organisationId === null ? null : String(p.organisationId), region: p.regionId === null ? null : String(p.regionId) }))
}

/** The visits a person reaches, as facts. */
export async function visitFactsInReach(payload: Payload, user: User, where?: Where) {
  const reach = visitsReach(user, 'read')
  if (reach === false) return []
  const scoped = reach === true ? where : where ? { and: [where, reach as Where] } : (reach as Where)
  return visitFacts(payload, scoped)
}

/**
 * For the back-office dashboard and the supervisor's page: the follow-ups due within a week (late ones included)
 * among the people the person follows, with names.
 */
export async function visitsDue(payload: Payload, user: User, now: Date): Promise<(TDueFollowUp & { name: string; organisation: string; region: string })[]> {
  const people = peopleInReach(user, await trainedPeople(payload))
  const byId = new Map(people.map((p) => [String(p.id), p]))
  const due = dueFollowUps(await visitFactsInReach(payload, user), now)
  return due.filter((d) => byId.has(String(d.person))).map((d) => ({ ...d, name: byId.get(String(d.person))!.name, organisation: byId.get(String(d.person))!.organisation, region: byId.get(String(d.person))!.region }))
}

/** For the back-office dashboard, the supervisor's page and the monthly alert: people trained over 60 days ago, never followed up. */
export async function peopleNeverFollowedUp(payload: Payload, user: User | null, now: Date) {
  const all = await trainedPeople(payload)
  const people = user ? peopleInReach(user, all) : all
  return neverFollowedUp(people, await visitFacts(payload), now)
}

/** Coverage of one training (or nationally), restricted to the people the asker follows unless they coordinate. */
export async function coverageFor(payload: Payload, people: TTrainedPerson[], now: Date, training?: number | string): Promise<TCoverage> {
  return coverage(people, await visitFacts(payload), now, training)
}
