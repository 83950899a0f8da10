import { createLocalReq, type Payload, type PayloadRequest, type ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Training, User } from '#cms/payload-types.ts'
import { startDhis2Server } from '../helpers/dhis2.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// The DHIS2 exchange against a DHIS2 stand-in on localhost that checks the payload and answers with conflicts.
// DHIS2_URL and its credentials are set before the portal loads, as a deployment sets them.
let dhis2: Awaited<ReturnType<typeof startDhis2Server>>
let payload: Payload
const users: Record<string, User> = {}
let training: Training
let month: string
let trainingRegionCode: string

beforeAll(async () => {
  dhis2 = await startDhis2Server({ dataElements: ['PE_FORMES', 'PE_FORMATIONS'], categoryOptionCombos: ['SEXE_F', 'SEXE_M'], orgUnits: [] })
  Object.assign(process.env, { DHIS2_URL: dhis2.url, DHIS2_USERNAME: dhis2.username, DHIS2_PASSWORD: dhis2.password })
  payload = await testPortal()
  for (const email of ['coordination', 'formateur', 'admin']) users[email] = await accountByEmail(payload, `${email}@example.org`)
  training = (await payload.find({ collection: 'trainings', limit: 1, depth: 1, overrideAccess: true, sort: 'startDate' })).docs[0]!
  month = String(training.startDate).slice(0, 7).replace('-', '')
  trainingRegionCode = typeof training.region === 'object' ? training.region.code : ''
  // The mapping a coordinator keeps: people trained by sex, trainings held, and every region's organisation unit.
  const sys = { overrideAccess: true as const }
  await payload.create({ collection: 'dhis2-mappings', data: { kind: 'indicator', indicator: 'peopleTrained', disaggregation: 'female', dataElement: 'PE_FORMES', categoryOptionCombo: 'SEXE_F' }, ...sys })
  await payload.create({ collection: 'dhis2-mappings', data: { kind: 'indicator', indicator: 'peopleTrained', disaggregation: 'male', dataElement: 'PE_FORMES', categoryOptionCombo: 'SEXE_M' }, ...sys })
  await payload.create({ collection: 'dhis2-mappings', data: { kind: 'indicator', indicator: 'trainingsHeld', disaggregation: 'total', dataElement: 'PE_FORMATIONS' }, ...sys })
  const regions = (await payload.find({ collection: 'regions', limit: 0, pagination: false, ...sys })).docs
  for (const r of regions) {
    await payload.create({ collection: 'dhis2-mappings', data: { kind: 'region', region: r.id, orgUnit: `ML_${r.code}` }, ...sys })
    dhis2.known.orgUnits.push(`ML_${r.code}`)
  }
})
afterAll(async () => {
  await dhis2.close()
})

async function call(path: string, who: User | null, init: { query?: string; body?: unknown } = {}): Promise<Response> {
  const { dhis2Endpoints } = await import('#cms/dhis2/endpoints.ts')
  const route = dhis2Endpoints.find((e) => e.path === path)!
  const req = (await createLocalReq({ user: who ?? undefined, req: { headers: new Headers({ 'x-portal-client-ip': '203.0.113.9' }) } }, payload)) as PayloadRequest
  Object.assign(req, { user: who ? { ...who, collection: 'users' } : null, searchParams: new URLSearchParams(init.query ?? ''), json: async () => init.body })
  return route.handler(req)
}
const sends = async () => (await payload.find({ collection: 'dhis2-sends', overrideAccess: true, limit: 0, pagination: false })).docs

describe('the dataValueSets file', () => {
  it('carries the month’s figures by code, for the training’s region, in DHIS2’s period format', async () => {
    const response = await call('/dhis2/data-value-sets', users.coordination!, { query: `period=${month}` })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain(`dhis2-${month}.json`)
    const body = (await response.json()) as { dataValues: { dataElement: string; period: string; orgUnit: string; categoryOptionCombo?: string; value: string }[] }
    const enrolled = await payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, depth: 1, limit: 0, pagination: false, overrideAccess: true })
    const women = new Set(enrolled.docs.filter((e) => typeof e.participant === 'object' && e.participant.sex === 'F').map((e) => String((e.participant as { id: number }).id))).size
    const forRegion = body.dataValues.filter((v) => v.orgUnit === `ML_${trainingRegionCode}`)
    expect(forRegion.find((v) => v.categoryOptionCombo === 'SEXE_F')).toEqual({ dataElement: 'PE_FORMES', period: month, orgUnit: `ML_${trainingRegionCode}`, categoryOptionCombo: 'SEXE_F', value: String(women) })
    expect(Number(forRegion.find((v) => v.dataElement === 'PE_FORMATIONS')!.value)).toBeGreaterThanOrEqual(1)
    expect(women).toBeGreaterThan(0)
    // Every mapped region reports, zeros included.
    expect(new Set(body.dataValues.map((v) => v.orgUnit)).size).toBe(dhis2.known.orgUnits.length)
  })

  it('is for coordination only, and refuses a period that is not a DHIS2 month, quarter or year, in French', async () => {
    expect((await call('/dhis2/data-value-sets', users.formateur!, { query: `period=${month}` })).status).toBe(403)
    expect((await call('/dhis2/data-value-sets', null, { query: `period=${month}` })).status).toBe(401)
    for (const bad of ['2025-03', '202513', '20250301', '']) {
      const response = await call('/dhis2/data-value-sets', users.coordination!, { query: `period=${bad}` })
      expect(response.status).toBe(400)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Paramètre « period » invalide : 202503, 2025Q1 ou 2025.')
    }
  })
})

describe('pushing to DHIS2', () => {
  it('runs a dry run by code, then sends for real and records the sending once DHIS2 took everything', async () => {
    const before = dhis2.requests.length
    const dry = await call('/dhis2/push', users.coordination!, { body: { period: month } })
    expect(dry.status).toBe(200)
    const dryResult = (await dry.json()) as { dryRun: { ready: boolean; lines: string[] }; sent: unknown }
    expect(dryResult.dryRun.ready).toBe(true)
    expect(dryResult.sent).toBeNull()
    expect(dryResult.dryRun.lines[0]).toBe('Essai à blanc : accepté.')
    expect(dhis2.requests.slice(before).map((r) => [r.dryRun, r.idScheme])).toEqual([[true, 'code']])
    expect(await sends()).toHaveLength(0)
    expect(dhis2.imported.size).toBe(0)

    const real = await call('/dhis2/push', users.coordination!, { body: { period: month, send: true } })
    expect(real.status).toBe(200)
    const realResult = (await real.json()) as { sent: { lines: string[]; summary: { imported: number } }; values: number }
    // A dry run again first, then the real sending.
    expect(dhis2.requests.slice(before).map((r) => r.dryRun)).toEqual([true, true, false])
    expect(realResult.sent.summary.imported).toBe(realResult.values)
    expect(dhis2.imported.size).toBe(realResult.values)
    expect(await sends()).toMatchObject([{ period: month, values: realResult.values, imported: realResult.values }])
    const journal = await payload.find({ collection: 'audit-log', where: { action: { equals: 'dhis2.sent' } }, overrideAccess: true })
    expect(journal.docs[0]).toMatchObject({ actorEmail: 'coordination@example.org', details: { period: month } })
  })

  it('shows DHIS2’s conflicts in French and refuses the real sending; nothing is marked as sent', async () => {
    const before = (await sends()).length
    const missing = dhis2.known.orgUnits.splice(dhis2.known.orgUnits.indexOf(`ML_${trainingRegionCode}`), 1)[0]!
    try {
      const dry = (await (await call('/dhis2/push', users.coordination!, { body: { period: month } })).json()) as { dryRun: { ready: boolean; lines: string[] } }
      expect(dry.dryRun.ready).toBe(false)
      expect(dry.dryRun.lines).toContain(`Conflit sur « ${missing} » : Organisation unit not found or not accessible`)
      expect(dry.dryRun.lines.at(-1)).toBe('Des valeurs seraient ignorées : corrigez la correspondance avant l’envoi réel.')
      const realCount = dhis2.requests.filter((r) => !r.dryRun).length
      const refused = await call('/dhis2/push', users.coordination!, { body: { period: month, send: true } })
      expect(refused.status).toBe(409)
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^Envoi réel refusé/)
      expect(dhis2.requests.filter((r) => !r.dryRun)).toHaveLength(realCount)
      expect(await sends()).toHaveLength(before)
    } finally {
      dhis2.known.orgUnits.push(missing)
    }
  })

  it('reports a server that does not answer, without marking anything as sent', async () => {
    const { pushToDhis2 } = await import('#cms/dhis2/exchange.ts')
    const { parsePeriodCode } = await import('#cms/rules/periods.ts')
    const before = (await sends()).length
    const down = { url: 'http://127.0.0.1:9', username: 'x', password: 'y' }
    await expect(pushToDhis2(payload, parsePeriodCode(month)!, { send: true, by: users.coordination!, server: down })).rejects.toThrow(/DHIS2 ne répond pas \(serveur injoignable\)/)
    const wrongPassword = { url: dhis2.url, username: dhis2.username, password: 'faux' }
    await expect(pushToDhis2(payload, parsePeriodCode(month)!, { send: true, by: users.coordination!, server: wrongPassword })).rejects.toThrow(/identifiants DHIS2 refusés/)
    expect(await sends()).toHaveLength(before)
  })

  it('is refused to anyone but coordination, and checks its input', async () => {
    expect((await call('/dhis2/push', users.formateur!, { body: { period: month } })).status).toBe(403)
    const bad = await call('/dhis2/push', users.coordination!, { body: { period: '2025-03', send: 'oui' } })
    expect(bad.status).toBe(400)
    const fields = ((await bad.json()) as { errors: { data?: { errors: { path: string; message: string }[] } }[] }).errors[0]!.data!.errors
    expect(fields.map((f) => f.path).sort()).toEqual(['period', 'send'])
    expect(fields.find((f) => f.path === 'period')!.message).toMatch(/^Période invalide/)
  })
})

describe('the mapping', () => {
  it('keeps one data element per indicator and disaggregation, and DHIS2 codes only, with French messages', async () => {
    const coordination = { user: users.coordination!, overrideAccess: false as const }
    const refusal = async (data: Record<string, unknown>) => {
      try {
        await payload.create({ collection: 'dhis2-mappings', data: data as never, ...coordination })
      } catch (error) {
        return (error as ValidationError).data.errors.map((e) => `${e.path}: ${e.message}`)
      }
      throw new Error('the mapping row was accepted')
    }
    expect(await refusal({ kind: 'indicator', indicator: 'peopleTrained', disaggregation: 'female', dataElement: 'AUTRE' })).toEqual([
      'disaggregation: Cet indicateur a déjà un élément de données pour cette ventilation : modifiez la ligne existante.',
    ])
    expect((await refusal({ kind: 'indicator', indicator: 'trainingsHeld', disaggregation: 'female', dataElement: 'X' }))[0]).toBe('disaggregation: « Formations en présentiel tenues » n’a pas cette ventilation : Total.')
    expect(await refusal({ kind: 'indicator', indicator: 'certificatesIssued', disaggregation: 'total', dataElement: 'Code avec espaces' })).toEqual([
      'dataElement: Code DHIS2 invalide : lettres, chiffres, « _ », « - » ou « . », 50 caractères au plus.',
    ])
    expect(await refusal({ kind: 'region' })).toEqual(['region: Région : champ obligatoire pour ce type de correspondance.', 'orgUnit: Code de l’unité d’organisation : champ obligatoire pour ce type de correspondance.'])
    const created = await payload.create({ collection: 'dhis2-mappings', data: { kind: 'indicator', indicator: 'certificatesIssued', disaggregation: 'total', dataElement: 'PE_ATTESTATIONS' }, ...coordination })
    expect(created.label).toBe('Attestations d’autoformation délivrées (Total) → PE_ATTESTATIONS')
    expect(await allowed(() => payload.create({ collection: 'dhis2-mappings', data: { kind: 'indicator', indicator: 'certificatesIssued', disaggregation: 'total', dataElement: 'Y' }, user: users.formateur!, overrideAccess: false }))).toBe(false)
  })
})
