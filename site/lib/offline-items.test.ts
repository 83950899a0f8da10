import { describe, expect, it } from 'vitest'
import { RATINGS } from '#cms/rules/competency-framework.ts'
import { VISIT_MODES } from '#cms/rules/supervision.ts'
import { STEPS } from '#cms/rules/toolkit.ts'
import { RATING_CODES, STEP_CODES, validator, visitFromForm, VISIT_MODE_CODES, ZAttendanceMarks, ZPosition, ZQuizSubmission, ZVisit } from './offline-items.ts'

// The checks the offline queue runs before keeping an item are the endpoints' own: what passes here is accepted.
describe('offline item checks', () => {
  const marks = validator(ZAttendanceMarks)
  it('accepts an attendance mark and refuses a wrong day, state or empty list with a French reason', () => {
    expect(marks({ day: '2026-12-08', marks: [{ enrolment: '12', status: 'late' }] })).toEqual({ ok: true, value: { day: '2026-12-08', marks: [{ enrolment: '12', status: 'late' }] } })
    expect(marks({ day: '08/12/2026', marks: [{ enrolment: '12', status: 'late' }] })).toEqual({ ok: false, reason: 'Jour invalide : une date AAAA-MM-JJ est attendue.' })
    expect(marks({ day: '2026-12-08', marks: [{ enrolment: '12', status: 'malade' }] })).toEqual({ ok: false, reason: 'État de présence inconnu : présent, en retard, absent ou excusé.' })
    expect(marks({ day: '2026-12-08', marks: [{ enrolment: '../1', status: 'present' }] })).toEqual({ ok: false, reason: 'Inscription inconnue.' })
    expect(marks({ day: '2026-12-08', marks: [] })).toEqual({ ok: false, reason: 'Aucune présence à enregistrer.' })
  })

  it('accepts a video position in seconds and refuses anything else', () => {
    const position = validator(ZPosition)
    expect(position({ position: 312.5 })).toEqual({ ok: true, value: { position: 312.5 } })
    expect(position({ position: -1 }).ok).toBe(false)
    expect(position({ position: Number.NaN }).ok).toBe(false)
    expect(position({ position: '12' })).toEqual({ ok: false, reason: 'Position invalide : un nombre de secondes est attendu.' })
  })

  it('accepts a quiz attempt with its id and refuses one without', () => {
    const quiz = validator(ZQuizSubmission)
    expect(quiz({ attemptId: crypto.randomUUID(), answers: { q1: ['a'] } }).ok).toBe(true)
    expect(quiz({ attemptId: 'x', answers: {} })).toEqual({ ok: false, reason: 'identifiant de tentative invalide' })
  })
})

describe('supervision visit checks', () => {
  const visit = validator(ZVisit)
  const form: [string, string][] = [
    ['person', '12'],
    ['date', '2026-03-31'],
    ['mode', 'phone'],
    ['steps', '1'],
    ['steps', '3'],
    ['r-is-ne-pas-nuire', 'acquired'],
    ['o-is-ne-pas-nuire', 'Vérifie les risques.'],
    ['r-is-justifie-decisions', ''],
    ['strengths', 'Écoute'],
    ['gaps', ''],
    ['nextFollowUp', '2026-04-30'],
    ['action-1', 'Relire les plans d’action'],
    ['deadline-1', '2026-04-15'],
    ['action-2', ''],
  ]
  it('reads the form the same way with or without JavaScript, leaving out what was not rated', () => {
    expect(visit(visitFromForm(form))).toEqual({
      ok: true,
      value: {
        person: '12',
        date: '2026-03-31',
        mode: 'phone',
        steps: ['1', '3'],
        ratings: [{ behaviour: 'is-ne-pas-nuire', rating: 'acquired', observation: 'Vérifie les risques.' }],
        strengths: 'Écoute',
        gaps: '',
        nextFollowUp: '2026-04-30',
        actions: [{ activity: 'Relire les plans d’action', deadline: '2026-04-15' }],
      },
    })
  })
  it('refuses with a French reason naming the field', () => {
    const change = (name: string, value: string) => visitFromForm(form.map(([n, v]) => [n, n === name ? value : v] as [string, string]))
    expect(visit(change('date', '31/03/2026'))).toEqual({ ok: false, reason: 'Date de la visite : une date AAAA-MM-JJ est attendue.' })
    expect(visit(change('r-is-ne-pas-nuire', 'excellent'))).toEqual({ ok: false, reason: 'Niveau hors de l’échelle : non observé, à renforcer, acquis ou maîtrisé.' })
    expect(visit(change('mode', 'courrier')).ok).toBe(false)
    expect(visit(change('person', '')).ok).toBe(false)
  })
  it('uses the server’s vocabularies', () => {
    expect([...RATING_CODES]).toEqual(Object.keys(RATINGS))
    expect([...VISIT_MODE_CODES]).toEqual(Object.keys(VISIT_MODES))
    expect([...STEP_CODES]).toEqual(Object.keys(STEPS))
  })
})
