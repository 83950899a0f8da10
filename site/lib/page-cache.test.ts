import { describe, expect, it } from 'vitest'
import { isCacheable, PageCache } from './page-cache.ts'

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
