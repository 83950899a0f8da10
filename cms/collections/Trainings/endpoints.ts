import { addDataAndFileToRequest, type Endpoint, type PayloadHandler } from 'payload'
import { importTemplate } from '../../imports/participants.ts'
import { renderAttendanceSheetPdf, renderTrainingReportDocx, renderTrainingReportPdf } from '../../reports/training-report.ts'
import { trainingDays } from '../../rules/trainings.ts'
import { importParticipants, ZImportChoices } from '../../trainings/import.ts'
import { trainingReportData } from '../../trainings/report-data.ts'
import { reportLetterhead } from '../../globals/Letterhead.ts'
import { statisticsQuery, statisticsRows, trainingStatistics } from '../../trainings/statistics.ts'
import { ERROR_CATALOGUE, PortalError } from '../../endpoints/errors.ts'
import { download, fileSlug, personalDataDownload } from '../../endpoints/download.ts'
import { requireCapability } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { choiceParam } from '../../endpoints/params.ts'
import { exportTable, tableFormat } from '../../endpoints/table-export.ts'

/** GET /api/trainings/:id/report?format=pdf|docx — the training report, figures computed from the records. */
const report: PayloadHandler = async (req) => {
  const user = requireCapability(req, 'runTrainings')
  const format = choiceParam(req.searchParams, 'format', ['pdf', 'docx'], 'pdf')
  const data = await trainingReportData(req.payload, req.routeParams?.id as string, user)
  if (!data) throw new PortalError('notFound', { thing: 'training' })
  // The letterhead configured by coordination (the ministry's header by default) and its signatory.
  const { render, signatory } = await reportLetterhead(req.payload)
  const report = { ...data, signatory }
  const body = format === 'pdf' ? await renderTrainingReportPdf(report, render) : await renderTrainingReportDocx(report, render)
  // The attendance annex lists every participant by name: personal data, journalled.
  return personalDataDownload(req, { what: 'training-report', rows: data.participants.length, details: { training: req.routeParams?.id } }, { body, kind: format, fileName: `rapport-${fileSlug(data.title)}.${format}` })
}

/** GET /api/trainings/:id/attendance-sheet — printable attendance sheet (one signature column per day). */
const attendanceSheet: PayloadHandler = async (req) => {
  const user = requireCapability(req, 'runTrainings')
  const data = await trainingReportData(req.payload, req.routeParams?.id as string, user)
  if (!data) throw new PortalError('notFound', { thing: 'training' })
  const body = await renderAttendanceSheetPdf(data)
  return personalDataDownload(req, { what: 'attendance-sheet', rows: data.participants.length, details: { training: req.routeParams?.id } }, { body, kind: 'pdf', fileName: `emargement-${fileSlug(data.title)}.pdf` })
}

/** GET /api/trainings/import-template[?training=id] — XLSX template with the training's day columns. */
const template: PayloadHandler = async (req) => {
  requireCapability(req, 'runTrainings')
  const id = req.searchParams.get('training')
  const training = id ? await req.payload.findByID({ collection: 'trainings', id, depth: 0, user: req.user, overrideAccess: false, disableErrors: true }) : null
  if (id && !training) throw new PortalError('notFound', { thing: 'training' })
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
  return download({ body, kind: 'xlsx', fileName: `modele-import-${training ? fileSlug(training.title) : 'participants'}.xlsx` })
}

/**
 * POST /api/trainings/:id/import (multipart, field `file`, and in `_payload` the choices of the preview:
 * `lien:<row>`, `structure-nom:<acronym>`, `structure-type:<acronym>`) — all-or-nothing import. The answer streams progress
 * as JSON lines ({"type":"progress","done":n,"total":N}) then {"type":"done",…} or {"type":"errors",…}.
 */
const importFile: PayloadHandler = async (req) => {
  requireCapability(req, 'runTrainings')
  await addDataAndFileToRequest(req)
  if (!req.file) throw new PortalError('fileRequired', { field: 'file', kinds: 'XLSX ou CSV' })
  const upload = { name: req.file.name, data: req.file.data }
  const choices = ZImportChoices.safeParse(req.data ?? {})
  if (!choices.success) throw new PortalError('invalidInput')
  const encoder = new TextEncoder()
  const stream = new ReadableStream({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`))
      try {
        const outcome = await importParticipants(req, req.routeParams?.id as string, upload, (done, total) => send({ type: 'progress', done, total }), choices.data)
        send(outcome.ok ? { type: 'done', ...outcome } : { type: 'errors', errors: outcome.errors })
      } catch (error) {
        // The detail goes to the log, never to the person: it may name tables, paths or other people's data.
        req.payload.logger.error({ err: error, msg: 'Participant import failed unexpectedly' })
        send({ type: 'errors', errors: [{ row: null, column: null, message: ERROR_CATALOGUE.internal.text().fr }] })
      } finally {
        controller.close()
      }
    },
  })
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } })
}

/**
 * GET /api/trainings/statistics?format=csv|xlsx&contenu=agregats|personnes[&du&au&region&structure&type] — the
 * aggregates with results by sex and organisation (no personal data) or the list of people trained (personal
 * data: the export is written to the audit log), filtered as the statistics page is.
 */
const statisticsExport: PayloadHandler = async (req) => {
  const user = requireCapability(req, 'runTrainings')
  const format = tableFormat(req.searchParams)
  const content = choiceParam(req.searchParams, 'contenu', ['agregats', 'personnes'], 'agregats')
  const query = statisticsQuery(req.searchParams)
  if (!query.ok) throw new PortalError('invalidInput', {}, Object.entries(query.errors).map(([path, message]) => ({ path, message })))
  const { stats, results, records } = await trainingStatistics(req.payload, user, query.query)
  if (content === 'agregats') {
    const [headers = [], ...rows] = statisticsRows(stats, results)
    return exportTable(req, { headers, rows, sheet: 'Statistiques' }, { format, fileName: 'statistiques-formations', personalData: false })
  }
  const headers = ['Nom', 'Prénom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Type de formation', 'Région de la formation', 'Début']
  const rows = records.map((r) => [r.participant.lastName, r.participant.firstName, r.participant.sex, r.participant.function, r.participant.organisation, r.participant.region, r.trainingKind, r.trainingRegion, r.startDate])
  return exportTable(req, { headers, rows, sheet: 'Personnes formées' }, { format, fileName: 'personnes-formees', personalData: { what: 'people-trained' } })
}

/** Custom routes of the trainings collection. */
export const trainingEndpoints: Endpoint[] = [
  { path: '/import-template', method: 'get', handler: endpoint(template) },
  { path: '/statistics', method: 'get', handler: endpoint(statisticsExport) },
  { path: '/:id/report', method: 'get', handler: endpoint(report) },
  { path: '/:id/attendance-sheet', method: 'get', handler: endpoint(attendanceSheet) },
  { path: '/:id/import', method: 'post', handler: endpoint(importFile) },
]
