import type { Payload } from 'payload'
import { consumeToken } from '../auth/tokens.ts'
import { buildCalendar } from './ics.ts'
import { meetingEvent } from './invitations.ts'

/** How far back a calendar feed lists meetings: the past year, so calendars keep recent history. */
const FEED_PAST_DAYS = 365

/**
 * A person's calendar feed read through its secret address (`/calendrier/<token>.ics`): the meetings they are
 * invited to (in person or through their organisation; all of them for coordination), cancelled ones marked so,
 * or null when the address is unknown, expired or replaced by a newer one.
 */
export async function calendarFeed(payload: Payload, token: string, now: Date): Promise<string | null> {
  const found = await consumeToken(payload, token, ['calendarFeed'], now)
  if (!found) return null
  const user = await payload.findByID({ collection: 'users', id: found.userId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!user || user.active === false) return null
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000)
  const { docs } = await payload.find({ collection: 'meetings', user, overrideAccess: false, depth: 1, limit: 500, pagination: false, sort: 'start', where: { start: { greater_than_equal: since.toISOString() } } })
  return buildCalendar(
    docs.map((m) => meetingEvent(m)),
    { method: 'PUBLISH', stamp: now, name: 'Réunions du cadre commun' },
  )
}
