import type { Payload, PayloadRequest } from 'payload'
import { relatedText } from '../fields/relations.ts'
import type { ActionItem, Meeting } from '../payload-types.ts'
import { MEETING_KINDS, type MeetingKind } from '../rules/meetings.ts'
import type { TMinutes, TMinutesAction } from '../reports/meeting-minutes.ts'
import { placeOf, whenOf } from './invitations.ts'
import { actionPointsOf, agendaOf } from './operations.ts'

/** The responsible of an action point in words: the person, their organisation, or the free text. */
export function responsibleOf(item: Pick<ActionItem, 'responsiblePerson' | 'responsibleOrganisation' | 'owner'>): string {
  return [relatedText(item.responsiblePerson, 'name'), relatedText(item.responsibleOrganisation, 'acronym'), item.owner ?? ''].filter(Boolean).join(', ')
}

const asAction = (item: ActionItem): TMinutesAction => ({ activity: item.activity, responsible: responsibleOf(item), deadline: item.deadline ?? null, status: item.status })

/**
 * The minutes of a meeting for a reader: null when the reader may not read the meeting (invited people, their
 * organisations and coordination may). Names and organisations are then read as the system, since the minutes list
 * every attendee.
 */
export async function minutesOf(payload: Payload, id: number | string, user: PayloadRequest['user'], req?: Partial<PayloadRequest>): Promise<TMinutes | null> {
  const allowed = await payload.findByID({ collection: 'meetings', id, depth: 0, user, overrideAccess: false, disableErrors: true, req })
  if (!allowed) return null
  const meeting = (await payload.findByID({ collection: 'meetings', id, depth: 1, overrideAccess: true, req })) as Meeting
  const [agenda, actions] = await Promise.all([agendaOf(payload, meeting, req), actionPointsOf(payload, meeting.id, req)])
  return {
    title: meeting.title,
    kind: MEETING_KINDS[meeting.kind as MeetingKind].fr,
    when: whenOf(meeting),
    where: placeOf(meeting),
    organiser: relatedText(meeting.organiser, 'name') || relatedText(meeting.organiser, 'acronym') || 'DNPEF',
    attendance: (meeting.attendance ?? []).map((a) => ({ name: relatedText(a.person, 'name') || a.name || '—', organisation: relatedText(a.organisation, 'acronym'), role: a.role })),
    agenda: agenda.items,
    carried: agenda.carried.map(asAction),
    discussion: meeting.discussion,
    decisions: meeting.decisions,
    planReview: meeting.planReview,
    actions: actions.map(asAction),
  }
}
