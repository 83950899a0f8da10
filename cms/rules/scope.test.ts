import { describe, expect, it } from 'vitest'
import { inScope, reaches, scopeOf, scopeWhere, TRAINING_SCOPE_FIELDS } from './scope.ts'

const person = (id: number, ...roles: string[]) => ({ id, roles, organisation: { id: 30 }, region: 40 })

describe('scopeOf', () => {
  it('gives coordination and administrators the whole country for trainings, trainers the trainings they run', () => {
    expect(scopeOf(person(1, 'admin'), 'trainings')).toBe('national')
    expect(scopeOf(person(1, 'coordinator'), 'trainings')).toBe('national')
    expect(scopeOf(person(1, 'trainer'), 'trainings')).toBe('trainingsRun')
    expect(scopeOf(person(1, 'trainer', 'coordinator'), 'trainings')).toBe('national')
  })
  it('gives supervisors, case managers, editors, learners and anonymous visitors no training record', () => {
    for (const role of ['supervisor', 'caseManager', 'editor', 'learner']) expect(scopeOf(person(1, role), 'trainings'), role).toBe('none')
    expect(scopeOf(null, 'trainings')).toBe('none')
  })
  it('keeps learners, editors and supervisors to their own self-training records, certificates and account', () => {
    for (const role of ['learner', 'editor', 'supervisor', 'caseManager']) {
      expect(scopeOf(person(1, role), 'learningRecords'), role).toBe('own')
      expect(scopeOf(person(1, role), 'certificates'), role).toBe('own')
      expect(scopeOf(person(1, role), 'accounts'), role).toBe('own')
      expect(scopeOf(person(1, role), 'accountsWrite'), role).toBe('own')
    }
  })
  it('lets trainers follow every learner but not read every account or certificate', () => {
    expect(scopeOf(person(1, 'trainer'), 'learningRecords')).toBe('national')
    expect(scopeOf(person(1, 'trainer'), 'accounts')).toBe('own')
    expect(scopeOf(person(1, 'trainer'), 'certificates')).toBe('own')
  })
  it('reserves writing other accounts to administrators (coordination reads them only)', () => {
    expect(scopeOf(person(1, 'coordinator'), 'accounts')).toBe('national')
    expect(scopeOf(person(1, 'coordinator'), 'accountsWrite')).toBe('own')
    expect(scopeOf(person(1, 'admin'), 'accountsWrite')).toBe('national')
  })
  it('gives a deactivated account, or one without an id, nothing at all', () => {
    expect(scopeOf({ ...person(1, 'admin'), active: false }, 'trainings')).toBe('none')
    expect(scopeOf({ ...person(1, 'learner'), active: false }, 'learningRecords')).toBe('none')
    expect(scopeOf({ roles: ['admin'] }, 'accounts')).toBe('none')
  })
})

describe('scopeWhere and inScope say the same thing', () => {
  const trainer = person(7, 'trainer')
  const mine = { trainers: [3, { id: 7 }] }
  const theirs = { trainers: [3, 8] }
  it('reaches the records of the trainings a trainer runs, and no other', () => {
    expect(scopeWhere(trainer, 'trainingsRun', TRAINING_SCOPE_FIELDS)).toEqual({ trainers: { in: [7] } })
    expect(inScope(trainer, 'trainingsRun', mine, TRAINING_SCOPE_FIELDS)).toBe(true)
    expect(inScope(trainer, 'trainingsRun', theirs, TRAINING_SCOPE_FIELDS)).toBe(false)
    expect(inScope(trainer, 'trainingsRun', { trainers: null }, TRAINING_SCOPE_FIELDS)).toBe(false)
    expect(inScope(trainer, 'trainingsRun', null, TRAINING_SCOPE_FIELDS)).toBe(false)
  })
  it('reaches own records by the owner field, populated or not', () => {
    expect(scopeWhere(trainer, 'own', { own: 'user' })).toEqual({ user: { equals: 7 } })
    expect(inScope(trainer, 'own', { user: { id: 7 } }, { own: 'user' })).toBe(true)
    expect(inScope(trainer, 'own', { user: '7' }, { own: 'user' })).toBe(true)
    expect(inScope(trainer, 'own', { user: 8 }, { own: 'user' })).toBe(false)
    expect(inScope(trainer, 'own', {}, { own: 'user' })).toBe(false)
  })
  it('reaches by organisation and region from the person’s own scope fields', () => {
    expect(scopeWhere(trainer, 'organisation', { organisation: 'organisation' })).toEqual({ organisation: { equals: 30 } })
    expect(scopeWhere(trainer, 'region', { region: 'region' })).toEqual({ region: { equals: 40 } })
    expect(inScope(trainer, 'region', { region: { id: 40 } }, { region: 'region' })).toBe(true)
    expect(inScope(trainer, 'region', { region: 41 }, { region: 'region' })).toBe(false)
    // A person without a region reaches no record through region scope (never "everything").
    expect(scopeWhere({ id: 7, roles: ['trainer'] }, 'region', { region: 'region' })).toBe(false)
    expect(inScope({ id: 7, roles: ['trainer'] }, 'region', { region: null }, { region: 'region' })).toBe(false)
  })
  it('reaches nothing through a dimension the collection does not carry, everything when national', () => {
    expect(scopeWhere(trainer, 'trainingsRun', { own: 'user' })).toBe(false)
    expect(inScope(trainer, 'own', { trainers: [7] }, TRAINING_SCOPE_FIELDS)).toBe(false)
    expect(scopeWhere(trainer, 'none', TRAINING_SCOPE_FIELDS)).toBe(false)
    expect(scopeWhere(trainer, 'national', {})).toBe(true)
    expect(inScope(trainer, 'national', null, {})).toBe(true)
  })
  it('combines both in reaches()', () => {
    expect(reaches(trainer, 'trainings', mine, TRAINING_SCOPE_FIELDS)).toBe(true)
    expect(reaches(trainer, 'trainings', theirs, TRAINING_SCOPE_FIELDS)).toBe(false)
    expect(reaches(person(1, 'coordinator'), 'trainings', theirs, TRAINING_SCOPE_FIELDS)).toBe(true)
    expect(reaches(person(1, 'supervisor'), 'trainings', mine, TRAINING_SCOPE_FIELDS)).toBe(false)
  })
})
