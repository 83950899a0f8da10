import ExcelJS from 'exceljs'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Training, User } from '#cms/payload-types.ts'
import { up as repairFullNames } from '#cms/migrations/sqlite/20261201_080000_participant_full_names.ts'
import { importParticipants, previewImport, ZImportChoices } from '#cms/trainings/import.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// The registry of people trained: full names on every record, probable duplicates caught at creation and at
// import (accents, a typing slip, phones written differently), the import's preview and links, and new
// organisations created by coordinators in the same all-or-nothing write.
let payload: Payload
let coordination: User
const days = ['2026-05-04', '2026-05-05']
const idOf = async (collection: 'regions' | 'organisations', field: string, value: string) =>
  (await payload.find({ collection, where: { [field]: { equals: value } }, overrideAccess: true })).docs[0]!.id as number
beforeAll(async () => {
  payload = await testPortal()
  coordination = await accountByEmail(payload, 'coordination@example.org')
})

async function newTrainer(email: string): Promise<User> {
  return payload.create({ collection: 'users', data: { email, name: `Formateur ${email}`, password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true }, overrideAccess: true })
}
async function trainingOf(user: User, title: string): Promise<Training> {
  return payload.create({
    collection: 'trainings',
    data: { title, kind: 'workshop', status: 'planned', startDate: days[0]!, endDate: days[1]!, venue: 'Ségou', region: await idOf('regions', 'code', 'SEG'), organiser: await idOf('organisations', 'acronym', 'DNPEF'), trainers: [user.id] },
    user,
    overrideAccess: false,
  })
}
async function sheet(rows: (string | number)[][]): Promise<{ name: string; data: Buffer }> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Participants')
  ws.addRow(['Prénom', 'Nom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Téléphone', 'E-mail', 'Pré-test', 'Post-test', ...days])
  for (const r of rows) ws.addRow(r)
  return { name: 'participants.xlsx', data: Buffer.from(await workbook.xlsx.writeBuffer()) }
}
const reqOf = (user: User) => createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)

describe('full names', () => {
  it('gives every person of an import their full name, the new ones after the first and one already registered included', async () => {
    const trainer = await newTrainer('noms@example.org')
    const training = await trainingOf(trainer, 'Atelier des noms')
    const known = await payload.create({ collection: 'participants', data: { firstName: 'Kadiatou', lastName: 'Connue', sex: 'F', function: 'Éducatrice', organisation: await idOf('organisations', 'acronym', 'IRC'), region: await idOf('regions', 'code', 'SEG'), phone: '76554433' }, user: trainer, overrideAccess: false })
    const file = await sheet([
      ['Aïcha', 'Premièré', 'F', 'Gestionnaire de cas', 'Tdh', 'Ségou', '', '', 40, 70, 'P', 'P'],
      ['Kadiatou', 'Connue', 'F', 'Éducatrice', 'IRC', 'Ségou', '+223 76 55 44 33', '', 50, 80, 'P', 'P'],
      ['Bakary', 'Deuxième', 'M', 'Superviseur', 'IRC', 'Ségou', '', '', 45, 75, 'P', 'A'],
      ['Fanta', 'Troisième', 'F', 'Éducatrice', 'Tdh', 'Ségou', '', 'fanta@example.org', 30, 65, 'R', 'P'],
    ])
    expect(await importParticipants(await reqOf(trainer), training.id, file)).toEqual({ ok: true, created: 3, reused: 1, enrolments: 4, organisations: 0 })
    const { docs } = await payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, depth: 1, overrideAccess: true })
    const names = docs.map((e) => (typeof e.participant === 'object' ? e.participant.fullName : null)).sort()
    expect(names).toEqual(['CONNUE Kadiatou', 'DEUXIÈME Bakary', 'PREMIÈRÉ Aïcha', 'TROISIÈME Fanta'])
    expect(docs.some((e) => typeof e.participant === 'object' && e.participant.id === known.id)).toBe(true)
  })

  it('repairs records left without a full name', async () => {
    const trainer = await newTrainer('reparation@example.org')
    const person = await payload.create({ collection: 'participants', data: { firstName: 'Oumou', lastName: 'Sansnom', sex: 'F', function: 'Éducatrice', organisation: await idOf('organisations', 'acronym', 'IRC'), region: await idOf('regions', 'code', 'SEG') }, user: trainer, overrideAccess: false })
    await payload.db.updateOne({ collection: 'participants', id: person.id, data: { fullName: null } })
    expect((await payload.findByID({ collection: 'participants', id: person.id, overrideAccess: true })).fullName).toBeFalsy()
    await repairFullNames({ db: (payload.db as unknown as { drizzle: unknown }).drizzle, payload } as never)
    expect((await payload.findByID({ collection: 'participants', id: person.id, overrideAccess: true })).fullName).toBe('SANSNOM Oumou')
  })
})

describe('probable duplicates', () => {
  it('refuses a person created by hand with an accent and a letter different and the phone written another way, unless confirmed distinct', async () => {
    const trainer = await newTrainer('saisie@example.org')
    const base = { sex: 'M' as const, function: 'Éducateur', organisation: await idOf('organisations', 'acronym', 'Kanuya'), region: await idOf('regions', 'code', 'BKO') }
    const first = await payload.create({ collection: 'participants', data: { ...base, firstName: 'Seydou', lastName: 'Kéïta', phone: '76 98 76 54' }, user: trainer, overrideAccess: false })
    const again = { ...base, firstName: 'Seydu', lastName: 'KEITA', phone: '+223 76987654' }
    await expect(payload.create({ collection: 'participants', data: again, user: trainer, overrideAccess: false })).rejects.toMatchObject({
      data: { errors: [{ path: 'confirmedDistinct', message: expect.stringContaining(`KÉÏTA Seydou (n° ${first.id}, Kanuya)`) }] },
    })
    // Same e-mail in another case, name typed in the other order.
    await payload.update({ collection: 'participants', id: first.id, data: { email: 'seydou.keita@example.org' }, user: trainer, overrideAccess: false })
    await expect(payload.create({ collection: 'participants', data: { ...base, firstName: 'Keita', lastName: 'Seydou', email: 'Seydou.Keita@Example.org' }, user: trainer, overrideAccess: false })).rejects.toThrow()
    // Another trainer is told there may be someone, not who.
    const other = await newTrainer('autre.saisie@example.org')
    await expect(payload.create({ collection: 'participants', data: again, user: other, overrideAccess: false })).rejects.toMatchObject({
      data: { errors: [{ message: expect.not.stringContaining('KÉÏTA') }] },
    })
    expect((await payload.create({ collection: 'participants', data: { ...again, confirmedDistinct: true }, user: trainer, overrideAccess: false })).fullName).toBe('KEITA Seydu')
  })
})

describe('import preview and links', () => {
  it('lists a misspelt registry person for the row, refuses to guess, and links the row when the trainer says so', async () => {
    const trainer = await newTrainer('apercu@example.org')
    const training = await trainingOf(trainer, 'Atelier avec aperçu')
    const existing = await payload.create({ collection: 'participants', data: { firstName: 'Mariam', lastName: 'Coulibaly', sex: 'F', function: 'Gestionnaire de cas', organisation: await idOf('organisations', 'acronym', 'IRC'), region: await idOf('regions', 'code', 'SEG'), phone: '66 12 12 12' }, user: coordination, overrideAccess: false })
    const file = await sheet([
      ['Mariam', 'Coulibali', 'F', 'Gestionnaire de cas', 'IRC', 'Ségou', '+223 66 12 12 12', '', 40, 80, 'P', 'P'],
      ['Issa', 'Nouveau', 'M', 'Éducateur', 'IRC', 'Ségou', '', '', 35, 60, 'P', 'P'],
    ])
    const preview = await previewImport(await reqOf(trainer), training.id, file)
    expect(preview).toMatchObject({ ok: true, newOrganisations: [], canCreateOrganisations: false })
    if (!preview.ok) return
    // Outside the trainer's reach, yet shown: the row gives the person's phone.
    expect(preview.rows[0]).toMatchObject({ row: 2, fullName: 'COULIBALI Mariam', suggested: '', matches: [{ id: existing.id, fullName: 'COULIBALY Mariam', organisation: 'IRC', reasons: ['name', 'phone'] }] })
    expect(preview.rows[1]).toMatchObject({ row: 3, suggested: 'new', matches: [] })

    const before = (await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs
    const undecided = await importParticipants(await reqOf(trainer), training.id, file)
    expect(undecided).toMatchObject({ ok: false, errors: [{ row: 2, message: expect.stringContaining('COULIBALY Mariam') }] })
    expect((await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs).toBe(before)
    // A link to someone not offered for the row is refused.
    const forged = ZImportChoices.parse({ 'lien:2': String(existing.id + 1000) })
    expect(await importParticipants(await reqOf(trainer), training.id, file, undefined, forged)).toMatchObject({ ok: false, errors: [{ row: 2, message: expect.stringContaining('ne fait pas partie') }] })

    const linked = await importParticipants(await reqOf(trainer), training.id, file, undefined, ZImportChoices.parse({ 'lien:2': String(existing.id), 'lien:3': 'new' }))
    expect(linked).toEqual({ ok: true, created: 1, reused: 1, enrolments: 2, organisations: 0 })
    expect((await payload.count({ collection: 'participants', where: { lastName: { equals: 'Coulibali' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs).toBe(before + 1)
    // Enrolled in the trainer's training, the person is now within the trainer's reach.
    expect((await payload.findByID({ collection: 'participants', id: existing.id, user: trainer, overrideAccess: false })).fullName).toBe('COULIBALY Mariam')
  })

  it('names new organisations: a trainer is told to ask coordination, a coordinator creates them with the import, all or nothing', async () => {
    const trainer = await newTrainer('structures@example.org')
    const training = await trainingOf(trainer, 'Atelier des structures')
    const rows = [['Adama', 'Structuré', 'M', 'Éducateur', 'ONG Kènè', 'Ségou', '', '', 40, 70, 'P', 'P']]
    const trainerOutcome = await importParticipants(await reqOf(trainer), training.id, await sheet(rows))
    expect(trainerOutcome).toMatchObject({ ok: false, errors: [{ column: 'Structure', message: expect.stringMatching(/Structure inconnue : « ONG Kènè » \(ligne 2\)\. Demandez à la coordination/) }] })
    const preview = await previewImport(await reqOf(coordination), training.id, await sheet(rows))
    expect(preview).toMatchObject({ ok: true, newOrganisations: ['ONG Kènè'], canCreateOrganisations: true, rows: [{ newOrganisation: true }] })
    // Without name and kind, nothing is written.
    expect(await importParticipants(await reqOf(coordination), training.id, await sheet(rows))).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('nom complet et son type') }] })
    // A failure later in the write takes the new organisation away with it: the second row is the first one
    // typed again with a slip, which the registry refuses once the first is written.
    const choices = ZImportChoices.parse({ 'structure-nom:ONG Kènè': 'Association Kènè pour l’enfance', 'structure-type:ONG Kènè': 'nationalNgo' })
    const twice = [
      ['Adama', 'Structuré', 'M', 'Éducateur', 'ONG Kènè', 'Ségou', '76000001', '', 40, 70, 'P', 'P'],
      ['Adamma', 'Structuré', 'M', 'Éducateur', 'ONG Kènè', 'Ségou', '76000001', '', 40, 70, 'P', 'P'],
    ]
    const failed = await importParticipants(await reqOf(coordination), training.id, await sheet(twice), undefined, choices)
    expect(failed).toMatchObject({ ok: false, errors: [{ row: 3, message: expect.stringContaining('peut-être déjà enregistrée') }] })
    expect((await payload.count({ collection: 'organisations', where: { acronym: { equals: 'ONG Kènè' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'participants', where: { lastName: { equals: 'Structuré' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect(await importParticipants(await reqOf(coordination), training.id, await sheet(rows), undefined, choices)).toEqual({ ok: true, created: 1, reused: 0, enrolments: 1, organisations: 1 })
    const created = (await payload.find({ collection: 'organisations', where: { acronym: { equals: 'ONG Kènè' } }, overrideAccess: true })).docs[0]
    expect(created).toMatchObject({ name: 'Association Kènè pour l’enfance', kind: 'nationalNgo' })
  })
})

describe('merging two records of one person', () => {
  it('keeps the chosen values, the freshest organisation and region by default, and every enrolment', async () => {
    const { mergeParticipantRecords } = await import('#cms/collections/Participants/endpoints.ts')
    const trainer = await newTrainer('fusion@example.org')
    const older = await payload.create({ collection: 'participants', data: { firstName: 'Rokia', lastName: 'Sangaré', sex: 'F', function: 'Éducatrice', organisation: await idOf('organisations', 'acronym', 'IRC'), region: await idOf('regions', 'code', 'GAO'), phone: '76300000' }, user: coordination, overrideAccess: false })
    const newer = await payload.create({ collection: 'participants', data: { firstName: 'Rokiya', lastName: 'Sangare', sex: 'F', function: 'Superviseure', organisation: await idOf('organisations', 'acronym', 'Tdh'), region: await idOf('regions', 'code', 'SEG'), email: 'rokia@example.org', confirmedDistinct: true }, user: coordination, overrideAccess: false })
    const old = await payload.create({ collection: 'trainings', data: { title: 'Ancienne formation', kind: 'initial', status: 'done', startDate: '2023-03-01', endDate: '2023-03-02', venue: 'Gao', region: await idOf('regions', 'code', 'GAO'), organiser: await idOf('organisations', 'acronym', 'DNPEF'), trainers: [trainer.id] }, overrideAccess: true })
    const recent = await trainingOf(trainer, 'Formation récente')
    await payload.create({ collection: 'enrolments', data: { training: old.id, participant: older.id }, overrideAccess: true })
    await payload.create({ collection: 'enrolments', data: { training: recent.id, participant: newer.id }, overrideAccess: true })

    // The older record is kept, with the spelling of the newer one's first name.
    const merged = await mergeParticipantRecords(payload, { from: newer.id, into: older.id, choices: { firstName: 'from' }, actor: coordination, ip: null })
    expect(merged).toEqual({ from: newer.id, into: older.id, moved: 1 })
    const kept = await payload.findByID({ collection: 'participants', id: older.id, depth: 1, overrideAccess: true })
    expect(kept).toMatchObject({ firstName: 'Rokiya', fullName: 'SANGARÉ Rokiya', function: 'Éducatrice', phone: '76300000', email: 'rokia@example.org' })
    // An empty contact on the kept record never wins over the other's.
    // Seen last in 2026 under Tdh in Ségou: that is where the person works now.
    expect([typeof kept.organisation === 'object' ? kept.organisation?.acronym : null, typeof kept.region === 'object' ? kept.region?.code : null]).toEqual(['Tdh', 'SEG'])
    expect((await payload.count({ collection: 'enrolments', where: { participant: { equals: older.id } }, overrideAccess: true })).totalDocs).toBe(2)
    expect(await payload.findByID({ collection: 'participants', id: newer.id, overrideAccess: true, disableErrors: true })).toBeNull()
    // The trainer of the recent training now reaches the kept record.
    expect((await payload.findByID({ collection: 'participants', id: older.id, user: trainer, overrideAccess: false })).id).toBe(older.id)
  })
})

describe('contacts in the admin form', () => {
  it('shows phone and email to a trainer on a blank form and on their own participant, not on others', async () => {
    const { docAccessOperation } = await import('payload')
    const trainer = await newTrainer('formulaire@example.org')
    const config = payload.collections.participants.config
    const req = await reqOf(trainer)
    // Payload simplifies permissions that are all granted to `true`, at any level.
    type Perms = true | { fields?: true | Record<string, true | { read?: boolean }> }
    const readable = (perms: Perms, field: string) => {
      if (perms === true || perms.fields === true) return true
      const entry = perms.fields?.[field]
      return entry === true || entry?.read === true
    }
    const blank = await docAccessOperation({ collection: { config } as never, data: { _status: 'draft' }, req } as never)
    expect(readable(blank as Perms, 'phone')).toBe(true)
    expect(readable(blank as Perms, 'email')).toBe(true)
    const mine = await payload.create({ collection: 'participants', data: { firstName: 'Salif', lastName: 'Formulaire', sex: 'M', function: 'Éducateur', organisation: await idOf('organisations', 'acronym', 'IRC'), region: await idOf('regions', 'code', 'SEG'), phone: '76400000', email: 'salif@example.org' }, user: trainer, overrideAccess: false })
    const doc = await payload.findByID({ collection: 'participants', id: mine.id, depth: 0, user: trainer, overrideAccess: false })
    const edit = await docAccessOperation({ id: mine.id, collection: { config } as never, data: { ...doc, _status: 'draft' }, req } as never)
    expect(readable(edit as Perms, 'phone')).toBe(true)
    // A save that leaves the contacts out keeps them.
    await payload.update({ collection: 'participants', id: mine.id, data: { function: 'Superviseur' }, user: trainer, overrideAccess: false })
    expect(await payload.findByID({ collection: 'participants', id: mine.id, user: trainer, overrideAccess: false })).toMatchObject({ phone: '76400000', email: 'salif@example.org' })
    const other = await newTrainer('autre.formulaire@example.org')
    const stranger = await docAccessOperation({ id: mine.id, collection: { config } as never, data: { ...doc, _status: 'draft' }, req: await reqOf(other) } as never)
    expect(readable(stranger as Perms, 'phone')).toBe(false)
  })
})
