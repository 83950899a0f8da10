import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../fields/relations.ts'
import { inviteesOf, mailMeeting } from '../../meetings/invitations.ts'
import type { Meeting } from '../../payload-types.ts'
import { meetingProblems } from '../../rules/meetings.ts'

/** Request context flag: write a meeting without emailing anyone (seed, an RSVP answer being recorded). */
export const QUIET = 'meetingsQuiet'

/**
 * What cms/rules/meetings.ts calls wrong (end before start, a past quarter's meeting still planned…), as field
 * problems checked with the other fields (cms/fields/cross-checks.ts): every invalid field is reported at once.
 */
export const meetingFieldProblems = (meeting: Pick<Meeting, 'status' | 'start' | 'end'>) => (meeting.start ? meetingProblems(meeting, new Date()) : [])

/** The fields whose change calendar software must apply: a change raises the calendar SEQUENCE. */
const CALENDAR_FIELDS = ['title', 'start', 'end', 'venue', 'onlineLink', 'status'] as const

const same = (a: unknown, b: unknown) => {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v).toISOString() : String(v))
  return norm(a) === norm(b)
}

/** Raises the calendar SEQUENCE (kept by the server only) when a field invitees' calendars show has changed. */
export const raiseSequence: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation === 'create') {
    data.icsSequence = 0
    return data
  }
  const changed = CALENDAR_FIELDS.some((f) => f in data && !same(data[f], originalDoc?.[f]))
  data.icsSequence = (originalDoc?.icsSequence ?? 0) + (changed ? 1 : 0)
  return data
}

/**
 * After a meeting is saved, the invitees hear of it: a new planned meeting sends the invitation; a change of what
 * calendars show sends an update with the higher SEQUENCE; a cancellation sends METHOD:CANCEL; people newly
 * invited get the invitation. Runs in the request's transaction: if an email cannot be
 * queued, the change is not saved either.
 */
export const sendInvitations: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (req.context?.[QUIET]) return doc
  const meeting = doc as Meeting
  const previous = previousDoc as Meeting | undefined
  const now = new Date()
  const invitees = await inviteesOf(req.payload, meeting, req)
  if (operation === 'create') {
    if (meeting.status === 'planned') await mailMeeting(req.payload, meeting, invitees, { kind: 'invitation' }, now, req)
    return doc
  }
  if (meeting.status === 'cancelled' && previous?.status !== 'cancelled') {
    // The answer links stay valid until they expire: the answer page then says the meeting was cancelled (a
    // clearer refusal than an unknown link), and works again if the cancellation is undone.
    await mailMeeting(req.payload, meeting, invitees, { kind: 'cancellation' }, now, req)
    return doc
  }
  if (meeting.status !== 'planned' && meeting.status !== 'postponed') return doc
  if ((meeting.icsSequence ?? 0) > (previous?.icsSequence ?? 0)) {
    await mailMeeting(req.payload, meeting, invitees, { kind: 'update' }, now, req)
    return doc
  }
  const before = new Set(previous ? (await inviteesOf(req.payload, previous, req)).map((p) => String(p.id)) : [])
  const added = invitees.filter((p) => !before.has(String(idOf(p.id))))
  if (added.length > 0) await mailMeeting(req.payload, meeting, added, { kind: 'invitation' }, now, req)
  return doc
}
