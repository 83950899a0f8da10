import type { Payload } from 'payload'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import { quarterComplianceAlert } from '../email/templates.ts'
import { idOf } from '../fields/relations.ts'
import type { TDailyCheck } from '../jobs/daily.ts'
import type { Meeting } from '../payload-types.ts'
import { complianceAlertToday, remindersDue, REMINDER_DAYS, type TMeeting } from '../rules/meetings.ts'
import { CAPABILITIES } from '../rules/roles.ts'
import { periodBounds, periodOf } from '../rules/periods.ts'
import { inviteesOf, mailMeeting } from './invitations.ts'

/**
 * The framework meetings' check of the daily routine (cms/jobs/daily-checks.ts): the reminders 7 days and 1 day
 * before each planned meeting (invitees who answered « non » are not reminded), and the alert to coordination when
 * the quarter nears its end with no framework meeting held or planned (cms/rules/meetings.ts decides the days).
 */
export const frameworkMeetingsCheck: TDailyCheck = {
  name: 'framework-meetings',
  async run(payload, now) {
    await sendReminders(payload, now)
    await sendComplianceAlert(payload, now)
  },
}

async function sendReminders(payload: Payload, now: Date): Promise<void> {
  const horizon = new Date(periodBounds(periodOf('day', now)).end.getTime() + Math.max(...REMINDER_DAYS) * 86_400_000)
  const { docs } = await payload.find({ collection: 'meetings', overrideAccess: true, depth: 0, limit: 500, pagination: false, where: { and: [{ status: { equals: 'planned' } }, { start: { greater_than: now.toISOString() } }, { start: { less_than: horizon.toISOString() } }] } })
  for (const { meeting, daysBefore } of remindersDue(docs as (Meeting & TMeeting)[], now)) {
    const declined = new Set((meeting.rsvps ?? []).filter((r) => r.answer === 'no').map((r) => String(idOf(r.person))))
    const people = (await inviteesOf(payload, meeting)).filter((p) => !declined.has(String(p.id)))
    await mailMeeting(payload, meeting, people, { kind: 'reminder', daysBefore }, now)
  }
}

async function sendComplianceAlert(payload: Payload, now: Date): Promise<void> {
  const { start, end } = periodBounds(periodOf('quarter', now))
  const { docs } = await payload.find({ collection: 'meetings', overrideAccess: true, depth: 0, limit: 500, pagination: false, where: { and: [{ kind: { equals: 'quarterly' } }, { start: { greater_than_equal: start.toISOString() } }, { start: { less_than: end.toISOString() } }] } })
  const alert = complianceAlertToday(docs as unknown as TMeeting[], now)
  if (!alert) return
  const { docs: coordinators } = await payload.find({ collection: 'users', overrideAccess: true, depth: 0, limit: 200, pagination: false, where: { and: [{ roles: { in: [...CAPABILITIES.coordinate] } }, { active: { not_equals: false } }] } })
  for (const person of coordinators) await queueEmail(payload, { to: person.email, ...quarterComplianceAlert(person.name, alert.label, alert.daysLeft, `${env.publicUrl}/reunions`) })
}
