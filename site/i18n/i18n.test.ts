import { describe, expect, it } from 'vitest'
import en from './en.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }
import { localePath, t } from './index.ts'

describe('i18n dictionaries', () => {
  it('have exactly the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort())
  })
  it('have no empty text', () => {
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('')
  })
  it('keep the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) expect(names(en[key]), key).toEqual(names(fr[key]))
  })
})

describe('t and localePath', () => {
  it('fills placeholders', () => {
    expect(t('fr', 'home.welcome', { name: 'Awa' })).toBe('Bonjour Awa.')
    expect(t('en', 'home.welcome', { name: 'Awa' })).toBe('Hello Awa.')
  })
  it('puts English under /en', () => {
    expect(localePath('fr', '/connexion')).toBe('/connexion')
    expect(localePath('en', '/connexion')).toBe('/en/connexion')
    expect(localePath('en', '/')).toBe('/en/')
  })
})
