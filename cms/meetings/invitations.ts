import type { Payload, PayloadRequest } from 'payload'
import { issueToken } from '../auth/tokens.ts'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import { meetingCancellation, meetingInvitation, type TMeetingMailFacts } from '../email/templates.ts'
import { idOf, relatedText } from '../fields/relations.ts'
import type { Meeting } from '../payload-types.ts'
import { RSVP_ANSWERS } from '../rules/meetings.ts'
import { TIME_ZONE } from '../rules/periods.ts'
import { buildCalendar, meetingUid, type TIcsEvent, type TIcsMethod } from './ics.ts'

// Invitations of framework meetings: who is invited (people named, and the active accounts of the organisations
// invited), the iCalendar event of a meeting, and the emails — invitation, update, cancellation, reminder — each
// with its `.ics` and, but for a cancellation, personal answer links (docs/meetings.md).

export type TInvitee = { id: number | string; name: string; email: string }
type Req = Partial<PayloadRequest>

/** The people a meeting invites: those named and the active accounts of the organisations invited, once each. */
export async function inviteesOf(payload: Payload, meeting: Pick<Meeting, 'invitedPeople' | 'invitedOrganisations'>, req?: Req): Promise<TInvitee[]> {
  const people = (meeting.invitedPeople ?? []).map(idOf).filter((v) => v !== null)
  const organisations = (meeting.invitedOrganisations ?? []).map(idOf).filter((v) => v !== null)
  if (people.length === 0 && organisations.length === 0) return []
  const { docs } = await payload.find({
    collection: 'users',
    overrideAccess: true,
    req,
    depth: 0,
    limit: 1000,
    pagination: false,
    where: { and: [{ active: { not_equals: false } }, { or: [{ id: { in: people } }, { organisation: { in: organisations } }] }] },
  })
  return docs.map((u) => ({ id: u.id, name: u.name, email: u.email }))
}

/** The host that makes meeting UIDs unique to this portal. */
export const uidHost = (): string => new URL(env.publicUrl).hostname

/** Where a meeting takes place, in words: the venue and/or the online link. */
export function placeOf(meeting: Pick<Meeting, 'venue' | 'onlineLink'>): string {
  return [meeting.venue, meeting.onlineLink ? `en ligne : ${meeting.onlineLink}` : null].filter(Boolean).join(' — ') || 'à préciser'
}

const whenFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' })

/** "jeudi 12 mars 2026 à 09:00 – 13:00 (heure de Bamako)". */
export function whenOf(meeting: Pick<Meeting, 'start' | 'end'>): string {
  return `${whenFormat.format(new Date(meeting.start))} – ${timeFormat.format(new Date(meeting.end))} (heure de Bamako)`
}

export function mailFacts(meeting: Meeting): TMeetingMailFacts {
  return { title: meeting.title, when: whenOf(meeting), where: placeOf(meeting), agenda: (meeting.agenda ?? []).map((a) => a.item) }
}

/** The iCalendar event of a meeting (organiser and attendees as given). */
export function meetingEvent(meeting: Meeting, attendees: TInvitee[] = []): TIcsEvent {
  const agenda = (meeting.agenda ?? []).map((a, i) => `${i + 1}. ${a.item}`)
  return {
    uid: meetingUid(meeting.id, uidHost()),
    sequence: meeting.icsSequence ?? 0,
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    summary: meeting.title,
    location: placeOf(meeting),
    description: agenda.length > 0 ? `Ordre du jour :\n${agenda.join('\n')}` : null,
    url: meeting.onlineLink ?? null,
    cancelled: meeting.status === 'cancelled',
    organizer: { name: relatedText(meeting.organiser, 'acronym') || 'DNPEF', email: `no-reply@${uidHost()}` },
    attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
  }
}

/** The calendar file of one meeting for one method. */
export function meetingCalendar(meeting: Meeting, method: TIcsMethod, now: Date, attendees: TInvitee[] = []): string {
  return buildCalendar([meetingEvent(meeting, attendees)], { method, stamp: now })
}

/** The personal answer links of an invitee (a reusable token bound to the meeting, valid until it ends). */
export async function answerLinks(payload: Payload, meeting: Meeting, person: TInvitee, now: Date, req?: Req): Promise<{ yes: string; no: string; maybe: string }> {
  const token = await issueToken(payload, 'rsvp', person.id, now, req, { expiresAt: new Date(meeting.end), subject: `meetings:${meeting.id}` })
  const link = (word: string) => `${env.publicUrl}/rsvp/${token}?reponse=${word}`
  return { yes: link(RSVP_ANSWERS.yes.word), no: link(RSVP_ANSWERS.no.word), maybe: link(RSVP_ANSWERS.maybe.word) }
}

export type TMeetingMail = { kind: 'invitation' | 'update' | 'reminder'; daysBefore?: number } | { kind: 'cancellation' }

/**
 * Emails one meeting message to each person, with the calendar file (METHOD:REQUEST, or METHOD:CANCEL for a
 * cancellation) and, but for a cancellation, their answer links. A meeting already over gets no invitation.
 */
export async function mailMeeting(payload: Payload, meeting: Meeting, people: TInvitee[], mail: TMeetingMail, now: Date, req?: Req): Promise<number> {
  if (mail.kind !== 'cancellation' && new Date(meeting.end) <= now) return 0
  const facts = mailFacts(meeting)
  const method: TIcsMethod = mail.kind === 'cancellation' ? 'CANCEL' : 'REQUEST'
  let sent = 0
  for (const person of people) {
    const ics = meetingCalendar(meeting, method, now, [person])
    const email = mail.kind === 'cancellation' ? meetingCancellation(person.name, facts) : meetingInvitation(person.name, facts, mail.kind, await answerLinks(payload, meeting, person, now, req), mail.kind === 'reminder' ? mail.daysBefore : undefined)
    await queueEmail(payload, { to: person.email, ...email, attachments: [{ fileName: 'reunion.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }] }, req)
    sent += 1
  }
  return sent
}
