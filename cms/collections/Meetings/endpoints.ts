import type { Endpoint, PayloadHandler } from 'payload'
import { download, fileSlug, personalDataDownload } from '../../endpoints/download.ts'
import { PortalError } from '../../endpoints/errors.ts'
import { requireCapability, requireUser } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { choiceParam } from '../../endpoints/params.ts'
import { meetingCalendar } from '../../meetings/invitations.ts'
import { meetingCompliance, recordMinutes, scheduleYear, ZMinutes, ZScheduleYear } from '../../meetings/operations.ts'
import { minutesOf } from '../../meetings/minutes.ts'
import { renderMinutes } from '../../reports/meeting-minutes.ts'
import { periodOf } from '../../rules/periods.ts'

const readBody = async (req: Parameters<PayloadHandler>[0]): Promise<unknown> => (req.json ? await req.json().catch(() => null) : null)

/** GET /api/meetings/compliance?year=YYYY — held / planned / missing per quarter, for coordination. */
const compliance: PayloadHandler = async (req) => {
  requireCapability(req, 'coordinate')
  const now = new Date()
  const raw = req.searchParams.get('year')
  if (raw !== null && !/^\d{4}$/.test(raw)) throw new PortalError('invalidParameter', { name: 'year', allowed: ['une année sur quatre chiffres (AAAA)'] })
  const year = raw === null ? periodOf('year', now).year : Number(raw)
  return Response.json({ year, quarters: await meetingCompliance(req.payload, year, now, req) }, { headers: { 'Cache-Control': 'no-store' } })
}

/** POST /api/meetings/schedule-year — the year's four quarterly meetings at once (all or nothing). */
const schedule: PayloadHandler = async (req) => {
  requireCapability(req, 'coordinate')
  const input = ZScheduleYear.parse(await readBody(req))
  const created = await scheduleYear(req, input, new Date())
  return Response.json({ created: created.map((m) => ({ id: m.id, title: m.title, start: m.start, end: m.end })) }, { status: 201, headers: { 'Cache-Control': 'no-store' } })
}

/** GET /api/meetings/:id/ics — the meeting as an iCalendar file, for the people who may read it. */
const ics: PayloadHandler = async (req) => {
  requireUser(req, { fr: 'télécharger la réunion', en: 'download the meeting' })
  const meeting = await req.payload.findByID({ collection: 'meetings', id: req.routeParams?.id as string, depth: 1, user: req.user, overrideAccess: false, disableErrors: true })
  if (!meeting) throw new PortalError('notFound', { thing: 'meeting' })
  const body = meetingCalendar(meeting, meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH', new Date())
  return download({ body, kind: 'ics', fileName: `reunion-${fileSlug(meeting.title)}.ics` })
}

/** GET /api/meetings/:id/minutes?format=pdf|docx — the minutes in the official layout (attendance: audited). */
const minutes: PayloadHandler = async (req) => {
  const user = requireUser(req, { fr: 'télécharger le compte rendu', en: 'download the minutes' })
  const format = choiceParam(req.searchParams, 'format', ['pdf', 'docx'], 'pdf')
  const data = await minutesOf(req.payload, req.routeParams?.id as string, user, req)
  if (!data) throw new PortalError('notFound', { thing: 'meeting' })
  const body = await renderMinutes(data, format)
  return personalDataDownload(req, { what: 'meeting-minutes', rows: data.attendance.length, details: { meeting: req.routeParams?.id } }, { body, kind: format, fileName: `compte-rendu-${fileSlug(data.title)}.${format}` })
}

/** POST /api/meetings/:id/minutes — records minutes, attendance and one action point; the meeting becomes held. */
const saveMinutes: PayloadHandler = async (req) => {
  requireCapability(req, 'coordinate')
  const input = ZMinutes.parse(await readBody(req))
  const meeting = await recordMinutes(req, req.routeParams?.id as string, input)
  return Response.json({ id: meeting.id, status: meeting.status }, { headers: { 'Cache-Control': 'no-store' } })
}

export const meetingEndpoints: Endpoint[] = [
  { path: '/compliance', method: 'get', handler: endpoint(compliance) },
  { path: '/schedule-year', method: 'post', handler: endpoint(schedule) },
  { path: '/:id/ics', method: 'get', handler: endpoint(ics) },
  { path: '/:id/minutes', method: 'get', handler: endpoint(minutes) },
  { path: '/:id/minutes', method: 'post', handler: endpoint(saveMinutes) },
]
