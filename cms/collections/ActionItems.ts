import { ValidationError, type CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, ownTrainingsOrCoordinators, trainingRecordWritable, trainingStaff } from '../access/index.ts'
import { NEXT_STEP_STATUSES } from '../rules/trainings.ts'
import { selectOptions } from '../rules/toolkit.ts'
import { trainersOf, trainersField } from './Trainings/shared.ts'
import { idOf } from '../fields/relations.ts'

/**
 * Every commitment with an owner, a deadline and a status — a training's next steps today, a meeting's action
 * points and a supervision visit's agreed actions later — each pointing at its source, so one list shows all.
 */
export const ActionItems: CollectionConfig = {
  slug: 'action-items',
  labels: { singular: { fr: 'Point d’action', en: 'Action item' }, plural: { fr: 'Points d’action', en: 'Action items' } },
  admin: { useAsTitle: 'activity', defaultColumns: ['activity', 'status', 'deadline', 'owner', 'source'], group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: coordinatorsOrAdmins },
  defaultSort: 'deadline',
  hooks: {
    beforeChange: [
      async ({ data, originalDoc, req, operation }) => {
        const source = data.source ?? originalDoc?.source
        // The source feeds access (its trainers see the item): it must be a training the writer runs.
        const moved = operation === 'create' || (data.source !== undefined && String(idOf(data.source?.value)) !== String(idOf(originalDoc?.source?.value)))
        if (moved && source?.relationTo === 'trainings' && !(await trainingRecordWritable(req, 'trainings', idOf(source.value)))) {
          throw new ValidationError({ collection: 'action-items', errors: [{ path: 'source', message: 'Vous ne pouvez ajouter des points d’action qu’aux formations que vous animez.' }] }, req.t)
        }
        if (source?.relationTo === 'trainings') data.trainers = await trainersOf(req.payload, idOf(source.value)!, req)
        return data
      },
    ],
  },
  fields: [
    { name: 'activity', type: 'text', required: true, maxLength: 300, label: { fr: 'Activité', en: 'Activity' } },
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', required: true, defaultValue: 'notDone', options: selectOptions(NEXT_STEP_STATUSES), label: { fr: 'Statut', en: 'Status' } },
        { name: 'deadline', type: 'date', label: { fr: 'Échéance', en: 'Deadline' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
        { name: 'owner', type: 'text', maxLength: 200, label: { fr: 'Responsable', en: 'Owner' } },
      ],
    },
    { name: 'comments', type: 'textarea', maxLength: 2000, label: { fr: 'Commentaires', en: 'Comments' } },
    { name: 'source', type: 'relationship', relationTo: ['trainings'], required: true, index: true, label: { fr: 'Origine', en: 'Source' } },
    trainersField,
  ],
}
