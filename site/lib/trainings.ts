import type { Payload } from 'payload'
import type { Enrolment, Participant, Training, User } from '#cms/payload-types.ts'
import { can } from '#cms/rules/roles.ts'
import { trainingDays } from '#cms/rules/trainings.ts'

// Reading and marking face-to-face trainings from the site, as the signed-in trainer or coordinator
// (access rules on: a trainer only ever sees the trainings they run).

/** Whether the person may use the trainer pages. */
export function canRunTrainings(user: User | null): user is User {
  return can(user, 'runTrainings')
}

/** The trainings the person may see, most recent first: what the list shows of them. */
export function myTrainings(payload: Payload, user: User) {
  return payload.find({
    collection: 'trainings',
    sort: '-startDate',
    limit: 100,
    // The page lists what it gets: no count query.
    pagination: false,
    depth: 0,
    select: { title: true, kind: true, status: true, startDate: true, endDate: true, venue: true },
    user,
    overrideAccess: false,
  })
}

/** A training with its enrolments (participants populated) and its days, or null when not visible. */
export async function trainingWithEnrolments(payload: Payload, id: string, user: User) {
  if (!/^[A-Za-z0-9]{1,40}$/.test(id)) return null
  const training = (await payload.findByID({ collection: 'trainings', id, depth: 1, user, overrideAccess: false, disableErrors: true })) as Training | null
  if (!training) return null
  const { docs } = await payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, depth: 2, limit: 2000, user, overrideAccess: false })
  const enrolments = docs
    .filter((e): e is Enrolment & { participant: Participant } => typeof e.participant === 'object' && e.participant !== null)
    .sort((a, b) => a.participant.lastName.localeCompare(b.participant.lastName, 'fr') || a.participant.firstName.localeCompare(b.participant.firstName, 'fr'))
  const days = trainingDays(String(training.startDate).slice(0, 10), String(training.endDate).slice(0, 10))
  return { training, enrolments, days }
}

/** A mark from the attendance screen. */
export type TMark = { enrolment: string; status: 'present' | 'late' | 'absent' | 'excused' }

/**
 * Sets the attendance of one day for several enrolments (one tap = one mark). Idempotent: sending the same mark
 * twice (a retry after a dropped connection) leaves one entry per day.
 */
export async function markAttendance(payload: Payload, user: User, day: string, marks: TMark[]): Promise<number> {
  let saved = 0
  for (const mark of marks) {
    const enrolment = await payload.findByID({ collection: 'enrolments', id: mark.enrolment, depth: 0, user, overrideAccess: false, disableErrors: true })
    if (!enrolment) continue
    const attendance = (enrolment.attendance ?? []).filter((a) => a.date !== day).map(({ date, status }) => ({ date, status }))
    attendance.push({ date: day, status: mark.status })
    attendance.sort((a, b) => a.date.localeCompare(b.date))
    await payload.update({ collection: 'enrolments', id: enrolment.id, data: { attendance }, user, overrideAccess: false })
    saved += 1
  }
  return saved
}
