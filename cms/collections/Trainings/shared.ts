import type { Payload, PayloadRequest } from 'payload'
import { idOf } from '../../fields/relations.ts'

/**
 * Context key a server operation sets when it found an existing registry person from the details it was given
 * (name with phone or email, as the spreadsheet import does): that person may then be enrolled although the
 * writer's scope does not reach them yet. Only server code sets a request's context; REST clients cannot.
 */
export const FOUND_BY_DETAILS = 'participantFoundByDetails'

/** The trainers of a training (user ids), read as the system. */
export async function trainersOf(payload: Payload, trainingId: number | string, req?: Partial<PayloadRequest>): Promise<(number | string)[]> {
  const training = await payload.findByID({ collection: 'trainings', id: trainingId, depth: 0, overrideAccess: true, req, disableErrors: true })
  return (training?.trainers ?? []).map((t) => idOf(t)!).filter((t) => t !== null)
}

/**
 * Recomputes who may see a participant: the trainers of every training they are enrolled in, plus whoever
 * registered them. Stored on the participant so that access rules are a plain `where` (docs/access.md); called
 * whenever an enrolment is created, moved or deleted and whenever a training's trainers change.
 */
export async function refreshParticipantTrainers(payload: Payload, participantId: number | string, req?: Partial<PayloadRequest>): Promise<void> {
  const participant = await payload.findByID({ collection: 'participants', id: participantId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!participant) return
  const { docs } = await payload.find({ collection: 'enrolments', where: { participant: { equals: participantId } }, depth: 0, limit: 500, overrideAccess: true, req })
  const ids = new Set<string>()
  const trainers: (number | string)[] = []
  const add = (id: number | string | null) => {
    if (id !== null && !ids.has(String(id))) {
      ids.add(String(id))
      trainers.push(id)
    }
  }
  add(idOf(participant.registeredBy))
  for (const enrolment of docs) for (const t of enrolment.trainers ?? []) add(idOf(t))
  await payload.update({ collection: 'participants', id: participantId, data: { trainers: trainers as number[] }, overrideAccess: true, req })
}

/** The hidden, system-maintained `trainers` field that access rules filter on. */
export const trainersField = {
  name: 'trainers',
  type: 'relationship' as const,
  relationTo: 'users' as const,
  hasMany: true,
  index: true,
  admin: { hidden: true },
  access: { create: () => false, update: () => false },
}
