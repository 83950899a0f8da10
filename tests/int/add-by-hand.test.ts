import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Participant, Training, User } from '#cms/payload-types.ts'
import { enrolFound, searchRegistry } from '#cms/trainings/add-by-hand.ts'
import { handleAddPost } from '../../site/lib/add-person.ts'
import { testPortal } from '../helpers/portal.ts'

// Adding a registry person by hand on the trainer page (issue 11): the search (name or phone, accents and slips
// forgiven), "Inscrire", and a new person checked against the registry first — as the page calls them, with the
// signed-in trainer's request (access rules on).

let payload: Payload
let region: number
let organisation: number
let lead: User
let other: User
let mine: Training
let theirs: Training
let aminata: Participant
let namesake: Participant
let known: { organisations: Set<string>; regions: Set<string> }
const sys = { overrideAccess: true as const, depth: 0 }

beforeAll(async () => {
  payload = await testPortal()
  region = (await payload.find({ collection: 'regions', where: { code: { equals: 'MOP' } }, ...sys })).docs[0]!.id
  organisation = (await payload.find({ collection: 'organisations', where: { acronym: { equals: 'UNICEF' } }, ...sys })).docs[0]!.id
  known = { organisations: new Set([String(organisation)]), regions: new Set([String(region)]) }
  const trainer = (label: string) => payload.create({ collection: 'users', data: { email: `ajout-${label}@example.org`, name: `Formateur ${label}`, password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true }, ...sys })
  lead = await trainer('lead')
  other = await trainer('other')
  const training = (by: User, title: string) =>
    payload.create({ collection: 'trainings', data: { title, kind: 'initial', status: 'planned', startDate: '2026-06-01', endDate: '2026-06-03', venue: 'Mopti', region, organiser: organisation }, user: by, overrideAccess: false, depth: 0 })
  mine = await training(lead, 'Atelier de Mopti')
  theirs = await training(other, 'Atelier de Sévaré')
  const earlier = await training(lead, 'Atelier précédent')
  // Aminata was trained by the lead before (within reach); a namesake was trained by someone else only.
  aminata = await payload.create({ collection: 'participants', data: { firstName: 'Aminata', lastName: 'Traore', sex: 'F', function: 'Gestionnaire de cas', organisation, region, phone: '76123456' }, ...sys })
  await payload.create({ collection: 'enrolments', data: { training: earlier.id, participant: aminata.id }, ...sys })
  namesake = await payload.create({ collection: 'participants', data: { firstName: 'Aminata', lastName: 'Traoré', sex: 'F', function: 'Éducatrice', organisation, region, phone: '66554433', confirmedDistinct: true }, ...sys })
  await payload.create({ collection: 'enrolments', data: { training: theirs.id, participant: namesake.id }, ...sys })
}, 600_000)

const reqOf = async (user: User) => (await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)) as PayloadRequest
const count = async (collection: 'participants' | 'enrolments') => (await payload.count({ collection, ...sys })).totalDocs
const enrolledIn = async (training: Training) => (await payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, ...sys })).docs.map((e) => e.participant)
const newPerson = (fields: Record<string, string>) => ({ firstName: 'Oumou', lastName: 'Sangaré', sex: 'F', function: 'Travailleuse sociale', organisation: String(organisation), region: String(region), phone: '', email: '', ...fields })

describe('searching the registry from the trainer page', () => {
  it('finds Aminata Traore for “aminata traoré”, other spellings and slips, within the trainer’s reach only', async () => {
    const req = await reqOf(lead)
    for (const query of ['aminata traoré', 'TRAORE Aminata', 'Aminatta Trore', 'trao']) {
      const found = (await searchRegistry(req, mine.id, query))!
      expect(found.map((p) => p.id), query).toEqual([aminata.id])
    }
    expect((await searchRegistry(req, mine.id, 'aminata traoré'))![0]).toMatchObject({ fullName: 'TRAORE Aminata', function: 'Gestionnaire de cas', organisation: 'UNICEF', enrolled: false, reasons: ['name'] })
    expect(await searchRegistry(req, mine.id, 'Fatoumata Keïta')).toEqual([])
  })

  it('finds a person by the full phone number, written with +223 and spaces, anywhere in the registry', async () => {
    const req = await reqOf(lead)
    expect((await searchRegistry(req, mine.id, '+223 76 12 34 56'))!.map((p) => p.id)).toEqual([aminata.id])
    // The namesake is outside the lead's reach: a name never lists her, her number does.
    expect((await searchRegistry(req, mine.id, '00223 66-55-44-33'))!.map((p) => [p.id, p.reasons])).toEqual([[namesake.id, ['phone']]])
    // A fragment of a number lists nobody.
    expect(await searchRegistry(req, mine.id, '76 12')).toEqual([])
  })

  it('enrols a person found, once, and refuses an id the search did not list', async () => {
    const req = await reqOf(lead)
    expect(await enrolFound(req, mine.id, String(namesake.id), 'aminata traoré')).toMatchObject({ ok: false, message: expect.stringMatching(/ne fait pas partie des résultats/) })
    expect(await enrolledIn(mine)).toEqual([])
    expect(await enrolFound(req, mine.id, String(aminata.id), 'aminata traoré')).toEqual({ ok: true, participant: aminata.id, created: false })
    expect((await searchRegistry(req, mine.id, 'aminata traoré'))![0]!.enrolled).toBe(true)
    expect(await enrolFound(req, mine.id, String(aminata.id), 'aminata traoré')).toMatchObject({ ok: false, message: expect.stringMatching(/déjà inscrit/) })
    // Found by her number, the namesake is enrolled as found by details, and is then within the lead's reach.
    // The page hands over the id from its address, as text.
    expect(await enrolFound(req, String(mine.id), String(namesake.id), '+223 66 55 44 33')).toMatchObject({ ok: true })
    expect((await enrolledIn(mine)).sort()).toEqual([aminata.id, namesake.id].sort())
    expect((await payload.findByID({ collection: 'participants', id: namesake.id, user: lead, overrideAccess: false })).phone).toBe('66554433')
  })

  it('never enrols into a training outside the trainer’s scope', async () => {
    const req = await reqOf(lead)
    const before = await enrolledIn(theirs)
    expect(await searchRegistry(req, theirs.id, 'aminata')).toBeNull()
    expect(await enrolFound(req, theirs.id, String(aminata.id), 'aminata')).toMatchObject({ ok: false, message: expect.stringMatching(/pas formateur/) })
    const posted = await handleAddPost(req, String(theirs.id), 'nouvelle', newPerson({ lastName: 'Horsperimetre' }), 'fr', known)
    expect(posted.message).toMatch(/pas formateur/)
    expect(await enrolledIn(theirs)).toEqual(before)
    expect((await payload.find({ collection: 'participants', where: { lastName: { equals: 'Horsperimetre' } }, ...sys })).docs).toHaveLength(0)
  })
})

describe('a new person from the trainer page', () => {
  it('shows probable matches instead of creating silently, then enrols the one chosen', async () => {
    const req = await reqOf(lead)
    const people = await count('participants')
    const typed = newPerson({ firstName: 'Aminatta', lastName: 'TRAORÉ', phone: '+223 76 12 34 56' })
    const first = await handleAddPost(req, String(mine.id), 'nouvelle', typed, 'fr', known)
    expect(first.done).toBeUndefined()
    expect(first.matches!.map((m) => [m.id, m.reasons])).toEqual([[aminata.id, ['name', 'phone']]])
    expect(await count('participants')).toBe(people)
    // "C'est cette personne": Aminata, already enrolled here by the search above, is not enrolled twice.
    const chosen = await handleAddPost(req, String(mine.id), 'choix', { ...typed, choix: String(aminata.id) }, 'fr', known)
    expect(chosen.message).toMatch(/déjà inscrit/)
    expect(await count('participants')).toBe(people)
  })

  it('enrols the existing person on “c’est cette personne”, in another training of the trainer', async () => {
    const req = await reqOf(lead)
    const second = await payload.create({ collection: 'trainings', data: { title: 'Atelier de suivi', kind: 'initial', status: 'planned', startDate: '2026-08-01', endDate: '2026-08-01', venue: 'Mopti', region, organiser: organisation }, user: lead, overrideAccess: false, depth: 0 })
    const people = await count('participants')
    const typed = newPerson({ firstName: 'Aminata', lastName: 'Traore', phone: '76 12 34 56' })
    expect((await handleAddPost(req, String(second.id), 'nouvelle', typed, 'fr', known)).matches!.map((m) => m.id)).toEqual([aminata.id])
    expect((await handleAddPost(req, String(second.id), 'choix', { ...typed, choix: String(aminata.id) }, 'fr', known)).done).toEqual({ participant: aminata.id, created: false })
    expect(await enrolledIn(second)).toEqual([aminata.id])
    expect(await count('participants')).toBe(people)
    // A chosen id that is not a match of the details typed enrols nobody.
    const forged = await handleAddPost(req, String(second.id), 'choix', { ...typed, choix: String(namesake.id + 1000) }, 'fr', known)
    expect(forged.message).toMatch(/ne correspond plus/)
  })

  it('creates a new person on “créer quand même”, and a form sent twice creates nobody twice', async () => {
    const req = await reqOf(lead)
    const people = await count('participants')
    const typed = newPerson({ phone: '+223 70 00 11 22' })
    const created = await handleAddPost(req, String(mine.id), 'nouvelle', typed, 'fr', known)
    expect(created.done).toMatchObject({ created: true })
    expect(await count('participants')).toBe(people + 1)
    const stored = await payload.findByID({ collection: 'participants', id: created.done!.participant, ...sys })
    expect(stored).toMatchObject({ fullName: 'SANGARÉ Oumou', phone: '70001122', registeredBy: lead.id })
    // The same form again: the person just created is offered, and "créer quand même" is refused for her.
    const again = await handleAddPost(req, String(mine.id), 'nouvelle', typed, 'fr', known)
    expect(again.matches!.map((m) => [m.id, m.enrolled])).toEqual([[stored.id, true]])
    expect((await handleAddPost(req, String(mine.id), 'choix', { ...typed, choix: 'nouvelle' }, 'fr', known)).message).toMatch(/déjà inscrit/)
    expect(await count('participants')).toBe(people + 1)
    // A different person with a close name is created once the trainer confirms it.
    const close = newPerson({ firstName: 'Oumou', lastName: 'Sangara', phone: '+223 70 00 11 22', function: 'Éducatrice' })
    expect((await handleAddPost(req, String(mine.id), 'nouvelle', close, 'fr', known)).matches).toHaveLength(1)
    const confirmed = await handleAddPost(req, String(mine.id), 'choix', { ...close, choix: 'nouvelle' }, 'fr', known)
    expect(confirmed.done).toMatchObject({ created: true })
    expect((await payload.findByID({ collection: 'participants', id: confirmed.done!.participant, ...sys })).confirmedDistinct).toBe(true)
    expect(await count('participants')).toBe(people + 2)
  })

  it('answers bad input with a French message per field and writes nothing', async () => {
    const req = await reqOf(lead)
    const [people, enrolments] = [await count('participants'), await count('enrolments')]
    const bad = await handleAddPost(req, String(mine.id), 'nouvelle', { firstName: '  ', lastName: 'x'.repeat(81), sex: 'X', function: '', organisation: '999999', region: 'abc', phone: '12', email: 'pas-une-adresse' }, 'fr', known)
    expect(bad.errors).toEqual({
      firstName: 'Indiquez le prénom.',
      lastName: 'Texte trop long.',
      sex: 'Choisissez le sexe (F ou M).',
      function: 'Indiquez la fonction, par exemple « Gestionnaire de cas ».',
      organisation: 'Choisissez la structure dans la liste.',
      region: 'Choisissez la région dans la liste.',
      phone: 'Numéro invalide : un numéro complet de 8 chiffres au moins, avec ou sans +223 et espaces.',
      email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.org.',
    })
    // An organisation id the form does not offer is refused the same way.
    expect((await handleAddPost(req, String(mine.id), 'nouvelle', newPerson({ organisation: '999999' }), 'fr', known)).errors).toEqual({ organisation: 'Choisissez la structure dans la liste.' })
    expect((await handleAddPost(req, String(mine.id), 'inscrire', { personne: 'abc', cherche: '' }, 'fr', known)).errors._form).toMatch(/cherchez de nouveau/)
    expect([await count('participants'), await count('enrolments')]).toEqual([people, enrolments])
  })
})
