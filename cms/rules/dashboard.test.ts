import { describe, expect, it } from 'vitest'
import { adminDocHref, adminListHref } from './admin-links.ts'
import { isReportWritten, overdueItems, thisYear, trainedByRegion, trainerAgenda, trainingPhase, unfinishedLearners, type TDashTraining } from './dashboard.ts'

// 1 December 2026, 23:30 in Bamako (UTC+0): still the 1st there.
const now = new Date('2026-12-01T23:30:00Z')
const training = (id: number, startDate: string, endDate: string, extra: Partial<TDashTraining> = {}): TDashTraining => ({ id, title: `F${id}`, startDate, endDate, status: 'planned', reportWritten: false, ...extra })

describe('where a training stands', () => {
  it('is upcoming before its first day, today during its days, then to report until the report is written', () => {
    expect(trainingPhase(training(1, '2026-12-02', '2026-12-04'), now)).toBe('upcoming')
    expect(trainingPhase(training(1, '2026-12-01T12:00:00.000Z', '2026-12-03T12:00:00.000Z'), now)).toBe('today')
    expect(trainingPhase(training(1, '2026-11-28', '2026-12-01'), now)).toBe('today')
    expect(trainingPhase(training(1, '2026-11-20', '2026-11-30'), now)).toBe('toReport')
    expect(trainingPhase(training(1, '2026-11-20', '2026-11-30', { reportWritten: true }), now)).toBe('reported')
  })
  it('leaves cancelled and postponed trainings out of every list', () => {
    expect(trainingPhase(training(1, '2026-11-20', '2026-11-30', { status: 'cancelled' }), now)).toBe('notHeld')
    expect(trainingPhase(training(1, '2026-12-20', '2026-12-30', { status: 'postponed' }), now)).toBe('notHeld')
  })
  it('sorts a trainer’s trainings into upcoming (soonest first), today and to report', () => {
    const agenda = trainerAgenda([training(1, '2027-01-10', '2027-01-12'), training(2, '2026-12-05', '2026-12-06'), training(3, '2026-12-01', '2026-12-01'), training(4, '2026-10-01', '2026-10-02'), training(5, '2026-09-01', '2026-09-02', { reportWritten: true })], now)
    expect(agenda.upcoming.map((t) => t.id)).toEqual([2, 1])
    expect(agenda.today.map((t) => t.id)).toEqual([3])
    expect(agenda.toReport.map((t) => t.id)).toEqual([4])
  })
  it('counts a report as written once its evaluation summary or recommendations are', () => {
    expect(isReportWritten({ evaluationNotes: '  ', recommendations: null })).toBe(false)
    expect(isReportWritten({ recommendations: 'Former les agents de Kayes.' })).toBe(true)
    expect(isReportWritten({ evaluationNotes: 'Bonne participation.' })).toBe(true)
  })
})

describe('people trained this year by region of the training', () => {
  it('takes the year of Bamako', () => {
    expect(thisYear(new Date('2026-12-31T23:59:00Z'))).toEqual({ year: 2026, first: '2026-01-01', last: '2026-12-31' })
  })
  it('counts each person once per region and once nationally, by sex', () => {
    const { rows, total } = trainedByRegion([
      { participant: 1, sex: 'F', trainingRegion: 10 },
      { participant: 1, sex: 'F', trainingRegion: 10 }, // a second training in the same region
      { participant: 1, sex: 'F', trainingRegion: 20 },
      { participant: 2, sex: 'M', trainingRegion: 10 },
      { participant: 3, sex: 'F', trainingRegion: 20 },
    ])
    expect(rows).toEqual([
      { region: 10, women: 1, men: 1, total: 2 },
      { region: 20, women: 2, men: 0, total: 2 },
    ])
    expect(total).toEqual({ women: 2, men: 1, total: 3 })
  })
  it('gives an empty table when nobody was trained', () => {
    expect(trainedByRegion([])).toEqual({ rows: [], total: { women: 0, men: 0, total: 0 } })
  })
})

describe('follow-up figures', () => {
  it('keeps the open items whose deadline day is over', () => {
    const items = [
      { id: 1, status: 'toDo' as const, deadline: '2026-11-30' },
      { id: 2, status: 'inProgress' as const, deadline: '2026-12-01' }, // due today: not late yet
      { id: 3, status: 'done' as const, deadline: '2026-01-01' },
      { id: 4, status: 'toDo' as const, deadline: null },
    ]
    expect(overdueItems(items, now).map((i) => i.id)).toEqual([1])
  })
  it('names each person who started self-training without a certificate once', () => {
    expect(unfinishedLearners([1, 2, 2, 3, '4'], [3, 4])).toEqual([1, 2])
    expect(unfinishedLearners([], [1])).toEqual([])
  })
})

describe('links to the filtered lists', () => {
  it('writes the conditions the way the list’s filter bar reads them', () => {
    expect(adminListHref('action-items', [['status', 'in', ['toDo', 'inProgress']], ['deadline', 'less_than', '2026-12-01']], 'deadline')).toBe(
      '/admin/collections/action-items?where[or][0][and][0][status][in][0]=toDo&where[or][0][and][0][status][in][1]=inProgress&where[or][0][and][1][deadline][less_than]=2026-12-01&sort=deadline',
    )
    expect(adminListHref('news')).toBe('/admin/collections/news')
    expect(adminListHref('news', [['title', 'like', 'a&b=c']])).toBe('/admin/collections/news?where[or][0][and][0][title][like]=a%26b%3Dc')
    expect(adminDocHref('trainings', 7)).toBe('/admin/collections/trainings/7')
  })
})
