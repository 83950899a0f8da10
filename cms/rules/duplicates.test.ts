import { describe, expect, it } from 'vitest'
import { closeNames, defaultMergeChoices, matchesNameSearch, probablePairs, editDistance, fullNameOf, nameTokens, probableDuplicates, sameNames } from './duplicates.ts'

describe('full names', () => {
  it('puts the last name in capitals (accents kept) before the first name, spaces tidied', () => {
    expect(fullNameOf({ firstName: ' Aïssata ', lastName: 'traoré  diallo' })).toBe('TRAORÉ DIALLO Aïssata')
    expect(fullNameOf({ firstName: 'Awa', lastName: null })).toBe('Awa')
    expect(fullNameOf({})).toBe('')
  })
})

describe('names', () => {
  it('folds accents and case into words', () => {
    expect(nameTokens('  TRAORÉ-Diallo  Aïssata ')).toEqual(['traore', 'diallo', 'aissata'])
  })
  it('counts a swap of two neighbouring letters as one slip', () => {
    expect(editDistance('keita', 'kieta')).toBe(1)
    expect(editDistance('diarra', 'diara')).toBe(1)
    expect(editDistance('toure', 'traore')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
  it('forgives accents, case, order and one slip per word, not a different family name', () => {
    expect(closeNames({ firstName: 'Aminata', lastName: 'Traoré' }, { firstName: 'AMINATA', lastName: 'TRAORE' })).toBe(true)
    expect(closeNames({ firstName: 'Aminata', lastName: 'Traoré' }, { firstName: 'Traore', lastName: 'Aminata' })).toBe(true)
    expect(closeNames({ firstName: 'Moussa', lastName: 'Diarra' }, { firstName: 'Mousa', lastName: 'Diara' })).toBe(true)
    expect(closeNames({ firstName: 'Aminata', lastName: 'Traoré' }, { firstName: 'Aminata', lastName: 'Touré' })).toBe(false)
    // Short family names differ by one letter and are distinct families.
    expect(closeNames({ firstName: 'Awa', lastName: 'Ba' }, { firstName: 'Awa', lastName: 'Sy' })).toBe(false)
    expect(closeNames({ firstName: '', lastName: '' }, { firstName: '', lastName: '' })).toBe(false)
  })
  it('tells the very same name apart from a close one', () => {
    expect(sameNames({ firstName: 'Aminata', lastName: 'Traoré' }, { firstName: 'TRAORE', lastName: 'aminata' })).toBe(true)
    expect(sameNames({ firstName: 'Aminata', lastName: 'Traoré' }, { firstName: 'Aminata', lastName: 'Traore2' })).toBe(false)
  })
})

describe('probable duplicates', () => {
  const registry = [
    { id: 1, firstName: 'Aminata', lastName: 'Traoré', phone: '76123456', email: null },
    { id: 2, firstName: 'Aminata', lastName: 'Traoré', phone: '66000000', email: 'a.traore@unicef.org' },
    { id: 3, firstName: 'Aminata', lastName: 'Touré', phone: '76123456', email: null },
    { id: 4, firstName: 'Moussa', lastName: 'Diarra', phone: null, email: null },
  ]
  it('finds a person typed with an accent and a letter different and the phone written with spaces and +223', () => {
    expect(probableDuplicates(registry, { firstName: 'Aminatta', lastName: 'TRAORE', phone: '+223 76 12 34 56' })).toEqual([{ id: 1, reasons: ['name', 'phone'], exactName: false }])
    expect(probableDuplicates(registry, { firstName: 'Aminata', lastName: 'Traore', phone: '00223 76-12-34-56' })[0]).toEqual({ id: 1, reasons: ['name', 'phone'], exactName: true })
  })
  it('finds a person by a close name and the same e-mail in another case', () => {
    expect(probableDuplicates(registry, { firstName: 'aminata', lastName: 'Traore', email: ' A.Traore@UNICEF.org ' }).map((m) => m.id)).toEqual([2])
  })
  it('needs more than a shared phone, and more than a close name when the contacts differ', () => {
    // Touré shares the phone but not the name; both Traoré have another phone.
    expect(probableDuplicates(registry, { firstName: 'Aminata', lastName: 'Touray', phone: '70000000' })).toEqual([])
    expect(probableDuplicates(registry, { firstName: 'Aminata', lastName: 'Traoré', phone: '70000000' })).toEqual([])
  })
  it('takes the very same name as probable when no phone or e-mail is given, not a close one', () => {
    expect(probableDuplicates(registry, { firstName: 'Moussa', lastName: 'DIARRA' })).toEqual([{ id: 4, reasons: ['name'], exactName: true }])
    expect(probableDuplicates(registry, { firstName: 'Moussa', lastName: 'Diara' })).toEqual([])
  })
  it('ranks the strongest first and never returns the person themselves', () => {
    const both = [...registry, { id: 5, firstName: 'Aminata', lastName: 'Traoré', phone: '76123456', email: 'aminata@example.org' }]
    expect(probableDuplicates(both, { firstName: 'Aminata', lastName: 'Traore', phone: '76123456', email: 'aminata@example.org' }).map((m) => m.id)).toEqual([5, 1])
    expect(probableDuplicates(both, { id: 5, firstName: 'Aminata', lastName: 'Traore', phone: '76123456', email: 'aminata@example.org' }).map((m) => m.id)).toEqual([1])
  })
})

describe('merge defaults', () => {
  const older = { lastSeen: '2023-02-10', values: { firstName: 'Awa', organisation: 1, region: 1, phone: '76000000', email: null, function: '' } }
  const newer = { lastSeen: '2024-09-17', values: { firstName: 'Awa', organisation: 2, region: 3, phone: null, email: 'awa@example.org', function: 'Superviseure' } }
  it('keeps the freshest organisation and region, whichever record is kept', () => {
    expect(defaultMergeChoices(newer, older)).toMatchObject({ organisation: 'from', region: 'from', firstName: 'into' })
    expect(defaultMergeChoices(older, newer)).toMatchObject({ organisation: 'into', region: 'into' })
  })
  it('never keeps an empty contact or function over a filled one', () => {
    expect(defaultMergeChoices(older, newer)).toMatchObject({ phone: 'from', email: 'into', function: 'into' })
    expect(defaultMergeChoices(newer, older)).toMatchObject({ phone: 'into', email: 'from', function: 'from' })
  })
})

describe('probable pairs in the registry', () => {
  it('pairs records of one person once each, by phone, e-mail or the very same name', () => {
    const registry = [
      { id: 1, firstName: 'Aminata', lastName: 'Traoré', phone: '76123456' },
      { id: 2, firstName: 'Aminatta', lastName: 'TRAORE', phone: '+223 76 12 34 56' },
      { id: 3, firstName: 'Moussa', lastName: 'Diarra', email: 'm.diarra@example.org' },
      { id: 4, firstName: 'Mousa', lastName: 'Diarra', email: 'M.Diarra@example.org' },
      { id: 5, firstName: 'Awa', lastName: 'Ba' },
      { id: 6, firstName: 'Awa', lastName: 'Ba' },
      { id: 7, firstName: 'Oumar', lastName: 'Touré', phone: '76123456' },
    ]
    expect(probablePairs(registry)).toEqual(expect.arrayContaining([[1, 2], [3, 4], [5, 6]]))
    expect(probablePairs(registry)).toHaveLength(3)
  })
})

describe('name search', () => {
  const aminata = { firstName: 'Aminata', lastName: 'Traore' }
  it('finds a person whatever the accents, case, word order and one slip per word', () => {
    expect(matchesNameSearch(aminata, 'aminata traoré')).toBe(true)
    expect(matchesNameSearch(aminata, 'TRAORE Aminata')).toBe(true)
    expect(matchesNameSearch(aminata, 'Aminatta Trore')).toBe(true)
    expect(matchesNameSearch(aminata, 'traoré')).toBe(true)
  })
  it('finds a person from the start of a word of three letters or more', () => {
    expect(matchesNameSearch(aminata, 'Trao')).toBe(true)
    expect(matchesNameSearch(aminata, 'ami tra')).toBe(true)
    expect(matchesNameSearch(aminata, 'Tr')).toBe(false)
  })
  it('does not find another person, nor match on nothing', () => {
    expect(matchesNameSearch(aminata, 'Aminata Touré')).toBe(false)
    expect(matchesNameSearch(aminata, 'Fatoumata')).toBe(false)
    expect(matchesNameSearch(aminata, 'Aminata Traoré Diallo')).toBe(false)
    expect(matchesNameSearch(aminata, '  -- ')).toBe(false)
    expect(matchesNameSearch({ firstName: 'Awa', lastName: 'Ba' }, 'Awa Sy')).toBe(false)
  })
})
