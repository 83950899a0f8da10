import { describe, expect, it } from 'vitest'
import { ACTION_ITEM_SOURCES, ACTION_ITEM_STATUSES, carryOver, isOpen, isOverdue, statusLabel, type TActionItem } from './action-items.ts'

const now = new Date('2026-03-10T18:00:00Z')

describe('action item statuses', () => {
  it('has one French and English label per status, and only to-do and in-progress items are open', () => {
    expect(Object.keys(ACTION_ITEM_STATUSES)).toEqual(['toDo', 'inProgress', 'done', 'dropped'])
    expect(statusLabel('toDo')).toBe('À faire')
    expect(statusLabel('dropped', 'en')).toBe('Dropped')
    expect(statusLabel('done')).toBe('Réalisé')
    expect(statusLabel('notDone')).toBe('notDone')
    expect(['toDo', 'inProgress', 'done', 'dropped'].filter((status) => isOpen({ status: status as TActionItem['status'] }))).toEqual(['toDo', 'inProgress'])
  })

  it('accepts trainings as a source today', () => {
    expect(ACTION_ITEM_SOURCES).toContain('trainings')
  })
})

describe('overdue', () => {
  it('is late only when open and the deadline day is over', () => {
    expect(isOverdue({ status: 'toDo', deadline: '2026-03-09' }, now)).toBe(true)
    expect(isOverdue({ status: 'inProgress', deadline: '2026-03-09T00:00:00.000Z' }, now)).toBe(true)
    // Due today: not late yet, even in the evening.
    expect(isOverdue({ status: 'toDo', deadline: '2026-03-10' }, now)).toBe(false)
    expect(isOverdue({ status: 'toDo', deadline: '2026-03-11' }, now)).toBe(false)
    expect(isOverdue({ status: 'done', deadline: '2025-01-01' }, now)).toBe(false)
    expect(isOverdue({ status: 'dropped', deadline: '2025-01-01' }, now)).toBe(false)
    expect(isOverdue({ status: 'toDo', deadline: null }, now)).toBe(false)
  })

  it('counts the day in UTC (Mali), across a year end', () => {
    expect(isOverdue({ status: 'toDo', deadline: '2025-12-31' }, new Date('2026-01-01T00:00:00Z'))).toBe(true)
    expect(isOverdue({ status: 'toDo', deadline: '2025-12-31' }, new Date('2025-12-31T23:59:59Z'))).toBe(false)
  })
})

describe('carry-over', () => {
  const items: TActionItem[] = [
    { id: 1, activity: 'Former les superviseurs', status: 'toDo', deadline: '2026-02-28', owner: 'DRPFEF Mopti' },
    { id: 2, activity: 'Diffuser les POS', status: 'done', deadline: '2026-02-15' },
    { id: 3, activity: 'Saisir les fiches', status: 'inProgress', comments: 'Moitié faite' },
    { id: 4, activity: 'Atelier annulé', status: 'dropped' },
  ]

  it('copies the open items to the next occurrence, each linked to its original', () => {
    const next = { relationTo: 'trainings' as const, value: 9 }
    expect(carryOver(items, next)).toEqual([
      { activity: 'Former les superviseurs', status: 'toDo', deadline: '2026-02-28', owner: 'DRPFEF Mopti', comments: null, carriedOverFrom: 1, source: next },
      { activity: 'Saisir les fiches', status: 'inProgress', deadline: null, owner: null, comments: 'Moitié faite', carriedOverFrom: 3, source: next },
    ])
  })

  it('carries nothing when everything is closed, and refuses an unsaved open item', () => {
    expect(carryOver([items[1]!, items[3]!], 'next')).toEqual([])
    expect(() => carryOver([{ activity: 'Brouillon', status: 'toDo' }], 'next')).toThrow('« Brouillon » non enregistré')
  })
})
