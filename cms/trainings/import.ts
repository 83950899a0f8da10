import { commitTransaction, initTransaction, killTransaction, ValidationError, type PayloadRequest } from 'payload'
import { z } from 'zod'
import { audit, clientIp } from '../auth/audit.ts'
import { ORGANISATION_KINDS } from '../collections/Organisations.ts'
import { idOf } from '../fields/relations.ts'
import { parseParticipantsFile, type TImportError, type TImportRow } from '../imports/participants.ts'
import { fullNameOf, type TMatchReason } from '../rules/duplicates.ts'
import { can } from '../rules/roles.ts'
import { reaches, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../rules/scope.ts'
import { normaliseName, trainingDays } from '../rules/trainings.ts'
import type { Enrolment, Organisation, Region, Training } from '../payload-types.ts'
import { enrolParticipant, registerParticipant } from './enrolment.ts'
import { closeImportJournal, openImportJournal } from './import-journal.ts'
import { matchesIn, registryIdentities, type TRegistryPerson } from './registry.ts'

// Import of a training's participants from a spreadsheet, in two steps: a preview (each row with the registry
// people it probably is, and the organisations the file names that do not exist yet), then the import itself,
// all or nothing, with the importer's choices: which row is which existing person, and — for coordinators —
// the new organisations' names and kinds. docs/kits.md "Spreadsheet import" describes the flow.

/** A registry person a row probably is, as the importer may see them. */
export type TRowMatch = { id: number | string; fullName: string; organisation: string; reasons: TMatchReason[]; exactName: boolean }
export type TPreviewRow = { row: number; fullName: string; sex: string; organisation: string; newOrganisation: boolean; matches: TRowMatch[]; suggested: string }
export type TImportPreview =
  | { ok: true; rows: TPreviewRow[]; newOrganisations: string[]; canCreateOrganisations: boolean }
  | { ok: false; errors: TImportError[] }

/** Outcome of an import: either everything was written, or nothing and the French errors by row and column. */
export type TImportOutcome = { ok: true; created: number; reused: number; enrolments: number; organisations: number } | { ok: false; errors: TImportError[] }

/** The value of a row's choice that registers the row as a new person. */
export const NEW_PERSON = 'new'
const KIND_VALUES = ORGANISATION_KINDS.map((k) => k.value) as [string, ...string[]]

/**
 * The importer's choices, from the confirmation form's fields (or the same fields sent to the API as `_payload`):
 * `lien:<row>` = a registry id or "new"; `structure-nom:<acronym>` and `structure-type:<acronym>` per new organisation.
 */
export const ZImportChoices = z.record(z.string(), z.unknown()).transform((fields) => {
  const links = new Map<number, string>()
  const organisations = new Map<string, { name: string; kind: string }>()
  for (const [key, raw] of Object.entries(fields)) {
    const value = typeof raw === 'string' ? raw.trim() : ''
    const [kind, subject = ''] = key.split(/:(.*)/s)
    if (kind === 'lien' && /^\d+$/.test(subject) && /^[A-Za-z0-9]{1,40}$/.test(value)) links.set(Number(subject), value)
    else if (kind === 'structure-nom') organisations.set(subject, { ...(organisations.get(subject) ?? { kind: '' }), name: value.slice(0, 200) })
    else if (kind === 'structure-type') organisations.set(subject, { ...(organisations.get(subject) ?? { name: '' }), kind: value })
  }
  return { links, organisations }
})
export type TImportChoices = z.infer<typeof ZImportChoices>
const NO_CHOICES: TImportChoices = { links: new Map(), organisations: new Map() }

type TPrepared = {
  training: Training
  rows: TImportRow[]
  organisationId: Map<string, number | string>
  regionId: Map<string, number | string>
  newOrganisations: string[]
  registry: TRegistryPerson[]
  acronymOf: Map<string, string>
}

/** Reads the training (as the importer), the reference lists, the file and the registry; null training = not theirs. */
async function prepare(req: PayloadRequest, trainingId: string | number, file: { name: string; data: Buffer }): Promise<{ ok: true; value: TPrepared } | { ok: false; errors: TImportError[] }> {
  const { payload } = req
  const training = await payload.findByID({ collection: 'trainings', id: trainingId, depth: 0, user: req.user, overrideAccess: false, disableErrors: true })
  if (!training) return { ok: false, errors: [{ row: null, column: null, message: 'Formation introuvable, ou vous n’en êtes pas formateur.' }] }
  const [organisations, regions] = await Promise.all([
    payload.find({ collection: 'organisations', limit: 0, pagination: false, depth: 0, overrideAccess: true, req }),
    payload.find({ collection: 'regions', limit: 0, pagination: false, depth: 0, overrideAccess: true, req }),
  ])
  const days = trainingDays(String(training.startDate).slice(0, 10), String(training.endDate).slice(0, 10))
  const parsed = await parseParticipantsFile(file, { days, organisations: organisations.docs.map((o) => o.acronym), regions: regions.docs.map((r) => r.name), acceptNewOrganisations: true })
  if (!parsed.ok) return parsed
  const organisationId = new Map<string, number | string>(organisations.docs.map((o: Organisation) => [normaliseName(o.acronym), o.id]))
  const newOrganisations = [...new Map(parsed.rows.filter((r) => !organisationId.has(normaliseName(r.organisation))).map((r) => [normaliseName(r.organisation), r.organisation])).values()]
  return {
    ok: true,
    value: {
      training,
      rows: parsed.rows,
      organisationId,
      regionId: new Map(regions.docs.map((r: Region) => [normaliseName(r.name), r.id])),
      newOrganisations,
      registry: await registryIdentities(payload, req),
      acronymOf: new Map(organisations.docs.map((o) => [String(o.id), o.acronym])),
    },
  }
}

/**
 * The registry people a row probably is, as the importer may see them: people within the importer's scope, and
 * people outside it only when the row gives their phone or e-mail (the importer already knows them). A bare name
 * never reveals someone the importer does not reach.
 */
function visibleMatches(req: PayloadRequest, prepared: TPrepared, row: TImportRow): TRowMatch[] {
  const user = req.user as ScopeHolder
  return matchesIn(prepared.registry, row)
    .filter((m) => m.reasons.includes('phone') || m.reasons.includes('email') || reaches(user, 'trainings', m.person as never, TRAINING_SCOPE_FIELDS))
    .map((m) => ({ id: m.id, fullName: m.person.fullName || fullNameOf(m.person), organisation: prepared.acronymOf.get(String(m.person.organisation)) ?? '', reasons: m.reasons, exactName: m.exactName }))
}

/** What the import proposes when the importer says nothing: the same name with the same phone or e-mail is the same person. */
function suggestion(matches: TRowMatch[]): string {
  const sure = matches.find((m) => m.exactName && m.reasons.length > 1)
  return sure ? String(sure.id) : matches.length > 0 ? '' : NEW_PERSON
}

/** The preview of an import: every row with its probable registry matches, and the organisations to create. */
export async function previewImport(req: PayloadRequest, trainingId: string | number, file: { name: string; data: Buffer }): Promise<TImportPreview> {
  const prepared = await prepare(req, trainingId, file)
  if (!prepared.ok) return prepared
  const { rows, organisationId, newOrganisations } = prepared.value
  return {
    ok: true,
    newOrganisations,
    canCreateOrganisations: can(req.user as never, 'coordinate'),
    rows: rows.map((row) => {
      const matches = visibleMatches(req, prepared.value, row)
      return { row: row.row, fullName: fullNameOf(row), sex: row.sex, organisation: row.organisation, newOrganisation: !organisationId.has(normaliseName(row.organisation)), matches, suggested: suggestion(matches) }
    }),
  }
}

/**
 * Imports participants, attendance and scores into one training from a spreadsheet, all or nothing: the file and
 * the choices are checked entirely first, then written inside one database transaction that is rolled back on
 * any failure. `req` carries the person importing (access rules apply: a trainer imports only into their own
 * trainings, and only coordinators create organisations). Without a choice for a row, the same name with the
 * same phone or e-mail is taken as the registry's person, no match means a new person, and a doubtful match
 * stops the import until the importer decides in the preview.
 */
export async function importParticipants(
  req: PayloadRequest,
  trainingId: string | number,
  file: { name: string; data: Buffer },
  onProgress: (done: number, total: number) => void = () => {},
  choices: TImportChoices = NO_CHOICES,
): Promise<TImportOutcome> {
  const { payload } = req
  const prepared = await prepare(req, trainingId, file)
  if (!prepared.ok) return prepared
  const { training, rows, organisationId, regionId, newOrganisations } = prepared.value
  const errors: TImportError[] = []

  // New organisations: a coordinator names and classes them; anyone else learns whom to ask.
  const toCreate: { acronym: string; name: string; kind: string }[] = []
  const coordinator = can(req.user as never, 'coordinate')
  for (const acronym of newOrganisations) {
    const rowsNaming = rows.filter((r) => normaliseName(r.organisation) === normaliseName(acronym)).map((r) => r.row)
    const where = `ligne${rowsNaming.length > 1 ? 's' : ''} ${rowsNaming.join(', ')}`
    if (!coordinator) {
      errors.push({ row: null, column: 'Structure', message: `Structure inconnue : « ${acronym} » (${where}). Demandez à la coordination de l’ajouter aux structures, ou corrigez le sigle, puis importez de nouveau.` })
      continue
    }
    const chosen = [...choices.organisations.entries()].find(([key]) => normaliseName(key) === normaliseName(acronym))?.[1]
    if (!chosen?.name || !KIND_VALUES.includes(chosen.kind)) {
      errors.push({ row: null, column: 'Structure', message: `Nouvelle structure « ${acronym} » (${where}) : indiquez son nom complet et son type dans l’aperçu pour la créer avec l’import.` })
      continue
    }
    toCreate.push({ acronym, name: chosen.name, kind: chosen.kind })
  }

  // Which person each row is: the importer's choice among the matches shown, else the import's suggestion.
  const decisions = rows.map((row) => {
    const matches = visibleMatches(req, prepared.value, row)
    const chosen = choices.links.get(row.row) ?? suggestion(matches)
    if (chosen === NEW_PERSON) return { row, personId: null, confirmedDistinct: matches.length > 0 }
    if (chosen === '') {
      errors.push({ row: row.row, column: null, message: `${fullNameOf(row)} est peut-être déjà au registre : ${matches.map((m) => `${m.fullName} (n° ${m.id}${m.organisation ? `, ${m.organisation}` : ''})`).join(' ; ')}. Dans l’aperçu, reliez la ligne à la personne existante ou choisissez « nouvelle personne ».` })
      return null
    }
    const match = matches.find((m) => String(m.id) === chosen)
    if (!match) {
      errors.push({ row: row.row, column: null, message: `Le lien choisi (n° ${chosen}) ne fait pas partie des personnes proposées pour cette ligne : refaites l’aperçu du fichier.` })
      return null
    }
    return { row, personId: match.id, confirmedDistinct: false }
  })
  if (errors.length > 0) return { ok: false, errors }

  // The journal first: if this process dies before the end, the next start takes back what the import wrote
  // (cms/trainings/import-journal.ts). It lists the enrolments the import will update with their current marks.
  const reused = decisions.flatMap((d) => (d!.personId === null ? [] : [d!.personId]))
  const enrolled = reused.length
    ? (await payload.find({ collection: 'enrolments', where: { and: [{ training: { equals: training.id } }, { participant: { in: reused } }] }, limit: 0, pagination: false, depth: 0, req, overrideAccess: true })).docs
    : []
  const journal = await openImportJournal(payload, {
    training: training.id,
    organisations: toCreate.map((o) => o.acronym),
    people: decisions.flatMap((d) => (d!.personId === null ? [{ firstName: d!.row.firstName, lastName: d!.row.lastName }] : [])),
    reused,
    updated: enrolled.map((e) => ({ id: e.id, before: marksOf(e) })),
  })
  const shouldCommit = await initTransaction(req)
  // Payload's SQLite adapter runs without database transactions (MongoDB has them): there, what was written is
  // undone by hand when a later row fails, so the import stays all or nothing on both.
  const written: Written[] = []
  let created = 0
  let reusedCount = 0
  let enrolments = 0
  let current: number | null = null
  try {
    for (const organisation of toCreate) {
      const doc = await payload.create({ collection: 'organisations', data: { acronym: organisation.acronym, name: organisation.name, kind: organisation.kind as never }, req, user: req.user, overrideAccess: false })
      written.push({ collection: 'organisations', id: doc.id })
      organisationId.set(normaliseName(organisation.acronym), doc.id)
    }
    for (const [i, decision] of decisions.entries()) {
      const { row } = decision!
      current = row.row
      let participantId = decision!.personId
      if (participantId === null) {
        const doc = await registerParticipant(req, {
          firstName: row.firstName,
          lastName: row.lastName,
          sex: row.sex,
          function: row.function,
          organisation: organisationId.get(normaliseName(row.organisation)) as number,
          region: regionId.get(normaliseName(row.region)) as number,
          phone: row.phone,
          email: row.email,
          confirmedDistinct: decision!.confirmedDistinct,
        })
        written.push({ collection: 'participants', id: doc.id })
        participantId = idOf(doc)!
        created += 1
      } else reusedCount += 1
      const existing = (await payload.find({ collection: 'enrolments', where: { and: [{ training: { equals: training.id } }, { participant: { equals: participantId } }] }, limit: 1, depth: 0, req, overrideAccess: true })).docs[0]
      const marks = { attendance: row.attendance, preTest: row.preTest, postTest: row.postTest }
      // A person found by their details may be enrolled although the importer's scope does not reach them yet.
      const foundByDetails = decision!.personId !== null
      if (existing) {
        written.push({ collection: 'enrolments', id: existing.id, before: marksOf(existing) })
        await payload.update({ collection: 'enrolments', id: existing.id, data: marks, req, user: req.user, overrideAccess: false })
      } else {
        const doc = await enrolParticipant(req, training.id, participantId, marks, foundByDetails)
        written.push({ collection: 'enrolments', id: doc.id })
      }
      enrolments += 1
      if ((i + 1) % 10 === 0 || i + 1 === decisions.length) onProgress(i + 1, decisions.length)
    }
    current = null
    await audit(payload, { action: 'import.participants', actor: req.user as never, ip: clientIp(req.headers), details: { training: training.id, file: file.name, rows: rows.length, created, reused: reusedCount, organisations: toCreate.map((o) => o.acronym) } }, req)
    if (shouldCommit) await commitTransaction(req)
    await closeImportJournal(payload, journal)
    return { ok: true, created, reused: reusedCount, enrolments, organisations: toCreate.length }
  } catch (error) {
    await killTransaction(req)
    if (!shouldCommit) await undo(req, written)
    // Taken back in-process: nothing left for the start-up recovery (if the undo itself failed, the journal stays).
    await closeImportJournal(payload, journal)
    // A refused record (a probable duplicate the importer cannot see, a rule of the registry) names its row.
    const message = error instanceof ValidationError ? error.data.errors.map((e) => e.message).join(' ') : error instanceof Error ? error.message : String(error)
    return { ok: false, errors: [{ row: current, column: null, message: `L’import a échoué et rien n’a été enregistré : ${message}` }] }
  }
}

/** A record the import wrote: created (deleted on undo), or an enrolment updated (its previous marks restored). */
type Written =
  | { collection: 'organisations' | 'participants' | 'enrolments'; id: number | string; before?: undefined }
  | { collection: 'enrolments'; id: number | string; before: TMarks }
type TMarks = { attendance: { date: string; status: 'present' | 'absent' | 'late' | 'excused' }[]; preTest: number | null; postTest: number | null }

/** An enrolment's marks as the import overwrites them (restored by an undo). */
function marksOf(enrolment: Enrolment): TMarks {
  return { attendance: (enrolment.attendance ?? []).map(({ date, status }) => ({ date, status })), preTest: enrolment.preTest ?? null, postTest: enrolment.postTest ?? null }
}

/** Takes back what a failed import wrote, last first, as the system: the import is all or nothing. */
async function undo(req: PayloadRequest, written: Written[]): Promise<void> {
  for (const record of [...written].reverse()) {
    if (record.before) await req.payload.update({ collection: 'enrolments', id: record.id, data: record.before, overrideAccess: true, req })
    else await req.payload.delete({ collection: record.collection, id: record.id, overrideAccess: true, req })
  }
}
