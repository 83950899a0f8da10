import type { CollectionConfig } from 'payload'
import { ownTrainingsOrCoordinators, trainingStaff } from '../../access/index.ts'
import { EVALUATION_ITEMS } from '../../rules/training-vocabulary.ts'
import { selectOptions } from '../../rules/toolkit.ts'
import { ATTENDANCE_STATUSES, isValidScore } from '../../rules/trainings.ts'
import { trainersField } from '../Trainings/shared.ts'
import { checkEnrolment, refreshReachAfterChange, refreshReachAfterDelete } from './hooks.ts'

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
  admin: { useAsTitle: 'participantName', group: { fr: 'Formations', en: 'Trainings' }, description: { fr: 'Une ligne par personne et par formation : la présence et les notes se saisissent sur la page mobile de la formation (/presentiel).', en: 'One line per person and training: attendance and scores are entered on the training’s mobile page (/presentiel).' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: ownTrainingsOrCoordinators },
  hooks: { beforeChange: [checkEnrolment], afterChange: [refreshReachAfterChange], afterDelete: [refreshReachAfterDelete] },
  fields: [
    // The participant's name as the record's title in lists and forms (read through the relationship, never stored).
    { name: 'participantName', type: 'text', virtual: 'participant.fullName', admin: { hidden: true }, label: { fr: 'Participant', en: 'Participant' } },
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
