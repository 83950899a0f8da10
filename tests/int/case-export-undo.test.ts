import ExcelJS from 'exceljs'
import { createLocalReq, type CollectionBeforeChangeHook, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { importCaseExport } from '#cms/imports/case-export.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// The CPIMS+ import is all or nothing on SQLite, where Payload runs without transactions: the import takes back
// what it wrote (docs/indicators.md). Here the write is made to fail midway — after some counts are stored, or
// once every count is stored and the journal line fails — through Payload's own hooks, added for one test and
// removed after it. Nothing of the failed import may stay, and the months' previous counts must be whole.
let payload: Payload
let coordination: User
beforeAll(async () => {
  payload = await testPortal()
  coordination = await accountByEmail(payload, 'coordination@example.org')
})

const HEADER = ['case_id', 'name', 'registration_date', 'location_current', 'sex', 'age', 'protection_concerns', 'services_provided', 'referrals', 'status']
const FIRST = [
  ['C-1', 'Awa Keïta', '2026-05-04', 'Kayes', 'F', '9', 'Neglect', 'Health', '', 'open'],
  ['C-2', 'Issa Keïta', '2026-05-18', 'Kayes', 'M', '15', 'Separated', 'Education', 'Health', 'closed'],
  ['C-3', 'Nana Touré', '2026-06-02', 'Ségou', 'F', '4', 'Child Labour', '', '', 'open'],
]
// A later export of the same months, with more cases: it would replace every count of May and June.
const SECOND = [...FIRST, ['C-4', 'Salif Touré', '2026-05-21', 'Ségou', 'M', '12', 'Neglect', 'Legal', 'Legal', 'open'], ['C-5', 'Oumou Sow', '2026-06-11', 'Kayes', 'F', '17', '', 'Health', '', 'closed']]

async function exportFile(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Cases')
  sheet.addRow(HEADER)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
const asCoordination = async () => {
  const req = (await createLocalReq({ user: coordination }, payload)) as PayloadRequest
  return Object.assign(req, { user: { ...coordination, collection: 'users' } })
}
/** Every stored count, without the fields a new import changes by itself (id, dates). */
const counts = async () =>
  (await payload.find({ collection: 'case-aggregates', limit: 0, pagination: false, sort: 'id', overrideAccess: true })).docs.map((d) => ({ id: d.id, month: d.month, region: d.region, sex: d.sex, ageGroup: d.ageGroup, dimension: d.dimension, category: d.category, count: d.count, importedAt: d.importedAt }))
const journalLines = async () => (await payload.count({ collection: 'audit-log', where: { action: { equals: 'import.caseAggregates' } }, overrideAccess: true })).totalDocs

/** Makes `collection`'s writes throw when `fails` says so, until the end of the test. */
const removers: (() => void)[] = []
function failWrites(collection: CollectionSlug, fails: (data: Record<string, unknown>) => boolean): void {
  const hooks = payload.collections[collection].config.hooks.beforeChange
  const hook: CollectionBeforeChangeHook = ({ data, operation }) => {
    if (operation === 'create' && fails(data)) throw new Error('Écriture refusée (panne simulée)')
    return data
  }
  hooks.push(hook)
  removers.push(() => hooks.splice(hooks.indexOf(hook), 1))
}
afterEach(() => {
  for (const remove of removers.splice(0)) remove()
})

describe('a CPIMS+ import whose writing fails midway', () => {
  it('leaves no count of its own and the previous counts of its months whole when a count fails to be stored', async () => {
    expect(await importCaseExport(await asCoordination(), { name: 'mai-juin.xlsx', data: await exportFile(FIRST) })).toMatchObject({ ok: true, cases: 3 })
    const before = await counts()
    const journalBefore = await journalLines()
    expect(before.length).toBeGreaterThan(5)

    let written = 0
    failWrites('case-aggregates', () => ++written > 5)
    await expect(importCaseExport(await asCoordination(), { name: 'mai-juin-complet.xlsx', data: await exportFile(SECOND) })).rejects.toThrow('Écriture refusée')
    // The failure came after five counts of the new import had been stored: they are gone again.
    expect(written).toBe(6)
    expect(await counts()).toEqual(before)
    expect(await journalLines()).toBe(journalBefore)
  })

  it('takes back every new count and keeps the previous ones when the journal line fails after the counts are stored', async () => {
    const before = await counts()
    let newCounts = 0
    failWrites('case-aggregates', () => (newCounts++, false))
    failWrites('audit-log', (data) => data.action === 'import.caseAggregates')
    await expect(importCaseExport(await asCoordination(), { name: 'mai-juin-complet.xlsx', data: await exportFile(SECOND) })).rejects.toThrow('Écriture refusée')
    expect(newCounts).toBeGreaterThan(before.length)
    expect(await counts()).toEqual(before)
  })

  it('then imports the same file whole once the fault is gone', async () => {
    const outcome = await importCaseExport(await asCoordination(), { name: 'mai-juin-complet.xlsx', data: await exportFile(SECOND) })
    expect(outcome).toMatchObject({ ok: true, cases: 5, months: ['2026-05', '2026-06'] })
    const after = await counts()
    expect(after.filter((d) => d.dimension === 'cases').reduce((n, d) => n + d.count, 0)).toBe(5)
    expect(new Set(after.map((d) => d.importedAt)).size).toBe(1)
  })
})
