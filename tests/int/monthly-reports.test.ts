import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { docxText } from '../helpers/docx.ts'
import { pdfText } from '../helpers/pdf.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// The monthly and annual reports through their endpoints. The monthly activity report and its collection: figures from the seeded trainings of a
// month, a narrative written by coordination, submission that freezes the figures, versions, refusals.
let payload: Payload
const users: Record<string, User> = {}
let month: string
const expected = { trainings: 0, women: 0, men: 0 }
const sys = { overrideAccess: true as const }

beforeAll(async () => {
  payload = await testPortal()
  for (const name of ['coordination', 'admin', 'formateur', 'apprenant']) users[name] = await accountByEmail(payload, `${name}@example.org`)
  // The month of the first seeded training, and what the records say of it (counted here straight from the records).
  const first = (await payload.find({ collection: 'trainings', limit: 1, sort: 'startDate', depth: 0, ...sys })).docs[0]!
  month = String(first.startDate).slice(0, 7)
  const { docs: trainings } = await payload.find({ collection: 'trainings', where: { status: { not_in: ['cancelled', 'postponed'] } }, limit: 0, pagination: false, depth: 0, ...sys })
  const held = trainings.filter((t) => String(t.startDate).slice(0, 7) === month).map((t) => t.id)
  expected.trainings = held.length
  const { docs: enrolments } = await payload.find({ collection: 'enrolments', where: { training: { in: held } }, limit: 0, pagination: false, depth: 1, ...sys })
  const people = new Map(enrolments.flatMap((e) => (typeof e.participant === 'object' ? [[e.participant.id, e.participant.sex] as const] : [])))
  expected.women = [...people.values()].filter((s) => s === 'F').length
  expected.men = [...people.values()].filter((s) => s === 'M').length
  expect(expected.trainings).toBeGreaterThan(0)
  expect(expected.women + expected.men).toBeGreaterThan(0)
  await payload.create({ collection: 'capacity-plan-items', data: { activity: 'Recyclage des gestionnaires de cas de Kayes', status: 'notDone', deadline: `${month}-20T12:00:00.000Z`, responsible: 'DRPFEF Kayes' }, ...sys })
})

async function get(who: User | null, query: string, path = '/reports/monthly'): Promise<Response> {
  const { reportEndpoints } = await import('#cms/reports/endpoints.ts')
  const route = reportEndpoints.find((e) => e.path === path)!
  const req = (await createLocalReq({ user: who ?? undefined }, payload)) as PayloadRequest
  Object.assign(req, { user: who ? { ...who, collection: 'users' } : null, searchParams: new URLSearchParams(query) })
  return route.handler(req)
}
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())
const as = (name: string) => ({ user: users[name]!, overrideAccess: false as const })
const heldMeeting = (title: string) => payload.create({ collection: 'meetings', data: { title, kind: 'adHoc', status: 'held', start: `${month}-10T09:00:00.000Z`, end: `${month}-10T12:00:00.000Z` }, ...sys })

describe('GET /api/reports/monthly', () => {
  it('gives coordination the month’s PDF with the figures from the records, even before anyone wrote the report', async () => {
    const response = await get(users.coordination!, `month=${month}&format=pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toContain(`rapport-mensuel-${month}.pdf`)
    const text = await pdfText(await bytes(response))
    expect(text).toContain(`Formations en présentiel tenues ${expected.trainings}`)
    expect(text).toContain(`Personnes formées — femmes ${expected.women}`)
    expect(text).toContain(`Personnes formées — hommes ${expected.men}`)
    expect(text).toContain(`Personnes formées — total ${expected.women + expected.men}`)
    expect(text).toContain('Brouillon (non soumis)')
  })

  it('refuses trainers, learners and anonymous visitors', async () => {
    expect((await get(users.formateur!, `month=${month}&format=pdf`)).status).toBe(403)
    expect((await get(users.apprenant!, `month=${month}&format=docx`)).status).toBe(403)
    expect((await get(null, `month=${month}&format=pdf`)).status).toBe(401)
  })

  it('answers a bad month, format or version with a French 400', async () => {
    const messages = async (query: string) => {
      const response = await get(users.coordination!, query)
      expect(response.status, query).toBe(400)
      return JSON.stringify(await response.json())
    }
    expect(await messages('month=2026-13&format=pdf')).toContain('Mois invalide : attendu AAAA-MM (par exemple 2026-03).')
    expect(await messages('format=pdf')).toContain('Indiquez le mois, au format AAAA-MM')
    expect(await messages(`month=${month}&format=odt`)).toContain('Paramètre « format » invalide : pdf ou docx.')
    expect(await messages(`month=${month}&format=pdf&version=deux`)).toContain('Version invalide')
    expect((await get(users.coordination!, `month=${month}&format=pdf&version=9`)).status).toBe(404)
  })
})

describe('the monthly-reports history', () => {
  it('prefills next month’s plans, freezes the figures on submission, and keeps a submitted version unchangeable', async () => {
    const draft = await payload.create({ collection: 'monthly-reports', data: { month, status: 'draft', summary: 'Déploiement de CPIMS+ à Kayes.', difficulties: '- Connexion instable' }, ...as('coordination') })
    expect(draft).toMatchObject({ version: 1, status: 'draft' })
    expect(draft.plannedNextMonth).toContain('Plan de renforcement : Recyclage des gestionnaires de cas de Kayes')
    // Two drafts of one month would split the work: refused, in French.
    await expect(payload.create({ collection: 'monthly-reports', data: { month, status: 'draft' }, ...as('coordination') })).rejects.toMatchObject({ data: { errors: [{ path: 'month', message: expect.stringMatching(/^Un brouillon du rapport de ce mois existe déjà \(version 1\)/) }] } })

    const submitted = await payload.update({ collection: 'monthly-reports', id: draft.id, data: { status: 'submitted' }, ...as('coordination') })
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: expect.objectContaining({ id: users.coordination!.id }) })
    expect(submitted.submittedAt).toBeTruthy()
    expect(submitted.figures).toMatchObject({ month, trainingsHeld: expected.trainings, peopleTrained: { women: expected.women, men: expected.men } })

    // Frozen: neither coordination nor an admin may change or delete it.
    expect(await allowed(() => payload.update({ collection: 'monthly-reports', id: draft.id, data: { summary: 'Réécrit' }, ...as('coordination') }))).toBe(false)
    expect(await allowed(() => payload.update({ collection: 'monthly-reports', id: draft.id, data: { summary: 'Réécrit' }, ...as('admin') }))).toBe(false)
    expect(await allowed(() => payload.delete({ collection: 'monthly-reports', id: draft.id, ...as('coordination') }))).toBe(false)
    expect((await payload.findByID({ collection: 'monthly-reports', id: draft.id, ...sys })).summary).toBe('Déploiement de CPIMS+ à Kayes.')

    // A meeting recorded afterwards changes the new version, not the submitted one.
    const meetingsBefore = (submitted.figures as { meetingsHeld: unknown[] }).meetingsHeld.length
    await heldMeeting('Réunion de coordination enregistrée après coup')
    const second = await payload.create({ collection: 'monthly-reports', data: { month, status: 'draft', summary: 'Version corrigée.' }, ...as('coordination') })
    expect(second).toMatchObject({ version: 2, status: 'draft' })

    const v1 = await pdfText(await bytes(await get(users.coordination!, `month=${month}&format=pdf&version=1`)))
    expect(v1).toContain('Déploiement de CPIMS+ à Kayes.')
    expect(v1).toContain('Connexion instable')
    expect(v1).toContain(`Réunions du cadre commun tenues ${meetingsBefore}`)
    expect(v1).toMatch(/État : Soumis le .* par Moussa Keïta \(démo\)/)

    // Without a version: the latest, here the draft v2, with today's records, as a Word file.
    const latest = await get(users.coordination!, `month=${month}&format=docx`)
    expect(latest.headers.get('content-disposition')).toContain(`rapport-mensuel-${month}-v2.docx`)
    const v2 = await docxText(await bytes(latest))
    expect(v2).toContain('Version corrigée.')
    expect(v2).toContain(`Réunions du cadre commun tenues ${meetingsBefore + 1}`)
    expect(v2).toContain('Réunion de coordination enregistrée après coup')
  })

  it('is out of reach of trainers and learners', async () => {
    expect(await allowed(() => payload.create({ collection: 'monthly-reports', data: { month: '2030-01', status: 'draft' }, ...as('formateur') }))).toBe(false)
    expect((await payload.find({ collection: 'monthly-reports', ...as('apprenant') }).catch(() => ({ docs: [] }))).docs).toEqual([])
  })
})

describe('GET /api/reports/annual', () => {
  it('gives coordination the year’s case aggregates, small counts suppressed, with the training figures', async () => {
    const aggregate = (region: string, count: number, over: Record<string, unknown> = {}) => payload.create({ collection: 'case-aggregates', data: { month: '2031-06', region, sex: 'F', ageGroup: '6-11', dimension: 'cases', category: 'open', count, importedAt: '2032-01-05T00:00:00.000Z', ...over } as never, ...sys })
    await aggregate('KAY', 40)
    await aggregate('MOP', 25, { sex: 'M', category: 'closed' })
    await aggregate('GAO', 2)
    await aggregate('KAY', 7, { dimension: 'concern', category: 'sexualViolence' })
    const response = await get(users.coordination!, 'year=2031&format=pdf', '/reports/annual')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('rapport-annuel-2031.pdf')
    const text = await pdfText(await bytes(response))
    expect(text).toContain('Cas enregistrés en 2031 : 67')
    expect(text).toContain('Kayes 40')
    expect(text).toContain('Gao < 5')
    expect(text).toContain('Violence sexuelle 7')
    expect(text).toContain('Personnes formées — total 0')
    const word = await docxText(await bytes(await get(users.coordination!, 'year=2031&format=docx', '/reports/annual')))
    expect(word).toContain('Cas par région')
    expect(word).toContain('Gao < 5')
  })

  it('refuses other roles, and answers a bad year or format in French', async () => {
    expect((await get(users.apprenant!, 'year=2031&format=pdf', '/reports/annual')).status).toBe(403)
    expect((await get(users.formateur!, 'year=2031&format=pdf', '/reports/annual')).status).toBe(403)
    const bad = async (query: string) => {
      const response = await get(users.coordination!, query, '/reports/annual')
      expect(response.status, query).toBe(400)
      return JSON.stringify(await response.json())
    }
    expect(await bad('year=31&format=pdf')).toContain('Année invalide')
    expect(await bad('format=pdf')).toContain('Indiquez l’année')
    expect(await bad('year=2031&format=xls')).toContain('Paramètre « format » invalide : pdf ou docx.')
  })
})
