import { describe, expect, it } from 'vitest'
import { maskSecrets, openSecrets, sealSecrets, unmaskSecrets } from './secrets.ts'
import { htmlForm, passwordReset } from './templates.ts'

const url = 'http://localhost:4321/mot-de-passe/nouveau?jeton=abc.def&x=1'

describe('secret links of an email', () => {
  it('are masked in both parts of the stored copy and put back for delivery', () => {
    const mail = passwordReset('Awa', url)
    expect(mail.secrets).toEqual([url])
    const stored = maskSecrets(mail, mail.secrets!, htmlForm)
    expect(stored.text).not.toContain('jeton=')
    expect(stored.html).not.toContain('jeton=')
    expect(stored.text).toContain('lien personnel n° 1 masqué')
    expect(unmaskSecrets(stored, mail.secrets!, htmlForm)).toEqual({ text: mail.text, html: mail.html })
  })
  it('are sealed so that only the same server secret opens them, and any change is detected', () => {
    const sealed = sealSecrets([url], 'secret-a'.repeat(5))
    expect(sealed).not.toContain('jeton')
    expect(openSecrets(sealed, 'secret-a'.repeat(5))).toEqual([url])
    expect(() => openSecrets(sealed, 'secret-b'.repeat(5))).toThrow()
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA')
    expect(() => openSecrets(altered, 'secret-a'.repeat(5))).toThrow()
    expect(() => openSecrets('v0.x', 'secret-a'.repeat(5))).toThrow(/unknown format/)
  })
})
