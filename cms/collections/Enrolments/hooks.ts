import { ValidationError, type CollectionAfterChangeHook, type CollectionAfterDeleteHook, type CollectionBeforeChangeHook } from 'payload'
import { trainingRecordWritable } from '../../access/index.ts'
import { idOf } from '../../fields/relations.ts'
import { attendanceProblem } from '../../rules/trainings.ts'
import { FOUND_BY_DETAILS, refreshParticipantTrainers, trainersOf } from '../Trainings/shared.ts'

/**
 * Before an enrolment is written: the training and the person are within the writer's scope, the person is not
 * enrolled twice, the attendance days fall within the training (cms/rules/trainings.ts), and the training's
 * trainers are copied on (they decide who reaches the enrolment).
 */
export const checkEnrolment: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation, context }) => {
  const trainingId = idOf(data.training ?? originalDoc?.training)
  const participantId = idOf(data.participant ?? originalDoc?.participant)
  const training = await req.payload.findByID({ collection: 'trainings', id: trainingId!, depth: 0, overrideAccess: true, req })
  // The training and the participant feed access (they decide who sees the enrolment and the person): when
  // an enrolment is created or either is changed, both must be within the writer's scope. A person outside it
  // is enrolled only by a server operation that found them from their details (the spreadsheet import),
  // never by id. Updates that change neither (attendance, scores, the system's recomputations) pass.
  const changed = (field: 'training' | 'participant') => operation === 'create' || (data[field] !== undefined && String(idOf(data[field])) !== String(idOf(originalDoc?.[field])))
  if (changed('training') && !(await trainingRecordWritable(req, 'trainings', trainingId))) {
    throw new ValidationError({ collection: 'enrolments', errors: [{ path: 'training', message: 'Vous ne pouvez inscrire des participants qu’aux formations que vous animez.' }] }, req.t)
  }
  const foundByDetails = context[FOUND_BY_DETAILS] !== undefined && String(context[FOUND_BY_DETAILS]) === String(participantId)
  if (changed('participant') && !foundByDetails && !(await trainingRecordWritable(req, 'participants', participantId))) {
    throw new ValidationError(
      {
        collection: 'enrolments',
        errors: [{ path: 'participant', message: 'Vous ne pouvez inscrire que des personnes que vous avez enregistrées ou qui suivent vos formations. Pour une personne déjà au registre, cherchez-la par son numéro de téléphone sur la page de la formation (« Ajouter une personne »), ou importez-la avec le modèle de la formation : elle est retrouvée par ses nom, téléphone ou e-mail.' }],
      },
      req.t,
    )
  }
  const clash = await req.payload.find({
    collection: 'enrolments',
    where: { and: [{ training: { equals: trainingId } }, { participant: { equals: participantId } }, ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (clash.docs.length > 0) throw new ValidationError({ collection: 'enrolments', errors: [{ path: 'participant', message: 'Ce participant est déjà inscrit à cette formation.' }] }, req.t)
  const attendance = (data.attendance ?? originalDoc?.attendance ?? []) as { date: string; status: string }[]
  const problem = attendanceProblem(attendance, String(training.startDate).slice(0, 10), String(training.endDate).slice(0, 10))
  if (problem) throw new ValidationError({ collection: 'enrolments', errors: [problem] }, req.t)
  data.trainers = await trainersOf(req.payload, trainingId!, req)
  return data
}

/** After a change, the person's reach follows their enrolments (a moved enrolment refreshes both people). */
export const refreshReachAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await refreshParticipantTrainers(req.payload, idOf(doc.participant)!, req)
  const before = idOf(previousDoc?.participant)
  if (before !== null && String(before) !== String(idOf(doc.participant))) await refreshParticipantTrainers(req.payload, before, req)
  return doc
}

/** Deleting an enrolment takes away what it gave: the training's trainers no longer reach the person. */
export const refreshReachAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const participant = idOf(doc.participant)
  if (participant !== null) await refreshParticipantTrainers(req.payload, participant, req)
}
