import { describe, expect, it } from 'vitest'
import { dashboardIndicators, exactQuarter, figuresAsOf, indicatorReach, indicatorRows, lockRefusal, quartersOverlapping, type TDashboardFacts } from './dashboard-indicators.ts'
import type { TParticipant } from './trainings.ts'

const EMPTY: TDashboardFacts = { participations: [], trainings: [], completions: [], certificates: [], people: [], visits: [], meetings: [], planItems: [], actionItems: [], support: [] }
const Q1 = { from: '2026-01-01', to: '2026-03-31' }
const LATER = new Date('2026-06-15T12:00:00Z')

const person = (id: number, sex: 'F' | 'M', organisation: string, fn = 'Gestionnaire de cas'): TParticipant => ({ id, firstName: `P${id}`, lastName: 'Test', sex, function: fn, organisation, region: 'Mopti' })
const participation = (p: TParticipant, trainingRegion: string, startDate: string) => ({ participant: p, trainingKind: 'Formation initiale', trainingRegion, startDate })

describe('dashboardIndicators: empty data', () => {
  it('gives zeros everywhere, and every quarter of the period without meeting', () => {
    const ind = dashboardIndicators(EMPTY, Q1, LATER)
    expect(ind.trainings).toMatchObject({ held: 0, people: 0, women: 0, men: 0, byRegion: [], byOrganisation: [], byFunction: [] })
    expect(ind.selfTraining).toEqual({ completions: 0, certificates: 0 })
    expect(ind.supervision).toEqual({ trained: 0, followed: 0, share: 0 })
    expect(ind.meetings).toMatchObject({ held: 0, planned: 0, missing: 1, quarters: [{ code: '2026Q1', state: 'missing' }] })
    expect(ind.capacityPlan).toEqual({ done: 0, inProgress: 0, notDone: 0, postponed: 0, total: 0 })
    expect(ind.actionItems).toEqual({ overdue: 0 })
    expect(ind.support).toEqual({ received: 0, resolved: 0, waiting: 0 })
  })
})

describe('dashboardIndicators: face-to-face trainings', () => {
  const a = person(1, 'F', 'UNICEF', 'Gestionnaire de cas')
  const b = person(2, 'M', 'DNPEF', 'Superviseur')
  const c = person(3, 'F', 'DNPEF', 'Superviseur')
  const facts: TDashboardFacts = {
    ...EMPTY,
    participations: [
      participation(a, 'Mopti', '2026-01-10'),
      participation(a, 'Mopti', '2026-03-31'), // twice trained, one person
      participation(b, 'Ségou', '2026-03-31'),
      participation(c, 'Ségou', '2026-04-01'), // next quarter
    ],
    trainings: [
      { id: 10, region: 'Mopti', organiser: 'DNPEF', startDate: '2026-01-10', status: 'done' },
      { id: 11, region: 'Mopti', organiser: 'UNICEF', startDate: '2026-03-31', status: 'done' },
      { id: 12, region: 'Ségou', organiser: 'DNPEF', startDate: '2026-03-31', status: 'done' },
      { id: 13, region: 'Ségou', organiser: 'DNPEF', startDate: '2026-02-01', status: 'cancelled' },
      { id: 14, region: 'Ségou', organiser: 'DNPEF', startDate: '2026-04-01', status: 'planned' },
    ],
  }

  it('counts trainings held (cancelled and postponed left out) and distinct people by sex, quarter ends included', () => {
    const ind = dashboardIndicators(facts, Q1, LATER)
    expect(ind.trainings).toMatchObject({ held: 3, people: 2, women: 1, men: 1 })
    expect(ind.trainings.byRegion.map((r) => [r.key, r.total])).toEqual([['Mopti', 1], ['Ségou', 1]])
    expect(ind.trainings.byOrganisation.map((r) => [r.key, r.women, r.men])).toEqual([['DNPEF', 0, 1], ['UNICEF', 1, 0]])
    expect(ind.trainings.byFunction.map((r) => r.key).sort()).toEqual(['Gestionnaire de cas', 'Superviseur'])
  })

  it('filters by the region of the training (any spelling) and by organisation (people by theirs, trainings by organiser)', () => {
    expect(dashboardIndicators(facts, { ...Q1, region: 'segou' }, LATER).trainings).toMatchObject({ held: 1, people: 1, men: 1 })
    expect(dashboardIndicators(facts, { ...Q1, organisation: 'unicef' }, LATER).trainings).toMatchObject({ held: 1, people: 1, women: 1 })
  })

  it('the next quarter starts on 1 April', () => {
    const q2 = dashboardIndicators(facts, { from: '2026-04-01', to: '2026-06-30' }, LATER)
    expect(q2.trainings).toMatchObject({ held: 1, people: 1, women: 1 })
  })
})

describe('dashboardIndicators: self-training', () => {
  it('counts completions and certificates by their Bamako day, filtered by the learner’s region and organisation', () => {
    const facts: TDashboardFacts = {
      ...EMPTY,
      completions: [
        { completedAt: '2026-03-31T23:59:59.000Z', region: 'Mopti', organisation: 'UNICEF' },
        { completedAt: '2026-04-01T00:00:00.000Z', region: 'Mopti', organisation: 'UNICEF' },
        { completedAt: '2026-02-01T10:00:00.000Z', region: null, organisation: null },
      ],
      certificates: [
        { issuedAt: '2025-12-31T23:59:59.000Z', region: 'Mopti', organisation: 'UNICEF' },
        { issuedAt: '2026-01-01T00:00:00.000Z', region: 'Mopti', organisation: 'UNICEF' },
      ],
    }
    expect(dashboardIndicators(facts, Q1, LATER).selfTraining).toEqual({ completions: 2, certificates: 1 })
    expect(dashboardIndicators(facts, { ...Q1, region: 'Mopti' }, LATER).selfTraining).toEqual({ completions: 1, certificates: 1 })
    expect(dashboardIndicators(facts, { ...Q1, organisation: 'DNPEF' }, LATER).selfTraining).toEqual({ completions: 0, certificates: 0 })
  })
})

describe('dashboardIndicators: supervision coverage', () => {
  const trainingsOf = (id: number, startDate: string) => [{ id, startDate, endDate: startDate }]
  const facts: TDashboardFacts = {
    ...EMPTY,
    trainings: [
      { id: 10, region: 'Mopti', organiser: 'DNPEF', startDate: '2026-02-01', status: 'done' },
      { id: 11, region: 'Ségou', organiser: 'DNPEF', startDate: '2026-02-01', status: 'done' },
      { id: 12, region: 'Mopti', organiser: 'DNPEF', startDate: '2025-06-01', status: 'done' },
    ],
    people: [
      { id: 1, name: 'A', organisation: 'UNICEF', region: 'Mopti', trainings: trainingsOf(10, '2026-02-01') },
      { id: 2, name: 'B', organisation: 'DNPEF', region: 'Mopti', trainings: trainingsOf(10, '2026-02-01') },
      { id: 3, name: 'C', organisation: 'DNPEF', region: 'Ségou', trainings: trainingsOf(11, '2026-02-01') },
      { id: 4, name: 'D', organisation: 'DNPEF', region: 'Mopti', trainings: trainingsOf(12, '2025-06-01') },
    ],
    visits: [
      { person: 1, supervisor: 9, date: '2026-03-01' }, // followed
      { person: 2, supervisor: 9, date: '2026-01-15' }, // before the training: not a follow-up of it
      { person: 3, supervisor: 9, date: '2026-04-10' }, // after the period's end
    ],
  }

  it('counts the people trained in the period followed up since their training, by the period’s end', () => {
    expect(dashboardIndicators(facts, Q1, LATER).supervision).toEqual({ trained: 3, followed: 1, share: 33 })
    expect(dashboardIndicators(facts, { ...Q1, region: 'Ségou' }, LATER).supervision).toEqual({ trained: 1, followed: 0, share: 0 })
    expect(dashboardIndicators(facts, { ...Q1, organisation: 'UNICEF' }, LATER).supervision).toEqual({ trained: 1, followed: 1, share: 100 })
  })

  it('a period not over is taken at now', () => {
    expect(figuresAsOf(Q1, new Date('2026-03-10T08:00:00Z')).toISOString()).toBe('2026-03-10T08:00:00.000Z')
    expect(figuresAsOf(Q1, LATER).toISOString()).toBe('2026-03-31T23:59:59.999Z')
    expect(dashboardIndicators(facts, Q1, new Date('2026-02-20T08:00:00Z')).supervision.followed).toBe(0)
  })
})

describe('dashboardIndicators: framework meetings', () => {
  it('gives each quarter the period touches, across a year end', () => {
    const meetings = [
      { id: 1, kind: 'quarterly' as const, status: 'held' as const, start: '2025-12-10T09:00:00.000Z' },
      { id: 2, kind: 'adHoc' as const, status: 'held' as const, start: '2026-01-10T09:00:00.000Z' },
      { id: 3, kind: 'quarterly' as const, status: 'planned' as const, start: '2026-03-31T15:00:00.000Z' },
    ]
    const ind = dashboardIndicators({ ...EMPTY, meetings }, { from: '2025-12-01', to: '2026-06-30' }, new Date('2026-02-01T00:00:00Z'))
    expect(ind.meetings.quarters.map((q) => [q.code, q.state, q.meetingId])).toEqual([['2025Q4', 'held', 1], ['2026Q1', 'planned', 3], ['2026Q2', 'missing', null]])
    expect(ind.meetings).toMatchObject({ held: 1, planned: 1, missing: 1 })
  })

  it('quartersOverlapping lists every quarter between the two days', () => {
    expect(quartersOverlapping('2026-03-31', '2026-04-01').map((q) => q.quarter)).toEqual([1, 2])
  })
})

describe('dashboardIndicators: plan, action items and support', () => {
  const facts: TDashboardFacts = {
    ...EMPTY,
    planItems: [
      { status: 'done', region: 'Mopti', deadline: '2026-03-31' },
      { status: 'inProgress', region: 'Ségou', deadline: '2026-02-01' },
      { status: 'inProgress', region: null, deadline: null },
      { status: 'notDone', region: 'Mopti', deadline: '2026-04-01' },
    ],
    actionItems: [
      { status: 'toDo', deadline: '2026-03-30', organisation: 'UNICEF' },
      { status: 'inProgress', deadline: '2026-03-31', organisation: 'DNPEF' }, // due on the last day: not late at its end
      { status: 'done', deadline: '2026-01-01', organisation: 'DNPEF' },
      { status: 'toDo', deadline: null, organisation: null },
    ],
    support: [
      { createdAt: '2026-01-05T10:00:00Z', resolvedAt: '2026-01-06T10:00:00Z', status: 'resolved', region: 'Mopti', organisation: 'UNICEF' },
      { createdAt: '2025-12-30T10:00:00Z', resolvedAt: '2026-01-02T10:00:00Z', status: 'resolved', region: null, organisation: null },
      { createdAt: '2026-03-31T22:00:00Z', resolvedAt: null, status: 'new', region: 'Ségou', organisation: 'DNPEF' },
      { createdAt: '2026-04-01T01:00:00Z', resolvedAt: null, status: 'inProgress', region: 'Ségou', organisation: 'DNPEF' },
    ],
  }

  it('counts plan items due in the period by status', () => {
    expect(dashboardIndicators(facts, Q1, LATER).capacityPlan).toEqual({ done: 1, inProgress: 1, notDone: 0, postponed: 0, total: 2 })
    expect(dashboardIndicators(facts, { ...Q1, region: 'Mopti' }, LATER).capacityPlan).toMatchObject({ done: 1, total: 1 })
    expect(dashboardIndicators(facts, { ...Q1, organisation: 'UNICEF' }, LATER).capacityPlan).toBeNull()
  })

  it('counts open items late at the period’s end; none under a region filter', () => {
    expect(dashboardIndicators(facts, Q1, LATER).actionItems).toEqual({ overdue: 1 })
    expect(dashboardIndicators(facts, { ...Q1, organisation: 'DNPEF' }, LATER).actionItems).toEqual({ overdue: 0 })
    expect(dashboardIndicators(facts, { ...Q1, region: 'Mopti' }, LATER).actionItems).toBeNull()
  })

  it('counts requests received, resolved and still waiting in the period', () => {
    expect(dashboardIndicators(facts, Q1, LATER).support).toEqual({ received: 2, resolved: 2, waiting: 1 })
    expect(dashboardIndicators(facts, { ...Q1, region: 'Ségou' }, LATER).support).toEqual({ received: 1, resolved: 0, waiting: 1 })
    expect(dashboardIndicators(facts, { ...Q1, organisation: 'UNICEF' }, LATER).support).toEqual({ received: 1, resolved: 1, waiting: 0 })
  })
})

describe('indicatorRows', () => {
  it('lists every figure once, leaving out what does not apply', () => {
    const rows = indicatorRows(dashboardIndicators(EMPTY, { ...Q1, organisation: 'UNICEF' }, LATER))
    const keys = rows.map((r) => r.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain('trainings.people')
    expect(keys).toContain('actionItems.overdue')
    expect(keys.some((k) => k.startsWith('plan.'))).toBe(false)
    expect(rows.find((r) => r.key === 'meetings.2026Q1')?.value).toBe('aucune')
  })
})

describe('quarter lock rules', () => {
  const held = [{ code: '2026Q1', state: 'held' as const }]

  it('exactQuarter recognises a whole quarter only', () => {
    expect(exactQuarter('2026-01-01', '2026-03-31')).toEqual({ type: 'quarter', year: 2026, quarter: 1 })
    expect(exactQuarter('2026-01-01', '2026-03-30')).toBeNull()
    expect(exactQuarter('2026-01-02', '2026-03-31')).toBeNull()
  })

  it('refuses a quarter not over, one without a held meeting, and a bad code', () => {
    expect(lockRefusal('2026Q1', held, new Date('2026-03-31T23:59:00Z'))).toMatch(/pas terminé/)
    expect(lockRefusal('2026Q1', held, new Date('2026-04-01T00:00:00Z'))).toBeNull()
    expect(lockRefusal('2026Q1', [{ code: '2026Q1', state: 'planned' }], new Date('2026-05-01T00:00:00Z'))).toMatch(/tenue/)
    expect(lockRefusal('2026Q1', [], new Date('2026-05-01T00:00:00Z'))).toMatch(/tenue/)
    expect(lockRefusal('2026-03', held, new Date('2026-05-01T00:00:00Z'))).toMatch(/invalide/)
  })
})

describe('indicatorReach', () => {
  it('coordination gets what it asks, nationally', () => {
    expect(indicatorReach({ roles: ['coordinator'] }, { region: 3, organisation: 7 })).toEqual({ region: 3, organisation: 7, national: true })
    expect(indicatorReach({ roles: ['admin'] }, {})).toEqual({ region: null, organisation: null, national: true })
  })
  it('a partner’s staff get their own organisation whatever they ask', () => {
    expect(indicatorReach({ roles: ['trainer'], organisation: 5 }, { organisation: 7, region: 2 })).toEqual({ region: 2, organisation: 5, national: false })
    expect(indicatorReach({ roles: ['supervisor'], organisation: { id: 5 } }, {})).toEqual({ region: null, organisation: 5, national: false })
  })
  it('refuses learners, editors, and partner accounts without organisation', () => {
    expect(indicatorReach({ roles: ['learner'], organisation: 5 }, {})).toBeNull()
    expect(indicatorReach({ roles: ['editor'], organisation: 5 }, {})).toBeNull()
    expect(indicatorReach({ roles: ['caseManager'] }, {})).toBeNull()
    expect(indicatorReach({ roles: ['trainer'], organisation: 5, active: false }, {})).toBeNull()
  })
})
