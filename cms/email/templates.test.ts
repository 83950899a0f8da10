import { describe, expect, it } from 'vitest'
import { passwordReset, verifyEmail } from './templates.ts'

describe('email templates', () => {
  it('always carry a plain-text part with the link', () => {
    const mail = passwordReset('Awa', 'http://localhost:4321/mot-de-passe/nouveau?jeton=abc')
    expect(mail.text).toContain('http://localhost:4321/mot-de-passe/nouveau?jeton=abc')
    expect(mail.subject).toMatch(/^Réinitialisation/)
  })
  it('escape names in the HTML part', () => {
    const mail = verifyEmail('<script>alert(1)</script>', 'http://x/?a=1&b=2')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;')
    expect(mail.html).toContain('a=1&amp;b=2')
  })
})
