import { ValidationError, type PayloadRequest } from 'payload'
import { fullNameOf, matchesNameSearch, type TMatchReason } from '../rules/duplicates.ts'
import { reaches, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../rules/scope.ts'
import { normalisePhone } from '../rules/trainings.ts'
import type { Training } from '../payload-types.ts'
import { enrolParticipant, registerParticipant, type TNewParticipant } from './enrolment.ts'
import { matchesIn, registryIdentities, type TRegistryPerson } from './registry.ts'

// Adding a registry person by hand on the trainer page (/presentiel/<id>, docs/trainings.md "Adding people by
// hand"): a search by name or phone, "Inscrire" on a person found, or a new person checked against the registry
// first. Registering and enrolling go through cms/trainings/enrolment.ts, the import's own path.

/** A registry person as the trainer page shows them. */
export type TFoundPerson = { id: number | string; fullName: string; function: string; organisation: string; region: string; enrolled: boolean; reasons: TMatchReason[]; exactName: boolean }

export type TAddOutcome = { ok: true; participant: number | string; created: boolean } | { ok: false; message: string } | { ok: false; matches: TFoundPerson[] }

/** A registry person found, and why. */
type TFound = { person: TRegistryPerson; reasons: TMatchReason[]; exactName: boolean }

/** Fewest digits of a phone search: a full local number (8 digits), never a fragment that would list strangers. */
const PHONE_DIGITS = 8
/** Most people a search lists: a trainer refines a longer list by typing more. */
export const SEARCH_LIMIT = 20

const NOT_YOURS = 'Formation introuvable, ou vous n’en êtes pas formateur.'

/** The training, read as the writer: null when it is not theirs to run. */
function trainingOf(req: PayloadRequest, trainingId: number | string): Promise<Training | null> {
  return req.payload.findByID({ collection: 'trainings', id: trainingId, depth: 0, user: req.user, overrideAccess: false, disableErrors: true }) as Promise<Training | null>
}

/** Whether a search is a phone number: digits and the usual separators, a full number once normalised. */
export function phoneSearch(query: string): string | null {
  if (!/^[+\d\s().-]+$/.test(query.trim())) return null
  const phone = normalisePhone(query)
  return phone.length >= PHONE_DIGITS ? phone : null
}

/**
 * Registry people a trainer's search finds, with what the page shows of them. A name finds people within the
 * trainer's scope only (cms/rules/duplicates.ts matchesNameSearch: accents, case, word order and slips set
 * aside); a full phone number finds the people with that number anywhere in the registry — knowing it is
 * knowing the person, the rule the import follows for a row's phone or e-mail.
 */
export async function searchRegistry(req: PayloadRequest, trainingId: number | string, query: string): Promise<TFoundPerson[] | null> {
  const training = await trainingOf(req, trainingId)
  if (!training) return null
  const text = query.trim().slice(0, 120)
  if (text.length < 2) return []
  const phone = phoneSearch(text)
  const user = req.user as ScopeHolder
  const registry = await registryIdentities(req.payload, req)
  const found: TFound[] = phone
    ? registry.filter((p) => normalisePhone(p.phone) === phone).map((person) => ({ person, reasons: ['phone'], exactName: false }))
    : registry.filter((p) => reaches(user, 'trainings', p as never, TRAINING_SCOPE_FIELDS) && matchesNameSearch(p, text)).map((person) => ({ person, reasons: ['name'], exactName: false }))
  const byName = found.sort((a, b) => (a.person.fullName || fullNameOf(a.person)).localeCompare(b.person.fullName || fullNameOf(b.person), 'fr'))
  return asShown(req, training.id, byName.slice(0, SEARCH_LIMIT))
}

/** The page's view of registry people (in the order given): name, post, organisation, region, and whether already enrolled here. */
async function asShown(req: PayloadRequest, trainingId: number | string, found: TFound[]): Promise<TFoundPerson[]> {
  if (found.length === 0) return []
  const ids = found.map((f) => f.person.id)
  const [people, enrolments] = await Promise.all([
    req.payload.find({ collection: 'participants', where: { id: { in: ids } }, select: { fullName: true, firstName: true, lastName: true, function: true, organisation: true, region: true }, depth: 1, limit: ids.length, overrideAccess: true, req }),
    req.payload.find({ collection: 'enrolments', where: { and: [{ training: { equals: trainingId } }, { participant: { in: ids } }] }, select: { participant: true }, depth: 0, limit: ids.length, overrideAccess: true, req }),
  ])
  const enrolled = new Set(enrolments.docs.map((e) => String(e.participant)))
  const byId = new Map(people.docs.map((p) => [String(p.id), p]))
  return found.map(({ person, reasons, exactName }) => {
    const doc = byId.get(String(person.id))
    const organisation = doc?.organisation && typeof doc.organisation === 'object' ? doc.organisation.acronym : ''
    const region = doc?.region && typeof doc.region === 'object' ? doc.region.name : ''
    return { id: person.id, fullName: person.fullName || fullNameOf(person), function: doc?.function ?? '', organisation, region, enrolled: enrolled.has(String(person.id)), reasons, exactName }
  })
}

/**
 * "Inscrire" on a person the search listed: the search is run again on the server and the person must be in its
 * answer (an id typed by hand enrols nobody); a person found by their phone is enrolled as found by details.
 */
export async function enrolFound(req: PayloadRequest, trainingId: number | string, participantId: string, query: string): Promise<TAddOutcome> {
  const training = await trainingOf(req, trainingId)
  const found = training ? await searchRegistry(req, training.id, query) : null
  if (!training || !found) return { ok: false, message: NOT_YOURS }
  const person = found.find((p) => String(p.id) === participantId)
  if (!person) return { ok: false, message: 'Cette personne ne fait pas partie des résultats de la recherche : cherchez-la de nouveau.' }
  // The training's own id (a number on SQLite), not the page's text: relationships are checked by type.
  return enrol(req, training.id, person)
}

/**
 * A new person typed by the trainer. Unless the trainer confirmed that nobody listed is them, the registry is
 * checked first (cms/rules/duplicates.ts): probable matches the trainer may see — within their scope, or found by
 * the phone or e-mail typed — come back for the trainer to choose; the hook's own check still stands behind.
 */
export async function addNewPerson(req: PayloadRequest, trainingId: number | string, person: Omit<TNewParticipant, 'confirmedDistinct'>, confirmedDistinct: boolean): Promise<TAddOutcome> {
  const training = await trainingOf(req, trainingId)
  if (!training) return { ok: false, message: NOT_YOURS }
  const matches = await visibleMatches(req, training.id, person)
  if (!confirmedDistinct && matches.length > 0) return { ok: false, matches }
  // The very same name and contacts, already enrolled here: a form sent twice creates nobody twice.
  const here = matches.find((m) => m.enrolled && m.exactName && m.reasons.length > 1)
  if (here) return { ok: false, message: `${here.fullName} (n° ${here.id}) est déjà inscrit(e) à cette formation, avec les mêmes nom et coordonnées.` }
  try {
    const created = await registerParticipant(req, { ...person, confirmedDistinct })
    try {
      await enrolParticipant(req, training.id, created.id)
    } catch (error) {
      // Registering and enrolling are one action for the trainer: a person who cannot be enrolled is not kept.
      await req.payload.delete({ collection: 'participants', id: created.id, overrideAccess: true, req })
      throw error
    }
    return { ok: true, participant: created.id, created: true }
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, message: error.data.errors.map((e) => e.message).join(' ') }
    throw error
  }
}

/** "C'est cette personne": the person chosen must be one of the matches of the details typed. */
export async function enrolMatch(req: PayloadRequest, trainingId: number | string, person: Omit<TNewParticipant, 'confirmedDistinct'>, participantId: string): Promise<TAddOutcome> {
  const training = await trainingOf(req, trainingId)
  if (!training) return { ok: false, message: NOT_YOURS }
  const match = (await visibleMatches(req, training.id, person)).find((m) => String(m.id) === participantId)
  if (!match) return { ok: false, message: 'La personne choisie ne correspond plus aux informations saisies : vérifiez-les et recommencez.' }
  return enrol(req, training.id, match)
}

/** Probable registry matches of typed details that the trainer may see (the import's rule, cms/trainings/import.ts). */
async function visibleMatches(req: PayloadRequest, trainingId: number | string, person: Omit<TNewParticipant, 'confirmedDistinct'>): Promise<TFoundPerson[]> {
  const user = req.user as ScopeHolder
  const matches = matchesIn(await registryIdentities(req.payload, req), person).filter(
    (m) => m.reasons.includes('phone') || m.reasons.includes('email') || reaches(user, 'trainings', m.person as never, TRAINING_SCOPE_FIELDS),
  )
  return asShown(req, trainingId, matches.map((m) => ({ person: m.person, reasons: m.reasons, exactName: m.exactName })))
}

/** Enrols a person found by the search or the duplicate check, as found by details when the scope does not reach them. */
async function enrol(req: PayloadRequest, trainingId: number | string, person: TFoundPerson): Promise<TAddOutcome> {
  if (person.enrolled) return { ok: false, message: `${person.fullName} est déjà inscrit(e) à cette formation.` }
  try {
    await enrolParticipant(req, trainingId, person.id, {}, person.reasons.includes('phone') || person.reasons.includes('email'))
    return { ok: true, participant: person.id, created: false }
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, message: error.data.errors.map((e) => e.message).join(' ') }
    throw error
  }
}
