import { ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../fields/relations.ts'
import { itemsOfSource } from '../../rules/action-items.ts'
import { hasRole } from '../../rules/roles.ts'
import { trainingDays } from '../../rules/trainings.ts'
import { refreshParticipantTrainers } from './shared.ts'

/** Before a training is written: its days are valid (cms/rules/trainings.ts), and a trainer who plans it runs it. */
export const checkDatesAndRunner: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const start = data.startDate ?? originalDoc?.startDate
  const end = data.endDate ?? originalDoc?.endDate
  try {
    trainingDays(String(start).slice(0, 10), String(end).slice(0, 10))
  } catch (error) {
    throw new ValidationError({ collection: 'trainings', errors: [{ path: 'endDate', message: (error as Error).message }] }, req.t)
  }
  // A trainer who plans a training runs it: they must keep seeing what they created.
  if (operation === 'create' && req.user && hasRole(req.user as never, 'trainer')) {
    const trainers = (data.trainers ?? []).map(idOf)
    if (!trainers.some((t: unknown) => String(t) === String(req.user!.id))) data.trainers = [...trainers, req.user.id]
  }
  return data
}

/** When who runs a training changes, the records that inherit its trainers (enrolments, people, action items) follow. */
export const followTrainers: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  const now = (doc.trainers ?? []).map(idOf).map(String).sort().join()
  const before = (previousDoc?.trainers ?? []).map(idOf).map(String).sort().join()
  if (operation === 'create' || now === before) return doc
  // Who runs the training changed: records that inherit its trainers follow.
  const trainers = (doc.trainers ?? []).map(idOf)
  const { docs } = await req.payload.find({ collection: 'enrolments', where: { training: { equals: doc.id } }, depth: 0, limit: 5000, overrideAccess: true, req })
  for (const enrolment of docs) {
    await req.payload.update({ collection: 'enrolments', id: enrolment.id, data: {}, overrideAccess: true, req })
    await refreshParticipantTrainers(req.payload, idOf(enrolment.participant)!, req)
  }
  await req.payload.update({ collection: 'action-items', where: itemsOfSource('trainings', doc.id), data: { trainers }, overrideAccess: true, req })
  return doc
}
