import { describe, expect, it } from 'vitest'
import { defaultDhis2Period, ZDhis2Form } from './dhis2.ts'

describe('the DHIS2 page form', () => {
  it('offers last month first, in Bamako time, across a year end', () => {
    expect(defaultDhis2Period(new Date('2026-01-01T00:30:00Z'))).toBe('202512')
    expect(defaultDhis2Period(new Date('2026-03-31T23:59:00Z'))).toBe('202602')
  })
  it('accepts a month, a quarter or a year, and names the field otherwise', () => {
    for (const period of ['202503', '2025Q1', '2025']) expect(ZDhis2Form.safeParse({ period, action: 'essai' }).success).toBe(true)
    for (const period of ['2025-03', '20250301', '2025W10', '']) {
      expect(ZDhis2Form.safeParse({ period, action: 'essai' }).error?.issues).toMatchObject([{ path: ['period'], message: 'dhis2.periodInvalid' }])
    }
    expect(ZDhis2Form.safeParse({ period: '2025', action: 'supprimer' }).error?.issues).toMatchObject([{ path: ['action'], message: 'dhis2.actionInvalid' }])
  })
})
