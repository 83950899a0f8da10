import ExcelJS from 'exceljs'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Training, User } from '#cms/payload-types.ts'
import { renderTrainingReportPdf } from '#cms/reports/training-report.ts'
import { importParticipants } from '#cms/trainings/import.ts'
import { trainingReportData } from '#cms/trainings/report-data.ts'
import { trainingStatistics } from '#cms/trainings/statistics.ts'
import { pdfText } from '../helpers/pdf.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

let payload: Payload
const users: Record<string, User> = {}
let demo: Training
beforeAll(async () => {
  payload = await testPortal()
  for (const email of ['admin', 'coordination', 'formateur', 'superviseur', 'gestionnaire', 'apprenant', 'editeur']) users[email] = await accountByEmail(payload, `${email}@example.org`)
  demo = (await payload.find({ collection: 'trainings', limit: 1, overrideAccess: true })).docs[0]!
})
const as = (who: string) => ({ user: users[who]!, overrideAccess: false as const })
const ids = async (collection: 'regions' | 'organisations', field: string, value: string) =>
  (await payload.find({ collection, where: { [field]: { equals: value } }, overrideAccess: true })).docs[0]!.id

async function newTrainer(email: string): Promise<User> {
  return payload.create({ collection: 'users', data: { email, name: `Formateur ${email}`, password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true }, overrideAccess: true })
}
async function trainingOf(trainer: User, title: string, start = '2026-03-02', end = '2026-03-04'): Promise<Training> {
  return payload.create({
    collection: 'trainings',
    data: { title, kind: 'initial', status: 'planned', startDate: start, endDate: end, venue: 'Mopti', region: (await ids('regions', 'code', 'MOP')) as number, organiser: (await ids('organisations', 'acronym', 'DNPEF')) as number },
    user: trainer,
    overrideAccess: false,
  })
}

describe('the demo training of trainers', () => {
  it('has 18 participants, 6 women and 12 men, over 5 days, and its report says so', async () => {
    const data = (await trainingReportData(payload, demo.id, users.formateur!))!
    expect(data.participants).toHaveLength(18)
    expect(data.participants.filter((p) => p.sex === 'F')).toHaveLength(6)
    expect(data.enrolments.every((e) => e.attendance.length === 5)).toBe(true)
    const text = await pdfText(await renderTrainingReportPdf(data))
    expect(text).toContain('18 participants, dont 6 femmes et 12 hommes')
    expect(text).toContain('À faire')
  })
})

describe('access to trainings (role × operation)', () => {
  it('lets trainers see and edit only the trainings they run; learners and others see nothing', async () => {
    const other = await newTrainer('autre.formateur@example.org')
    const mine = await trainingOf(other, 'Formation initiale à Mopti')
    expect((await payload.find({ collection: 'trainings', ...as('formateur') })).docs.map((t) => t.id)).not.toContain(mine.id)
    expect(await allowed(() => payload.update({ collection: 'trainings', id: mine.id, data: { venue: 'Sévaré' }, ...as('formateur') }))).toBe(false)
    expect(await allowed(() => payload.update({ collection: 'trainings', id: mine.id, data: { venue: 'Sévaré' }, user: other, overrideAccess: false }))).toBe(true)
    for (const who of ['apprenant', 'gestionnaire', 'superviseur', 'editeur']) {
      expect(await allowed(() => payload.find({ collection: 'trainings', ...as(who) })), who).toBe(false)
      expect(await allowed(() => payload.find({ collection: 'participants', ...as(who) })), who).toBe(false)
      expect(await allowed(() => payload.find({ collection: 'enrolments', ...as(who) })), who).toBe(false)
      // A supervisor reads action items, but only the agreed actions of the visits they reach, never a training's.
      if (who === 'superviseur') {
        const seen = await payload.find({ collection: 'action-items', depth: 0, limit: 100, ...as(who) })
        expect(seen.docs.filter((item) => item.source?.relationTo === 'trainings'), who).toEqual([])
      } else expect(await allowed(() => payload.find({ collection: 'action-items', ...as(who) })), who).toBe(false)
    }
    expect((await payload.find({ collection: 'trainings', ...as('coordination') })).totalDocs).toBeGreaterThanOrEqual(2)
    expect(await allowed(() => payload.delete({ collection: 'trainings', id: mine.id, ...as('formateur') }))).toBe(false)
  })

  it('shows participants’ phone and email to their trainers and coordinators only', async () => {
    const participant = (await payload.find({ collection: 'participants', limit: 1, ...as('formateur') })).docs[0]!
    expect(participant.phone).toMatch(/^\+?\d/)
    expect((await payload.findByID({ collection: 'participants', id: participant.id, ...as('coordination') })).phone).toBe(participant.phone)
    const other = await newTrainer('troisieme.formateur@example.org')
    expect(await allowed(() => payload.findByID({ collection: 'participants', id: participant.id, user: other, overrideAccess: false }))).toBe(false)
  })
})

describe('records that must be refused', () => {
  it('refuses scores outside 0–100, attendance outside the dates, a participant enrolled twice', async () => {
    const trainer = await newTrainer('regles@example.org')
    const training = await trainingOf(trainer, 'Formation des règles')
    const person = await payload.create({
      collection: 'participants',
      data: { firstName: 'Awa', lastName: 'Testeuse', sex: 'F', function: 'Gestionnaire de cas', organisation: (await ids('organisations', 'acronym', 'IRC')) as number, region: (await ids('regions', 'code', 'GAO')) as number },
      user: trainer,
      overrideAccess: false,
    })
    const enrol = (data: Record<string, unknown>) => payload.create({ collection: 'enrolments', data: { training: training.id, participant: person.id, ...data } as never, user: trainer, overrideAccess: false })
    await expect(enrol({ preTest: 120 })).rejects.toMatchObject({ data: { errors: [{ message: expect.stringMatching(/0 et 100/) }] } })
    await expect(enrol({ attendance: [{ date: '2026-03-09', status: 'present' }] })).rejects.toMatchObject({ data: { errors: [{ message: expect.stringMatching(/en dehors des dates/) }] } })
    await enrol({ attendance: [{ date: '2026-03-02', status: 'present' }], preTest: 40 })
    await expect(enrol({})).rejects.toMatchObject({ data: { errors: [{ message: expect.stringMatching(/déjà inscrit/) }] } })
    await expect(trainingOf(trainer, 'Dates inversées', '2026-05-10', '2026-05-01')).rejects.toThrow()
  })

  it('flags a possible duplicate before creating a person, unless confirmed distinct', async () => {
    const trainer = await newTrainer('doublons@example.org')
    const base = { firstName: 'Moussa', lastName: 'Doublon', sex: 'M' as const, function: 'Éducateur', organisation: (await ids('organisations', 'acronym', 'Kanuya')) as number, region: (await ids('regions', 'code', 'BKO')) as number, phone: '+223 76 11 22 33' }
    await payload.create({ collection: 'participants', data: base, user: trainer, overrideAccess: false })
    await expect(payload.create({ collection: 'participants', data: { ...base, phone: '76112233' }, user: trainer, overrideAccess: false })).rejects.toMatchObject({
      data: { errors: [{ path: 'confirmedDistinct', message: expect.stringMatching(/peut-être déjà enregistrée : DOUBLON Moussa/) }] },
    })
    expect((await payload.create({ collection: 'participants', data: { ...base, confirmedDistinct: true }, user: trainer, overrideAccess: false })).id).toBeTruthy()
  })
})

describe('spreadsheet import', () => {
  async function sheet(rows: (string | number)[][], days: string[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook()
    const ws = workbook.addWorksheet('Participants')
    ws.addRow(['Prénom', 'Nom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Téléphone', 'E-mail', 'Pré-test', 'Post-test', ...days])
    for (const r of rows) ws.addRow(r)
    return Buffer.from(await workbook.xlsx.writeBuffer())
  }
  const days = ['2026-04-06', '2026-04-07']

  it('imports participants, attendance and scores, and a second import of the same file changes nothing', async () => {
    const trainer = await newTrainer('import@example.org')
    const training = await trainingOf(trainer, 'Formation importée', days[0], days[1])
    const data = await sheet(
      [
        ['Fatoumata', 'Importée', 'F', 'Gestionnaire de cas', 'Tdh', 'Mopti', '+223 70 11 11 11', '', 30, 70, 'P', 'R'],
        ['Oumar', 'Importé', 'M', 'Superviseur', 'IRC', 'Gao', '', 'oumar.importe@example.org', 45, 80, 'P', 'A'],
      ],
      days,
    )
    const req = await createLocalReq({ user: trainer }, payload)
    const first = await importParticipants(req, training.id, { name: 'participants.xlsx', data })
    expect(first).toEqual({ ok: true, created: 2, reused: 0, enrolments: 2, organisations: 0 })
    const second = await importParticipants(await createLocalReq({ user: trainer }, payload), training.id, { name: 'participants.xlsx', data })
    expect(second).toEqual({ ok: true, created: 0, reused: 2, enrolments: 2, organisations: 0 })
    const { docs } = await payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, depth: 0, overrideAccess: true })
    expect(docs).toHaveLength(2)
    expect(docs.map((d) => d.postTest).sort()).toEqual([70, 80])
    expect(docs.flatMap((d) => d.attendance ?? []).map((a) => a.status).sort()).toEqual(['absent', 'late', 'present', 'present'])
  })

  it('writes nothing when one row is bad, and says which row and column', async () => {
    const trainer = await newTrainer('import2@example.org')
    const training = await trainingOf(trainer, 'Formation refusée', days[0], days[1])
    const before = (await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs
    const data = await sheet(
      [
        ['Aminata', 'Valide', 'F', 'Gestionnaire de cas', 'Tdh', 'Mopti', '', '', 30, 70, 'P', 'P'],
        ['Karim', 'Invalide', 'X', 'Superviseur', 'Inconnue', 'Gao', '', '', 130, 80, 'P', 'Z'],
      ],
      days,
    )
    const outcome = await importParticipants(await createLocalReq({ user: trainer }, payload), training.id, { name: 'participants.xlsx', data })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    const columns = outcome.errors.filter((e) => e.row === 3).map((e) => e.column)
    // An unknown organisation is not an error of the file: the preview shows it (tests/int/participants-registry.test.ts).
    expect(columns).toEqual(['Sexe', 'Pré-test', '2026-04-07'])
    expect((await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs).toBe(before)
    expect((await payload.count({ collection: 'enrolments', where: { training: { equals: training.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('refuses a file that is not a spreadsheet, and imports into another trainer’s training', async () => {
    const trainer = await newTrainer('import3@example.org')
    const training = await trainingOf(trainer, 'Formation protégée', days[0], days[1])
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const notSheet = await importParticipants(await createLocalReq({ user: trainer }, payload), training.id, { name: 'photo.xlsx', data: png })
    expect(notSheet).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/n’est pas un tableur/) }] })
    const intruder = await importParticipants(await createLocalReq({ user: users.formateur! }, payload), training.id, { name: 'x.csv', data: Buffer.from('a;b') })
    expect(intruder).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/introuvable/) }] })
  })
})

describe('statistics', () => {
  it('counts each person once, by sex and organisation, within what the reader may see', async () => {
    const { stats, byRegionAndQuarter } = await trainingStatistics(payload, users.formateur!)
    expect(stats.people).toBe(18)
    expect(stats.women).toBe(6)
    expect(stats.byOrganisation.find((r) => r.key === 'DNPEF')?.total).toBe(3)
    expect(byRegionAndQuarter.quarters).toContain('2024-T3')
    const coordination = await trainingStatistics(payload, users.coordination!)
    expect(coordination.stats.people).toBeGreaterThanOrEqual(18)
  })
})
