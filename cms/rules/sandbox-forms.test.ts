import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readForms } from '../sandbox/forms.ts'
import { checkFormValues, looksLikePhone, valuesFromEntries, ZFormDefinition, type TFormDefinition } from './sandbox-forms.ts'

const dir = path.resolve(import.meta.dirname, '../../content/forms')
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

describe('form definitions in content/forms', () => {
  it.each(files)('%s matches the form schema', (file) => {
    const parsed = ZFormDefinition.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true)
    expect(file.startsWith(parsed.data!.code)).toBe(true)
  })

  it('covers every harmonised form once', () => {
    const codes = readForms(dir).map((f) => f.code)
    for (const code of ['1.A', '1.B', '1.C', '1.D', '1.E', '2.A', '3.A', '3.B', '4.A', '4.B', '4.C', '4.D', '4.E', '5.A', '5.B', '5.C', '6.A', '6.B', '6.C', 'A.1', 'A.2', 'A.3', 'B.1', 'liste-de-controle', 'page-de-garde'])
      expect(codes).toContain(code)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('refuses a definition with a duplicated field, a condition on an absent field or an unknown type', () => {
    const base = { code: '1.A', group: '1', title: 'Essai', sections: [{ title: 'Section', fields: [{ name: 'a', type: 'text', label: 'Champ A' }] }] }
    expect(ZFormDefinition.safeParse(base).success).toBe(true)
    const twice = { ...base, sections: [{ title: 'Section', fields: [{ name: 'a', type: 'text', label: 'Champ A' }, { name: 'a', type: 'date', label: 'Champ A bis' }] }] }
    expect(ZFormDefinition.safeParse(twice).error?.issues[0]?.message).toMatch(/en double/)
    const dangling = { ...base, sections: [{ title: 'Section', fields: [{ name: 'a', type: 'text', label: 'Champ A', showIf: { field: 'zz', equals: true } }] }] }
    expect(ZFormDefinition.safeParse(dangling).error?.issues[0]?.message).toMatch(/absent/)
    const unknown = { ...base, sections: [{ title: 'Section', fields: [{ name: 'a', type: 'signature', label: 'Champ A' }] }] }
    expect(ZFormDefinition.safeParse(unknown).success).toBe(false)
    expect(ZFormDefinition.safeParse({ ...base, code: '9.Z' }).success).toBe(false)
  })
})

describe('checkFormValues', () => {
  const forms = new Map(readForms(dir).map((f) => [f.code, f]))
  const consent = forms.get('1.A') as TFormDefinition
  const plan = forms.get('3.A') as TFormDefinition

  it('accepts complete values and drops hidden and unknown fields', () => {
    const result = checkFormValues(consent, { consent_date: '2026-11-30', given_by: 'enfant_seul', caregiver_relation: 'Oncle', explained_language: 'bambara', consent_services: true, consent_sharing: true, extra: 'x' })
    expect(result).toEqual({ ok: true, values: { consent_date: '2026-11-30', given_by: 'enfant_seul', explained_language: 'bambara', consent_services: true, consent_sharing: true } })
  })

  it('names each missing or wrong field in French', () => {
    const result = checkFormValues(consent, { consent_date: '30/11/2026', given_by: 'voisin', consent_services: 'oui' })
    expect(result.ok).toBe(false)
    const errors = result.ok ? [] : result.errors
    expect(errors).toContainEqual({ path: 'consent_date', message: '« Date du consentement » : une date AAAA-MM-JJ est attendue.' })
    expect(errors).toContainEqual({ path: 'given_by', message: '« Consentement donné par » : choisissez une des options proposées.' })
    expect(errors).toContainEqual({ path: 'consent_services', message: '« Accord pour recevoir des services de gestion de cas » : répondez oui ou non.' })
    expect(errors).toContainEqual({ path: 'consent_sharing', message: '« Accord pour partager les informations avec d’autres organisations (orientations, transferts) » est obligatoire.' })
  })

  it('requires a field shown by a condition only when the condition holds', () => {
    const values = { consent_date: '2026-11-30', given_by: 'travailleur_social', explained_language: 'francais', consent_services: true, consent_sharing: false }
    const result = checkFormValues(consent, values)
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['best_interest_reason'])
  })

  it('checks subform rows field by field with the row in the path', () => {
    const result = checkFormValues(plan, { plan_date: '2026-11-30', child_participated: false, followup_frequency: 'mensuelle', goals: [{ domain: 'sante', goal: 'Soins', action: 'Consultation', responsible: 'CSCOM', due_date: '2026-12-10' }, { domain: 'lune' }] })
    const paths = result.ok ? [] : result.errors.map((e) => e.path)
    expect(paths).toEqual(['goals.1.domain', 'goals.1.goal', 'goals.1.action', 'goals.1.responsible', 'goals.1.due_date'])
  })

  it('refuses phone-number-shaped text in free fields', () => {
    expect(looksLikePhone('appeler le 76 12 34 56')).toBe(true)
    expect(looksLikePhone('+223 66.12.34.56')).toBe(true)
    expect(looksLikePhone('l’enfant a 12 ans, 3 frères')).toBe(false)
    const result = checkFormValues(consent, { consent_date: '2026-11-30', given_by: 'travailleur_social', best_interest_reason: 'Tante joignable au 76123456', explained_language: 'francais', consent_services: true, consent_sharing: true })
    expect(result.ok ? [] : result.errors[0]?.message).toMatch(/numéro de téléphone/)
  })

  it('reads posted HTML form entries into typed values', () => {
    const values = valuesFromEntries(plan, [['plan_date', '2026-11-30'], ['child_participated', 'oui'], ['goals.0.domain', 'sante'], ['goals.0.goal', 'Soins'], ['goals.1.goal', ''], ['followup_frequency', 'mensuelle']])
    expect(values).toEqual({ plan_date: '2026-11-30', child_participated: true, case_conference: undefined, child_views: undefined, goals: [{ domain: 'sante', goal: 'Soins', action: undefined, responsible: undefined, due_date: undefined }], followup_frequency: 'mensuelle' })
  })
})
