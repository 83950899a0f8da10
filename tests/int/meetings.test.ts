import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import type { ParsedMail } from 'mailparser'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Meeting, User } from '#cms/payload-types.ts'
import { accountByEmail } from '../helpers/portal.ts'
import { linkIn, portalDeliveringMail, type startSmtpServer } from '../helpers/smtp.ts'

// Framework meetings on a real portal delivering to a real SMTP server: the year scheduled in one go, invitations
// whose .ics a real iCalendar parser reads (UID, times, SEQUENCE, CANCEL), answers without signing in, the feed,
// reminders, minutes and the plan's history; who may see what; bad input refused in French with nothing changed.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
const users: Record<string, User> = {}
const nextYear = new Date().getUTCFullYear() + 1

// The portal's modules are loaded after SMTP_URL is set (the configuration is read when they load).
let meetingEndpoints: typeof import('#cms/collections/Meetings/endpoints.ts').meetingEndpoints
let capacityPlanEndpoints: typeof import('#cms/collections/CapacityPlanItems/endpoints.ts').capacityPlanEndpoints
let issueToken: typeof import('#cms/auth/tokens.ts').issueToken
let runDailyChecks: typeof import('#cms/jobs/daily.ts').runDailyChecks
let frameworkMeetingsCheck: typeof import('#cms/meetings/daily.ts').frameworkMeetingsCheck
let calendarFeed: typeof import('#cms/meetings/feed.ts').calendarFeed
let operations: typeof import('#cms/meetings/operations.ts')

beforeAll(async () => {
  ;({ smtp, payload } = await portalDeliveringMail())
  ;({ meetingEndpoints } = await import('#cms/collections/Meetings/endpoints.ts'))
  ;({ capacityPlanEndpoints } = await import('#cms/collections/CapacityPlanItems/endpoints.ts'))
  ;({ issueToken } = await import('#cms/auth/tokens.ts'))
  ;({ runDailyChecks } = await import('#cms/jobs/daily.ts'))
  ;({ frameworkMeetingsCheck } = await import('#cms/meetings/daily.ts'))
  ;({ calendarFeed } = await import('#cms/meetings/feed.ts'))
  operations = await import('#cms/meetings/operations.ts')
  for (const who of ['coordination', 'gestionnaire', 'superviseur', 'formateur', 'apprenant']) users[who] = await accountByEmail(payload, `${who}@example.org`)
}, 600_000)
afterAll(async () => {
  await smtp.close()
})

type Handler = { path: string; method: string; handler: (req: PayloadRequest) => Promise<Response> | Response }
async function call(endpoints: Handler[], method: string, path: string, who: User | null, options: { query?: string; id?: number | string; body?: unknown } = {}): Promise<Response> {
  const route = endpoints.find((e) => e.path === path && e.method === method)!
  const req = (await createLocalReq({ user: who ?? undefined, req: { headers: new Headers({ 'x-portal-client-ip': '203.0.113.9' }) } }, payload)) as PayloadRequest
  Object.assign(req, {
    user: who ? { ...who, collection: 'users' } : null,
    searchParams: new URLSearchParams(options.query ?? ''),
    routeParams: options.id === undefined ? {} : { id: String(options.id) },
    json: async () => options.body,
  })
  return route.handler(req)
}
const meetingsApi = (method: string, path: string, who: User | null, options?: Parameters<typeof call>[4]) => call(meetingEndpoints as Handler[], method, path, who, options)
const messageOf = async (response: Response) => ((await response.json()) as { errors: { message: string; data?: { errors: { path: string; message: string }[] } }[] }).errors[0]!

/** The French field messages of a refused write (Payload's ValidationError), or a failure if it was not refused. */
async function refusal(write: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await write.then(
    () => null,
    (e: unknown) => e as { name?: string; data?: { errors?: { path: string; message: string }[] } },
  )
  expect(error?.name, 'the write is refused').toBe('ValidationError')
  return (error!.data!.errors ?? []).map(({ path, message }) => ({ path, message }))
}

/** The VEVENT of the .ics attached to an email, read by ical.js. */
function calendarOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.filename?.endsWith('.ics'))
  expect(attachment, 'an .ics is attached').toBeDefined()
  const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), status: vevent.getFirstPropertyValue('status') }
}

const countMeetings = async () => (await payload.count({ collection: 'meetings', overrideAccess: true })).totalDocs
const dates = (year: number) => [`${year}-02-12`, `${year}-05-14`, `${year}-08-13`, `${year}-11-12`]
let scheduled: Meeting[] = []

describe('scheduling the year and the invitations', () => {
  it('refuses a date outside its quarter and a past year, in French, creating nothing', async () => {
    const before = await countMeetings()
    const wrong = await meetingsApi('post', '/schedule-year', users.coordination!, { body: { year: nextYear, dates: [`${nextYear}-04-02`, ...dates(nextYear).slice(1)], startTime: '09:00', endTime: '13:00' } })
    expect(wrong.status).toBe(400)
    expect((await messageOf(wrong)).data!.errors[0]).toEqual({ path: 'dates.0', message: `La réunion du 1er trimestre ${nextYear} doit avoir lieu entre le 01/01/${nextYear} et le 31/03/${nextYear}.` })
    const past = await meetingsApi('post', '/schedule-year', users.coordination!, { body: { year: 2020, dates: dates(2020), startTime: '09:00', endTime: '13:00' } })
    expect(past.status).toBe(400)
    expect((await messageOf(past)).data!.errors[0]!.message).toMatch(/trimestre passé/)
    const backwards = await meetingsApi('post', '/schedule-year', users.coordination!, { body: { year: nextYear, dates: dates(nextYear), startTime: '13:00', endTime: '09:00' } })
    expect((await messageOf(backwards)).data!.errors).toContainEqual({ path: 'endTime', message: expect.stringContaining('postérieure à son début') })
    expect(await countMeetings()).toBe(before)
  })

  it('is for coordination only', async () => {
    const response = await meetingsApi('post', '/schedule-year', users.gestionnaire!, { body: { year: nextYear, dates: dates(nextYear), startTime: '09:00', endTime: '13:00' } })
    expect(response.status).toBe(403)
    expect((await messageOf(response)).message).toBe('Réservé à la coordination et aux administrateurs.')
  })

  it('plans the four meetings and emails each invitee an invitation whose .ics a real parser reads', async () => {
    const response = await meetingsApi('post', '/schedule-year', users.coordination!, {
      body: { year: nextYear, dates: dates(nextYear), startTime: '09:00', endTime: '13:00', venue: 'DNPEF, Bamako', invitedPeople: [users.gestionnaire!.id] },
    })
    expect(response.status).toBe(201)
    const { created } = (await response.json()) as { created: { id: number }[] }
    expect(created).toHaveLength(4)
    scheduled = await Promise.all(created.map((c) => payload.findByID({ collection: 'meetings', id: c.id, overrideAccess: true, depth: 0 })))
    const mail = await smtp.waitFor('gestionnaire@example.org', new RegExp(`Invitation : Réunion du cadre commun — 1er trimestre ${nextYear}`))
    const { method, event, status } = calendarOf(mail)
    expect(method).toBe('REQUEST')
    expect(status).toBe('CONFIRMED')
    expect(event.uid).toBe(`reunion-${scheduled[0]!.id}@localhost`)
    expect(event.startDate.toJSDate().toISOString()).toBe(`${nextYear}-02-12T09:00:00.000Z`)
    expect(event.endDate.toJSDate().toISOString()).toBe(`${nextYear}-02-12T13:00:00.000Z`)
    expect(event.sequence).toBe(0)
    expect(mail.text).toContain('Oui : http')
    // The compliance of that year: four planned quarters.
    const compliance = await meetingsApi('get', '/compliance', users.coordination!, { query: `year=${nextYear}` })
    expect(((await compliance.json()) as { quarters: { state: string }[] }).quarters.map((q) => q.state)).toEqual(['planned', 'planned', 'planned', 'planned'])
    // A second run finds every quarter taken.
    const again = await meetingsApi('post', '/schedule-year', users.coordination!, { body: { year: nextYear, dates: dates(nextYear), startTime: '09:00', endTime: '13:00' } })
    expect((await messageOf(again)).data!.errors[0]!.message).toBe(`Le 1er trimestre ${nextYear} a déjà une réunion trimestrielle planifiée.`)
  })

  it('sends an update with a higher SEQUENCE and the same UID when the time changes, then METHOD:CANCEL', async () => {
    const meeting = scheduled[1]!
    await payload.update({ collection: 'meetings', id: meeting.id, data: { start: `${nextYear}-05-14T10:00:00.000Z`, end: `${nextYear}-05-14T14:00:00.000Z` }, user: users.coordination!, overrideAccess: false })
    const update = calendarOf(await smtp.waitFor('gestionnaire@example.org', /^Réunion modifiée : .*2e trimestre/))
    expect(update.method).toBe('REQUEST')
    expect(update.event.uid).toBe(`reunion-${meeting.id}@localhost`)
    expect(update.event.sequence).toBe(1)
    expect(update.event.startDate.toJSDate().toISOString()).toBe(`${nextYear}-05-14T10:00:00.000Z`)
    // A change invitees' calendars do not show (the minutes' texts) raises nothing.
    await payload.update({ collection: 'meetings', id: meeting.id, data: { discussion: 'Préparation.' }, user: users.coordination!, overrideAccess: false })
    expect((await payload.findByID({ collection: 'meetings', id: meeting.id, overrideAccess: true })).icsSequence).toBe(1)
    await payload.update({ collection: 'meetings', id: meeting.id, data: { status: 'cancelled' }, user: users.coordination!, overrideAccess: false })
    const cancel = calendarOf(await smtp.waitFor('gestionnaire@example.org', /^Réunion annulée : .*2e trimestre/))
    expect(cancel.method).toBe('CANCEL')
    expect(cancel.status).toBe('CANCELLED')
    expect(cancel.event.uid).toBe(`reunion-${meeting.id}@localhost`)
    expect(cancel.event.sequence).toBe(2)
  })
})

describe('answers without signing in', () => {
  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!

  it('records, changes and refuses answers: tampered, expired, cancelled meeting — nothing changed', async () => {
    const invitation = await smtp.waitFor('gestionnaire@example.org', new RegExp(`Invitation : .*3e trimestre ${nextYear}`))
    const token = tokenOf(linkIn(invitation, /\/rsvp\//))
    const meetingId = scheduled[2]!.id
    const now = new Date()
    expect((await operations.answerRsvp(payload, token, 'maybe', now)).ok).toBe(true)
    expect((await operations.answerRsvp(payload, token, 'yes', now)).ok).toBe(true)
    const answered = await payload.findByID({ collection: 'meetings', id: meetingId, overrideAccess: true, depth: 0 })
    expect(answered.rsvps?.map((r) => [r.person, r.answer])).toEqual([[users.gestionnaire!.id, 'yes']])
    const last = token.at(-1) === 'a' ? 'b' : 'a'
    const tampered = await operations.answerRsvp(payload, `${token.slice(0, -1)}${last}`, 'no', now)
    expect(tampered).toMatchObject({ ok: false, reason: { fr: expect.stringMatching(/^Ce lien de réponse n’est pas valide ou a expiré : rien n’a été enregistré/) } })
    const expired = await operations.answerRsvp(payload, token, 'no', new Date(`${nextYear}-08-14T00:00:00Z`))
    expect(expired.ok).toBe(false)
    // The link of another meeting's invitation answers nothing about this one.
    const other = tokenOf(linkIn(await smtp.waitFor('gestionnaire@example.org', new RegExp(`Invitation : .*4e trimestre ${nextYear}`)), /\/rsvp\//))
    const otherLink = await operations.rsvpLink(payload, other, now)
    expect(otherLink.ok && otherLink.meeting.id).toBe(scheduled[3]!.id)
    const cancelledToken = tokenOf(linkIn(await smtp.waitFor('gestionnaire@example.org', new RegExp(`Invitation : .*2e trimestre ${nextYear}`)), /\/rsvp\//))
    expect(await operations.answerRsvp(payload, cancelledToken, 'yes', now)).toMatchObject({ ok: false, reason: { fr: 'Cette réunion a été annulée : il n’est plus possible d’y répondre.' } })
    const after = await payload.findByID({ collection: 'meetings', id: meetingId, overrideAccess: true, depth: 0 })
    expect(after.rsvps?.map((r) => r.answer)).toEqual(['yes'])
    expect((await payload.findByID({ collection: 'meetings', id: scheduled[1]!.id, overrideAccess: true, depth: 0 })).rsvps).toEqual([])
  })

  it('serves a personal calendar feed listing the invitations; a new address revokes the old one', async () => {
    const first = await issueToken(payload, 'calendarFeed', users.gestionnaire!.id)
    const feed = await calendarFeed(payload, first, new Date())
    const calendar = new ICAL.Component(ICAL.parse(feed!))
    const uids = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))
    expect(uids).toEqual(expect.arrayContaining(scheduled.map((m) => `reunion-${m.id}@localhost`)))
    const cancelled = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `reunion-${scheduled[1]!.id}@localhost`)
    expect(cancelled!.getFirstPropertyValue('status')).toBe('CANCELLED')
    // The supervisor is not invited to these meetings: they are not in their feed.
    const theirs = new ICAL.Component(ICAL.parse((await calendarFeed(payload, await issueToken(payload, 'calendarFeed', users.superviseur!.id), new Date()))!))
    expect(theirs.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).not.toContain(`reunion-${scheduled[0]!.id}@localhost`)
    await issueToken(payload, 'calendarFeed', users.gestionnaire!.id)
    expect(await calendarFeed(payload, first, new Date())).toBeNull()
  })

  it('reminds the invitees 7 days and 1 day before through the daily routine', async () => {
    const meeting = scheduled[0]!
    await runDailyChecks(payload, new Date(`${nextYear}-02-05T06:00:00Z`), [frameworkMeetingsCheck])
    const reminder = await smtp.waitFor('gestionnaire@example.org', /^Rappel \(dans 7 jours\) : .*1er trimestre/)
    expect(calendarOf(reminder).event.uid).toBe(`reunion-${meeting.id}@localhost`)
    await runDailyChecks(payload, new Date(`${nextYear}-02-11T06:00:00Z`), [frameworkMeetingsCheck])
    await smtp.waitFor('gestionnaire@example.org', /^Rappel \(demain\) : .*1er trimestre/)
  })
})

describe('who sees meetings, and bad input', () => {
  it('shows a meeting to its invitees and coordination only; the public sees nothing', async () => {
    const id = scheduled[0]!.id
    const read = (user: User | null) => payload.findByID({ collection: 'meetings', id, user, overrideAccess: false, disableErrors: true })
    expect(await read(users.gestionnaire!)).not.toBeNull()
    expect(await read(users.coordination!)).not.toBeNull()
    expect(await read(users.superviseur!)).toBeNull()
    expect(await read(null)).toBeNull()
    const listedToVisitors = await payload.find({ collection: 'meetings', overrideAccess: false, user: null }).then((r) => r.totalDocs, () => 0)
    expect(listedToVisitors).toBe(0)
    expect((await meetingsApi('get', '/:id/minutes', users.superviseur!, { id })).status).toBe(404)
    expect((await meetingsApi('get', '/:id/ics', null, { id })).status).toBe(401)
    expect((await meetingsApi('get', '/compliance', users.gestionnaire!)).status).toBe(403)
    const badYear = await meetingsApi('get', '/compliance', users.coordination!, { query: 'year=20x6' })
    expect(badYear.status).toBe(400)
    expect((await messageOf(badYear)).message).toMatch(/^Paramètre « year » invalide/)
  })

  it('refuses an end before the start and a past quarter’s meeting marked planned, in French, with nothing saved', async () => {
    const before = await countMeetings()
    const create = (data: Record<string, unknown>) => payload.create({ collection: 'meetings', data: { title: 'Réunion refusée', kind: 'adHoc', status: 'planned', ...data } as never, user: users.coordination!, overrideAccess: false })
    expect(await refusal(create({ start: `${nextYear}-03-01T10:00:00Z`, end: `${nextYear}-03-01T09:00:00Z` }))).toEqual([{ path: 'end', message: 'La fin de la réunion doit être postérieure à son début : corrigez la date ou l’heure de fin.' }])
    expect((await refusal(create({ start: '2024-03-01T09:00:00Z', end: '2024-03-01T12:00:00Z' })))[0]).toMatchObject({ path: 'status', message: expect.stringMatching(/^Cette réunion date d’un trimestre passé \(1er trimestre 2024\)/) })
    expect(await countMeetings()).toBe(before)
    expect((await refusal(payload.update({ collection: 'meetings', id: scheduled[3]!.id, data: { end: `${nextYear}-11-12T08:00:00Z` }, user: users.coordination!, overrideAccess: false })))[0]!.path).toBe('end')
    expect((await payload.findByID({ collection: 'meetings', id: scheduled[3]!.id, overrideAccess: true })).end).toBe(scheduled[3]!.end)
  })

  it('lets only coordination add action points to a meeting', async () => {
    const item = { activity: 'Point forgé', status: 'toDo', source: { relationTo: 'meetings', value: scheduled[0]!.id } }
    await expect(payload.create({ collection: 'action-items', data: item as never, user: users.formateur!, overrideAccess: false })).rejects.toThrow()
    await expect(payload.create({ collection: 'action-items', data: item as never, user: users.gestionnaire!, overrideAccess: false })).rejects.toThrow()
  })
})

describe('minutes, carried-over action points and the plan', () => {
  it('records minutes and an action point that appears on the next meeting’s agenda until closed', async () => {
    const [first, , third] = scheduled
    const saved = await meetingsApi('post', '/:id/minutes', users.coordination!, {
      id: first!.id,
      body: { discussion: 'Tour de table.', decisions: 'Valider le plan\nPartager le compte rendu', present: [users.gestionnaire!.id], held: false, actionPoint: { activity: 'Diffuser les outils harmonisés aux régions', deadline: `${nextYear}-04-30` } },
    })
    expect(saved.status).toBe(200)
    const { agendaOf } = operations
    const next = await payload.findByID({ collection: 'meetings', id: third!.id, overrideAccess: true })
    const carried = (await agendaOf(payload, next)).carried
    expect(carried.map((c) => c.activity)).toContain('Diffuser les outils harmonisés aux régions')
    const minutes = await meetingsApi('get', '/:id/minutes', users.gestionnaire!, { id: first!.id, query: 'format=pdf' })
    expect(minutes.status).toBe(200)
    expect(Buffer.from(await minutes.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF')
    const docx = await meetingsApi('get', '/:id/minutes', users.coordination!, { id: first!.id, query: 'format=docx' })
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    const journal = await payload.find({ collection: 'audit-log', where: { action: { equals: 'export.personalData' }, 'details.what': { equals: 'meeting-minutes' } }, overrideAccess: true })
    expect(journal.docs[0]).toMatchObject({ details: { rows: 1 } })
    // Closed: it leaves the agendas.
    const item = (await payload.find({ collection: 'action-items', where: { activity: { equals: 'Diffuser les outils harmonisés aux régions' } }, overrideAccess: true })).docs[0]!
    await payload.update({ collection: 'action-items', id: item.id, data: { status: 'done' }, user: users.coordination!, overrideAccess: false })
    expect((await agendaOf(payload, next)).carried.map((c) => c.activity)).not.toContain('Diffuser les outils harmonisés aux régions')
  })

  it('refuses minutes marking a future meeting held, saving nothing', async () => {
    const refused = await meetingsApi('post', '/:id/minutes', users.coordination!, { id: scheduled[2]!.id, body: { discussion: 'Trop tôt.', held: true, actionPoint: { activity: 'Ne doit pas exister' } } })
    expect(refused.status).toBe(400)
    expect((await messageOf(refused)).data!.errors[0]!.message).toMatch(/avant sa date de début/)
    expect((await payload.find({ collection: 'action-items', where: { activity: { equals: 'Ne doit pas exister' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.findByID({ collection: 'meetings', id: scheduled[2]!.id, overrideAccess: true })).discussion ?? null).toBeNull()
  })

  it('keeps every change of a plan item and exports the plan as it stood at a past date', async () => {
    const item = await payload.create({ collection: 'capacity-plan-items', data: { activity: 'Formation des administrateurs décentralisés (test)', status: 'notDone', period: '2026Q4' }, user: users.coordination!, overrideAccess: false, context: { planHistoryAt: '2025-01-10T10:00:00.000Z' } })
    const updated = await payload.update({ collection: 'capacity-plan-items', id: item.id, data: { status: 'done', comments: 'Réalisée à Mopti.' }, user: users.coordination!, overrideAccess: false, context: { planHistoryAt: '2025-03-10T10:00:00.000Z' } })
    expect(updated.history?.map((h) => [h.at, h.by && typeof h.by === 'object' ? h.by.id : h.by, h.changes])).toEqual([
      ['2025-01-10T10:00:00.000Z', users.coordination!.id, expect.arrayContaining([{ field: 'status', from: null, to: 'notDone' }])],
      ['2025-03-10T10:00:00.000Z', users.coordination!.id, [{ field: 'status', from: 'notDone', to: 'done' }, { field: 'comments', from: null, to: 'Réalisée à Mopti.' }]],
    ])
    expect(await refusal(payload.update({ collection: 'capacity-plan-items', id: item.id, data: { period: '2026-05' }, user: users.coordination!, overrideAccess: false }))).toEqual([{ path: 'period', message: 'Période invalide : « 2026-05 ». Indiquez un trimestre au format AAAAQn (ex. 2026Q2).' }])
    await expect(payload.update({ collection: 'capacity-plan-items', id: item.id, data: { status: 'inProgress' }, user: users.gestionnaire!, overrideAccess: false })).rejects.toThrow()
    const rowOf = async (at: string) => {
      const response = await call(capacityPlanEndpoints as Handler[], 'get', '/export', users.gestionnaire!, { query: `format=xlsx&at=${at}` })
      expect(response.status).toBe(200)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
      const rows: string[][] = []
      book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
      return rows.find((r) => r[0] === 'Formation des administrateurs décentralisés (test)')
    }
    expect(await rowOf('2025-01-01')).toBeUndefined()
    expect((await rowOf('2025-02-01'))![7]).toBe('Pas réalisé')
    expect((await rowOf('2025-04-01'))![7]).toBe('Réalisé')
    const pdf = await call(capacityPlanEndpoints as Handler[], 'get', '/export', users.coordination!, { query: 'format=pdf' })
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF')
    expect((await call(capacityPlanEndpoints as Handler[], 'get', '/export', users.apprenant!, { query: 'format=xlsx' })).status).toBe(403)
    expect((await call(capacityPlanEndpoints as Handler[], 'get', '/export', users.coordination!, { query: 'format=csv' })).status).toBe(400)
  })

  it('shows the seeded year: a held meeting with minutes and action points, a planned one, and the plan with its history', async () => {
    const seeded = await payload.find({ collection: 'meetings', where: { title: { like: '(démo)' } }, overrideAccess: true, depth: 0 })
    expect(seeded.docs.map((m) => m.status).sort()).toEqual(['held', 'planned'])
    const held = seeded.docs.find((m) => m.status === 'held')!
    expect((await payload.count({ collection: 'action-items', where: { 'source.value': { equals: held.id }, 'source.relationTo': { equals: 'meetings' } }, overrideAccess: true })).totalDocs).toBeGreaterThan(0)
    const plan = await payload.find({ collection: 'capacity-plan-items', where: { activity: { like: 'CPIMS+' } }, overrideAccess: true, limit: 50 })
    expect(plan.docs.some((d) => (d.history?.length ?? 0) > 1)).toBe(true)
  })
})
