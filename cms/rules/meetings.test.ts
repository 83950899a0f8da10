import { describe, expect, it } from 'vitest'
import {
  answerOfWord,
  bamakoInstant,
  carriedActionPoints,
  complianceAlert,
  complianceAlertToday,
  daysUntil,
  meetingProblems,
  planAt,
  planChanges,
  planItemAt,
  planSnapshot,
  quarterCodeProblem,
  quarterCompliance,
  remindersDue,
  rsvpRefusal,
  rsvpSummary,
  withAnswer,
  isInvited,
  meetingsReadable,
  type TMeeting,
  type TMeetingActionPoint,
  type TPlanHistoryEntry,
} from './meetings.ts'

const quarterly = (id: number, start: string, status: TMeeting['status'] = 'planned'): TMeeting => ({ id, kind: 'quarterly', status, start, end: start.replace('T09', 'T13') })

describe('meeting validation', () => {
  const now = new Date('2026-04-02T10:00:00Z') // Q2 2026
  it('refuses an end before or at the start', () => {
    expect(meetingProblems({ status: 'planned', start: '2026-05-10T09:00:00Z', end: '2026-05-10T08:00:00Z' }, now)).toEqual([{ path: 'end', message: expect.stringContaining('postérieure à son début') }])
    expect(meetingProblems({ status: 'planned', start: '2026-05-10T09:00:00Z', end: '2026-05-10T09:00:00Z' }, now)).toHaveLength(1)
    expect(meetingProblems({ status: 'planned', start: '2026-05-10T09:00:00Z', end: '2026-05-10T13:00:00Z' }, now)).toEqual([])
  })

  it('refuses a meeting of a past quarter marked planned, across a quarter and a year boundary', () => {
    // 31 March is Q1, the past quarter on 2 April.
    expect(meetingProblems({ status: 'planned', start: '2026-03-31T09:00:00Z' }, now)[0]).toMatchObject({ path: 'status', message: expect.stringContaining('1er trimestre 2026') })
    // Earlier in the current quarter: still allowed (the coordinator may not have recorded it yet).
    expect(meetingProblems({ status: 'planned', start: '2026-04-01T09:00:00Z' }, now)).toEqual([])
    expect(meetingProblems({ status: 'held', start: '2026-03-31T09:00:00Z' }, now)).toEqual([])
    const newYear = new Date('2027-01-01T00:30:00Z')
    expect(meetingProblems({ status: 'planned', start: '2026-12-31T23:00:00Z' }, newYear)).toHaveLength(1)
    expect(meetingProblems({ status: 'planned', start: '2026-12-31T23:00:00Z' }, new Date('2026-12-31T23:59:00Z'))).toEqual([])
  })

  it('refuses a meeting marked held before it started', () => {
    expect(meetingProblems({ status: 'held', start: '2026-05-10T09:00:00Z' }, now)[0]!.path).toBe('status')
  })

  it('reads a civil day and time in Bamako', () => {
    expect(bamakoInstant('2026-03-12', '09:30').toISOString()).toBe('2026-03-12T09:30:00.000Z')
    expect(() => bamakoInstant('2026-03-12', '25:00')).toThrow(/Heure invalide/)
  })
})

describe('quarter compliance', () => {
  const meetings: TMeeting[] = [
    quarterly(1, '2026-02-12T09:00:00Z', 'held'),
    quarterly(2, '2026-05-14T09:00:00Z', 'planned'),
    { id: 3, kind: 'adHoc', status: 'held', start: '2026-08-01T09:00:00Z' },
    quarterly(4, '2026-11-12T09:00:00Z', 'cancelled'),
    quarterly(5, '2025-12-31T23:30:00Z', 'held'), // last quarter of 2025: does not count for 2026
  ]

  it('says held, planned or missing per quarter; other kinds and cancelled meetings do not count', () => {
    const result = quarterCompliance(meetings, 2026, new Date('2026-04-15T00:00:00Z'))
    expect(result.map((q) => [q.code, q.state, q.meetingId])).toEqual([
      ['2026Q1', 'held', 1],
      ['2026Q2', 'planned', 2],
      ['2026Q3', 'missing', null],
      ['2026Q4', 'missing', null],
    ])
    expect(result[0]!.label).toBe('1er trimestre 2026')
    expect(result[0]!.daysLeft).toBe(0)
  })

  it('places a meeting in its quarter by the Bamako civil day, across the year boundary', () => {
    expect(quarterCompliance(meetings, 2025, new Date('2026-01-05T00:00:00Z'))[3]).toMatchObject({ code: '2025Q4', state: 'held', meetingId: 5 })
  })

  it('alerts when the current quarter has fewer than 30 days left and no meeting held or planned', () => {
    // Q3 ends 30 September: 30 days left on 1 September (today included), 29 on 2 September.
    expect(complianceAlert(meetings, new Date('2026-09-01T08:00:00Z'))).toBeNull()
    expect(complianceAlert(meetings, new Date('2026-09-02T08:00:00Z'))).toMatchObject({ code: '2026Q3', state: 'missing', daysLeft: 29, alert: true })
    // Q2 has a planned meeting: no alert however late.
    expect(complianceAlert(meetings, new Date('2026-06-29T08:00:00Z'))).toBeNull()
    // Q4 2026 with only a cancelled meeting: the alert on 31 December, not for the next year's first quarter.
    expect(complianceAlert(meetings, new Date('2026-12-31T23:00:00Z'))).toMatchObject({ code: '2026Q4', daysLeft: 1 })
    expect(complianceAlert(meetings, new Date('2027-01-01T00:00:00Z'))).toBeNull()
  })
})

describe('the compliance alert email', () => {
  it('goes out when fewer than 30 days are left, then two weeks, one week and one day before the end', () => {
    const meetings: TMeeting[] = [quarterly(1, '2026-02-12T09:00:00Z', 'held')]
    const days = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-17', '2026-06-24', '2026-06-30'].map((d) => complianceAlertToday(meetings, new Date(`${d}T07:00:00Z`))?.daysLeft ?? null)
    expect(days).toEqual([null, 29, null, 14, 7, 1])
    expect(complianceAlertToday(meetings, new Date('2026-03-02T07:00:00Z'))).toBeNull()
  })
})

describe('reminders', () => {
  const meetings = [quarterly(1, '2026-04-02T09:00:00Z'), quarterly(2, '2026-04-08T09:00:00Z'), quarterly(3, '2026-04-08T10:00:00Z', 'cancelled'), quarterly(4, '2027-01-01T09:00:00Z')]

  it('counts civil days, not hours', () => {
    expect(daysUntil('2026-04-02T09:00:00Z', new Date('2026-04-01T23:59:00Z'))).toBe(1)
    expect(daysUntil('2026-04-02T09:00:00Z', new Date('2026-04-02T00:00:00Z'))).toBe(0)
  })

  it('finds the planned meetings 7 days and 1 day ahead, across a quarter and a year boundary', () => {
    // 1 April: meeting 1 tomorrow, meeting 2 in 7 days; the cancelled one is not reminded.
    expect(remindersDue(meetings, new Date('2026-04-01T06:00:00Z')).map((r) => [r.meeting.id, r.daysBefore])).toEqual([
      [1, 1],
      [2, 7],
    ])
    expect(remindersDue(meetings, new Date('2026-04-03T06:00:00Z'))).toEqual([])
    expect(remindersDue(meetings, new Date('2026-12-25T12:00:00Z')).map((r) => [r.meeting.id, r.daysBefore])).toEqual([[4, 7]])
    expect(remindersDue(meetings, new Date('2026-12-31T23:59:00Z')).map((r) => [r.meeting.id, r.daysBefore])).toEqual([[4, 1]])
  })
})

describe('RSVP', () => {
  const now = new Date('2026-04-01T10:00:00Z')
  it('reads the answer words of the links', () => {
    expect(['oui', 'non', 'peut-etre', 'OUI', null].map(answerOfWord)).toEqual(['yes', 'no', 'maybe', null, null])
  })

  it('refuses answers for a cancelled or past meeting', () => {
    expect(rsvpRefusal({ status: 'cancelled', start: '2026-05-01T09:00:00Z' }, now)?.fr).toMatch(/annulée/)
    expect(rsvpRefusal({ status: 'planned', start: '2026-03-01T09:00:00Z', end: '2026-03-01T12:00:00Z' }, now)?.fr).toMatch(/déjà eu lieu/)
    expect(rsvpRefusal({ status: 'planned', start: '2026-05-01T09:00:00Z' }, now)).toBeNull()
    expect(rsvpRefusal({ status: 'postponed', start: '2026-05-01T09:00:00Z' }, now)).toBeNull()
  })

  it('replaces a person’s previous answer and counts who has not answered', () => {
    let rsvps = withAnswer([], 1, 'maybe', now)
    rsvps = withAnswer(rsvps, 2, 'no', now)
    rsvps = withAnswer(rsvps, 1, 'yes', now)
    expect(rsvps.map((r) => [r.person, r.answer])).toEqual([
      [2, 'no'],
      [1, 'yes'],
    ])
    expect(rsvpSummary(rsvps, [1, 2, 3, '4'])).toEqual({ yes: 1, no: 1, maybe: 0, pending: 2 })
    // An answer from someone no longer invited is not counted.
    expect(rsvpSummary(rsvps, [1])).toEqual({ yes: 1, no: 0, maybe: 0, pending: 0 })
  })
})

describe('action points carried onto the next agenda', () => {
  const meetings: TMeeting[] = [quarterly(1, '2025-12-10T09:00:00Z', 'held'), quarterly(2, '2026-02-12T09:00:00Z', 'held'), quarterly(3, '2026-05-14T09:00:00Z'), quarterly(4, '2026-03-01T09:00:00Z', 'cancelled')]
  const points: TMeetingActionPoint[] = [
    { id: 10, activity: 'Partager le rapport de la ToT', status: 'toDo', meeting: 1 },
    { id: 11, activity: 'Configurer CPIMS+', status: 'done', meeting: 1 },
    { id: 12, activity: 'Former les administrateurs', status: 'inProgress', meeting: 2 },
    { id: 13, activity: 'Point de la réunion annulée', status: 'toDo', meeting: 4 },
  ]

  it('carries the open points of every earlier meeting until they are closed, across the year boundary', () => {
    expect(carriedActionPoints(meetings[1]!, meetings, points).map((p) => p.id)).toEqual([10])
    expect(carriedActionPoints(meetings[2]!, meetings, points).map((p) => p.id)).toEqual([10, 12])
    const closed = points.map((p) => (p.id === 10 ? { ...p, status: 'done' as const } : p))
    expect(carriedActionPoints(meetings[2]!, meetings, closed).map((p) => p.id)).toEqual([12])
    expect(carriedActionPoints(meetings[0]!, meetings, points)).toEqual([])
  })
})

describe('the capacity-building plan’s history', () => {
  const history: TPlanHistoryEntry[] = [
    { at: '2024-09-21T10:00:00Z', by: 1, changes: [], snapshot: planSnapshot({ activity: 'Configuration de CPIMS+', status: 'notDone', deadline: '2024-09-30' }) },
    { at: '2024-11-05T10:00:00Z', by: 1, changes: [], snapshot: planSnapshot({ activity: 'Configuration de CPIMS+', status: 'inProgress', deadline: '2024-12-31' }) },
    { at: '2025-02-10T10:00:00Z', by: 2, changes: [], snapshot: planSnapshot({ activity: 'Configuration de CPIMS+', status: 'done', deadline: '2024-12-31' }) },
  ]

  it('keeps what changed between two versions, relations by id', () => {
    const before = planSnapshot({ activity: 'A', status: 'notDone', region: { id: 3, name: 'Mopti' }, budget: 100 })
    const after = planSnapshot({ activity: 'A', status: 'inProgress', region: 4, budget: 100, comments: '' })
    expect(planChanges(before, after)).toEqual([
      { field: 'region', from: 3, to: 4 },
      { field: 'status', from: 'notDone', to: 'inProgress' },
    ])
    expect(planChanges(null, planSnapshot({ activity: 'B' }))).toEqual([{ field: 'activity', from: null, to: 'B' }])
  })

  it('shows an item as it stood at a past date, and nothing before it existed', () => {
    expect(planItemAt(history, new Date('2024-09-01T00:00:00Z'))).toBeNull()
    expect(planItemAt(history, new Date('2024-10-01T00:00:00Z'))?.status).toBe('notDone')
    expect(planItemAt(history, new Date('2024-12-31T23:59:59Z'))).toMatchObject({ status: 'inProgress', deadline: '2024-12-31' })
    expect(planItemAt([...history].reverse(), new Date('2026-01-01T00:00:00Z'))?.status).toBe('done')
    expect(planAt([{ id: 7, history }, { id: 8, history: [] }], new Date('2025-01-01T00:00:00Z'))).toEqual([{ id: 7, state: expect.objectContaining({ status: 'inProgress' }) }])
  })

  it('accepts quarter codes only for the period', () => {
    expect(quarterCodeProblem('2026Q2')).toBeNull()
    expect(quarterCodeProblem('')).toBeNull()
    expect(quarterCodeProblem('2026-05')).toMatch(/AAAAQn/)
  })
})

describe('who reads a meeting', () => {
  const meeting = { invitedPeople: [5, { id: 6 }], invitedOrganisations: [{ id: 20 }] }
  it('is national for coordination, invitation-bound for everyone else, nothing for visitors', () => {
    expect(meetingsReadable({ id: 1, roles: ['coordinator'] })).toBe(true)
    expect(meetingsReadable(null)).toBe(false)
    expect(meetingsReadable({ id: 1, roles: ['coordinator'], active: false })).toBe(false)
    expect(meetingsReadable({ id: 5, roles: ['supervisor'], organisation: 20 })).toEqual({ or: [{ invitedPeople: { in: [5] } }, { invitedOrganisations: { in: [20] } }] })
    expect(meetingsReadable({ id: 5, roles: ['learner'] })).toEqual({ or: [{ invitedPeople: { in: [5] } }] })
  })

  it('finds an invitation in person or through the organisation', () => {
    expect(isInvited({ id: 6, roles: ['trainer'] }, meeting)).toBe(true)
    expect(isInvited({ id: 9, roles: ['caseManager'], organisation: { id: 20 } }, meeting)).toBe(true)
    expect(isInvited({ id: 9, roles: ['caseManager'], organisation: 21 }, meeting)).toBe(false)
    expect(isInvited(null, meeting)).toBe(false)
  })
})
