import { describe, expect, it } from 'vitest'
import { filterLearners, learnerRows, moduleRates, mostFailedQuestions, progressBy, type TAttemptRecord, type TLearner, type TModuleInfo } from './self-training-analytics.ts'

const modules: TModuleInfo[] = [
  { id: 1, title: 'Étape 1', questions: [{ id: 'q1', prompt: 'Consentement ?' }, { id: 'q2', prompt: 'Formulaire 1.B ?' }] },
  { id: 2, title: 'Étape 2', questions: [{ id: 'q1', prompt: 'Approbation ?' }] },
]
const learners: TLearner[] = [
  { id: 'a', name: 'A', organisation: 'IRC', region: 'Gao', roles: ['learner'] },
  { id: 'b', name: 'B', organisation: 'IRC', region: 'Mopti', roles: ['learner', 'caseManager'] },
  { id: 'c', name: 'C', organisation: 'Tdh', region: 'Mopti', roles: ['learner'] },
]
const progress = [
  { user: 'a', module: 1, completed: true },
  { user: 'a', module: 2, completed: true },
  { user: 'b', module: 1, completed: false },
  { user: 'c', module: 1, completed: true },
]
const attempts: TAttemptRecord[] = [
  { user: 'a', module: 1, passed: false, results: [{ questionId: 'q1', correct: false }, { questionId: 'q2', correct: true }] },
  { user: 'a', module: 1, passed: true, results: [{ questionId: 'q1', correct: true }, { questionId: 'q2', correct: true }] },
  { user: 'c', module: 1, passed: false, results: [{ questionId: 'q1', correct: false }, { questionId: 'q2', correct: false }] },
]

describe('learning analytics', () => {
  it('rates completion and quiz success per module', () => {
    expect(moduleRates(modules, progress, attempts)).toEqual([
      { module: 'Étape 1', learners: 3, completed: 2, completionRate: 66.7, attempts: 3, passRate: 33.3 },
      { module: 'Étape 2', learners: 1, completed: 1, completionRate: 100, attempts: 0, passRate: 0 },
    ])
  })
  it('groups progress by organisation and by role (a person with two roles counts in both)', () => {
    expect(progressBy('organisation', learners, modules, progress)).toEqual([
      { key: 'IRC', learners: 2, completedModules: 2, completionRate: 50 },
      { key: 'Tdh', learners: 1, completedModules: 1, completionRate: 50 },
    ])
    expect(progressBy('role', learners, modules, progress).find((r) => r.key === 'caseManager')).toEqual({ key: 'caseManager', learners: 1, completedModules: 0, completionRate: 0 })
  })
  it('lists the most missed questions first', () => {
    const failed = mostFailedQuestions(modules, attempts)
    expect(failed[0]).toMatchObject({ prompt: 'Consentement ?', answers: 3, failures: 2, failureRate: 66.7 })
    expect(failed[1]).toMatchObject({ prompt: 'Formulaire 1.B ?', failures: 1 })
  })
})

describe('learners by name', () => {
  const located: TLearner[] = learners.map((l, i) => ({ ...l, organisationId: l.organisation === 'IRC' ? 10 : 11, regionId: 20 + i }))
  const dated = [
    { user: 'a', module: 1, completed: true, at: '2026-03-01T10:00:00.000Z' },
    { user: 'a', module: 2, completed: true, at: '2026-03-04T09:00:00.000Z' },
    { user: 'b', module: 1, completed: false, at: '2026-03-02T08:00:00.000Z' },
  ]
  const tries: TAttemptRecord[] = [{ user: 'b', module: 1, passed: false, results: [], at: '2026-03-05T12:00:00.000Z' }]

  it('counts modules completed and started and dates the last activity, most recent first', () => {
    expect(learnerRows(located, dated, tries).map((r) => [r.name, r.modulesCompleted, r.modulesStarted, r.lastActivity])).toEqual([
      ['B', 0, 1, '2026-03-05T12:00:00.000Z'],
      ['A', 2, 2, '2026-03-04T09:00:00.000Z'],
      ['C', 0, 0, null],
    ])
  })

  it('filters by organisation, region and role, together', () => {
    expect(filterLearners(located, {}).map((l) => l.name)).toEqual(['A', 'B', 'C'])
    expect(filterLearners(located, { organisation: 10 }).map((l) => l.name)).toEqual(['A', 'B'])
    expect(filterLearners(located, { organisation: '10', role: 'caseManager' }).map((l) => l.name)).toEqual(['B'])
    expect(filterLearners(located, { region: 22 }).map((l) => l.name)).toEqual(['C'])
    expect(filterLearners(located, { organisation: 11, region: 20 })).toEqual([])
  })
})
