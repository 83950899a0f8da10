import type { Where } from 'payload'
import type { Label } from './toolkit.ts'

// Action items: every commitment with an activity, a responsible, a deadline and a status — a training's next
// steps, a meeting's action points, a supervision visit's agreed actions. One vocabulary and one set of rules for
// all of them (the training report calls them "prochaines étapes"; the data is the same). Plain data in, plain
// data out; `now` is passed in; days are ISO calendar days read in UTC, the time zone of Mali.

/**
 * What an action item may come from: the collections its polymorphic `source` relationship accepts. A new
 * source (framework meetings, supervision visits) is one more slug here, plus the access function that lets the
 * people of that source see its items (see cms/access/).
 */
export const ACTION_ITEM_SOURCES = ['trainings', 'supervision-visits', 'meetings'] as const
export type ActionItemSource = (typeof ACTION_ITEM_SOURCES)[number]

/** The one status vocabulary of action items, whatever their source. */
export const ACTION_ITEM_STATUSES = {
  toDo: { fr: 'À faire', en: 'To do' },
  inProgress: { fr: 'En cours', en: 'In progress' },
  done: { fr: 'Réalisé', en: 'Done' },
  dropped: { fr: 'Abandonné', en: 'Dropped' },
} as const satisfies Record<string, Label>
export type ActionItemStatus = keyof typeof ACTION_ITEM_STATUSES

/** Statuses that still call for work: these items can be late and are carried over to the next occurrence. */
export const OPEN_STATUSES: readonly ActionItemStatus[] = ['toDo', 'inProgress']

/** One action item as the rules, the reports and the tables see it. */
export type TActionItem = {
  id?: number | string
  activity: string
  status: ActionItemStatus
  deadline?: string | null // YYYY-MM-DD (a Payload ISO timestamp is accepted)
  owner?: string | null
  comments?: string | null
}

/** The status in the reader's language (the code itself if unknown, so nothing is hidden). */
export function statusLabel(status: string, lang: 'fr' | 'en' = 'fr'): string {
  return (ACTION_ITEM_STATUSES as Record<string, Label>)[status]?.[lang] ?? status
}

export function isOpen(item: Pick<TActionItem, 'status'>): boolean {
  return OPEN_STATUSES.includes(item.status)
}

/** Late: still open and its deadline day is over (an item due today is not late yet). No deadline, never late. */
export function isOverdue(item: Pick<TActionItem, 'status' | 'deadline'>, now: Date): boolean {
  if (!isOpen(item) || !item.deadline) return false
  return item.deadline.slice(0, 10) < now.toISOString().slice(0, 10)
}

/** A new action item for the next occurrence of a source, linked to the one it continues. */
export type TCarriedOver<S> = Omit<TActionItem, 'id'> & { carriedOverFrom: number | string; source: S }

/**
 * The open items of one occurrence (a meeting, a visit, a training) copied to the next one: same activity,
 * status, deadline, responsible and comments, each pointing back at its original with `carriedOverFrom`. Done and
 * dropped items stay where they were. Items without an id (not saved yet) cannot be linked and are refused.
 */
export function carryOver<S>(items: TActionItem[], next: S): TCarriedOver<S>[] {
  return items.filter(isOpen).map((item) => {
    if (item.id === undefined) throw new Error(`Point d’action « ${item.activity} » non enregistré : il ne peut pas être reporté.`)
    return { activity: item.activity, status: item.status, deadline: item.deadline ?? null, owner: item.owner ?? null, comments: item.comments ?? null, carriedOverFrom: item.id, source: next }
  })
}

/** The `where` query of the items of one source (kind and id both: a meeting and a training may share an id). */
export function itemsOfSource(kind: ActionItemSource, id: number | string): Where {
  return { and: [{ 'source.relationTo': { equals: kind } }, { 'source.value': { equals: id } }] }
}
