import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, trainingRecordWritable } from '../access/index.ts'
import { actionItemsReadable, actionItemsWritable, actionItemWriters, visitWritable } from '../access/supervision.ts'
import { ACTION_ITEM_SOURCES, ACTION_ITEM_STATUSES } from '../rules/action-items.ts'
import { selectOptions } from '../rules/toolkit.ts'
import { trainersOf, trainersField } from './Trainings/shared.ts'
import { idOf } from '../fields/relations.ts'
import { can } from '../rules/roles.ts'

/**
 * Who may see and write an item follows its source. The source feeds access (a training's items carry that
 * training's trainers), so on create and on any move it must be a source the writer may write (finding: a trainer
 * pointing an item at another trainer's training).
 */
const followSource: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const source = data.source ?? originalDoc?.source
  const moved = operation === 'create' || (data.source !== undefined && String(idOf(data.source?.value)) !== String(idOf(originalDoc?.source?.value)))
  if (moved && source?.relationTo === 'trainings' && !(await trainingRecordWritable(req, 'trainings', idOf(source.value)))) {
    throw new ValidationError({ collection: 'action-items', errors: [{ path: 'source', message: 'Vous ne pouvez ajouter des points d’action qu’aux formations que vous animez.' }] }, req.t)
  }
  if (moved && source?.relationTo === 'supervision-visits' && !(await visitWritable(req, idOf(source.value)))) {
    throw new ValidationError({ collection: 'action-items', errors: [{ path: 'source', message: 'Vous ne pouvez ajouter des actions convenues qu’aux visites de suivi de votre périmètre.' }] }, req.t)
  }
  if (source?.relationTo === 'trainings') data.trainers = await trainersOf(req.payload, idOf(source.value)!, req)
  // A meeting's action points are part of its minutes: written by coordination only.
  if (moved && source?.relationTo === 'meetings' && req.user && !can(req.user as never, 'coordinate')) {
    throw new ValidationError({ collection: 'action-items', errors: [{ path: 'source', message: 'Seule la coordination peut ajouter des points d’action aux réunions du cadre commun.' }] }, req.t)
  }
  return data
}

/**
 * Every commitment with a responsible, a deadline and a status — a training's next steps today, a meeting's
 * action points and a supervision visit's agreed actions later — each pointing at its source, so one list shows
 * all. The statuses and rules (late, carry-over) are in cms/rules/action-items.ts.
 */
export const ActionItems: CollectionConfig = {
  slug: 'action-items',
  labels: { singular: { fr: 'Point d’action', en: 'Action item' }, plural: { fr: 'Points d’action', en: 'Action items' } },
  admin: { useAsTitle: 'activity', group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: actionItemsReadable, create: actionItemWriters, update: actionItemsWritable, delete: coordinatorsOrAdmins },
  hooks: { beforeChange: [followSource] },
  fields: [
    { name: 'activity', type: 'text', required: true, maxLength: 300, label: { fr: 'Activité', en: 'Activity' } },
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', required: true, defaultValue: 'toDo', options: selectOptions(ACTION_ITEM_STATUSES), label: { fr: 'Statut', en: 'Status' } },
        { name: 'deadline', type: 'date', index: true, label: { fr: 'Échéance', en: 'Deadline' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' }, components: { Cell: '/admin/cells.tsx#DeadlineCell' } } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'responsiblePerson', type: 'relationship', relationTo: 'users', index: true, label: { fr: 'Personne responsable', en: 'Responsible person' } },
        { name: 'responsibleOrganisation', type: 'relationship', relationTo: 'organisations', index: true, label: { fr: 'Structure responsable', en: 'Responsible organisation' } },
        {
          name: 'owner',
          type: 'text',
          maxLength: 200,
          label: { fr: 'Responsable (autre)', en: 'Responsible (other)' },
          admin: { description: { fr: 'Quand le responsable n’a ni compte ni structure dans le portail (ex. « Partenaires techniques »).', en: 'When the responsible has neither an account nor an organisation in the portal.' } },
        },
      ],
    },
    { name: 'comments', type: 'textarea', maxLength: 2000, label: { fr: 'Commentaires', en: 'Comments' } },
    { name: 'source', type: 'relationship', relationTo: [...ACTION_ITEM_SOURCES], required: true, index: true, label: { fr: 'Origine', en: 'Source' } },
    {
      name: 'carriedOverFrom',
      type: 'relationship',
      relationTo: 'action-items',
      label: { fr: 'Reporté de', en: 'Carried over from' },
      admin: { description: { fr: 'Le point d’action d’une séance précédente que celui-ci poursuit.', en: 'The action item of an earlier occurrence that this one continues.' } },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      validate: (value: unknown, { id }: { id?: number | string }) => (id !== undefined && value !== null && value !== undefined && String(idOf(value)) === String(id) ? 'Un point d’action ne peut pas être reporté de lui-même.' : true),
    },
    trainersField,
  ],
}
