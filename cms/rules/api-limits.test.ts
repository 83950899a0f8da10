import { describe, expect, it } from 'vitest'
import { apiQueryProblem, MAX_LIMIT, MAX_QUERY_LENGTH, MAX_WHERE_CONDITIONS } from './api-limits.ts'

const orOf = (n: number) => Array.from({ length: n }, (_, i) => `where[or][${i}][title][like]=a`).join('&')
const nested = (levels: number) => `where${'[and][0]'.repeat(levels)}[title][equals]=x`

describe('apiQueryProblem', () => {
  it('accepts what the site and the admin ask for', () => {
    for (const search of ['', 'depth=0', 'depth=2&limit=100&page=3', 'limit=10&where[slug][equals]=abc', 'where[document.relationTo][equals]=resources&where[document.value][equals]=4', nested(3), orOf(MAX_WHERE_CONDITIONS), 'joins[enrolments][limit]=10', 'sort=-createdAt&select[title]=true']) {
      expect(apiQueryProblem(search, true), search).toBeNull()
    }
  })

  it('refuses a depth beyond the maximum or not a number, in French', () => {
    expect(apiQueryProblem('depth=50', true)).toMatch(/« depth ».*0 à 2/)
    expect(apiQueryProblem('depth=3', false)).toMatch(/depth/)
    expect(apiQueryProblem('depth=abc', true)).toMatch(/depth/)
    expect(apiQueryProblem('depth=-1', true)).toMatch(/depth/)
  })

  it('bounds the page size of reads, including limit=0 (everything) and pagination=false', () => {
    expect(apiQueryProblem(`limit=${MAX_LIMIT + 1}`, true)).toMatch(/« limit »/)
    expect(apiQueryProblem('limit=100000', true)).toMatch(/« limit »/)
    expect(apiQueryProblem('limit=0', true)).toMatch(/« limit »/)
    expect(apiQueryProblem('limit=1e9', true)).toMatch(/« limit »/)
    expect(apiQueryProblem('pagination=false', true)).toMatch(/pagination/)
    expect(apiQueryProblem('joins[enrolments][limit]=100000', true)).toMatch(/joins/)
  })

  it('lets bulk writes by `where` use limit=0, as the admin does', () => {
    expect(apiQueryProblem('limit=0&where[id][in]=1,2', false)).toBeNull()
    expect(apiQueryProblem('limit=abc', false)).toMatch(/« limit »/)
  })

  it('refuses a malformed page', () => {
    expect(apiQueryProblem('page=0', true)).toMatch(/« page »/)
    expect(apiQueryProblem('page=abc', true)).toMatch(/« page »/)
  })

  it('bounds the nesting and the number of conditions of `where`, bracketed or JSON', () => {
    expect(apiQueryProblem(nested(4), true)).toMatch(/imbriqué|niveaux/)
    expect(apiQueryProblem(nested(40), true)).toMatch(/niveaux/)
    expect(apiQueryProblem(orOf(MAX_WHERE_CONDITIONS + 1), true)).toMatch(/trop long/)
    const deepJson = JSON.stringify([...Array(10)].reduce<object>((inner) => ({ or: [inner] }), { title: { equals: 'x' } }))
    expect(apiQueryProblem(`where=${encodeURIComponent(deepJson)}`, true)).toMatch(/imbriqué/)
    expect(apiQueryProblem('where=%7Bpas-du-json', true)).toMatch(/illisible/)
    expect(apiQueryProblem('where[a]b=1', true)).toMatch(/invalide/)
  })

  it('refuses an over-long query', () => {
    expect(apiQueryProblem(`where[title][like]=${'a'.repeat(MAX_QUERY_LENGTH)}`, true)).toMatch(/trop longue/)
  })
})

describe('apiQueryProblem on percent-encoded queries', () => {
  it('judges the filter, not the encoding: a long `or` with encoded brackets is refused for its conditions', () => {
    const encoded = orOf(200).replace(/\[/g, '%5B').replace(/\]/g, '%5D')
    expect(encoded.length).toBeGreaterThan(MAX_QUERY_LENGTH)
    expect(apiQueryProblem(encoded, true)).toMatch(/^Filtre « where » trop long/)
  })
  it('still refuses a query that is too long once decoded', () => {
    expect(apiQueryProblem(`q=${'a'.repeat(MAX_QUERY_LENGTH + 1)}`, true)).toMatch(/^Requête trop longue/)
  })
})
