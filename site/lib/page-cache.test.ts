import { describe, expect, it } from 'vitest'
import { cacheKey, isCacheable, PageCache } from './page-cache.ts'

describe('isCacheable', () => {
  it('caches public content pages only', () => {
    const none = new URLSearchParams()
    expect(isCacheable('/', none)).toBe(true)
    expect(isCacheable('/ressources/formulaire-1c', none)).toBe(true)
    expect(isCacheable('/recherche', new URLSearchParams('q=x'))).toBe(true)
    expect(isCacheable('/mon-compte', none)).toBe(false)
    expect(isCacheable('/connexion', none)).toBe(false)
    expect(isCacheable('/inscription', none)).toBe(false)
    expect(isCacheable('/ressources/x', new URLSearchParams('apercu=1'))).toBe(false)
  })
})

describe('PageCache', () => {
  const page = (version: string, body = 'x') => ({ version, status: 200, headers: [] as [string, string][], body })
  it('serves a page only for the version it was rendered for', () => {
    const cache = new PageCache()
    cache.set('/a', page('v1'))
    expect(cache.get('/a', 'v1')?.body).toBe('x')
    expect(cache.get('/a', 'v2')).toBeUndefined()
  })
  it('drops the least recently used page when full', () => {
    const cache = new PageCache(2)
    cache.set('/a', page('v'))
    cache.set('/b', page('v'))
    cache.get('/a', 'v')
    cache.set('/c', page('v'))
    expect(cache.get('/b', 'v')).toBeUndefined()
    expect(cache.get('/a', 'v')).toBeDefined()
    expect(cache.size).toBe(2)
  })
})

describe('cacheKey', () => {
  const learner = { roles: ['learner'], active: true, organisation: 5, region: { id: 2, name: 'Kayes' } }
  it('gives people with the same roles and scope the same key, whoever they are and however roles are ordered', () => {
    expect(cacheKey('fr', '/ressources', { ...learner, region: 2 })).toBe(cacheKey('fr', '/ressources', learner))
    const a = cacheKey('fr', '/ressources', { roles: ['trainer', 'learner'], organisation: null, region: null })
    expect(cacheKey('fr', '/ressources', { roles: ['learner', 'trainer', 'learner'] })).toBe(a)
  })
  it('separates visitors, other roles, other scopes, inactive accounts, languages and URLs', () => {
    const base = cacheKey('fr', '/ressources', learner)
    expect(cacheKey('fr', '/ressources', null)).not.toBe(base)
    expect(cacheKey('fr', '/ressources', { ...learner, roles: ['learner', 'editor'] })).not.toBe(base)
    expect(cacheKey('fr', '/ressources', { ...learner, organisation: 6 })).not.toBe(base)
    expect(cacheKey('fr', '/ressources', { ...learner, region: 3 })).not.toBe(base)
    expect(cacheKey('fr', '/ressources', { ...learner, active: false })).not.toBe(base)
    expect(cacheKey('en', '/ressources', learner)).not.toBe(base)
    expect(cacheKey('fr', '/ressources?page=2', learner)).not.toBe(base)
  })
})
