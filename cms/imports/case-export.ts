import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { audit, clientIp } from '../auth/audit.ts'
import { aggregateCases, ZCpimsMapping, type TCaseImportError } from '../rules/case-aggregates.ts'
import { readTable } from './participants.ts'

export type TCaseImportOutcome =
  | { ok: true; cases: number; months: string[]; records: number; otherValues: { column: string; value: string; rows: number }[] }
  | { ok: false; errors: TCaseImportError[] }

/**
 * Imports a CPIMS+ case export as aggregates (docs/indicators.md). The file is read and checked whole first; then
 * the aggregates of the months it covers are replaced (an export is the source of truth for its
 * months, so importing the same export twice counts nothing twice). Nothing of the file but counts is kept: the
 * file itself is never stored, and the journal records only the numbers.
 */
export async function importCaseExport(req: PayloadRequest, file: { name: string; data: Buffer }): Promise<TCaseImportOutcome> {
  const { payload } = req
  const table = await readTable(file.data)
  if (!table.ok) return table
  const [global, regions] = await Promise.all([
    payload.findGlobal({ slug: 'cpims-mapping', depth: 0, overrideAccess: true, req }),
    payload.find({ collection: 'regions', limit: 0, pagination: false, depth: 0, overrideAccess: true, req }),
  ])
  const mapping = ZCpimsMapping.safeParse(global)
  if (!mapping.success) return { ok: false, errors: [{ row: null, column: null, message: 'La correspondance CPIMS+ est incomplète : remplissez chaque colonne dans Rapports › Correspondance CPIMS+.' }] }
  const result = aggregateCases(table.rows, mapping.data, regions.docs.map((r) => ({ code: r.code, name: r.name })))
  if (!result.ok) return result
  const importedAt = new Date().toISOString()
  // The new counts are written first, then the journal line, and only then are the months' old counts removed, in
  // ONE delete statement (the adapter's deleteMany: a single SQL DELETE, all or nothing even without a
  // transaction). If anything fails before that last statement has run, what was written is taken back and the
  // previous figures stay whole. (One transaction on MongoDB; SQLite runs without transactions in Payload, hence
  // the explicit undo — tests/int/case-export-undo.test.ts makes each step fail.)
  const shouldCommit = await initTransaction(req)
  try {
    for (const aggregate of result.aggregates) await payload.create({ collection: 'case-aggregates', data: { ...aggregate, importedAt }, overrideAccess: true, req })
    await audit(payload, { action: 'import.caseAggregates', actor: req.user as never, ip: clientIp(req.headers), details: { cases: result.cases, months: result.months, records: result.aggregates.length } }, req)
    await payload.db.deleteMany({ collection: 'case-aggregates', where: { and: [{ month: { in: result.months } }, { importedAt: { not_equals: importedAt } }] }, req })
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    await payload.db.deleteMany({ collection: 'case-aggregates', where: { importedAt: { equals: importedAt } } })
    throw error
  }
  return { ok: true, cases: result.cases, months: result.months, records: result.aggregates.length, otherValues: result.otherValues }
}
