import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeValidateHook } from 'payload'
import { hasRole } from '../../rules/roles.ts'
import { reaches, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../../rules/scope.ts'
import { duplicateCandidates, normalisePhone } from '../../rules/trainings.ts'
import { refreshParticipantTrainers } from '../Trainings/shared.ts'

/**
 * Before a person is validated: the full name and the normalised phone are derived, the trainer who creates the
 * record is stamped as `registeredBy` (it feeds access), and probable duplicates are refused unless confirmed
 * distinct (cms/rules/trainings.ts `duplicateCandidates`), naming only people the writer may see.
 */
export const deriveAndCheckIdentity: CollectionBeforeValidateHook = async ({ data, originalDoc, req, operation }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data }
  data.fullName = `${String(merged.lastName ?? '').toUpperCase()} ${merged.firstName ?? ''}`.trim()
  if (data.phone) data.phone = normalisePhone(String(data.phone)) || data.phone
  if (operation === 'create' && req.user && hasRole(req.user as never, 'trainer')) data.registeredBy = req.user.id
  // Possible duplicates are flagged before a new person is created: the trainer enrols the existing person
  // or confirms these are two people. An update that leaves name, phone and email alone (the system's
  // recomputation of who reaches the person) has nothing to check.
  const identityChanged = operation === 'create' || ['firstName', 'lastName', 'phone', 'email'].some((field) => field in data)
  if (merged.confirmedDistinct || !identityChanged) return data
  const { docs } = await req.payload.find({
    collection: 'participants',
    where: { lastName: { like: String(merged.lastName ?? '').slice(0, 60) } },
    limit: 200,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const others = docs.filter((d) => String(d.id) !== String(originalDoc?.id ?? ''))
  const ids = duplicateCandidates(
    others.map((d) => ({ id: d.id, firstName: d.firstName, lastName: d.lastName, phone: d.phone, email: d.email })),
    { id: 'new', firstName: String(merged.firstName ?? ''), lastName: String(merged.lastName ?? ''), phone: merged.phone, email: merged.email },
  )
  if (ids.length > 0) {
    // Only people the writer's scope reaches are named: the check must not tell who is in the registry.
    const user = req.user as ScopeHolder
    const visible = others.filter((d) => ids.map(String).includes(String(d.id)) && reaches(user, 'trainings', d as never, TRAINING_SCOPE_FIELDS))
    const names = visible.map((d) => `${d.fullName} (n° ${d.id}${d.organisation && typeof d.organisation === 'object' ? `, ${d.organisation.acronym}` : ''})`)
    const message =
      names.length > 0
        ? `Cette personne est peut-être déjà enregistrée : ${names.join(' ; ')}. Inscrivez la personne existante, ou cochez « Personne différente » pour créer quand même.`
        : 'Une personne aux nom et coordonnées proches figure peut-être déjà au registre. Si c’est la même, inscrivez-la par l’import de la formation (elle y est retrouvée par ses nom, téléphone ou e-mail) ; sinon cochez « Personne différente » pour créer quand même.'
    throw new ValidationError({ collection: 'participants', errors: [{ path: 'confirmedDistinct', message }] }, req.t)
  }
  return data
}

/** A new person is reached by the trainers who registered them (and later by those of their trainings). */
export const reachOnCreate: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await refreshParticipantTrainers(req.payload, doc.id, req)
  return doc
}
