import ExcelJS from 'exceljs'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { supervisionEndpoints } from '#cms/collections/SupervisionVisits/endpoints.ts'
import { runDailyChecks } from '#cms/jobs/daily.ts'
import { supervisionCheck } from '#cms/jobs/supervision-checks.ts'
import type { Participant, User } from '#cms/payload-types.ts'
import { peopleNeverFollowedUp, visitsDue } from '#cms/supervision/data.ts'
import { saveVisit, type TVisitInput } from '#cms/supervision/save.ts'
import { itemsOfSource } from '#cms/rules/action-items.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// Formative supervision on a real Payload: visits written as the supervisor (access on), refusals in French that
// name the field and write nothing, edit conflicts, a visit sent twice stored once, the endpoints' guards, the
// documents, and the monthly alert of the daily routine.
let payload: Payload
const users: Record<string, User> = {}
let hamidou: Participant
let outside: Participant
let training: number

const sys = { overrideAccess: true as const, depth: 0 }
const countVisits = async () => (await payload.count({ collection: 'supervision-visits', overrideAccess: true })).totalDocs
const countItems = async () => (await payload.count({ collection: 'action-items', overrideAccess: true })).totalDocs
const visit = (over: Partial<TVisitInput> = {}): TVisitInput => ({
  person: String(hamidou.id),
  date: '2026-11-20',
  mode: 'phone',
  steps: ['2'],
  ratings: [{ behaviour: 'is-ne-pas-nuire', rating: 'acquired', observation: 'Vérifie les risques.' }],
  strengths: 'Écoute active',
  gaps: 'Consentement',
  nextFollowUp: '2027-01-15',
  actions: [{ activity: 'Relire les plans d’action avec le superviseur', deadline: '2026-12-15' }],
  ...over,
})

beforeAll(async () => {
  payload = await testPortal()
  for (const email of ['superviseur', 'coordination', 'formateur', 'gestionnaire', 'apprenant']) users[email] = await accountByEmail(payload, `${email}@example.org`)
  hamidou = (await payload.find({ collection: 'participants', where: { lastName: { equals: 'Maïga' } }, limit: 1, ...sys })).docs[0]!
  outside = (await payload.find({ collection: 'participants', where: { lastName: { equals: 'Diarra' } }, limit: 1, ...sys })).docs[0]!
  training = (await payload.find({ collection: 'trainings', limit: 1, ...sys })).docs[0]!.id
}, 600_000)

async function call(path: string, who: User | null, query = '', id?: number | string): Promise<Response> {
  const route = supervisionEndpoints.find((e) => e.path === path)!
  const req = (await createLocalReq({ user: who ?? undefined, req: { headers: new Headers({ 'x-portal-client-ip': '203.0.113.9' }) } }, payload)) as PayloadRequest
  Object.assign(req, { user: who ? { ...who, collection: 'users' } : null, searchParams: new URLSearchParams(query), routeParams: id === undefined ? {} : { id: String(id) } })
  return route.handler(req)
}

async function postVisit(who: User | null, body: unknown, key: string): Promise<Response> {
  const { POST } = await import('../../site/pages/suivi-formatif/visite.json.ts')
  const url = new URL('http://localhost:4321/suivi-formatif/visite.json')
  const request = new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) })
  return POST({ url, request, locals: { payload, user: who, lang: 'fr' } } as never) as Promise<Response>
}

describe('the demo data', () => {
  it('leaves part of the demo training never followed up, so coverage is below 100 % and the alert has people', async () => {
    const response = await call('/coverage', users.coordination!, `training=${training}`)
    const coverage = (await response.json()) as { total: number; followed: number; share: number; notFollowed: { name: string }[] }
    expect(coverage.total).toBe(18)
    expect(coverage.followed).toBeGreaterThan(0)
    expect(coverage.share).toBeLessThan(100)
    expect(coverage.notFollowed.map((p) => p.name)).toContain('MAÏGA Hamidou')
    expect((await peopleNeverFollowedUp(payload, null, new Date('2026-12-01T08:00:00Z'))).length).toBe(coverage.total - coverage.followed)
  })
})

describe('recording a visit', () => {
  it('stores a supervisor’s visit of a person of their organisation and region, with its agreed action, once', async () => {
    const before = await countVisits()
    const key = crypto.randomUUID()
    const first = await postVisit(users.superviseur!, visit(), key)
    expect(first.status).toBe(201)
    const { id } = (await first.json()) as { id: number }
    const again = await postVisit(users.superviseur!, visit(), key)
    expect(again.status).toBe(409)
    expect(await countVisits()).toBe(before + 1)
    const stored = await payload.findByID({ collection: 'supervision-visits', id, ...sys })
    expect(stored).toMatchObject({ supervisor: users.superviseur!.id, frameworkVersion: '2026.1', revision: 1, personName: 'MAÏGA Hamidou' })
    const items = await payload.find({ collection: 'action-items', where: itemsOfSource('supervision-visits', id), ...sys })
    expect(items.docs.map((i) => i.activity)).toEqual(['Relire les plans d’action avec le superviseur'])
    // The supervisor reads the agreed action; a trainer does not.
    expect((await payload.find({ collection: 'action-items', where: itemsOfSource('supervision-visits', id), user: users.superviseur!, overrideAccess: false })).totalDocs).toBe(1)
    expect((await payload.find({ collection: 'action-items', where: itemsOfSource('supervision-visits', id), user: users.formateur!, overrideAccess: false })).totalDocs).toBe(0)
  })

  it('refuses bad input with a French message naming the field, and writes nothing (not even the agreed actions)', async () => {
    const before = [await countVisits(), await countItems()]
    const cases: [Partial<TVisitInput>, string, RegExp][] = [
      [{ date: '2099-01-01' }, 'date', /futur/],
      [{ date: '2024-09-01' }, 'date', /première formation/],
      [{ ratings: [{ behaviour: 'is-ne-pas-nuire', rating: 'excellent', observation: '' }] }, 'ratings.0.rating', /hors de l’échelle/],
      [{ ratings: [{ behaviour: 'comportement-invente', rating: 'acquired', observation: '' }] }, 'ratings.0.behaviour', /référentiel version 2026\.1/],
      [{ person: String(outside.id) }, 'person', /hors de votre périmètre/],
    ]
    for (const [change, field, message] of cases) {
      const error = await saveVisit(payload, users.superviseur!, visit(change)).then(
        () => null,
        (e: unknown) => e as { data?: { errors?: { path: string; message: string }[] } },
      )
      expect(error, field).not.toBeNull()
      expect(error!.data!.errors!.find((e) => e.path === field)?.message, field).toMatch(message)
    }
    expect([await countVisits(), await countItems()]).toEqual(before)
  })

  it('answers the visit form’s endpoint with French refusals: signed out, a role without supervision, a bad body', async () => {
    const before = await countVisits()
    expect((await postVisit(null, visit(), crypto.randomUUID())).status).toBe(401)
    const trainer = await postVisit(users.formateur!, visit(), crypto.randomUUID())
    expect(trainer.status).toBe(403)
    expect(((await trainer.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Réservé aux superviseurs, à la coordination et aux administrateurs.')
    const bad = await postVisit(users.superviseur!, { ...visit(), date: '20/11/2026' }, crypto.randomUUID())
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { message: string; field?: string }[] }).errors.find((e) => e.field === 'visit')?.message).toBe('Date de la visite : une date AAAA-MM-JJ est attendue.')
    expect(await countVisits()).toBe(before)
  })

  it('refuses visits from case managers, learners and trainers through the API', async () => {
    for (const who of ['gestionnaire', 'apprenant', 'formateur']) {
      await expect(payload.create({ collection: 'supervision-visits', data: { person: hamidou.id, date: '2026-11-20', mode: 'onSite' }, user: users[who], overrideAccess: false }), who).rejects.toThrow()
    }
  })
})

describe('two people changing the same visit', () => {
  it('applies the first save and shows the second the differences, overwriting nothing', async () => {
    const { id } = await saveVisit(payload, users.superviseur!, visit({ actions: [] }))
    const opened = (await payload.findByID({ collection: 'supervision-visits', id, ...sys })).revision!
    await saveVisit(payload, users.coordination!, visit({ visit: String(id), revision: opened, strengths: 'Écoute active et patiente', actions: [] }))
    const second = await saveVisit(payload, users.superviseur!, visit({ visit: String(id), revision: opened, strengths: 'Bonne tenue des dossiers', actions: [] })).then(
      () => null,
      (e: unknown) => e as { code: string; status: number; fields: { path: string; message: string }[] },
    )
    expect(second).toMatchObject({ code: 'editConflict', status: 412 })
    expect(second!.fields).toEqual([{ path: 'Points forts', message: 'Points forts — votre version : « Bonne tenue des dossiers » ; version enregistrée : « Écoute active et patiente ».' }])
    expect((await payload.findByID({ collection: 'supervision-visits', id, ...sys })).strengths).toBe('Écoute active et patiente')
  })
})

describe('coverage, reports and the monthly summary', () => {
  it('gives trainers the coverage of their trainings (no ratings), supervisors their area, and refuses others', async () => {
    const trainer = await call('/coverage', users.formateur!, `training=${training}`)
    expect(trainer.status).toBe(200)
    const body = JSON.stringify(await trainer.json())
    expect(body).not.toMatch(/rating|toStrengthen|acquired|progress/)
    const area = (await (await call('/coverage', users.superviseur!)).json()) as { total: number; byOrganisation: { key: string }[] }
    expect(area.byOrganisation.map((l) => l.key)).toEqual(['IRC'])
    expect((await call('/coverage', users.gestionnaire!)).status).toBe(403)
    expect((await call('/coverage', null)).status).toBe(401)
    expect((await call('/coverage', users.gestionnaire!, `training=${training}`)).status).toBe(404)
    const national = (await (await call('/coverage', users.coordination!)).json()) as { bySupervisor: { key: string; total: number }[]; progress: { byRegion: { group: string; competency: string; first: number; latest: number }[] } }
    expect(national.bySupervisor.find((s) => s.key === 'Ibrahim Traoré (démo)')?.total).toBe(2)
    // In Gao, the demo's Ousmane Traoré went from 1.5 to 2.5 in best interests (Hamidou's visits here stay at 2).
    const gao = national.progress.byRegion.find((l) => l.group === 'Gao' && l.competency === 'interet-superieur')!
    expect(gao.latest).toBeGreaterThan(gao.first)
  })

  it('serves the visit report as PDF and Word to whoever reads the visit, journalled, and hides it from others', async () => {
    const { id } = await saveVisit(payload, users.superviseur!, visit({ actions: [] }))
    const pdf = await call('/:id/report', users.superviseur!, 'format=pdf', id)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const docx = await call('/:id/report', users.coordination!, 'format=docx', id)
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/)
    const audit = await payload.find({ collection: 'audit-log', where: { action: { equals: 'export.personalData' }, 'details.what': { equals: 'supervision-visit-report' } }, ...sys })
    expect(audit.totalDocs).toBeGreaterThanOrEqual(2)
    expect((await call('/:id/report', users.formateur!, 'format=pdf', id)).status).toBe(404)
    expect((await call('/:id/report', users.superviseur!, 'format=odt', id)).status).toBe(400)
  })

  it('exports the monthly summary as XLSX and PDF, and refuses a bad month in French', async () => {
    const xlsx = await call('/summary', users.coordination!, 'month=2026-11&format=xlsx')
    expect(xlsx.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = workbook.getWorksheet('Synthèse')!
    const text = JSON.stringify(sheet.getSheetValues())
    expect(text).toContain('Gao')
    expect(text).toContain('À distance : téléphone')
    expect((await call('/summary', users.coordination!, 'month=2026-11&format=pdf')).headers.get('content-type')).toBe('application/pdf')
    const bad = await call('/summary', users.coordination!, 'month=novembre&format=pdf')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('Mois invalide : indiquez-le au format AAAA-MM')
    expect((await call('/summary', users.formateur!, 'month=2026-11')).status).toBe(403)
  })
})

describe('the dashboard’s lists and the daily routine', () => {
  it('lists the follow-ups due within a week for the supervisor', async () => {
    await saveVisit(payload, users.superviseur!, visit({ date: '2026-11-25', nextFollowUp: '2026-12-05', actions: [] }))
    const due = await visitsDue(payload, users.superviseur!, new Date('2026-12-01T08:00:00Z'))
    expect(due.map((d) => [d.name, d.due])).toContainEqual(['MAÏGA Hamidou', '2026-12-05'])
    expect(await visitsDue(payload, users.formateur!, new Date('2026-12-01T08:00:00Z'))).toEqual([])
  })

  it('emails coordination on the first working day of the month the people never followed up, and reminds supervisors a week ahead', async () => {
    const outbox = async (to: string, subject: string) => (await payload.find({ collection: 'outbox', where: { and: [{ to: { equals: to } }, { subject: { like: subject } }] }, ...sys })).docs
    // 1 February 2027 is a Monday, the first working day; 28 December 2026 is a week before 4 January 2027.
    await saveVisit(payload, users.superviseur!, visit({ date: '2026-11-30', nextFollowUp: '2027-01-04', actions: [] }))
    await runDailyChecks(payload, new Date('2027-02-02T08:00:00Z'), [supervisionCheck])
    expect(await outbox('coordination@example.org', 'jamais suivie')).toHaveLength(0)
    await runDailyChecks(payload, new Date('2027-02-01T08:00:00Z'), [supervisionCheck])
    const alerts = await outbox('coordination@example.org', 'jamais suivie')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.text).toContain('DIARRA Bakary')
    expect(alerts[0]!.text).not.toContain('MAÏGA Hamidou')
    await runDailyChecks(payload, new Date('2026-12-28T08:00:00Z'), [supervisionCheck])
    const reminders = await outbox('superviseur@example.org', 'prévu dans une semaine')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.text).toContain('MAÏGA Hamidou')
  })
})
