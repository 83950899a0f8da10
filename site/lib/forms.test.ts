import { describe, expect, it } from 'vitest'
import { issuesToErrors, safeNextPath, ZProfile, ZSignIn, ZSignUp } from './forms.ts'

describe('form schemas', () => {
  it('gives a French message per field', () => {
    const r = ZSignUp.safeParse({ name: 'A', email: 'pas-un-email', newPassword: 'x', confirmPassword: 'y' })
    expect(r.success).toBe(false)
    if (r.success) return
    const errors = issuesToErrors(r.error.issues, 'fr')
    expect(errors.name).toMatch(/Indiquez votre nom/)
    expect(errors.email).toMatch(/adresse e-mail valide/)
    expect(errors.consent).toMatch(/accord/)
    expect(errors.confirmPassword).toMatch(/pas identiques/)
  })
  it('normalises the email', () => {
    expect(ZSignIn.parse({ email: 'Awa@Example.ORG', password: 'x' }).email).toBe('awa@example.org')
  })
  it('refuses tampered region ids', () => {
    const r = ZSignUp.safeParse({ name: 'Awa', email: 'a@b.ml', region: "1' OR 1=1", consent: 'on', newPassword: 'p', confirmPassword: 'p' })
    expect(r.success).toBe(false)
  })
  it('checks phone numbers', () => {
    expect(ZProfile.safeParse({ name: 'Awa', phone: '+223 70 00 00 00' }).success).toBe(true)
    expect(ZProfile.safeParse({ name: 'Awa', phone: '<b>' }).success).toBe(false)
    expect(ZProfile.safeParse({ name: 'Awa', phone: '' }).success).toBe(true)
  })
})

describe('safeNextPath', () => {
  it('follows local paths only', () => {
    expect(safeNextPath('/admin', '/')).toBe('/admin')
    expect(safeNextPath('https://evil.example', '/')).toBe('/')
    expect(safeNextPath('//evil.example', '/')).toBe('/')
    expect(safeNextPath('/\\evil.example', '/')).toBe('/')
    expect(safeNextPath(undefined, '/mon-compte')).toBe('/mon-compte')
  })
})
