// A portal process that imports a large participants file and says how far it got, for the fault test that kills
// it midway (tests/int/fault-import-killed.test.ts). Runs Payload on DATABASE_URL like the portal does; prints one
// JSON line per event: `{"state": …}` before the import, `{"progress": n, "total": t}`, then `{"outcome": …}`.
import { randomBytes } from 'node:crypto'
import { createLocalReq, type PayloadRequest } from 'payload'
import { startPortal } from '#cms/portal.ts'
import { importParticipants, ZImportChoices } from '#cms/trainings/import.ts'
import { trainingDays } from '#cms/rules/trainings.ts'
import { IMPORT_COLUMNS } from '#cms/imports/participants.ts'

const ROWS = Number(process.env.IMPORT_ROWS ?? 1200)
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)

const payload = await startPortal()
const coordinator = (await payload.find({ collection: 'users', where: { email: { equals: 'coordination@example.org' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]!
const training = (await payload.find({ collection: 'trainings', sort: 'id', limit: 1, depth: 0, overrideAccess: true })).docs[0]!
const days = trainingDays(String(training.startDate).slice(0, 10), String(training.endDate).slice(0, 10))
const organisation = (await payload.find({ collection: 'organisations', limit: 1, depth: 0, overrideAccess: true })).docs[0]!
const region = (await payload.find({ collection: 'regions', limit: 1, depth: 0, overrideAccess: true })).docs[0]!
// A registry person already enrolled in the training: the file gives their phone, so the import updates their marks.
const enrolment = (
  await payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, limit: 50, depth: 1, overrideAccess: true, showHiddenFields: true })
).docs.find((e) => typeof e.participant === 'object' && e.participant?.phone)!
const known = enrolment.participant as Exclude<typeof enrolment.participant, number>

// Names far apart from each other (random letters), so the registry's duplicate check lets every new person in.
const word = () => Array.from(randomBytes(9), (b) => String.fromCharCode(97 + (b % 26))).join('')
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1)
const csvRow = (cells: (string | number)[]) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(';')
const lines = [csvRow([...IMPORT_COLUMNS, ...days])]
lines.push(csvRow([known.firstName, known.lastName, known.sex, known.function, organisation.acronym, region.name, known.phone!, '', 12, 99, ...days.map(() => 'A')]))
for (let i = 1; i < ROWS; i++) {
  // The first new person belongs to a new organisation, which the coordinator creates with the import.
  lines.push(csvRow([capital(word()), capital(word()), i % 2 ? 'F' : 'M', 'Travailleur social', i === 1 ? 'NOUVELLE-STRUCTURE' : organisation.acronym, region.name, '', '', 40, 70, ...days.map(() => 'P')]))
}
const choices = ZImportChoices.parse({ 'structure-nom:NOUVELLE-STRUCTURE': 'Structure créée par l’import', 'structure-type:NOUVELLE-STRUCTURE': 'nationalNgo' })

say({
  state: {
    training: training.id,
    participants: (await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs,
    enrolments: (await payload.count({ collection: 'enrolments', where: { training: { equals: training.id } }, overrideAccess: true })).totalDocs,
    organisations: (await payload.count({ collection: 'organisations', overrideAccess: true })).totalDocs,
    known: { enrolment: enrolment.id, attendance: enrolment.attendance, preTest: enrolment.preTest, postTest: enrolment.postTest },
  },
})
const req = (await createLocalReq({ user: { ...coordinator, collection: 'users' } as never }, payload)) as PayloadRequest
const outcome = await importParticipants(req, training.id, { name: 'grand-fichier.csv', data: Buffer.from(lines.join('\n')) }, (done, total) => say({ progress: done, total }), choices)
say({ outcome })
process.exit(0)
