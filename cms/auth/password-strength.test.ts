import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password-strength.ts'

// The policy with the real zxcvbn estimator and dictionaries (finding 16 of issue 9).
describe('passwordProblem with the real estimator', () => {
  it('refuses a password built on an address with separators', () => {
    expect(passwordProblem('testfaible123', 'test.faible+x@example.org')).toBe('containsEmail')
  })
  it('refuses the same password written with separators', () => {
    expect(passwordProblem('Test_Faible_2026!', 'test.faible+x@example.org')).toBe('containsEmail')
  })
  it('accepts a strong password unrelated to the address', () => {
    expect(passwordProblem('Pirogue-sur-le-Bani-2026', 'test.faible+x@example.org')).toBeNull()
  })
})
