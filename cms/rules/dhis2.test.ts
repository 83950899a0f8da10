import { describe, expect, it } from 'vitest'
import { dataValueSet, importSummaryOf, readyToSend, summaryLinesFr, ZDhis2Code, type TDhis2Mapping, type TIndicatorValue } from './dhis2.ts'

const mapping: TDhis2Mapping = {
  elements: [
    { indicator: 'peopleTrained', disaggregation: 'female', dataElement: 'PE_FORMES', categoryOptionCombo: 'SEXE_F' },
    { indicator: 'peopleTrained', disaggregation: 'male', dataElement: 'PE_FORMES', categoryOptionCombo: 'SEXE_M' },
    { indicator: 'trainingsHeld', disaggregation: 'total', dataElement: 'PE_FORMATIONS', categoryOptionCombo: null },
  ],
  orgUnits: [
    { region: 'MOP', orgUnit: 'ML_MOPTI' },
    { region: 'KAY', orgUnit: 'ML_KAYES' },
  ],
}

describe('dataValueSets payload', () => {
  it('sends every mapped figure with DHIS2 codes and the period in DHIS2 format, zeros included', () => {
    const values: TIndicatorValue[] = [
      { indicator: 'peopleTrained', disaggregation: 'female', region: 'MOP', value: 12 },
      { indicator: 'peopleTrained', disaggregation: 'male', region: 'MOP', value: 0 },
      { indicator: 'trainingsHeld', disaggregation: 'total', region: 'KAY', value: 2 },
    ]
    const { payload, unmapped } = dataValueSet(values, mapping, { type: 'quarter', year: 2025, quarter: 1 })
    expect(unmapped).toEqual([])
    expect(payload.dataValues).toEqual([
      { dataElement: 'PE_FORMES', period: '2025Q1', orgUnit: 'ML_MOPTI', categoryOptionCombo: 'SEXE_F', value: '12' },
      { dataElement: 'PE_FORMES', period: '2025Q1', orgUnit: 'ML_MOPTI', categoryOptionCombo: 'SEXE_M', value: '0' },
      { dataElement: 'PE_FORMATIONS', period: '2025Q1', orgUnit: 'ML_KAYES', value: '2' },
    ])
    expect(dataValueSet(values.slice(0, 1), mapping, { type: 'month', year: 2025, month: 3 }).payload.dataValues[0]!.period).toBe('202503')
    expect(dataValueSet(values.slice(0, 1), mapping, { type: 'year', year: 2025 }).payload.dataValues[0]!.period).toBe('2025')
  })

  it('lists what the mapping lacks instead of sending it', () => {
    const { payload, unmapped } = dataValueSet(
      [
        { indicator: 'certificatesIssued', disaggregation: 'total', region: 'MOP', value: 3 },
        { indicator: 'trainingsHeld', disaggregation: 'total', region: 'GAO', value: 1 },
      ],
      mapping,
      { type: 'month', year: 2025, month: 3 },
    )
    expect(payload.dataValues).toEqual([])
    expect(unmapped).toEqual([
      { indicator: 'certificatesIssued', disaggregation: 'total', region: 'MOP', reason: 'element' },
      { indicator: 'trainingsHeld', disaggregation: 'total', region: 'GAO', reason: 'orgUnit' },
    ])
  })

  it('accepts DHIS2 codes and refuses anything else in French', () => {
    expect(ZDhis2Code.parse(' ML_MOPTI ')).toBe('ML_MOPTI')
    expect(ZDhis2Code.safeParse('Mopti région').success).toBe(false)
    expect(ZDhis2Code.safeParse('').error?.issues[0]?.message).toMatch(/^Code DHIS2 invalide/)
  })
})

describe('DHIS2 import summary', () => {
  const modern = { httpStatus: 'Conflict', status: 'WARNING', response: { status: 'WARNING', importCount: { imported: 2, updated: 0, ignored: 1, deleted: 0 }, conflicts: [{ object: 'ML_GAO', value: 'Organisation unit not found' }] } }
  const legacy = { status: 'SUCCESS', importCount: { imported: 0, updated: 3, ignored: 0, deleted: 0 } }

  it('reads both the wrapped (2.38+) and the bare summary', () => {
    expect(importSummaryOf(modern)).toEqual({ status: 'WARNING', imported: 2, updated: 0, ignored: 1, deleted: 0, conflicts: [{ object: 'ML_GAO', value: 'Organisation unit not found' }], description: null })
    expect(importSummaryOf(legacy)).toMatchObject({ status: 'OK', updated: 3, ignored: 0, conflicts: [] })
  })

  it('treats an unreadable answer as an error, never as a success', () => {
    for (const body of [null, 'Bad gateway', 42, []]) expect(importSummaryOf(body).status).toBe('ERROR')
    expect(readyToSend(importSummaryOf('<html>'))).toBe(false)
  })

  it('allows the real sending only when nothing would be ignored', () => {
    expect(readyToSend(importSummaryOf(legacy))).toBe(true)
    expect(readyToSend(importSummaryOf(modern))).toBe(false)
    expect(readyToSend({ ...importSummaryOf(legacy), status: 'ERROR' })).toBe(false)
    expect(readyToSend({ ...importSummaryOf(legacy), conflicts: [{ object: 'x', value: 'y' }] })).toBe(false)
  })

  it('says it in French, conflicts included', () => {
    const lines = summaryLinesFr(importSummaryOf(modern), true)
    expect(lines[0]).toBe('Essai à blanc : accepté avec avertissements.')
    expect(lines).toContain('Seraient importées : 2 · mises à jour : 0 · ignorées : 1.')
    expect(lines).toContain('Conflit sur « ML_GAO » : Organisation unit not found')
    expect(lines.at(-1)).toMatch(/corrigez la correspondance/)
    expect(summaryLinesFr(importSummaryOf(legacy), false)[0]).toBe('Envoi : accepté.')
  })
})
