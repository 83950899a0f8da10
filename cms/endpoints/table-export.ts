import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { choiceParam } from './params.ts'
import { download, personalDataDownload, type TPersonalData, type TRequester } from './download.ts'

/** The spreadsheet formats a table is exported in. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const
export type TableFormat = (typeof TABLE_FORMATS)[number]

/** A cell of an exported table. */
export type TCell = string | number | null | undefined
/** A table to export: French column headers, rows, the sheet name; optionally a title line (XLSX only) and column widths. */
export type TTable = { headers: readonly string[]; rows: readonly (readonly TCell[])[]; sheet: string; title?: string; widths?: readonly number[] }

/**
 * The `format` query parameter: missing → `fallback`; anything but csv/xlsx → PortalError 400 naming the choices
 * (never a silent CSV).
 */
export function tableFormat(searchParams: URLSearchParams | undefined, fallback: TableFormat = 'csv'): TableFormat {
  return choiceParam(searchParams, 'format', TABLE_FORMATS, fallback)
}

/**
 * Defuses spreadsheet formulas: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be
 * run by the spreadsheet software that opens the file (`=HYPERLINK(…)` sends data away), so it gets a leading `'`.
 * Numbers stay numbers.
 */
export function neutraliseCell(value: TCell): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** The table as a CSV (`;`, UTF-8 with BOM so accents open right) or XLSX file, every text cell neutralised. */
export async function tableFile(table: TTable, format: TableFormat): Promise<Buffer> {
  const headers = table.headers.map(neutraliseCell)
  const rows = table.rows.map((row) => row.map(neutraliseCell))
  if (format === 'csv') {
    // No title line in CSV: the header row comes first so that the file can be read back by a program.
    return Buffer.from(`\uFEFF${stringify([headers, ...rows], { delimiter: ';' })}`, 'utf8')
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31))
  if (table.title) sheet.addRow([neutraliseCell(table.title)]).font = { bold: true }
  sheet.addRow(headers).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  table.widths?.forEach((width, index) => (sheet.getColumn(index + 1).width = width))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * The one table export: the file in the asked format with a safe name. `personalData` must be stated: a table
 * of people is written to the audit log by itself (what, rows, format); `false` only for tables without people
 * (aggregates).
 */
export async function exportTable(
  by: TRequester,
  table: TTable,
  options: { format: TableFormat; fileName: string; personalData: Omit<TPersonalData, 'rows'> | false },
): Promise<Response> {
  const file = { body: await tableFile(table, options.format), fileName: `${options.fileName}.${options.format}`, kind: options.format }
  if (options.personalData === false) return download(file)
  return personalDataDownload(by, { ...options.personalData, rows: table.rows.length }, file)
}
