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
  it('refuses passwords built on an address with separators, however the pieces are written', () => {
    expect(checkPassword('testfaible123', 'test.faible+x@example.org', strong)).toBe('containsEmail')
    expect(checkPassword('Test-Faible-2026!', 'test.faible+x@example.org', strong)).toBe('containsEmail')
    expect(checkPassword('moussa_diarra.99', 'moussa-diarra@example.org', strong)).toBe('containsEmail')
    expect(checkPassword('xx-moussadiarra', 'moussa_diarra@example.org', strong)).toBe('containsEmail')
  })
  it('does not refuse a password that merely shares a short piece with the address', () => {
    expect(checkPassword('Baobab-sous-la-pluie-7', 'a.b+x@example.org', strong)).toBeNull()
  })
  it('passes the email, its local part, its pieces and the joined pieces to the estimator as user inputs', () => {
    let seen: string[] = []
    checkPassword('Baobab-sous-la-pluie-7', 'Kadi.Traore+formation@example.org', (_p, inputs) => ((seen = inputs), 4))
    expect(seen).toEqual(expect.arrayContaining(['kadi.traore+formation@example.org', 'kadi.traore+formation', 'kadi.traore', 'kaditraore', 'kadi', 'traore', 'formation']))
  })
  it('lets the estimator refuse a password made of the address pieces in another order', () => {
    const estimator = (p: string, inputs: string[]) => (inputs.filter((i) => i.length >= 4).some((i) => p.toLowerCase().includes(i)) ? 1 : 4)
    expect(checkPassword('Traore!Kadi!2026', 'kadi.traore@example.org', estimator)).toBe('common')
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
