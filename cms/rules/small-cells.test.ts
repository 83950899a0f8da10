import { describe, expect, it } from 'vitest'
import { suppressCount, suppressTable } from './small-cells.ts'

const texts = (table: ReturnType<typeof suppressTable>) => table.map((r) => r.map((c) => c.text))

describe('small-cell suppression', () => {
  it('shows every count of a table without small cells, with its totals', () => {
    expect(texts(suppressTable([[12, 30], [8, 9]]))).toEqual([
      ['12', '30', '42'],
      ['8', '9', '17'],
      ['20', '39', '59'],
    ])
  })

  it('hides counts under 5, zero included, and the cells that would give them away by subtraction', () => {
    // Mopti: 3 women, 20 men. Kayes: 12 women, 9 men.
    const table = suppressTable([[3, 20], [12, 9]])
    expect(texts(table)).toEqual([
      ['< 5', '×', '23'],
      ['×', '×', '21'],
      ['15', '29', '44'],
    ])
    // No hidden cell is the only hidden one of a line whose total is shown.
    for (let r = 0; r < 3; r++) {
      const row = table[r]!
      if (row[2]!.suppressed === 'no') expect(row.slice(0, 2).filter((c) => c.suppressed !== 'no').length).not.toBe(1)
    }
    for (let c = 0; c < 3; c++) {
      const column = table.map((row) => row[c]!)
      if (column[2]!.suppressed === 'no') expect(column.slice(0, 2).filter((cell) => cell.suppressed !== 'no').length).not.toBe(1)
    }
    expect(texts(suppressTable([[0, 40]]))[0]).toEqual(['< 5', '×', '40'])
  })

  it('hides a total that is itself small', () => {
    expect(texts(suppressTable([[1, 2]]))).toEqual([
      ['< 5', '< 5', '< 5'],
      ['< 5', '< 5', '< 5'],
    ])
  })

  it('writes a headline figure with French grouping, or "< 5"', () => {
    expect(suppressCount(4)).toBe('< 5')
    expect(suppressCount(0)).toBe('< 5')
    expect(suppressCount(5)).toBe('5')
    expect(suppressCount(1234)).toBe('1 234')
  })

  it('refuses a ragged table', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(/same number of columns/)
  })
})
