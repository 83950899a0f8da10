import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../fields/relations.ts'
import { itemsOfSource } from '../../rules/action-items.ts'
import { hasRole } from '../../rules/roles.ts'
import type { TFieldProblem } from '../../rules/supervision.ts'
import { trainingDays } from '../../rules/trainings.ts'
import { refreshParticipantTrainers } from './shared.ts'

/**
 * The dates of a training as a field problem (cms/rules/trainings.ts): checked with the other fields
 * (cms/fields/cross-checks.ts), so that every invalid field of the form is reported at once.
 */
export function trainingDateProblems(training: { startDate?: string | null; endDate?: string | null }): TFieldProblem[] {
  if (!training.startDate || !training.endDate) return []
  try {
    trainingDays(String(training.startDate).slice(0, 10), String(training.endDate).slice(0, 10))
    return []
  } catch (error) {
    return [{ path: 'endDate', message: (error as Error).message }]
  }
}

/** Before a training is written: a trainer who plans it runs it. */
export const addPlanningTrainer: CollectionBeforeChangeHook = ({ data, req, operation }) => {
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
