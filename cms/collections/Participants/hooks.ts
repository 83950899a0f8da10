import type { CollectionAfterChangeHook, CollectionBeforeValidateHook } from 'payload'
import { deferProblems } from '../../fields/cross-checks.ts'
import { fullNameOf } from '../../rules/duplicates.ts'
import { hasRole } from '../../rules/roles.ts'
import { reaches, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../../rules/scope.ts'
import { normalisePhone } from '../../rules/trainings.ts'
import { matchesIn, registryIdentities } from '../../trainings/registry.ts'
import { refreshParticipantTrainers } from '../Trainings/shared.ts'

/**
 * Before a person is validated: the full name and the normalised phone are derived, the trainer who creates the
 * record is stamped as `registeredBy` (it feeds access), and probable duplicates are refused unless confirmed
 * distinct (cms/rules/duplicates.ts: close name, same phone or e-mail), naming only people the writer may see.
 * The full name is derived on every write, before anything may return early: a person without it shows as
 * a number in the admin and "Sans titre" in training histories.
 */
export const deriveAndCheckIdentity: CollectionBeforeValidateHook = async ({ data, originalDoc, req, operation }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data }
  data.fullName = fullNameOf(merged)
  if (data.phone) data.phone = normalisePhone(String(data.phone)) || data.phone
  if (operation === 'create' && req.user && hasRole(req.user as never, 'trainer')) data.registeredBy = req.user.id
  // Possible duplicates are flagged before a new person is created: the trainer enrols the existing person
  // or confirms these are two people. An update that leaves name, phone and email alone (the system's
  // recomputation of who reaches the person) has nothing to check.
  const identityChanged = operation === 'create' || ['firstName', 'lastName', 'phone', 'email'].some((field) => field in data)
  // Reported by the field « Personne différente » with every other invalid field (cms/fields/cross-checks.ts).
  deferProblems(req.context, 'participants', [])
  if (merged.confirmedDistinct || !identityChanged) return data
  const registry = (await registryIdentities(req.payload, req)).filter((p) => String(p.id) !== String(originalDoc?.id ?? ''))
  const matches = matchesIn(registry, { firstName: String(merged.firstName ?? ''), lastName: String(merged.lastName ?? ''), phone: merged.phone, email: merged.email })
  if (matches.length > 0) {
    // Only people the writer's scope reaches are named: the check must not tell who is in the registry.
    const user = req.user as ScopeHolder
    const visible = matches.filter((m) => reaches(user, 'trainings', m.person as never, TRAINING_SCOPE_FIELDS))
    const acronyms = await organisationAcronyms(req, visible.map((m) => m.person.organisation))
    const names = visible.map((m) => `${m.person.fullName || fullNameOf(m.person)} (n° ${m.id}${acronyms.get(String(m.person.organisation)) ? `, ${acronyms.get(String(m.person.organisation))}` : ''})`)
    const message =
      names.length > 0
        ? `Cette personne est peut-être déjà enregistrée : ${names.join(' ; ')}. Inscrivez la personne existante, ou cochez « Personne différente » pour créer quand même.`
        : 'Une personne aux nom et coordonnées proches figure peut-être déjà au registre. Si c’est la même, cherchez-la par son numéro de téléphone sur la page de la formation (« Ajouter une personne ») ou inscrivez-la par l’import (elle y est retrouvée par ses nom, téléphone ou e-mail) ; sinon cochez « Personne différente » pour créer quand même.'
    deferProblems(req.context, 'participants', [{ path: 'confirmedDistinct', message }])
  }
  return data
}

/** Acronyms of the given organisations (ids), read as the system: reference data everyone may read. */
async function organisationAcronyms(req: Parameters<CollectionBeforeValidateHook>[0]['req'], ids: unknown[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(String))]
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({ collection: 'organisations', where: { id: { in: wanted } }, depth: 0, limit: wanted.length, overrideAccess: true, req })
  return new Map(docs.map((o) => [String(o.id), o.acronym]))
}

/** A new person is reached by the trainers who registered them (and later by those of their trainings). */
export const reachOnCreate: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await refreshParticipantTrainers(req.payload, doc.id, req)
  return doc
}
