import { describe, expect, it } from 'vitest'
import { checkPassword, isPasswordExpired } from './password.ts'

const strong = () => 4
const weak = () => 1

describe('checkPassword', () => {
  it('refuses short passwords whatever their strength', () => {
    expect(checkPassword('Ab1!Ab1!Ab1', undefined, strong)).toBe('tooShort')
  })
  it('refuses passwords the estimator finds guessable', () => {
    expect(checkPassword('motdepasse123', undefined, weak)).toBe('common')
  })
  it('refuses passwords built on the email', () => {
    expect(checkPassword('awa.traore-2026!', 'awa.traore@example.org', strong)).toBe('containsEmail')
  })
  it('passes the email to the estimator as user input', () => {
    let seen: string[] = []
    checkPassword('Baobab-sous-la-pluie-7', 'kadi@example.org', (_p, inputs) => ((seen = inputs), 4))
    expect(seen).toContain('kadi@example.org')
  })
  it('accepts a long, strong password', () => {
    expect(checkPassword('Baobab-sous-la-pluie-7', 'kadi@example.org', strong)).toBeNull()
  })
})

describe('isPasswordExpired', () => {
  const now = new Date('2026-11-25T12:00:00Z')
  it('expires after the maximum age', () => {
    expect(isPasswordExpired({ passwordChangedAt: '2026-08-26T11:00:00Z' }, now, 90)).toBe(true)
    expect(isPasswordExpired({ passwordChangedAt: '2026-08-28T12:00:00Z' }, now, 90)).toBe(false)
  })
  it('treats a never-changed password as expired', () => {
    expect(isPasswordExpired({}, now, 90)).toBe(true)
  })
  it('never expires exempt accounts', () => {
    expect(isPasswordExpired({ passwordChangedAt: '2000-01-01', passwordExpiryExempt: true }, now, 90)).toBe(false)
  })
})
