import type { Payload } from 'payload'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import { followUpReminder, neverFollowedUpAlert } from '../email/templates.ts'
import { isFirstWorkingDayOfMonth } from '../rules/periods.ts'
import { followUpReminders } from '../rules/supervision.ts'
import { formatDateFr } from '../rules/trainings.ts'
import { peopleNeverFollowedUp, trainedPeople, visitFacts } from '../supervision/data.ts'
import type { TDailyCheck } from './daily.ts'

/** Each day: to each supervisor, the follow-ups they planned for a week from today (cms/rules/supervision.ts). */
export async function sendFollowUpReminders(payload: Payload, now: Date): Promise<number> {
  const due = followUpReminders(await visitFacts(payload), now)
  if (due.length === 0) return 0
  const names = new Map((await trainedPeople(payload)).map((p) => [String(p.id), p.name]))
  const bySupervisor = new Map<string, { name: string; due: string }[]>()
  for (const v of due) {
    if (v.supervisor === null) continue
    const list = bySupervisor.get(String(v.supervisor)) ?? []
    list.push({ name: names.get(String(v.person)) ?? `n° ${v.person}`, due: formatDateFr(String(v.nextFollowUp)) })
    bySupervisor.set(String(v.supervisor), list)
  }
  let sent = 0
  for (const [id, people] of bySupervisor) {
    const supervisor = await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!supervisor?.email || supervisor.active === false) continue
    await queueEmail(payload, { to: supervisor.email, ...followUpReminder(supervisor.name, people, `${env.publicUrl}/suivi-formatif`) })
    sent += 1
  }
  return sent
}

/** On the first working day of each month: to every active coordinator, the people trained over 60 days ago never followed up. */
export async function sendNeverFollowedUpAlert(payload: Payload, now: Date): Promise<number> {
  if (!isFirstWorkingDayOfMonth(now)) return 0
  const people = await peopleNeverFollowedUp(payload, null, now)
  if (people.length === 0) return 0
  const coordinators = await payload.find({ collection: 'users', where: { and: [{ roles: { in: ['coordinator'] } }, { active: { not_equals: false } }] }, pagination: false, depth: 0, overrideAccess: true })
  const list = people.map((p) => ({ name: p.name, organisation: p.organisation, region: p.region, trainedOn: formatDateFr(p.trainedOn) }))
  for (const c of coordinators.docs) if (c.email) await queueEmail(payload, { to: c.email, ...neverFollowedUpAlert(c.name, list, `${env.publicUrl}/suivi-formatif`) })
  return coordinators.docs.length
}

/** The supervision check of the daily routine: reminders every day, the coordination alert once a month. */
export const supervisionCheck: TDailyCheck = {
  name: 'suivi-formatif',
  run: async (payload, now) => {
    await sendNeverFollowedUpAlert(payload, now)
    await sendFollowUpReminders(payload, now)
  },
}

