import { describe, expect, it } from 'vitest'
import { buildIndex, normaliseQuery, search, segments, type TSearchDoc } from './index.ts'

const docs: TSearchDoc[] = [
  { id: 1, slug: 'f1c', title: 'Formulaire 1.C — Évaluation initiale', summary: 'Premier examen de la situation et des risques immédiats.', formCode: '1.C', tags: ['risque'], type: 'form' },
  { id: 2, slug: 'f4e', title: 'Formulaire 4.E — Réunification', summary: 'Retour de l’enfant dans sa famille après vérification.', formCode: '4.E', tags: ['famille'], type: 'form' },
  { id: 3, slug: 'f4a', title: 'Formulaire 4.A — Services fournis', summary: 'Services apportés à l’enfant et à sa famille.', formCode: '4.A', tags: ['services'], type: 'form' },
  { id: 4, slug: 'protocole', title: 'Protocole de protection des données', summary: 'Confidentialité, consentement et partage d’informations.', formCode: null, tags: ['confidentialité', 'APDP'], type: 'protocol' },
]
const index = buildIndex(docs)
const slugs = (q: string) => search(index, q).map((h) => h.doc.slug)

describe('search', () => {
  it('ignores accents and case', () => {
    expect(slugs('evaluation')[0]).toBe('f1c')
    expect(slugs('REUNIFICATION')[0]).toBe('f4e')
    expect(slugs('confidentialite')[0]).toBe('protocole')
  })
  it('tolerates typos', () => {
    expect(slugs('evaluaton')[0]).toBe('f1c')
    expect(slugs('protocle')[0]).toBe('protocole')
  })
  it('finds forms by exact code first', () => {
    expect(slugs('4.E')[0]).toBe('f4e')
    expect(slugs('1.c')[0]).toBe('f1c')
  })
  it('highlights the matched words', () => {
    const hit = search(index, 'réunification')[0]!
    expect(hit.title.filter((s) => s.mark).map((s) => s.text).join('')).toMatch(/Réunification/)
  })
  it('returns nothing for empty or one-letter queries, and survives very long ones', () => {
    expect(search(index, '')).toEqual([])
    expect(search(index, 'a')).toEqual([])
    expect(() => search(index, 'x'.repeat(5000))).not.toThrow()
    expect(normaliseQuery(`  a   b ${'c'.repeat(200)}`)).toHaveLength(80)
  })
})

describe('segments', () => {
  it('merges overlapping ranges and keeps the text whole', () => {
    const s = segments('Évaluation initiale', [[0, 3], [2, 9], [11, 11]])
    expect(s.map((x) => x.text).join('')).toBe('Évaluation initiale')
    expect(s.filter((x) => x.mark).map((x) => x.text)).toEqual(['Évaluation'])
  })
})

describe('editDistance', () => {
  it('counts typos, swaps included, and stops past the bound', async () => {
    const { editDistance } = await import('./index.ts')
    expect(editDistance('evaluation', 'evaluaton', 2)).toBe(1)
    expect(editDistance('protocole', 'protcoole', 2)).toBe(1)
    expect(editDistance('famille', 'famile', 1)).toBe(1)
    expect(editDistance('enfant', 'rapport', 2)).toBe(3)
  })
})

describe('search at scale', () => {
  it('finds the right document among 5,000 by a misspelt word', () => {
    const many: TSearchDoc[] = Array.from({ length: 5000 }, (_, i) => ({ id: i, slug: `d${i}`, title: `Document ${i} sur la protection`, summary: 'Gestion des cas de protection de l’enfant.', tags: [], type: 'tool' }))
    many[4321] = { ...many[4321]!, slug: 'cible', title: 'Guide de la médiation familiale' }
    expect(search(buildIndex(many), 'mediaton').map((h) => h.doc.slug)[0]).toBe('cible')
  })
})
