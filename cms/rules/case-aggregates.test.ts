import { describe, expect, it } from 'vitest'
import { aggregateCases, ageGroupOf, exportDate, type TCpimsMapping } from './case-aggregates.ts'

const mapping: TCpimsMapping = {
  columns: { registrationDate: 'registration_date', region: 'location_current', sex: 'sex', age: 'age', concerns: 'protection_concerns', services: 'services_provided', referrals: 'referrals', status: 'status' },
  separator: ';',
  sexValues: [],
  regionValues: [{ from: 'Mopti Ville', to: 'MOP' }],
  concernValues: [
    { from: 'Physical Violence', to: 'physicalViolence' },
    { from: 'Coups et blessures', to: 'physicalViolence' },
    { from: 'Separated', to: 'separated' },
  ],
  serviceValues: [{ from: 'Health', to: 'health' }, { from: 'Psychosocial', to: 'psychosocial' }],
  statusValues: [],
}
const regions = [{ code: 'MOP', name: 'Mopti' }, { code: 'KAY', name: 'Kayes' }]
const HEADER = ['case_id', 'name', 'registration_date', 'location_current', 'sex', 'age', 'protection_concerns', 'services_provided', 'referrals', 'status', 'caregiver_phone']
const table = (...rows: string[][]) => [{ row: 1, cells: HEADER }, ...rows.map((cells, i) => ({ row: i + 2, cells }))]

describe('CPIMS+ case export → aggregates', () => {
  it('counts cases by month, region, sex and age group, concerns and services per case, and keeps nothing else', () => {
    const result = aggregateCases(
      table(
        ['CP-001', 'Aïssata Touré', '2025-03-04', 'Mopti', 'F', '9', 'Physical Violence;Coups et blessures', 'Health;Psychosocial', 'Health', 'open', '76 00 00 01'],
        ['CP-002', 'Oumar Diallo', '17/03/2025', 'Mopti Ville', 'male', '16', 'Separated', 'Psychosocial', '', 'closed', '76 00 00 02'],
        ['CP-003', 'Mariam Coulibaly', '02-Apr-2025', 'kayes', 'f', '', 'Mariage forcé', '', '', 'Ouvert', ''],
      ),
      mapping,
      regions,
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.cases).toBe(3)
    expect(result.months).toEqual(['2025-03', '2025-04'])
    const find = (dimension: string, category: string, region = 'MOP') => result.aggregates.filter((a) => a.dimension === dimension && a.category === category && a.region === region)
    expect(find('cases', 'open')).toEqual([{ month: '2025-03', region: 'MOP', sex: 'F', ageGroup: '6-11', dimension: 'cases', category: 'open', count: 1 }])
    expect(find('cases', 'closed')).toEqual([{ month: '2025-03', region: 'MOP', sex: 'M', ageGroup: '15-17', dimension: 'cases', category: 'closed', count: 1 }])
    // Two values of the first case fall in "physical violence": the case counts once there.
    expect(find('concern', 'physicalViolence')).toMatchObject([{ count: 1 }])
    expect(find('service', 'psychosocial').reduce((n, a) => n + a.count, 0)).toBe(2)
    expect(find('referral', 'health')).toMatchObject([{ count: 1 }])
    // A value the mapping does not know counts as "other" and is listed for the coordinator.
    expect(find('concern', 'other', 'KAY')).toMatchObject([{ month: '2025-04', sex: 'F', ageGroup: 'unknown', count: 1 }])
    expect(result.otherValues).toEqual([{ column: 'protection_concerns', value: 'Mariage forcé', rows: 1 }])
    // Nothing identifying survives: no name, case id or phone anywhere in the result.
    const text = JSON.stringify(result)
    for (const secret of ['Aïssata', 'Touré', 'CP-001', '76 00 00 01', 'Oumar', 'Mariam']) expect(text).not.toContain(secret)
  })

  it('lists every bad row with its column, in French, and aggregates nothing', () => {
    const result = aggregateCases(
      table(
        ['CP-1', 'X', '2025-02-30', 'Mopti', 'F', '9', '', '', '', 'open', ''],
        ['CP-2', 'Y', '2025-03-01', 'Sahel', 'X', '-3', '', '', '', 'pending', ''],
      ),
      mapping,
      regions,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'registration_date'],
      [3, 'location_current'],
      [3, 'sex'],
      [3, 'age'],
      [3, 'status'],
    ])
    expect(result.errors[0]!.message).toBe('Date d’enregistrement « 2025-02-30 » illisible : attendu AAAA-MM-JJ ou JJ/MM/AAAA.')
    expect(result.errors[1]!.message).toMatch(/^Région « Sahel » inconnue/)
  })

  it('names a mapped column missing from the header, and refuses an empty export', () => {
    const result = aggregateCases([{ row: 1, cells: ['case_id', 'registration_date', 'sex'] }, { row: 2, cells: ['1', '2025-01-01', 'F'] }], mapping, regions)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.column)).toEqual(['location_current', 'age', 'protection_concerns', 'services_provided', 'referrals', 'status'])
    expect(aggregateCases([], mapping, regions)).toMatchObject({ ok: false, errors: [{ message: /vide/ }] })
    expect(aggregateCases(table(), mapping, regions)).toMatchObject({ ok: false, errors: [{ message: /aucun dossier/ }] })
  })

  it('reads the date formats exports use and puts ages in groups', () => {
    expect(exportDate('2025-03-04T10:22:00Z')).toBe('2025-03-04')
    expect(exportDate('4/3/2025')).toBe('2025-03-04')
    expect(exportDate('04-Mar-2025')).toBe('2025-03-04')
    expect(exportDate('31/02/2025')).toBeNull()
    expect(exportDate('mars 2025')).toBeNull()
    expect([0, 5, 6, 11, 12, 14, 15, 17, 18].map(ageGroupOf)).toEqual(['0-5', '0-5', '6-11', '6-11', '12-14', '12-14', '15-17', '15-17', '18+'])
    expect(ageGroupOf(null)).toBe('unknown')
  })
})
