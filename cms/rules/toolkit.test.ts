import { describe, expect, it } from 'vitest'
import { displayFormCode, FORM_CODES, formCodesOfStep, selectOptions, STEPS } from './toolkit.ts'

describe('toolkit vocabulary', () => {
  it('has the 25 harmonised forms of docs/domain.md, each on a step', () => {
    expect(Object.keys(FORM_CODES)).toHaveLength(25)
    for (const { step } of Object.values(FORM_CODES)) expect(Object.keys(STEPS)).toContain(step)
  })
  it('lists the forms of a step in order', () => {
    expect(formCodesOfStep('1')).toEqual(['1.A', '1.B', '1.C', '1.D', '1.E'])
    expect(formCodesOfStep('4')).toEqual(['4.A', '4.B', '4.C', '4.D', '4.E'])
    expect(formCodesOfStep('annex')).toEqual(['A.1', 'A.2', 'A.3', 'B.1', 'checklist', 'cover'])
  })
  it('names the file tools instead of showing their code', () => {
    expect(displayFormCode('1.C', 'fr')).toBe('1.C')
    expect(displayFormCode('cover', 'fr')).toBe('Page de garde du dossier')
  })
  it('builds Payload options with both languages', () => {
    expect(selectOptions(STEPS)[0]).toEqual({ value: '1', label: { fr: '1 · Identification et enregistrement', en: '1 · Identification and registration' } })
  })
})
