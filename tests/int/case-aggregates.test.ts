import ExcelJS from 'exceljs'
import { readFileSync, existsSync } from 'node:fs'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { importCaseExport } from '#cms/imports/case-export.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// A CPIMS+-style case export with fictitious children: the portal keeps counts, and nothing that names anyone.
let payload: Payload
let coordination: User
let trainer: User
beforeAll(async () => {
  payload = await testPortal()
  coordination = await accountByEmail(payload, 'coordination@example.org')
  trainer = await accountByEmail(payload, 'formateur@example.org')
})

const HEADER = ['case_id', 'short_id', 'name', 'name_caregiver', 'registration_date', 'location_current', 'address_current', 'sex', 'age', 'date_of_birth', 'protection_concerns', 'services_provided', 'referrals', 'status', 'phone']
const SECRETS = ['Fanta Sidibé', 'Bakary Sidibé', 'Moussa Dembélé', 'Hawa Dembélé', 'Kadidia Maïga', 'CPIMS-8841', 'CPIMS-8842', 'CPIMS-8843', 'Quartier Sévaré', 'Rue 12 Gao', '+223 76 11 22 33']
const ROWS = [
  ['CPIMS-8841', '8841a', 'Fanta Sidibé', 'Bakary Sidibé', '2026-03-03', 'Mopti', 'Quartier Sévaré', 'F', '13', '2013-01-05', 'Physical Violence;Neglect', 'Health;Psychosocial', 'Health', 'open', '+223 76 11 22 33'],
  ['CPIMS-8842', '8842b', 'Moussa Dembélé', 'Hawa Dembélé', '2026-03-20', 'Mopti', 'Quartier Sévaré', 'M', '16', '2010-02-01', 'Separated', 'Family Tracing', '', 'closed', ''],
  ['CPIMS-8843', '8843c', 'Kadidia Maïga', '', '2026-04-02', 'Gao', 'Rue 12 Gao', 'F', '7', '2019-03-03', 'Child Labour', '', 'Education', 'open', ''],
]
async function exportFile(rows: string[][], header = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Cases')
  sheet.addRow(header)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
const asCoordination = async () => {
  const req = (await createLocalReq({ user: coordination, req: { headers: new Headers({ 'x-portal-client-ip': '203.0.113.5' }) } }, payload)) as PayloadRequest
  return Object.assign(req, { user: { ...coordination, collection: 'users' } })
}
const stored = async () => (await payload.find({ collection: 'case-aggregates', limit: 0, pagination: false, overrideAccess: true })).docs
const total = (docs: Awaited<ReturnType<typeof stored>>, filter: (d: (typeof docs)[number]) => boolean) => docs.filter(filter).reduce((n, d) => n + d.count, 0)

describe('importing a CPIMS+ case export', () => {
  it('keeps counts per month, region, sex, age group and category, and no name, identifier, address or phone anywhere in the database', async () => {
    const outcome = await importCaseExport(await asCoordination(), { name: 'export-cpims.xlsx', data: await exportFile(ROWS) })
    expect(outcome).toMatchObject({ ok: true, cases: 3, months: ['2026-03', '2026-04'] })
    const docs = await stored()
    expect(total(docs, (d) => d.dimension === 'cases' && d.month === '2026-03' && d.region === 'MOP')).toBe(2)
    expect(total(docs, (d) => d.dimension === 'cases' && d.sex === 'F')).toBe(2)
    expect(total(docs, (d) => d.dimension === 'cases' && d.category === 'closed')).toBe(1)
    expect(docs.find((d) => d.dimension === 'cases' && d.region === 'GAO')).toMatchObject({ month: '2026-04', sex: 'F', ageGroup: '6-11', count: 1 })
    // The default mapping knows no concern values yet: they count as "other" (once per case, although the first
    // case has two) and are listed for the coordinator to map.
    expect(total(docs, (d) => d.dimension === 'concern' && d.category === 'other')).toBe(3)
    if (outcome.ok) expect(outcome.otherValues.map((v) => v.value)).toContain('Physical Violence')

    // The proof: the database files (SQLite and its write-ahead log) hold none of the export's identifying text.
    const file = process.env.DATABASE_URL!.replace(/^file:/, '')
    const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('utf8')).join('')
    for (const secret of SECRETS) expect(bytes.includes(secret), secret).toBe(false)
    const journal = await payload.find({ collection: 'audit-log', where: { action: { equals: 'import.caseAggregates' } }, overrideAccess: true })
    expect(journal.docs[0]).toMatchObject({ actorEmail: 'coordination@example.org', details: { cases: 3, months: ['2026-03', '2026-04'] } })
  })

  it('replaces the months an export covers: importing it again counts nothing twice', async () => {
    const before = await stored()
    const outcome = await importCaseExport(await asCoordination(), { name: 'export-cpims.xlsx', data: await exportFile(ROWS) })
    expect(outcome.ok).toBe(true)
    const after = await stored()
    expect(total(after, (d) => d.dimension === 'cases')).toBe(total(before, (d) => d.dimension === 'cases'))
  })

  it('refuses the whole file with French errors per row, and stores nothing', async () => {
    const before = await stored()
    const bad = [...ROWS, ['CPIMS-9', '9', 'X', '', '2026-13-01', 'Sahel', '', 'F', '8', '', '', '', '', 'open', ''], ['CPIMS-10', '10', 'Y', '', '2026-03-09', 'Kayes', '', 'Z', 'douze', '', '', '', '', 'archived', '']]
    const outcome = await importCaseExport(await asCoordination(), { name: 'export.xlsx', data: await exportFile(bad) })
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) {
      expect(outcome.errors.map((e) => `${e.row} ${e.column}`)).toEqual(['5 registration_date', '5 location_current', '6 sex', '6 age', '6 status'])
      expect(outcome.errors[0]!.message).toMatch(/^Date d’enregistrement « 2026-13-01 » illisible/)
    }
    expect(await stored()).toEqual(before)
  })

  it('names missing columns, and refuses a file that is not a spreadsheet', async () => {
    const missing = await importCaseExport(await asCoordination(), { name: 'export.xlsx', data: await exportFile(ROWS.map((r) => r.slice(0, 7)), HEADER.slice(0, 7)) })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.errors.map((e) => e.column)).toEqual(['sex', 'age', 'protection_concerns', 'services_provided', 'referrals', 'status'])
    const pdf = await importCaseExport(await asCoordination(), { name: 'export.xlsx', data: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF') })
    expect(pdf).toEqual({ ok: false, errors: [{ row: null, column: null, message: 'Le fichier n’est pas un tableur XLSX ou CSV valide.' }] })
  })

  it('is for coordination only, through the endpoint', async () => {
    const { CaseAggregates } = await import('#cms/collections/CaseAggregates/index.ts')
    const handler = CaseAggregates.endpoints ? (CaseAggregates.endpoints as { path: string; handler: (req: PayloadRequest) => Promise<Response> }[])[0]!.handler : null
    const req = (await createLocalReq({ user: trainer }, payload)) as PayloadRequest
    Object.assign(req, { user: { ...trainer, collection: 'users' } })
    expect((await handler!(req)).status).toBe(403)
  })
})
