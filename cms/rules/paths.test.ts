import { describe, expect, it } from 'vitest'
import { normalisePath } from './paths.ts'

describe('normalisePath', () => {
  it('reads every spelling of the sign-in routes as the same path', () => {
    for (const spelling of ['/api/users/login', '/api/users/Login', '/api/users/LOGIN', '/api/users/%6cogin', '/api/users/%6Cogin', '/api//users/login/', '/api/users/%256cogin', '/api\\users\\login', '/api/./users/x/../login']) {
      expect(normalisePath(spelling), spelling).toEqual({ path: '/api/users/login', english: false, malformed: false })
    }
    for (const spelling of ['/connexion', '/connexion/', '/%63onnexion', '//connexion', '/CONNEXION?suite=/x', '/connexion#haut']) {
      expect(normalisePath(spelling).path, spelling).toBe('/connexion')
    }
  })

  it('takes the /en prefix off and says so', () => {
    expect(normalisePath('/en/connexion/')).toEqual({ path: '/connexion', english: true, malformed: false })
    expect(normalisePath('/EN/mot-de-passe-oublie')).toEqual({ path: '/mot-de-passe-oublie', english: true, malformed: false })
    expect(normalisePath('/en')).toEqual({ path: '/', english: true, malformed: false })
    expect(normalisePath('/en?x=1')).toEqual({ path: '/', english: true, malformed: false })
    // Only a whole segment is the prefix.
    expect(normalisePath('/english')).toEqual({ path: '/english', english: false, malformed: false })
  })

  it('keeps the root and never climbs above it', () => {
    expect(normalisePath('/').path).toBe('/')
    expect(normalisePath('').path).toBe('/')
    expect(normalisePath('/../../etc/passwd').path).toBe('/etc/passwd')
    expect(normalisePath('/%2e%2e/%2E%2E/admin').path).toBe('/admin')
    // An encoded slash is not a separator downstream: `..%2F` climbs nowhere (and stays out of /admin and /api).
    expect(normalisePath('/presentiel/..%2F..%2Fapi/x').path).toBe('/presentiel/../../api/x')
  })

  it('flags encodings that do not decode instead of throwing', () => {
    expect(normalisePath('/ressources/%E0%A4%A')).toMatchObject({ malformed: true })
    expect(normalisePath('/%ZZ')).toMatchObject({ malformed: true })
    // A literal `%` in a name, sent encoded, is not malformed.
    expect(normalisePath('/api/media/file/100%25.pdf')).toEqual({ path: '/api/media/file/100%.pdf', english: false, malformed: false })
    // Endless re-encoding stops after a few rounds.
    expect(normalisePath('/%252525252525252541')).toEqual({ path: '/%2525252541', english: false, malformed: false })
    expect(normalisePath('/ressources/%C3%A9t%C3%A9')).toEqual({ path: '/ressources/été', english: false, malformed: false })
  })
})
