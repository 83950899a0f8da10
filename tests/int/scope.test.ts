import ExcelJS from 'exceljs'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Participant, Training, User } from '#cms/payload-types.ts'
import { importParticipants } from '#cms/trainings/import.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// Regression tests of issue 9, findings 3 and 4: a trainer's scope is the trainings they run, now — not any
// participant id they can type, not a training they used to run, not another trainer's training.

let payload: Payload
let coordinator: User
let region: number
let organisation: number
beforeAll(async () => {
  payload = await testPortal()
  coordinator = await accountByEmail(payload, 'coordination@example.org')
  region = (await payload.find({ collection: 'regions', where: { code: { equals: 'MOP' } }, overrideAccess: true })).docs[0]!.id
  organisation = (await payload.find({ collection: 'organisations', where: { acronym: { equals: 'UNICEF' } }, overrideAccess: true })).docs[0]!.id
  // Booting the portal (migrations and seed) takes minutes on a loaded machine.
}, 600_000)

let count = 0
const as = (user: User) => ({ user, overrideAccess: false as const })
const trainer = (label: string): Promise<User> =>
  payload.create({ collection: 'users', data: { email: `scope-${label}-${(count += 1)}@example.org`, name: `Formateur ${label}`, password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true }, overrideAccess: true })
const training = (by: User, title: string, trainers: number[] = []): Promise<Training> =>
  payload.create({ collection: 'trainings', data: { title, kind: 'initial', status: 'planned', startDate: '2026-06-01', endDate: '2026-06-03', venue: 'Mopti', region, organiser: organisation, trainers }, ...as(by) })
const person = (by: User, lastName: string, phone: string): Promise<Participant> =>
  payload.create({ collection: 'participants', data: { firstName: 'Seydou', lastName, sex: 'M', function: 'Travailleur social', organisation, region, phone }, ...as(by) })
const enrol = (by: User, trainingId: number, participantId: number) => payload.create({ collection: 'enrolments', data: { training: trainingId, participant: participantId }, ...as(by) })
const sees = async (user: User, p: Participant) => {
  const found = await payload.find({ collection: 'participants', where: { id: { equals: p.id } }, ...as(user) })
  return found.docs[0] ?? null
}

describe('finding 3: a trainer reaches only the participants of the trainings they run, now', () => {
  it('refuses to enrol a participant id outside the trainer’s scope, so their phone stays hidden and unwritable', async () => {
    const [owner, intruder] = [await trainer('b'), await trainer('a')]
    const victim = await person(owner, 'BALLO', '+223 70 10 20 30')
    await enrol(owner, (await training(owner, 'Formation de B')).id, victim.id)
    const mine = await training(intruder, 'Formation de A')
    await expect(enrol(intruder, mine.id, victim.id)).rejects.toMatchObject({ data: { errors: [{ path: 'participant', message: expect.stringMatching(/que des personnes que vous avez enregistrées/) }] } })
    expect(await sees(intruder, victim)).toBeNull()
    expect(await allowed(() => payload.findByID({ collection: 'participants', id: victim.id, ...as(intruder) }))).toBe(false)
    expect(await allowed(() => payload.update({ collection: 'participants', id: victim.id, data: { function: 'Piraté' }, ...as(intruder) }))).toBe(false)
    expect((await sees(owner, victim))?.phone).toBe('70102030')
  })

  it('takes the access away when the enrolment that gave it is deleted', async () => {
    const lead = await trainer('lead')
    const held = await training(lead, 'Formation tenue')
    const registered = await payload.create({ collection: 'participants', data: { firstName: 'Awa', lastName: 'KONATÉ', sex: 'F', function: 'Éducatrice', organisation, region, phone: '+223 70 40 50 60' }, overrideAccess: true })
    const enrolment = await enrol(coordinator, held.id, registered.id)
    expect((await sees(lead, registered))?.phone).toBe('70405060')
    expect(await allowed(() => payload.update({ collection: 'participants', id: registered.id, data: { function: 'Éducatrice spécialisée' }, ...as(lead) }))).toBe(true)
    await payload.delete({ collection: 'enrolments', id: enrolment.id, ...as(lead) })
    expect(await sees(lead, registered)).toBeNull()
    expect(await allowed(() => payload.update({ collection: 'participants', id: registered.id, data: { function: 'Piraté' }, ...as(lead) }))).toBe(false)
  })

  it('takes the access away from a co-trainer removed from the training', async () => {
    const [lead, partner] = [await trainer('lead2'), await trainer('co')]
    // Co-trainers are named by coordination (a trainer does not read other accounts).
    const shared = await training(coordinator, 'Formation à deux', [lead.id, partner.id])
    const attendee = await person(lead, 'DEMBÉLÉ', '+223 70 70 80 90')
    const enrolment = await enrol(lead, shared.id, attendee.id)
    expect((await sees(partner, attendee))?.phone).toBe('70708090')
    await payload.update({ collection: 'trainings', id: shared.id, data: { trainers: [lead.id] }, ...as(lead) })
    expect(await sees(partner, attendee)).toBeNull()
    expect(await allowed(() => payload.findByID({ collection: 'enrolments', id: enrolment.id, ...as(partner) }))).toBe(false)
    expect((await sees(lead, attendee))?.phone).toBe('70708090')
  })

  it('does not tell a trainer who is in the registry when the duplicate is outside their scope', async () => {
    const [owner, other] = [await trainer('dup-b'), await trainer('dup-a')]
    const existing = await person(owner, 'SANOGO', '+223 76 55 44 33')
    const attempt = person(other, 'SANOGO', '76554433')
    await expect(attempt).rejects.toMatchObject({ data: { errors: [{ path: 'confirmedDistinct', message: expect.stringMatching(/figure peut-être déjà au registre/) }] } })
    const message = await attempt.catch((error: { data: { errors: { message: string }[] } }) => error.data.errors[0]!.message)
    expect(message).not.toContain(String(existing.id))
    expect(message).not.toMatch(/SANOGO|UNICEF/)
    // The person who registered them is told who it is.
    await expect(person(owner, 'SANOGO', '76554433')).rejects.toMatchObject({ data: { errors: [{ message: expect.stringMatching(new RegExp(`SANOGO Seydou \\(n° ${existing.id}, UNICEF\\)`)) }] } })
  })

  it('enrols a registry person outside the scope through the import, which finds them by their details', async () => {
    const [owner, importer] = [await trainer('imp-b'), await trainer('imp-a')]
    const existing = await person(owner, 'Traoré', '+223 66 12 34 56')
    const target = await training(importer, 'Formation importée')
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Participants')
    sheet.addRow(['Prénom', 'Nom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Téléphone', 'E-mail', 'Pré-test', 'Post-test', '2026-06-01', '2026-06-02', '2026-06-03'])
    sheet.addRow(['Seydou', 'Traoré', 'M', 'Travailleur social', 'UNICEF', 'Mopti', '+223 66 12 34 56', '', 40, 70, 'P', 'P', 'P'])
    const data = Buffer.from(await workbook.xlsx.writeBuffer())
    const outcome = await importParticipants(await createLocalReq({ user: importer }, payload), target.id, { name: 'participants.xlsx', data })
    expect(outcome).toEqual({ ok: true, created: 0, reused: 1, enrolments: 1, organisations: 0 })
    expect((await sees(importer, existing))?.phone).toBe('66123456')
  })
})

describe('finding 4: a relationship that feeds access points only at records the writer may write', () => {
  it('refuses to move an own enrolment into another trainer’s training', async () => {
    const [mover, other] = [await trainer('move-a'), await trainer('move-b')]
    const mine = await training(mover, 'Ma formation')
    const theirs = await training(other, 'Leur formation')
    const enrolment = await enrol(mover, mine.id, (await person(mover, 'COULIBALY', '+223 65 00 00 01')).id)
    await expect(payload.update({ collection: 'enrolments', id: enrolment.id, data: { training: theirs.id }, ...as(mover) })).rejects.toMatchObject({ data: { errors: [{ path: 'training' }] } })
    const after = await payload.findByID({ collection: 'enrolments', id: enrolment.id, depth: 0, overrideAccess: true })
    expect(after.training).toBe(mine.id)
    expect((await payload.find({ collection: 'enrolments', where: { training: { equals: theirs.id } }, ...as(other) })).totalDocs).toBe(0)
  })

  it('refuses to swap the participant of an own enrolment for someone outside the scope', async () => {
    const [mover, other] = [await trainer('swap-a'), await trainer('swap-b')]
    const enrolment = await enrol(mover, (await training(mover, 'Ma formation 2')).id, (await person(mover, 'DIARRA', '+223 65 00 00 02')).id)
    const stranger = await person(other, 'KEÏTA', '+223 65 00 00 03')
    await expect(payload.update({ collection: 'enrolments', id: enrolment.id, data: { participant: stranger.id }, ...as(mover) })).rejects.toMatchObject({ data: { errors: [{ path: 'participant' }] } })
    expect(await sees(mover, stranger)).toBeNull()
  })

  it('refuses a next step whose source is another trainer’s training, on create and on update', async () => {
    const [writer, other] = [await trainer('ai-a'), await trainer('ai-b')]
    const mine = await training(writer, 'Ma formation 3')
    const theirs = await training(other, 'Leur formation 3')
    const item = (source: number) => ({ activity: 'Restituer la formation', status: 'toDo' as const, source: { relationTo: 'trainings' as const, value: source } })
    await expect(payload.create({ collection: 'action-items', data: item(theirs.id), ...as(writer) })).rejects.toMatchObject({ data: { errors: [{ path: 'source' }] } })
    const own = await payload.create({ collection: 'action-items', data: item(mine.id), ...as(writer) })
    await expect(payload.update({ collection: 'action-items', id: own.id, data: { source: { relationTo: 'trainings', value: theirs.id } }, ...as(writer) })).rejects.toMatchObject({ data: { errors: [{ path: 'source' }] } })
    expect((await payload.find({ collection: 'action-items', ...as(other) })).totalDocs).toBe(0)
    // Coordination works nationally: it may attach a next step to any training.
    expect(await allowed(() => payload.create({ collection: 'action-items', data: item(theirs.id), ...as(coordinator) }))).toBe(true)
  })
})
