import { addDataAndFileToRequest, type Endpoint, type PayloadHandler } from 'payload'
import { z } from 'zod'
import { importTemplate } from '../../imports/participants.ts'
import { renderAttendanceSheetPdf, renderTrainingReportDocx, renderTrainingReportPdf } from '../../reports/training-report.ts'
import { can } from '../../rules/roles.ts'
import { trainingDays } from '../../rules/trainings.ts'
import { importParticipants } from '../../trainings/import.ts'
import { trainingReportData } from '../../trainings/report-data.ts'
import { statisticsRows, tableFile, trainingStatistics } from '../../trainings/statistics.ts'
import { audit, clientIp } from '../../auth/audit.ts'
import type { User } from '../../payload-types.ts'

const fail = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })
const file = (body: Buffer, type: string, name: string) =>
  new Response(new Uint8Array(body), { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' } })
const staff = (req: Parameters<PayloadHandler>[0]) => can(req.user as never, 'runTrainings')
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)

const ZReportQuery = z.object({ format: z.enum(['pdf', 'docx'], { error: 'Paramètre « format » invalide : pdf ou docx.' }).default('pdf') })

/** GET /api/trainings/:id/report?format=pdf|docx — the training report, figures computed from the records. */
const report: PayloadHandler = async (req) => {
  if (!staff(req)) return fail(403, 'Réservé aux formateurs, à la coordination et aux administrateurs.')
  const query = ZReportQuery.safeParse(Object.fromEntries(req.searchParams))
  if (!query.success) return fail(400, query.error.issues[0]!.message)
  const data = await trainingReportData(req.payload, req.routeParams?.id as string, req.user as User)
  if (!data) return fail(404, 'Formation introuvable, ou vous n’en êtes pas formateur.')
  const name = `rapport-${slug(data.title)}`
  return query.data.format === 'pdf'
    ? file(await renderTrainingReportPdf(data), 'application/pdf', `${name}.pdf`)
    : file(await renderTrainingReportDocx(data), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${name}.docx`)
}

/** GET /api/trainings/:id/attendance-sheet — printable attendance sheet (one signature column per day). */
const attendanceSheet: PayloadHandler = async (req) => {
  if (!staff(req)) return fail(403, 'Réservé aux formateurs, à la coordination et aux administrateurs.')
  const data = await trainingReportData(req.payload, req.routeParams?.id as string, req.user as User)
  if (!data) return fail(404, 'Formation introuvable, ou vous n’en êtes pas formateur.')
  return file(await renderAttendanceSheetPdf(data), 'application/pdf', `emargement-${slug(data.title)}.pdf`)
}

/** GET /api/trainings/import-template[?training=id] — XLSX template with the training's day columns. */
const template: PayloadHandler = async (req) => {
  if (!staff(req)) return fail(403, 'Réservé aux formateurs, à la coordination et aux administrateurs.')
  const id = req.searchParams.get('training')
  const training = id ? await req.payload.findByID({ collection: 'trainings', id, depth: 0, user: req.user, overrideAccess: false, disableErrors: true }) : null
  if (id && !training) return fail(404, 'Formation introuvable, ou vous n’en êtes pas formateur.')
  const [organisations, regions] = await Promise.all([
    req.payload.find({ collection: 'organisations', limit: 1000, depth: 0, sort: 'acronym', overrideAccess: true }),
    req.payload.find({ collection: 'regions', limit: 1000, depth: 0, sort: 'order', overrideAccess: true }),
  ])
  // Without a training, a five-day week starting next Monday shows the shape of the day columns.
  const monday = new Date()
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7))
  const start = training ? String(training.startDate).slice(0, 10) : monday.toISOString().slice(0, 10)
  const end = training ? String(training.endDate).slice(0, 10) : new Date(monday.getTime() + 4 * 86_400_000).toISOString().slice(0, 10)
  const body = await importTemplate({ title: training?.title ?? 'Modèle d’import des participants', days: trainingDays(start, end), organisations: organisations.docs.map((o) => o.acronym), regions: regions.docs.map((r) => r.name) })
  return file(body, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `modele-import-${training ? slug(training.title) : 'participants'}.xlsx`)
}

/**
 * POST /api/trainings/:id/import (multipart, field `file`) — all-or-nothing import. The answer streams progress
 * as JSON lines ({"type":"progress","done":n,"total":N}) then {"type":"done",…} or {"type":"errors",…}.
 */
const importFile: PayloadHandler = async (req) => {
  if (!staff(req)) return fail(403, 'Réservé aux formateurs, à la coordination et aux administrateurs.')
  await addDataAndFileToRequest(req)
  if (!req.file) return fail(400, 'Joignez un fichier XLSX ou CSV dans le champ « file ».')
  const upload = { name: req.file.name, data: req.file.data }
  const encoder = new TextEncoder()
  const stream = new ReadableStream({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`))
      try {
        const outcome = await importParticipants(req, req.routeParams?.id as string, upload, (done, total) => send({ type: 'progress', done, total }))
        send(outcome.ok ? { type: 'done', ...outcome } : { type: 'errors', errors: outcome.errors })
      } catch (error) {
        send({ type: 'errors', errors: [{ row: null, column: null, message: `Erreur inattendue, rien n’a été enregistré : ${(error as Error).message}` }] })
      } finally {
        controller.close()
      }
    },
  })
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } })
}

const ZExportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'Paramètre « format » invalide : csv ou xlsx.' }).default('csv'),
  contenu: z.enum(['agregats', 'personnes'], { error: 'Paramètre « contenu » invalide : agregats ou personnes.' }).default('agregats'),
})
const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

/**
 * GET /api/trainings/statistics?format=csv|xlsx&contenu=agregats|personnes — the aggregates (no personal data)
 * or the list of people trained (personal data: the export is written to the audit log).
 */
const statisticsExport: PayloadHandler = async (req) => {
  if (!staff(req)) return fail(403, 'Réservé aux formateurs, à la coordination et aux administrateurs.')
  const query = ZExportQuery.safeParse(Object.fromEntries(req.searchParams))
  if (!query.success) return fail(400, query.error.issues[0]!.message)
  const { stats, records } = await trainingStatistics(req.payload, req.user as User)
  if (query.data.contenu === 'agregats') return file(await tableFile(statisticsRows(stats), query.data.format, 'Statistiques'), TYPES[query.data.format], `statistiques-formations.${query.data.format}`)
  const rows = [['Nom', 'Prénom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Type de formation', 'Région de la formation', 'Début'], ...records.map((r) => [r.participant.lastName, r.participant.firstName, r.participant.sex, r.participant.function, r.participant.organisation, r.participant.region, r.trainingKind, r.trainingRegion, r.startDate])]
  await audit(req.payload, { action: 'export.personalData', actor: req.user as never, ip: clientIp(req.headers), details: { what: 'people-trained', format: query.data.format, rows: records.length } })
  return file(await tableFile(rows, query.data.format, 'Personnes formées'), TYPES[query.data.format], `personnes-formees.${query.data.format}`)
}

/** Custom routes of the trainings collection. */
export const trainingEndpoints: Endpoint[] = [
  { path: '/import-template', method: 'get', handler: template },
  { path: '/statistics', method: 'get', handler: statisticsExport },
  { path: '/:id/report', method: 'get', handler: report },
  { path: '/:id/attendance-sheet', method: 'get', handler: attendanceSheet },
  { path: '/:id/import', method: 'post', handler: importFile },
]
