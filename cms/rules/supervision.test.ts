import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ZFramework } from './competency-framework.ts'
import {
  commonGaps,
  competencyProgress,
  competencyScores,
  coverage,
  coverageBySupervisor,
  dueFollowUps,
  followUpReminders,
  inSupervisorArea,
  neverFollowedUp,
  personInReach,
  shiftDay,
  visitDifferences,
  visitProblems,
  visitsReach,
  visitsByRegionAndMode,
  type TTrainedPerson,
  type TVisitFact,
} from './supervision.ts'

const framework = ZFramework.parse(JSON.parse(readFileSync(new URL('../../content/competencies/framework.json', import.meta.url), 'utf8')))
const at = (iso: string) => new Date(iso)

const person = (id: number, region: string, organisation: string, trainings: [number, string, string][]): TTrainedPerson => ({
  id,
  name: `Personne ${id}`,
  region,
  organisation,
  trainings: trainings.map(([tid, startDate, endDate]) => ({ id: tid, startDate, endDate })),
})

// Training 1 in January, training 2 starting on the last day of the first quarter.
const people = [
  person(1, 'Mopti', 'DNPEF', [[1, '2026-01-26', '2026-01-30']]),
  person(2, 'Mopti', 'Tdh', [[1, '2026-01-26', '2026-01-30']]),
  person(3, 'Gao', 'DNPEF', [[1, '2026-01-26', '2026-01-30'], [2, '2026-03-31', '2026-04-02']]),
  person(4, 'Gao', 'IRC', [[2, '2026-03-31', '2026-04-02']]),
]
const visits: TVisitFact[] = [
  { id: 10, person: 1, supervisor: 100, date: '2026-02-10', mode: 'onSite', nextFollowUp: '2026-04-07', ratings: [{ behaviour: 'is-justifie-decisions', rating: 'toStrengthen' }] },
  { id: 11, person: 1, supervisor: 100, date: '2026-03-20', mode: 'phone', nextFollowUp: '2026-04-07', ratings: [{ behaviour: 'is-justifie-decisions', rating: 'mastered' }] },
  // Visit of person 3 on the first day of the second quarter.
  { id: 12, person: 3, supervisor: 101, date: '2026-04-01', mode: 'video', nextFollowUp: '2026-05-01', ratings: [{ behaviour: 'is-justifie-decisions', rating: 'toStrengthen' }] },
]

describe('shiftDay', () => {
  it('crosses month, quarter and year ends', () => {
    expect(shiftDay('2026-03-31', 1)).toBe('2026-04-01')
    expect(shiftDay('2026-02-28', 7)).toBe('2026-03-07')
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01')
    expect(shiftDay('2026-03-01', -60)).toBe('2025-12-31')
  })
})

describe('coverage', () => {
  it('counts, nationally, the people trained by today and those with a visit by today', () => {
    const c = coverage(people, visits, at('2026-03-30T12:00:00Z'))
    // Training 2 has not started: persons 1–3 are trained (3 through training 1), person 4 not yet.
    expect([c.total, c.followed, c.share]).toEqual([3, 1, 33])
    expect(c.notFollowed.map((p) => p.id)).toEqual([2, 3])
  })

  it('changes at the quarter end: the last minute of 31 March does not see a visit of 1 April', () => {
    const before = coverage(people, visits, at('2026-03-31T23:59:59Z'))
    const after = coverage(people, visits, at('2026-04-01T00:00:00Z'))
    expect([before.total, before.followed]).toEqual([4, 1])
    expect([after.total, after.followed]).toEqual([4, 2])
  })

  it('for one training, counts only visits on or after its first day', () => {
    // Person 3's visit of 1 April follows training 2 (started 31 March) and training 1.
    const t2 = coverage(people, visits, at('2026-04-15T10:00:00Z'), 2)
    expect([t2.total, t2.followed]).toEqual([2, 1])
    expect(t2.byRegion).toEqual([{ key: 'Gao', total: 2, followed: 1, share: 50 }])
    expect(t2.byOrganisation.map((l) => [l.key, l.followed])).toEqual([['DNPEF', 1], ['IRC', 0]])
    // A visit made before a later training does not count for it.
    const early = [{ person: 4, supervisor: 101, date: '2026-03-15' }]
    expect(coverage(people, early, at('2026-04-15T10:00:00Z'), 2).followed).toBe(0)
  })

  it('counts nobody for a training that has not started, and says 0 % rather than dividing by zero', () => {
    const c = coverage(people, visits, at('2026-03-30T10:00:00Z'), 2)
    expect([c.total, c.followed, c.share]).toEqual([0, 0, 0])
  })

  it('per supervisor: the trained people of their organisation and region', () => {
    const rows = coverageBySupervisor(people, visits, [
      { id: 100, name: 'Sup Mopti DNPEF', organisation: 'DNPEF', region: 'Mopti' },
      { id: 102, name: 'Sans région', organisation: 'DNPEF', region: null },
    ], at('2026-04-15T10:00:00Z'))
    expect(rows.map((r) => [r.key, r.total, r.followed, r.share])).toEqual([['Sup Mopti DNPEF', 1, 1, 100], ['Sans région', 0, 0, 0]])
  })
})

describe('inSupervisorArea', () => {
  it('needs both the organisation and the region', () => {
    const area = { organisation: '1', region: '7' }
    expect(inSupervisorArea(area, { organisation: '1', region: '7' })).toBe(true)
    expect(inSupervisorArea(area, { organisation: '1', region: '8' })).toBe(false)
    expect(inSupervisorArea(area, { organisation: '2', region: '7' })).toBe(false)
    expect(inSupervisorArea({ organisation: null, region: '7' }, { organisation: null, region: '7' })).toBe(false)
  })
})

describe('dueFollowUps and reminders', () => {
  it('lists the latest visit’s plan within the week, late ones first, across the month end', () => {
    const due = dueFollowUps(visits, at('2026-03-31T08:00:00Z'))
    expect(due).toEqual([{ person: 1, lastVisit: '2026-03-20', due: '2026-04-07', overdue: false, visit: 11 }])
    expect(dueFollowUps(visits, at('2026-03-30T08:00:00Z'))).toEqual([])
    const late = dueFollowUps(visits, at('2026-04-08T08:00:00Z'))
    expect(late.map((d) => [d.person, d.overdue])).toEqual([[1, true]])
  })

  it('a later visit replaces the plan of an earlier one', () => {
    const replanned = [...visits, { id: 13, person: 1, supervisor: 100, date: '2026-04-06', nextFollowUp: '2026-06-30' }]
    expect(dueFollowUps(replanned, at('2026-04-06T10:00:00Z')).map((d) => d.person)).toEqual([])
  })

  it('reminds exactly one week before, across February’s end', () => {
    const planned = [{ id: 20, person: 9, supervisor: 100, date: '2026-02-02', nextFollowUp: '2026-03-07' }]
    expect(followUpReminders(planned, at('2026-02-28T07:00:00Z')).map((v) => v.id)).toEqual([20])
    expect(followUpReminders(planned, at('2026-02-27T07:00:00Z'))).toEqual([])
    expect(followUpReminders(planned, at('2026-03-01T07:00:00Z'))).toEqual([])
  })
})

describe('neverFollowedUp', () => {
  it('lists people trained more than 60 days ago without any visit, from the 61st day', () => {
    // Training 1 ended on 30 January: the 60th day after is 31 March (end of the quarter).
    expect(neverFollowedUp(people, visits, at('2026-03-31T12:00:00Z')).map((p) => p.id)).toEqual([])
    const listed = neverFollowedUp(people, visits, at('2026-04-01T12:00:00Z'))
    // Person 3 had a visit on 1 April: that day they are off the list; person 4 was trained too recently.
    expect(listed.map((p) => [p.id, p.trainedOn])).toEqual([[2, '2026-01-30']])
    expect(neverFollowedUp(people, [], at('2026-04-01T12:00:00Z')).map((p) => p.id)).toEqual([1, 2, 3])
  })
})

describe('competency progress', () => {
  it('scores a visit per competency without the behaviours not observed', () => {
    expect(competencyScores({ ratings: [{ behaviour: 'is-justifie-decisions', rating: 'acquired' }, { behaviour: 'is-ne-pas-nuire', rating: 'mastered' }, { behaviour: 'is-non-discrimination', rating: 'notObserved' }] }, framework)).toEqual({ 'interet-superieur': 2.5 })
  })

  it('compares first and latest visits per region, for people visited at least twice by today', () => {
    const rows = competencyProgress(people, visits, framework, at('2026-03-31T12:00:00Z'), 'region')
    expect(rows).toEqual([{ group: 'Mopti', competency: 'interet-superieur', people: 1, first: 1, latest: 3, change: 2 }])
    // Before the second visit there is nothing to compare.
    expect(competencyProgress(people, visits, framework, at('2026-03-19T12:00:00Z'), 'organisation')).toEqual([])
  })
})

describe('summary tables', () => {
  it('counts visits by region and mode, and the behaviours most often to strengthen', () => {
    expect(visitsByRegionAndMode([{ region: 'Gao', mode: 'video' }, { region: 'Gao', mode: 'onSite' }, { region: 'Bamako', mode: 'phone' }])).toEqual([
      { region: 'Bamako', counts: { onSite: 0, phone: 1, video: 0 }, total: 1 },
      { region: 'Gao', counts: { onSite: 1, phone: 0, video: 1 }, total: 2 },
    ])
    expect(commonGaps(visits)).toEqual([{ behaviour: 'is-justifie-decisions', count: 2 }])
  })
})

describe('visitProblems', () => {
  const ctx = { now: at('2026-03-31T20:00:00Z'), firstTrainingDay: '2026-01-26', framework, personInScope: true }
  it('accepts a valid visit', () => {
    expect(visitProblems({ date: '2026-03-31', nextFollowUp: '2026-04-30', ratings: [{ behaviour: 'is-ne-pas-nuire', rating: 'acquired' }] }, ctx)).toEqual([])
  })
  it('refuses each fault with a French message naming the field', () => {
    expect(visitProblems({ date: '2026-04-01' }, ctx)).toEqual([{ path: 'date', message: expect.stringContaining('futur') }])
    expect(visitProblems({ date: '2026-01-25' }, ctx)[0]).toMatchObject({ path: 'date', message: expect.stringContaining('première formation') })
    expect(visitProblems({ date: '2026-03-31', ratings: [{ behaviour: 'is-ne-pas-nuire', rating: 'excellent' }] }, ctx)).toEqual([{ path: 'ratings.0.rating', message: expect.stringContaining('hors de l’échelle') }])
    expect(visitProblems({ date: '2026-03-31', ratings: [{ behaviour: 'invente', rating: 'acquired' }] }, ctx)).toEqual([{ path: 'ratings.0.behaviour', message: expect.stringContaining('version 2026.1') }])
    expect(visitProblems({ date: '2026-03-31' }, { ...ctx, personInScope: false })).toEqual([{ path: 'person', message: expect.stringContaining('périmètre') }])
    expect(visitProblems({ date: '2026-03-31', nextFollowUp: '2026-03-31' }, ctx)).toEqual([{ path: 'nextFollowUp', message: expect.stringContaining('après') }])
  })
})

describe('visitDifferences', () => {
  it('names the fields changed by someone else since the person opened the visit', () => {
    expect(visitDifferences({ strengths: 'Écoute', gaps: 'Consentement' }, { strengths: 'Écoute active', gaps: 'Consentement' })).toEqual([{ field: 'strengths', mine: 'Écoute', stored: 'Écoute active' }])
  })
})

describe('visitsReach and personInReach', () => {
  const supervisor = { id: 5, roles: ['supervisor'], organisation: 2, region: { id: 9 } }
  it('gives coordination everything and people outside supervision only their own visits to read', () => {
    expect(visitsReach({ id: 1, roles: ['coordinator'] }, 'write')).toBe(true)
    expect(visitsReach({ id: 3, roles: ['caseManager'] }, 'read')).toEqual({ personAccount: { equals: 3 } })
    expect(visitsReach({ id: 3, roles: ['trainer'] }, 'write')).toBe(false)
    expect(visitsReach(null, 'read')).toBe(false)
    expect(visitsReach({ id: 1, roles: ['coordinator'], active: false }, 'read')).toBe(false)
  })
  it('gives a supervisor the visits they conduct and those of their organisation and region', () => {
    expect(visitsReach(supervisor, 'write')).toEqual({ or: [{ supervisor: { equals: 5 } }, { and: [{ organisation: { equals: 2 } }, { region: { equals: 9 } }] }] })
    expect(visitsReach({ ...supervisor, region: null }, 'read')).toEqual({ or: [{ supervisor: { equals: 5 } }, { personAccount: { equals: 5 } }] })
  })
  it('lets a supervisor record visits only for people of their organisation and region', () => {
    expect(personInReach(supervisor, { organisation: 2, region: 9 })).toBe(true)
    expect(personInReach(supervisor, { organisation: { id: 2 }, region: 8 })).toBe(false)
    expect(personInReach({ id: 1, roles: ['coordinator'] }, { organisation: 7, region: 8 })).toBe(true)
    expect(personInReach({ id: 3, roles: ['trainer'] }, { organisation: 2, region: 9 })).toBe(false)
  })
})
