import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { audit, clientIp } from '../auth/audit.ts'
import { parseParticipantsFile, type TImportError, type TImportRow } from '../imports/participants.ts'
import { duplicateCandidates, trainingDays } from '../rules/trainings.ts'
import { idOf } from '../fields/relations.ts'
import { FOUND_BY_DETAILS } from '../collections/Trainings/shared.ts'

/** Outcome of an import: either everything was written, or nothing and the French errors by row and column. */
export type TImportOutcome = { ok: true; created: number; reused: number; enrolments: number } | { ok: false; errors: TImportError[] }

/**
 * Imports participants, attendance and scores into one training from a spreadsheet, all or nothing: the file is
 * validated entirely first, then written inside one database transaction that is rolled back on any failure.
 * `req` carries the person importing (access rules apply: a trainer imports only into their own trainings).
 */
export async function importParticipants(
  req: PayloadRequest,
  trainingId: string | number,
  file: { name: string; data: Buffer },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<TImportOutcome> {
  const { payload } = req
  const training = await payload.findByID({ collection: 'trainings', id: trainingId, depth: 0, user: req.user, overrideAccess: false, disableErrors: true })
  if (!training) return { ok: false, errors: [{ row: null, column: null, message: 'Formation introuvable, ou vous n’en êtes pas formateur.' }] }
  const [organisations, regions] = await Promise.all([
    payload.find({ collection: 'organisations', limit: 1000, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'regions', limit: 1000, depth: 0, overrideAccess: true }),
  ])
  const days = trainingDays(String(training.startDate).slice(0, 10), String(training.endDate).slice(0, 10))
  const parsed = await parseParticipantsFile(file, { days, organisations: organisations.docs.map((o) => o.acronym), regions: regions.docs.map((r) => r.name) })
  if (!parsed.ok) return parsed
  const orgId = new Map(organisations.docs.map((o) => [o.acronym.toLowerCase(), o.id]))
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  const regionId = new Map(regions.docs.map((r) => [fold(r.name), r.id]))

  const shouldCommit = await initTransaction(req)
  let created = 0
  let reused = 0
  let enrolments = 0
  try {
    for (const [i, row] of parsed.rows.entries()) {
      const participantId = await findOrCreateParticipant(req, row, orgId.get(row.organisation.toLowerCase())!, regionId.get(fold(row.region))!)
      if (participantId.created) created += 1
      else reused += 1
      const existing = await payload.find({ collection: 'enrolments', where: { and: [{ training: { equals: training.id } }, { participant: { equals: participantId.id } }] }, limit: 1, depth: 0, req, overrideAccess: true })
      const data = { training: training.id, participant: participantId.id as number, attendance: row.attendance, preTest: row.preTest, postTest: row.postTest }
      // A person found by their details may be enrolled although the importer's scope does not reach them yet.
      const context = { [FOUND_BY_DETAILS]: participantId.created ? undefined : participantId.id }
      if (existing.docs[0]) await payload.update({ collection: 'enrolments', id: existing.docs[0].id, data, req, user: req.user, overrideAccess: false, context })
      else await payload.create({ collection: 'enrolments', data, req, user: req.user, overrideAccess: false, context })
      enrolments += 1
      if ((i + 1) % 10 === 0 || i + 1 === parsed.rows.length) onProgress(i + 1, parsed.rows.length)
    }
    await audit(payload, { action: 'import.participants', actor: req.user as never, ip: clientIp(req.headers), details: { training: training.id, file: file.name, rows: parsed.rows.length, created, reused } }, req)
    if (shouldCommit) await commitTransaction(req)
    return { ok: true, created, reused, enrolments }
  } catch (error) {
    await killTransaction(req)
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, errors: [{ row: null, column: null, message: `L’import a échoué et rien n’a été enregistré : ${message}` }] }
  }
}

/** Reuses the registry's record for the same person (same name and phone or email), else registers them. */
async function findOrCreateParticipant(req: PayloadRequest, row: TImportRow, organisation: number | string, region: number | string): Promise<{ id: number | string; created: boolean }> {
  const { payload } = req
  const { docs } = await payload.find({ collection: 'participants', where: { lastName: { like: row.lastName.slice(0, 60) } }, limit: 200, depth: 0, req, overrideAccess: true })
  const match = duplicateCandidates(
    docs.map((d) => ({ id: d.id, firstName: d.firstName, lastName: d.lastName, phone: d.phone, email: d.email })),
    { id: 'new', firstName: row.firstName, lastName: row.lastName, phone: row.phone, email: row.email },
  )[0]
  if (match !== undefined) return { id: match, created: false }
  const doc = await payload.create({
    collection: 'participants',
    data: { firstName: row.firstName, lastName: row.lastName, sex: row.sex, function: row.function, organisation: organisation as number, region: region as number, phone: row.phone, email: row.email },
    req,
    user: req.user,
    overrideAccess: false,
  })
  return { id: idOf(doc)!, created: true }
}
