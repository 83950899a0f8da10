import { describe, expect, it } from 'vitest'
import { validator, ZAttendanceMarks, ZPosition, ZQuizSubmission } from './offline-items.ts'

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
