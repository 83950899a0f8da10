import { ValidationError, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { LIST_DEFAULTS } from '#cms/admin/list-defaults.ts'
import type { User } from '#cms/payload-types.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// The back office's forms and lists on a real portal: a save with several invalid fields is refused with every
// problem at once, each on its field, in French; every list default names fields the collection has.
let payload: Payload
let coordinator: User
const ids = async (collection: 'regions' | 'organisations', field: string, value: string) =>
  (await payload.find({ collection, where: { [field]: { equals: value } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]!.id

beforeAll(async () => {
  payload = await testPortal()
  coordinator = await accountByEmail(payload, 'coordination@example.org')
}, 300_000)

/** The field problems of a refused save (the save must be refused with a ValidationError). */
async function problemsOf(save: () => Promise<unknown>): Promise<Record<string, string>> {
  const error = await save().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return Object.fromEntries((error as ValidationError).data.errors.map((e) => [e.path, e.message]))
}

describe('every invalid field at once, in French', () => {
  it('refuses a training with no title, no venue and an end before its start, naming the three fields', async () => {
    const region = await ids('regions', 'code', 'SEG')
    const organiser = await ids('organisations', 'acronym', 'DNPEF')
    const problems = await problemsOf(() =>
      payload.create({
        collection: 'trainings',
        data: { title: '', kind: 'initial', status: 'planned', startDate: '2026-03-12', endDate: '2026-03-10', region, organiser } as never,
        user: coordinator,
        overrideAccess: false,
      }),
    )
    expect(Object.keys(problems).sort()).toEqual(['endDate', 'title', 'venue'])
    expect(problems.title).toBe('Ce champ est requis.')
    expect(problems.venue).toBe('Ce champ est requis.')
    expect(problems.endDate).toBe('La date de fin (10 mars 2026) précède la date de début (12 mars 2026) : corrigez les dates de la formation.')
  })

  it('reports the dates of a training with its other fields on an update, and accepts it once corrected', async () => {
    const training = await payload.create({
      collection: 'trainings',
      data: { title: 'Formation des erreurs', kind: 'initial', status: 'planned', startDate: '2026-03-12', endDate: '2026-03-13', venue: 'Ségou', region: await ids('regions', 'code', 'SEG'), organiser: await ids('organisations', 'acronym', 'DNPEF') },
      user: coordinator,
      overrideAccess: false,
    })
    const problems = await problemsOf(() => payload.update({ collection: 'trainings', id: training.id, data: { title: '', endDate: '2026-03-01' }, user: coordinator, overrideAccess: false }))
    expect(problems).toEqual({ title: 'Ce champ est requis.', endDate: 'La date de fin (1er mars 2026) précède la date de début (12 mars 2026) : corrigez les dates de la formation.' })
    const saved = await payload.update({ collection: 'trainings', id: training.id, data: { endDate: '2026-03-14' }, user: coordinator, overrideAccess: false })
    expect(String(saved.endDate).slice(0, 10)).toBe('2026-03-14')
  })

  it('refuses a meeting with no title, an end before its start and a past quarter still planned, all three at once', async () => {
    const problems = await problemsOf(() =>
      payload.create({
        collection: 'meetings',
        data: { title: '', kind: 'quarterly', status: 'planned', start: '2020-02-10T09:00:00.000Z', end: '2020-02-10T08:00:00.000Z' } as never,
        user: coordinator,
        overrideAccess: false,
        context: { meetingsQuiet: true },
      }),
    )
    expect(Object.keys(problems).sort()).toEqual(['end', 'status', 'title'])
    expect(problems.title).toBe('Ce champ est requis.')
    expect(problems.end).toBe('La fin de la réunion doit être postérieure à son début : corrigez la date ou l’heure de fin.')
    expect(problems.status).toMatch(/^Cette réunion date d’un trimestre passé \(1er trimestre 2020\) : elle ne peut pas être « planifiée »/)
  })
})

describe('problems found with the database, reported with the other fields', () => {
  it('refuses a probable duplicate with its bad email and missing sex, all three at once', async () => {
    const existing = (await payload.find({ collection: 'participants', where: { phone: { exists: true } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]!
    const problems = await problemsOf(() =>
      payload.create({
        collection: 'participants',
        data: { firstName: existing.firstName, lastName: existing.lastName, phone: existing.phone, email: 'pas-une-adresse', function: existing.function, organisation: existing.organisation, region: existing.region } as never,
        user: coordinator,
        overrideAccess: false,
      }),
    )
    expect(Object.keys(problems).sort()).toEqual(['confirmedDistinct', 'email', 'sex'])
    expect(problems.confirmedDistinct).toMatch(/^Cette personne est peut-être déjà enregistrée : .*n° \d+/)
    expect(problems.sex).toBe('Ce champ est requis.')
  })

  it('refuses a visit dated in the future, with a follow-up before it, an unknown behaviour and a bad mode, all at once', async () => {
    const person = (await payload.find({ collection: 'participants', limit: 1, depth: 0, overrideAccess: true })).docs[0]!
    const before = (await payload.count({ collection: 'supervision-visits', overrideAccess: true })).totalDocs
    const problems = await problemsOf(() =>
      payload.create({
        collection: 'supervision-visits',
        data: { person: person.id, supervisor: coordinator.id, date: '2099-01-10', nextFollowUp: '2099-01-01', mode: 'parPigeon', ratings: [{ behaviour: 'inconnu', rating: 'acquired' }] } as never,
        user: coordinator,
        overrideAccess: false,
      }),
    )
    expect(Object.keys(problems).sort()).toEqual(['date', 'mode', 'nextFollowUp', 'ratings.0.behaviour'])
    expect(problems.date).toBe('Date de visite dans le futur (2099-01-10) : indiquez le jour où la visite a eu lieu.')
    expect(problems.nextFollowUp).toBe('Prochain suivi : choisissez une date après celle de la visite.')
    expect(problems['ratings.0.behaviour']).toMatch(/^Comportement « inconnu » absent du référentiel/)
    expect((await payload.count({ collection: 'supervision-visits', overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('list defaults', () => {
  it('names only fields of each collection, with a sort and filters the list can use', async () => {
    for (const [slug, defaults] of Object.entries(LIST_DEFAULTS)) {
      const collection = payload.collections[slug as 'trainings']
      expect(collection, slug).toBeDefined()
      // Columns may be display-only fields (`ui`), which hold no data and cannot be sorted or searched.
      const ui = new Set(collection.config.fields.flatMap((f) => (f.type === 'ui' ? [f.name] : [])))
      const fields = new Set(collection.config.flattenedFields.map((f) => f.name))
      for (const name of defaults.columns) expect(fields.has(name) || ui.has(name), `${slug}: ${name}`).toBe(true)
      for (const name of [defaults.sort.replace(/^-/, ''), ...(defaults.search ?? []), ...(defaults.view?.conditions ?? []).map(([field]) => field)]) expect(fields.has(name), `${slug}: ${name}`).toBe(true)
      expect(collection.config.defaultSort, slug).toBe(defaults.sort)
      expect(collection.config.admin.defaultColumns, slug).toEqual(defaults.columns)
    }
  })
})
