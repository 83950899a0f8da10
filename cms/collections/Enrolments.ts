import { ValidationError, type CollectionConfig } from 'payload'
import { ownTrainingsOrCoordinators, trainingRecordWritable, trainingStaff } from '../access/index.ts'
import { EVALUATION_ITEMS } from '../rules/training-vocabulary.ts'
import { selectOptions } from '../rules/toolkit.ts'
import { ATTENDANCE_STATUSES, attendanceProblem, isValidScore } from '../rules/trainings.ts'
import { FOUND_BY_DETAILS, refreshParticipantTrainers, trainersOf, trainersField } from './Trainings/shared.ts'
import { idOf } from '../fields/relations.ts'

const score = (name: string, fr: string, en: string) => ({
  name,
  type: 'number' as const,
  min: 0,
  max: 100,
  label: { fr, en },
  validate: (value: unknown) => (value === null || value === undefined || isValidScore(Number(value)) ? true : 'Le score doit être compris entre 0 et 100.'),
})

/** A participant in a training: daily attendance, pre/post tests, end-of-training evaluation. */
export const Enrolments: CollectionConfig = {
  slug: 'enrolments',
  labels: { singular: { fr: 'Inscription', en: 'Enrolment' }, plural: { fr: 'Inscriptions', en: 'Enrolments' } },
  admin: { defaultColumns: ['participant', 'training', 'preTest', 'postTest'], group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: ownTrainingsOrCoordinators },
  hooks: {
    beforeChange: [
      async ({ data, originalDoc, req, operation, context }) => {
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
              errors: [{ path: 'participant', message: 'Vous ne pouvez inscrire que des personnes que vous avez enregistrées ou qui suivent vos formations. Pour une personne déjà au registre, importez-la avec le modèle de la formation : elle est retrouvée par ses nom, téléphone ou e-mail.' }],
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
      },
    ],
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        await refreshParticipantTrainers(req.payload, idOf(doc.participant)!, req)
        const before = idOf(previousDoc?.participant)
        if (before !== null && String(before) !== String(idOf(doc.participant))) await refreshParticipantTrainers(req.payload, before, req)
        return doc
      },
    ],
    afterDelete: [
      // Deleting an enrolment takes away what it gave: the training's trainers no longer reach the person.
      async ({ doc, req }) => {
        const participant = idOf(doc.participant)
        if (participant !== null) await refreshParticipantTrainers(req.payload, participant, req)
      },
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'training', type: 'relationship', relationTo: 'trainings', required: true, index: true, label: { fr: 'Formation', en: 'Training' } },
        { name: 'participant', type: 'relationship', relationTo: 'participants', required: true, index: true, label: { fr: 'Participant', en: 'Participant' } },
      ],
    },
    {
      name: 'attendance',
      type: 'array',
      label: { fr: 'Présence par jour', en: 'Attendance per day' },
      labels: { singular: { fr: 'Jour', en: 'Day' }, plural: { fr: 'Jours', en: 'Days' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'text', required: true, label: { fr: 'Date (AAAA-MM-JJ)', en: 'Date (YYYY-MM-DD)' }, validate: (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? true : 'Date attendue au format AAAA-MM-JJ.') },
            { name: 'status', type: 'select', required: true, options: selectOptions(ATTENDANCE_STATUSES), label: { fr: 'Présence', en: 'Attendance' } },
          ],
        },
      ],
    },
    { type: 'row', fields: [score('preTest', 'Pré-test (sur 100)', 'Pre-test (out of 100)'), score('postTest', 'Post-test (sur 100)', 'Post-test (out of 100)')] },
    {
      name: 'evaluation',
      type: 'group',
      label: { fr: 'Évaluation de fin de formation (1 à 5)', en: 'End-of-training evaluation (1 to 5)' },
      fields: [
        ...Object.entries(EVALUATION_ITEMS).map(([name, label]) => ({ name, type: 'number' as const, min: 1, max: 5, label: { fr: label.fr, en: label.en } })),
        { name: 'comment', type: 'textarea', maxLength: 2000, label: { fr: 'Commentaires libres', en: 'Free comments' } },
      ],
    },
    trainersField,
  ],
}
