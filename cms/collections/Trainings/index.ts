import type { CollectionConfig, Where } from 'payload'
import { coordinatorsOrAdmins, ownTrainingsOrCoordinators, trainingStaff } from '../../access/index.ts'
import { TRAINING_KINDS, TRAINING_STATUSES } from '../../rules/training-vocabulary.ts'
import { selectOptions } from '../../rules/toolkit.ts'
import { idOf } from '../../fields/relations.ts'
import { trainingEndpoints } from './endpoints.ts'
import { checkDatesAndRunner, followTrainers } from './hooks.ts'

/** The cercles a training may name: those of its region, or none until a region is chosen. */
function cerclesOfRegion(siblingData: unknown): Where {
  const region = idOf((siblingData as { region?: unknown } | undefined)?.region)
  return region === null ? { id: { exists: false } } : { region: { equals: region } }
}

// A written section of the training report; `custom.reportSection` lets the training page list those still empty.
const narrative = (name: string, fr: string, en: string) => ({ name, type: 'textarea' as const, maxLength: 20000, label: { fr, en }, custom: { reportSection: true } })

/** Face-to-face trainings (formations) run by trainers: the header of the training report. */
export const Trainings: CollectionConfig = {
  slug: 'trainings',
  labels: { singular: { fr: 'Formation', en: 'Training' }, plural: { fr: 'Formations', en: 'Trainings' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'startDate', 'region', 'status'], group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: coordinatorsOrAdmins },
  defaultSort: '-startDate',
  endpoints: trainingEndpoints,
  hooks: { beforeChange: [checkDatesAndRunner], afterChange: [followTrainers] },
  fields: [
    { name: 'links', type: 'ui', admin: { position: 'sidebar', components: { Field: '/admin/TrainingLinks.tsx#TrainingLinks' } } },
    { name: 'title', type: 'text', required: true, maxLength: 200, label: { fr: 'Intitulé', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, options: selectOptions(TRAINING_KINDS), label: { fr: 'Type', en: 'Kind' } },
        { name: 'status', type: 'select', required: true, defaultValue: 'planned', options: selectOptions(TRAINING_STATUSES), label: { fr: 'Statut', en: 'Status' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', required: true, index: true, label: { fr: 'Début', en: 'Start' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
        { name: 'endDate', type: 'date', required: true, label: { fr: 'Fin', en: 'End' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'venue', type: 'text', required: true, maxLength: 200, label: { fr: 'Lieu', en: 'Venue' } },
        { name: 'region', type: 'relationship', relationTo: 'regions', required: true, index: true, label: { fr: 'Région', en: 'Region' } },
        // Only the cercles of the chosen region are offered (and accepted): a cercle belongs to one region.
        { name: 'cercle', type: 'relationship', relationTo: 'cercles', label: { fr: 'Cercle', en: 'Cercle' }, filterOptions: ({ siblingData }) => cerclesOfRegion(siblingData) },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'organiser', type: 'relationship', relationTo: 'organisations', required: true, label: { fr: 'Structure organisatrice', en: 'Organising body' } },
        { name: 'funder', type: 'relationship', relationTo: 'organisations', label: { fr: 'Partenaire financier', en: 'Funding partner' } },
      ],
    },
    {
      name: 'trainers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      index: true,
      label: { fr: 'Formateurs', en: 'Trainers' },
      filterOptions: { roles: { in: ['trainer'] } },
    },
    { name: 'modules', type: 'relationship', relationTo: 'modules', hasMany: true, label: { fr: 'Modules couverts (autoformation)', en: 'Modules covered (self-training)' } },
    narrative('objectives', 'Objectifs', 'Objectives'),
    narrative('expectedResults', 'Résultats attendus', 'Expected results'),
    {
      type: 'collapsible',
      label: { fr: 'Sections rédigées du rapport', en: 'Written sections of the report' },
      fields: [
        narrative('context', 'Contexte', 'Context'),
        narrative('agenda', 'Déroulement / agenda', 'Agenda'),
        narrative('evaluationNotes', 'Synthèse de l’évaluation', 'Evaluation summary'),
        narrative('recommendations', 'Recommandations', 'Recommendations'),
      ],
    },
  ],
}
