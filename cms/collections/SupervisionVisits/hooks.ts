import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { PortalError } from '../../endpoints/errors.ts'
import { deferProblems } from '../../fields/cross-checks.ts'
import { idOf } from '../../fields/relations.ts'
import { can, type RoleHolder } from '../../rules/roles.ts'
import type { ScopeHolder } from '../../rules/scope.ts'
import { personInReach, visitProblems } from '../../rules/supervision.ts'
import { currentFramework, frameworkVersion } from '../../supervision/framework.ts'

/**
 * Context key of a save made from a version the person opened: the revision they started from. When the visit was
 * saved by someone else since, the save is refused with the differences (endpoint of the visit form), never applied.
 * Only server code sets a request's context; REST clients cannot.
 */
export const EXPECTED_REVISION = 'visitExpectedRevision'

/**
 * Before a visit is written: the person's organisation, region, name and account are copied from the participants
 * registry (they feed access); the supervisor is the writer unless coordination names one; the framework version is
 * the current one at creation and never changes after; the revision counts saves. Then the visit is checked
 * (cms/rules/supervision.ts `visitProblems`): a refusal names its field and nothing is written.
 */
export const prepareAndCheckVisit: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation, context }) => {
  const user = req.user as (RoleHolder & ScopeHolder) | null
  const expected = context[EXPECTED_REVISION]
  if (operation === 'update' && expected !== undefined && Number(expected) !== Number(originalDoc?.revision ?? 1)) throw new PortalError('editConflict')
  const personId = idOf(data.person ?? originalDoc?.person)
  const person = personId === null ? null : await req.payload.findByID({ collection: 'participants', id: personId, depth: 0, overrideAccess: true, req, disableErrors: true })
  const fail = (path: string, message: string) => {
    throw new ValidationError({ collection: 'supervision-visits', errors: [{ path, message }] }, req.t)
  }
  if (!person) return fail('person', 'Personne supervisée introuvable dans le registre des participants.')
  data.personName = person.fullName ?? `${person.lastName} ${person.firstName}`
  data.organisation = idOf(person.organisation)
  data.region = idOf(person.region)
  const accounts = person.email ? await req.payload.find({ collection: 'users', where: { email: { equals: person.email } }, limit: 1, depth: 0, overrideAccess: true, req }) : null
  data.personAccount = accounts?.docs[0]?.id ?? null

  if (user && !can(user, 'coordinate')) data.supervisor = operation === 'create' ? user.id : idOf(originalDoc?.supervisor)
  if (!idOf(data.supervisor ?? originalDoc?.supervisor)) return fail('supervisor', 'Indiquez le superviseur ou le coach qui a fait la visite.')

  if (operation === 'create') {
    // The seed (no user) may record visits of an earlier version; everyone else rates against the current one.
    if (user || !data.frameworkVersion) data.frameworkVersion = (await currentFramework(req.payload, req))?.version
    data.revision = 1
  } else {
    data.frameworkVersion = originalDoc?.frameworkVersion
    data.revision = Number(originalDoc?.revision ?? 1) + 1
  }
  const framework = data.frameworkVersion ? await frameworkVersion(req.payload, String(data.frameworkVersion), req) : null
  if (!framework) return fail('frameworkVersion', 'Aucun référentiel de compétences enregistré : la coordination doit d’abord le charger (Suivi formatif → Référentiels).')

  const enrolments = await req.payload.find({ collection: 'enrolments', where: { participant: { equals: person.id } }, depth: 1, limit: 200, overrideAccess: true, req })
  const starts = enrolments.docs.map((e) => (typeof e.training === 'object' && e.training ? String(e.training.startDate).slice(0, 10) : '')).filter(Boolean).sort()
  const personChanged = operation === 'create' || String(idOf(originalDoc?.person)) !== String(person.id)
  const merged = { ...originalDoc, ...data } as { date: string; nextFollowUp?: string | null; ratings?: { behaviour: string; rating: string }[] }
  const problems = visitProblems(
    { date: String(merged.date ?? ''), nextFollowUp: merged.nextFollowUp, ratings: (merged.ratings ?? []).map((r) => ({ behaviour: r.behaviour, rating: r.rating })) },
    { now: new Date(), firstTrainingDay: starts[0] ?? null, framework, personInScope: !user || !personChanged || personInReach(user, person) },
  )
  // Each problem is reported by its field, with every other invalid field at once (cms/fields/cross-checks.ts).
  deferProblems(req.context, 'supervision-visits', problems)
  return data
}
