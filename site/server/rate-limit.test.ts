import { describe, expect, it } from 'vitest'
import { createLimiters, limitedAction } from './rate-limit.ts'

describe('limitedAction', () => {
  it('counts sign-in posts on the site and the REST API', () => {
    expect(limitedAction('POST', '/connexion')).toBe('signIn')
    expect(limitedAction('POST', '/en/connexion')).toBe('signIn')
    expect(limitedAction('POST', '/api/users/login')).toBe('signIn')
    expect(limitedAction('GET', '/connexion')).toBeNull()
    expect(limitedAction('POST', '/mot-de-passe-oublie')).toBe('emailLink')
    expect(limitedAction('POST', '/mon-compte')).toBeNull()
  })
})

describe('createLimiters', () => {
  it('refuses an address over its limit and keeps others apart', async () => {
    const take = createLimiters({ signIn: 2, emailLink: 1 })
    expect(await take('signIn', '10.0.0.1')).toBeNull()
    expect(await take('signIn', '10.0.0.1')).toBeNull()
    const wait = await take('signIn', '10.0.0.1')
    expect(wait).toBeGreaterThan(0)
    expect(await take('signIn', '10.0.0.2')).toBeNull()
  })
})
