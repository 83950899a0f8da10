import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { behavioursOf, findBehaviour, ZFramework, type TFramework } from './competency-framework.ts'

const file = path.resolve(import.meta.dirname, '..', '..', 'content', 'competencies', 'framework.json')
const shipped = (): TFramework => ZFramework.parse(JSON.parse(fs.readFileSync(file, 'utf8')))

describe('the shipped competency framework', () => {
  it('is valid and large enough to rate a visit against', () => {
    const framework = shipped()
    expect(framework.domains.length).toBeGreaterThanOrEqual(6)
    expect(behavioursOf(framework).length).toBeGreaterThanOrEqual(25)
  })
  it('has behaviours for case managers and for supervisors', () => {
    const framework = shipped()
    expect(behavioursOf(framework, 'caseManager').length).toBeGreaterThanOrEqual(15)
    expect(behavioursOf(framework, 'supervisor').length).toBeGreaterThanOrEqual(8)
  })
  it('places a behaviour in its competency and domain', () => {
    expect(findBehaviour(shipped(), 'co-explique-1a')).toMatchObject({ competencyId: 'consentement', domainId: 'consentement-confidentialite', formCodes: ['1.A'] })
    expect(findBehaviour(shipped(), 'absent')).toBeNull()
  })
})

describe('ZFramework', () => {
  const base = () => JSON.parse(fs.readFileSync(file, 'utf8')) as TFramework
  const messages = (data: unknown) => {
    const result = ZFramework.safeParse(data)
    return result.success ? [] : result.error.issues.map((i) => i.message)
  }
  it('refuses a duplicated id', () => {
    const data = base()
    data.domains[1]!.competencies[0]!.behaviours[0]!.id = data.domains[0]!.competencies[0]!.behaviours[0]!.id
    expect(messages(data)).toContain(`identifiant en double : « ${data.domains[0]!.competencies[0]!.behaviours[0]!.id} »`)
  })
  it('refuses an unknown step or form code, and a bad version', () => {
    const data = base()
    data.version = '1.0'
    data.domains[0]!.competencies[0]!.behaviours[0]!.steps = ['9' as never]
    data.domains[0]!.competencies[0]!.behaviours[1]!.formCodes = ['Z.9' as never]
    expect(messages(data)).toEqual(
      expect.arrayContaining(['version attendue sous la forme AAAA.N (ex. 2026.1)', 'étape inconnue', 'code de formulaire inconnu']),
    )
  })
  it('refuses a framework too small to be useful', () => {
    const data = base()
    data.domains = data.domains.slice(0, 5)
    expect(messages(data)).toContain('au moins 6 domaines')
  })
})
