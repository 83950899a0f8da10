import { describe, expect, it } from 'vitest'
import { normalisePath } from '#cms/rules/paths.ts'
import { limitedAction } from './rate-limit.ts'

describe('limitedAction', () => {
  const action = (method: string, target: string) => limitedAction(method, normalisePath(target))
  it('counts sign-in posts on the site and the REST API', () => {
    expect(action('POST', '/connexion')).toBe('signIn')
    expect(action('POST', '/en/connexion')).toBe('signIn')
    expect(action('POST', '/api/users/login')).toBe('signIn')
    expect(action('GET', '/connexion')).toBeNull()
    expect(action('POST', '/mot-de-passe-oublie')).toBe('emailLink')
    expect(action('POST', '/inscription')).toBe('emailLink')
    expect(action('POST', '/mon-compte')).toBeNull()
  })

  it('counts every spelling that reaches the same page', () => {
    for (const target of ['/api/users/Login', '/api/users/LOGIN', '/api/users/%6cogin', '/api//users/login/', '/connexion/', '/%63onnexion', '/en/connexion/', '/CONNEXION?suite=/admin']) {
      expect(action('POST', target), target).toBe('signIn')
    }
    for (const target of ['/mot-de-passe-oublie/', '/en/Mot-De-Passe-Oublie', '/%6dot-de-passe-oublie']) {
      expect(action('POST', target), target).toBe('emailLink')
    }
  })
})
