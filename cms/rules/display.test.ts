import { describe, expect, it } from 'vitest'
import { dateFormatter, formatDateTime, formatDay, formatShare, numberFormatter } from './display.ts'

describe('values as the back office writes them', () => {
  it('writes days as dd/mm/yyyy, timestamps read in Bamako', () => {
    expect(formatDay('2026-12-01')).toBe('01/12/2026')
    expect(formatDay('2026-03-09T12:00:00.000Z')).toBe('09/03/2026')
    expect(formatDay('2026-12-31T23:59:00.000Z')).toBe('31/12/2026')
    expect(formatDay(null)).toBe('')
    expect(formatDay('bientôt')).toBe('bientôt')
  })
  it('writes times on the 24-hour clock', () => {
    expect(formatDateTime('2026-12-01T15:05:00.000Z')).toBe('01/12/2026 15:05')
    expect(formatDateTime('2026-12-01T00:30:00.000Z')).toBe('01/12/2026 00:30')
  })
  it('writes shares as whole percentages, bounded', () => {
    expect(formatShare(0.956)).toBe('96\u202f%')
    expect(formatShare(0)).toBe('0\u202f%')
    expect(formatShare(1.2)).toBe('100\u202f%')
    expect(formatShare(undefined)).toBe('')
  })
  it('builds one formatter per locale and options, and keeps them apart', () => {
    const long = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const
    expect(dateFormatter('fr-FR', long)).toBe(dateFormatter('fr-FR', { ...long }))
    expect(dateFormatter('fr-FR', long).format(new Date('2024-08-13T00:00:00Z'))).toBe('13 août 2024')
    expect(dateFormatter('en-GB', long).format(new Date('2024-08-13T00:00:00Z'))).toBe('13 August 2024')
    expect(numberFormatter('fr-FR', { maximumFractionDigits: 1 })).not.toBe(numberFormatter('fr-FR', { maximumFractionDigits: 0 }))
    expect(numberFormatter('fr-FR', { maximumFractionDigits: 1 }).format(1.25)).toBe('1,3')
  })
})
