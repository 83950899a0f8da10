import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// GET /api/indicators against a real portal: a quarter of 2025 with two trainings (Mopti by Tdh, Ségou by IRC),
// people of both organisations, a follow-up visit and the quarter's framework meeting held.
let payload: Payload
const users: Record<string, User> = {}
const ids: Record<string, number> = {}
const Q3 = 'from=2025-07-01&to=2025-09-30'

const sys = { overrideAccess: true as const }
const idOf = async (collection: 'regions' | 'organisations', field: string, value: string) => Number((await payload.find({ collection, where: { [field]: { equals: value } }, limit: 1, ...sys })).docs[0]!.id)

beforeAll(async () => {
  payload = await testPortal()
  for (const email of ['coordination', 'formateur', 'apprenant', 'editeur']) users[email] = await accountByEmail(payload, `${email}@example.org`)
  for (const [k, code] of [['MOP', 'MOP'], ['SEG', 'SEG']] as const) ids[k] = await idOf('regions', 'code', code)
  for (const acronym of ['Tdh', 'IRC', 'DNPEF']) ids[acronym] = await idOf('organisations', 'acronym', acronym)
  const training = (title: string, region: number, organiser: number, startDate: string) =>
    payload.create({ collection: 'trainings', data: { title, kind: 'initial', status: 'done', startDate, endDate: startDate, venue: 'Salle', region, organiser }, ...sys })
  const mopti = await training('Indicateurs Mopti', ids.MOP!, ids.Tdh!, '2025-07-10')
  const segou = await training('Indicateurs Ségou', ids.SEG!, ids.IRC!, '2025-09-30')
  const person = (firstName: string, sex: 'F' | 'M', organisation: number, region: number) =>
    payload.create({ collection: 'participants', data: { firstName, lastName: 'Indicateur', sex, function: 'Gestionnaire de cas', organisation, region, confirmedDistinct: true }, ...sys })
  const people = [await person('Awa', 'F', ids.Tdh!, ids.MOP!), await person('Bakary', 'M', ids.Tdh!, ids.MOP!), await person('Coumba', 'F', ids.IRC!, ids.SEG!)]
  for (const [p, t] of [[people[0]!, mopti], [people[1]!, mopti], [people[2]!, segou]] as const) await payload.create({ collection: 'enrolments', data: { training: t.id, participant: p.id }, ...sys })
  await payload.create({ collection: 'supervision-visits', data: { person: people[0]!.id, supervisor: users.coordination!.id, date: '2025-08-01', mode: 'onSite' }, ...sys })
  await payload.create({ collection: 'meetings', data: { title: 'Cadre commun T3', kind: 'quarterly', status: 'held', start: '2025-09-15T09:00:00.000Z', end: '2025-09-15T12:00:00.000Z' }, ...sys })
})

type TBody = { trainings: { held: number; people: number; women: number; men: number }; supervision: { trained: number; followed: number }; meetings: { held: number }; national: boolean; organisation: { name: string } | null; region: { name: string } | null }

async function call(who: User | null, query: string): Promise<Response> {
  const { indicatorEndpoints } = await import('#cms/indicators/endpoints.ts')
  const route = indicatorEndpoints.find((e) => e.path === '/indicators')!
  const req = (await createLocalReq({ user: who ?? undefined }, payload)) as PayloadRequest
  Object.assign(req, { user: who ? { ...who, collection: 'users' } : null, searchParams: new URLSearchParams(query) })
  return route.handler(req)
}

describe('GET /api/indicators', () => {
  it('gives coordination the national figures, and a region’s when asked', async () => {
    const all = await call(users.coordination!, Q3)
    expect(all.status).toBe(200)
    expect(all.headers.get('cache-control')).toContain('no-store')
    const body = (await all.json()) as TBody
    expect(body.national).toBe(true)
    expect(body.trainings).toMatchObject({ held: 2, people: 3, women: 2, men: 1 })
    expect(body.supervision).toMatchObject({ trained: 3, followed: 1 })
    expect(body.meetings.held).toBe(1)
    const segou = (await (await call(users.coordination!, `${Q3}&region=${ids.SEG}`)).json()) as TBody
    expect(segou.region?.name).toBe('Ségou')
    expect(segou.trainings).toMatchObject({ held: 1, people: 1, women: 1, men: 0 })
  })

  it('gives a partner’s staff their own organisation’s figures, whatever the query asks', async () => {
    for (const query of [Q3, `${Q3}&organisation=${ids.IRC}`, `${Q3}&organisation=${ids.DNPEF}`]) {
      const body = (await (await call(users.formateur!, query)).json()) as TBody
      expect(body.national).toBe(false)
      expect(body.organisation?.name).toBe('Tdh')
      expect(body.trainings).toMatchObject({ held: 1, people: 2, women: 1, men: 1 })
      expect(body.supervision).toMatchObject({ trained: 2, followed: 1 })
    }
  })

  it('refuses the signed-out (401), learners and editors (403)', async () => {
    expect((await call(null, Q3)).status).toBe(401)
    for (const who of [users.apprenant!, users.editeur!]) {
      const response = await call(who, Q3)
      expect(response.status).toBe(403)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^Réservé aux formateurs, superviseurs et gestionnaires de cas/)
    }
  })

  it('answers a bad query with a French message per field', async () => {
    const fields = async (query: string) => {
      const response = await call(users.coordination!, query)
      expect(response.status).toBe(400)
      return Object.fromEntries(((await response.json()) as { errors: { field?: string; message: string }[] }).errors.filter((e) => e.field).map((e) => [e.field, e.message]))
    }
    expect(await fields('to=2025-09-30')).toEqual({ from: 'Date de début manquante : indiquez une date au format AAAA-MM-JJ.' })
    expect(await fields('from=2025-02-30&to=2025-09-30')).toEqual({ from: 'Date de début invalide : indiquez une date au format AAAA-MM-JJ.' })
    expect(await fields('from=2025-09-30&to=2025-07-01')).toEqual({ to: 'La date de fin précède la date de début.' })
    expect(await fields(`${Q3}&region=abc`)).toEqual({ region: 'Région invalide.' })
    expect(await fields(`${Q3}&region=999999`)).toEqual({ region: 'Région inconnue : choisissez une région de la liste.' })
  })
})

describe('the quarter lock', () => {
  async function lock(who: User, body: unknown): Promise<Response> {
    const { indicatorEndpoints } = await import('#cms/indicators/endpoints.ts')
    const route = indicatorEndpoints.find((e) => e.path === '/indicators/lock')!
    const req = (await createLocalReq({ user: who }, payload)) as PayloadRequest
    Object.assign(req, { user: { ...who, collection: 'users' }, headers: new Headers({ 'content-type': 'application/json' }), json: async () => body })
    return route.handler(req)
  }
  const message = async (response: Response) => ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message

  it('refuses partners, a quarter not over, one without a held meeting, and a bad quarter', async () => {
    expect((await lock(users.formateur!, { quarter: '2025Q3' })).status).toBe(403)
    const current = await lock(users.coordination!, { quarter: `${new Date().getUTCFullYear()}Q${Math.floor(new Date().getUTCMonth() / 3) + 1}` })
    expect(current.status).toBe(422)
    expect(await message(current)).toMatch(/n’est pas terminé/)
    const noMeeting = await lock(users.coordination!, { quarter: '2025Q2' })
    expect(noMeeting.status).toBe(422)
    expect(await message(noMeeting)).toMatch(/tenue/)
    expect((await lock(users.coordination!, { quarter: '2025-07' })).status).toBe(400)
  })

  it('freezes the figures: later records change the live figures, not the locked quarter’s screen and export', async () => {
    const locked = await lock(users.coordination!, { quarter: '2025Q3' })
    expect(locked.status).toBe(201)
    const again = await lock(users.coordination!, { quarter: '2025Q3' })
    expect(again.status).toBe(422)
    expect(await message(again)).toMatch(/déjà verrouillé/)
    const journal = await payload.find({ collection: 'audit-log', where: { action: { equals: 'indicators.locked' } }, ...sys })
    expect(journal.docs).toHaveLength(1)

    // A participation recorded afterwards in the locked quarter.
    const late = await payload.create({ collection: 'participants', data: { firstName: 'Djeneba', lastName: 'Tardive', sex: 'F', function: 'Éducatrice', organisation: ids.Tdh!, region: ids.MOP!, confirmedDistinct: true }, ...sys })
    const training = (await payload.find({ collection: 'trainings', where: { title: { equals: 'Indicateurs Mopti' } }, ...sys })).docs[0]!
    await payload.create({ collection: 'enrolments', data: { training: training.id, participant: late.id }, ...sys })

    const { dashboardFor } = await import('#cms/indicators/load.ts')
    const { shownIndicators } = await import('#cms/indicators/lock.ts')
    const now = new Date()
    for (const [who, query, frozen] of [[users.coordination!, {}, 3], [users.coordination!, { region: ids.MOP }, 2], [users.formateur!, {}, 2]] as const) {
      const dashboard = await dashboardFor(payload, who, { from: '2025-07-01', to: '2025-09-30', ...query }, now)
      expect(dashboard.indicators.trainings.people).toBe(frozen + 1)
      const shown = await shownIndicators(payload, dashboard, now)
      expect(shown.indicators.trainings.people).toBe(frozen)
      expect('locked' in shown.lock && shown.lock.locked?.by).toBe(users.coordination!.name)
    }
    // The export carries the frozen figures too.
    const { indicatorEndpoints } = await import('#cms/indicators/endpoints.ts')
    const route = indicatorEndpoints.find((e) => e.path === '/indicators/export')!
    const req = (await createLocalReq({ user: users.coordination! }, payload)) as PayloadRequest
    Object.assign(req, { user: { ...users.coordination!, collection: 'users' }, searchParams: new URLSearchParams(`${Q3}&format=csv`) })
    const csv = await (await route.handler(req)).text()
    expect(csv).toContain('Formations en présentiel;Personnes formées;3')
  })
})
