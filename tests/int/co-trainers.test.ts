import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { CO_TRAINER_FIELDS } from '#cms/access/co-trainers.ts'
import type { Training, User } from '#cms/payload-types.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// Choosing co-trainers (issue 11): whoever runs trainings reads the trainer accounts — their names, roles,
// organisation and region only — so that the back office's picker lists them; nobody else gains anything.
// Reads go through the Local API with `overrideAccess: false`, the very rules REST and /admin apply
// (tests/e2e/trainings-registry.test.ts repeats the list over HTTP with a trainer's session).

let payload: Payload
let region: number
let organisation: number
let lead: User
let colleague: User
let learner: User
beforeAll(async () => {
  payload = await testPortal()
  region = (await payload.find({ collection: 'regions', where: { code: { equals: 'MOP' } }, overrideAccess: true })).docs[0]!.id
  organisation = (await payload.find({ collection: 'organisations', where: { acronym: { equals: 'UNICEF' } }, overrideAccess: true })).docs[0]!.id
  const account = (label: string, roles: string[]) =>
    payload.create({ collection: 'users', data: { email: `cotrainer-${label}@example.org`, name: `Compte ${label}`, phone: '+223 70 11 22 33', password: 'Fleuve-Niger-en-crue-2026', roles: roles as never, organisation, region, passwordExpiryExempt: true }, overrideAccess: true })
  lead = await account('lead', ['trainer'])
  colleague = await account('colleague', ['trainer'])
  learner = await account('learner', ['learner'])
}, 600_000)

const as = (user: User) => ({ user, overrideAccess: false as const, depth: 0 })
const listed = async (user: User) => (await payload.find({ collection: 'users', limit: 0, pagination: false, ...as(user) })).docs as unknown as Record<string, unknown>[]

describe('a trainer chooses co-trainers', () => {
  it('reads every trainer account, with name, roles, organisation and region only, and no other account', async () => {
    const docs = await listed(lead)
    const others = docs.filter((d) => d.id !== lead.id)
    expect(others.map((d) => d.id)).toEqual(expect.arrayContaining([colleague.id, (await accountByEmail(payload, 'formateur@example.org')).id]))
    expect(others.every((d) => (d.roles as string[]).includes('trainer')), 'trainers only').toBe(true)
    expect(docs.map((d) => d.id)).not.toContain(learner.id)
    for (const doc of others) expect(Object.keys(doc).sort()).toEqual([...CO_TRAINER_FIELDS].sort())
    const seen = others.find((d) => d.id === colleague.id)!
    expect(seen).toMatchObject({ name: 'Compte colleague', roles: ['trainer'], organisation, region })
    expect(seen).not.toHaveProperty('email')
    expect(seen).not.toHaveProperty('phone')
    // Their own account is whole.
    expect(docs.find((d) => d.id === lead.id)).toMatchObject({ email: 'cotrainer-lead@example.org', phone: '+223 70 11 22 33' })
  })

  it('cannot read a learner’s account, nor find anyone by their email or phone', async () => {
    expect(await allowed(() => payload.findByID({ collection: 'users', id: learner.id, ...as(lead) }))).toBe(false)
    // Filtering on a field one may not read is refused outright, so a query cannot guess an address letter by letter.
    await expect(payload.find({ collection: 'users', where: { email: { equals: 'cotrainer-colleague@example.org' } }, ...as(lead) })).rejects.toThrow(/cannot be queried/)
    await expect(payload.find({ collection: 'users', where: { phone: { like: '70 11' } }, ...as(lead) })).rejects.toThrow(/cannot be queried/)
    await expect(payload.find({ collection: 'users', where: { active: { equals: true } }, ...as(lead) })).rejects.toThrow(/cannot be queried/)
  })

  it('gives learners, editors, supervisors and case managers nothing new: their own account only', async () => {
    for (const email of ['apprenant@example.org', 'editeur@example.org', 'superviseur@example.org', 'gestionnaire@example.org']) {
      const user = await accountByEmail(payload, email)
      expect((await listed(user)).map((d) => d.id), email).toEqual([user.id])
    }
  })

  it('saves a training with a co-trainer, who then reaches it and its participants; removing them takes it away', async () => {
    const training = (await payload.create({
      collection: 'trainings',
      data: { title: 'Atelier à deux formateurs', kind: 'initial', status: 'planned', startDate: '2026-06-01', endDate: '2026-06-02', venue: 'Ségou', region, organiser: organisation, trainers: [lead.id, colleague.id] },
      ...as(lead),
    })) as Training
    expect(training.trainers).toEqual([lead.id, colleague.id])
    const person = await payload.create({ collection: 'participants', data: { firstName: 'Fatoumata', lastName: 'Coulibaly', sex: 'F', function: 'Assistante sociale', organisation, region, phone: '+223 65 43 21 09' }, ...as(lead) })
    await payload.create({ collection: 'enrolments', data: { training: training.id, participant: person.id }, ...as(lead) })
    // The co-trainer sees the training, the person (with their phone) and may mark them.
    expect((await payload.find({ collection: 'trainings', where: { id: { equals: training.id } }, ...as(colleague) })).docs).toHaveLength(1)
    expect((await payload.findByID({ collection: 'participants', id: person.id, ...as(colleague) })).phone).toBe('65432109')
    // A learner cannot be named co-trainer: the picker's filter is enforced on save.
    await expect(payload.update({ collection: 'trainings', id: training.id, data: { trainers: [lead.id, learner.id] }, ...as(lead) })).rejects.toThrow()
    // Taking the co-trainer off the training takes their reach away.
    await payload.update({ collection: 'trainings', id: training.id, data: { trainers: [lead.id] }, ...as(lead) })
    expect((await payload.find({ collection: 'trainings', where: { id: { equals: training.id } }, ...as(colleague) })).docs).toHaveLength(0)
    expect(await allowed(() => payload.findByID({ collection: 'participants', id: person.id, ...as(colleague) }))).toBe(false)
  })

  it('shows a training’s trainers to the co-trainer by name only when populated', async () => {
    const training = await payload.create({
      collection: 'trainings',
      data: { title: 'Atelier, lecture des formateurs', kind: 'initial', status: 'planned', startDate: '2026-07-01', endDate: '2026-07-01', venue: 'Ségou', region, organiser: organisation, trainers: [lead.id, colleague.id] },
      ...as(lead),
    })
    const read = await payload.findByID({ collection: 'trainings', id: training.id, user: colleague, overrideAccess: false, depth: 1 })
    const other = (read.trainers as unknown as Record<string, unknown>[]).find((t) => t.id === lead.id)!
    expect(other.name).toBe('Compte lead')
    expect(other).not.toHaveProperty('email')
    expect(other).not.toHaveProperty('phone')
  })
})
