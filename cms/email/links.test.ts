import { describe, expect, it } from 'vitest'
import { linksIn } from './links.ts'
import { secretMarker } from './secrets.ts'

describe('links of a stored email', () => {
  it('finds each web address once, without the punctuation that ends the sentence', () => {
    const text = 'Bonjour,\nConfirmez votre adresse : http://localhost:4321/inscription/confirmer?jeton=abc.def.\nVoir aussi (https://portail-pe.ml/donnees-et-acces), puis http://localhost:4321/inscription/confirmer?jeton=abc.def'
    expect(linksIn(text)).toEqual(['http://localhost:4321/inscription/confirmer?jeton=abc.def', 'https://portail-pe.ml/donnees-et-acces'])
  })
  it('never turns a script, data or masked text into a link', () => {
    expect(linksIn('javascript:alert(1) data:text/html,<script>alert(1)</script> JAVASCRIPT://%0aalert(1)')).toEqual([])
    expect(linksIn(`Réinitialisez ici : ${secretMarker(0)}`)).toEqual([])
    expect(linksIn('http://"onmouseover=alert(1) https://exemple.org/<script>')).toEqual(['https://exemple.org/'])
  })
})
