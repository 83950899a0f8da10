import type { Payload, Where } from 'payload'
import type { ActionItem, SupervisionVisit, User } from '#cms/payload-types.ts'
import { itemsOfSource, isOpen, type ActionItemStatus } from '#cms/rules/action-items.ts'
import { behavioursOf, type TFramework } from '#cms/rules/competency-framework.ts'
import { can } from '#cms/rules/roles.ts'
import { competencyScores, visitsReach } from '#cms/rules/supervision.ts'
import { currentFramework, frameworkVersion } from '#cms/supervision/framework.ts'
import { peopleInReach, trainedPeople } from '#cms/supervision/data.ts'

// Reading formative supervision for the supervisor's pages (/suivi-formatif/), as the signed-in person: visits
// through their access rules, the people they follow through the supervision scope (cms/rules/supervision.ts).

/** Whether the person may use the supervision pages. */
export function canSupervise(user: User | null): user is User {
  return can(user, 'supervise')
}

/** The people the person may record a visit for, by name, and the current framework grouped by domain. */
export async function visitFormContext(payload: Payload, user: User) {
  const people = peopleInReach(user, await trainedPeople(payload)).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  const framework = await currentFramework(payload)
  return { people, framework }
}

/** A visit the person may change, or null. */
export async function editableVisit(payload: Payload, user: User, id: string): Promise<SupervisionVisit | null> {
  if (!/^[A-Za-z0-9]{1,40}$/.test(id)) return null
  const visit = await payload.findByID({ collection: 'supervision-visits', id, depth: 0, user, overrideAccess: false, disableErrors: true })
  if (!visit) return null
  // Reading is wider than writing (the person supervised reads their own visits): check the write reach too.
  const reach = visitsReach(user, 'write')
  if (reach === false) return null
  const where: Where = reach === true ? { id: { equals: visit.id } } : { and: [{ id: { equals: visit.id } }, reach as Where] }
  return (await payload.count({ collection: 'supervision-visits', where, overrideAccess: true })).totalDocs > 0 ? visit : null
}

/** One line of the coaching chart and table: a competency's score at each visit (1 à renforcer … 3 maîtrisé). */
export type TCompetencyLine = { id: string; title: string; scores: (number | null)[] }

/** The coaching page of one person: their visits over time, scores per competency, open agreed actions. */
export async function coachingOf(payload: Payload, user: User, personId: string) {
  if (!/^[A-Za-z0-9]{1,40}$/.test(personId)) return null
  const visits = (await payload.find({ collection: 'supervision-visits', where: { person: { equals: personId } }, sort: 'date', pagination: false, depth: 1, user, overrideAccess: false })).docs
  const person = peopleInReach(user, await trainedPeople(payload)).find((p) => String(p.id) === personId)
  // Someone who neither follows the person nor reaches any of their visits sees nothing of them.
  if (!person && visits.length === 0) return null
  const name = person?.name ?? visits[0]?.personName ?? ''
  const frameworks = new Map<string, TFramework | null>()
  for (const v of visits) if (v.frameworkVersion && !frameworks.has(v.frameworkVersion)) frameworks.set(v.frameworkVersion, await frameworkVersion(payload, v.frameworkVersion))
  const framework = (visits.length > 0 ? frameworks.get(visits.at(-1)!.frameworkVersion ?? '') : null) ?? (await currentFramework(payload))
  const scores = visits.map((v) => competencyScores(v, frameworks.get(v.frameworkVersion ?? '') ?? framework ?? { domains: [] }))
  const competencies = framework ? framework.domains.flatMap((d) => d.competencies.map((c) => ({ id: c.id, title: c.title.fr }))) : []
  const lines: TCompetencyLine[] = competencies.map((c) => ({ ...c, scores: scores.map((s) => s[c.id] ?? null) })).filter((l) => l.scores.some((s) => s !== null))
  const actions: ActionItem[] = []
  for (const v of visits) actions.push(...(await payload.find({ collection: 'action-items', where: itemsOfSource('supervision-visits', v.id), pagination: false, depth: 0, user, overrideAccess: false })).docs)
  const behaviourText = new Map(framework ? behavioursOf(framework).map((b) => [b.id, b.text.fr]) : [])
  return {
    name,
    organisation: person?.organisation ?? '',
    region: person?.region ?? '',
    visits,
    lines,
    behaviourText,
    openActions: actions.filter((a) => isOpen({ status: a.status as ActionItemStatus })).sort((a, b) => String(a.deadline ?? '9999').localeCompare(String(b.deadline ?? '9999'))),
  }
}
