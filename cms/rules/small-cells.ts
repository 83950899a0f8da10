// Public figures never let a reader single out a few people: a count under SMALL_CELL is shown as "< 5"
// (primary suppression), and where a hidden count could be worked out by subtraction — the only hidden cell of a
// line whose total is shown — the next smallest cell of that line is hidden too (secondary suppression, shown as
// "×"). Lines are the rows and the columns of a table with its row totals and column totals.

export const SMALL_CELL = 5

export type TShownCell = { value: number; text: string; suppressed: 'no' | 'small' | 'secondary' }

/** The text of a count that is not suppressed, in French grouping ("1 234"). */
const shown = (value: number): string => value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')

/**
 * Suppresses a table of counts. `counts[r][c]`: rows × columns; totals are computed here (row totals on the right,
 * column totals at the bottom, the grand total in the corner) and suppressed by the same rules.
 * Returns the table with totals: `(rows + 1) × (columns + 1)` cells.
 */
export function suppressTable(counts: readonly (readonly number[])[]): TShownCell[][] {
  const rows = counts.length
  const cols = counts[0]?.length ?? 0
  if (counts.some((r) => r.length !== cols)) throw new Error('suppressTable: every row needs the same number of columns.')
  const full: number[][] = counts.map((r) => [...r, r.reduce((a, b) => a + b, 0)])
  const totals = Array.from({ length: cols + 1 }, (_, c) => full.reduce((sum, r) => sum + r[c]!, 0))
  full.push(totals)
  const state: TShownCell['suppressed'][][] = full.map((r) => r.map((v) => (v < SMALL_CELL ? 'small' : 'no')))
  // Lines: each row with its total (last column), each column with its total (last row).
  const lines: [number, number][][] = [
    ...Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: cols + 1 }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: cols + 1 }, (_, c) => Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number])),
  ]
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines) {
      const parts = line.slice(0, -1)
      const total = line.at(-1)!
      if (state[total[0]]![total[1]] !== 'no') continue
      const hidden = parts.filter(([r, c]) => state[r]![c] !== 'no')
      if (hidden.length !== 1) continue
      const candidates = parts.filter(([r, c]) => state[r]![c] === 'no').sort(([ra, ca], [rb, cb]) => full[ra]![ca]! - full[rb]![cb]!)
      const next = candidates[0] ?? total
      state[next[0]]![next[1]] = 'secondary'
      changed = true
    }
  }
  return full.map((r, ri) => r.map((value, ci) => {
    const s = state[ri]![ci]!
    return { value, suppressed: s, text: s === 'small' ? `< ${SMALL_CELL}` : s === 'secondary' ? '×' : shown(value) }
  }))
}

/** One count on its own (a headline figure): "< 5" under the threshold. */
export function suppressCount(value: number): string {
  return value < SMALL_CELL ? `< ${SMALL_CELL}` : shown(value)
}
