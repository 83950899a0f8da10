import { describe, expect, it } from 'vitest'
import { functionGroup } from './training-vocabulary.ts'

describe('functions grouped for the statistics', () => {
  it('groups spellings of one function, whatever the case, accents and gender', () => {
    expect(functionGroup('Superviseur de cas')).toBe('Superviseur')
    expect(functionGroup('SUPERVISEURE')).toBe('Superviseur')
    expect(functionGroup('educatrice')).toBe('Éducateur / Éducatrice')
    expect(functionGroup(' Éducateur ')).toBe('Éducateur / Éducatrice')
  })
  it('keeps a function it does not know as written, spaces tidied', () => {
    expect(functionGroup('  Chef  de service ')).toBe('Chef de service')
    expect(functionGroup(null)).toBe('')
  })
})
