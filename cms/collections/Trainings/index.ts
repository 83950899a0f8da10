import type { CollectionConfig, Where } from 'payload'
import { date } from 'payload/shared'
import { CO_TRAINER_ROLES } from '../../access/co-trainers.ts'
import { coordinatorsOrAdmins, ownTrainingsOrCoordinators, trainingStaff } from '../../access/index.ts'
import { TRAINING_KINDS, TRAINING_STATUSES } from '../../rules/training-vocabulary.ts'
import { selectOptions } from '../../rules/toolkit.ts'
import { checkedWith } from '../../fields/cross-checks.ts'
import { idOf } from '../../fields/relations.ts'
import { trainingEndpoints } from './endpoints.ts'
import { addPlanningTrainer, followTrainers, trainingDateProblems } from './hooks.ts'

/** The cercles a training may name: those of its region, or none until a region is chosen. */
function cerclesOfRegion(siblingData: unknown): Where {
  const region = idOf((siblingData as { region?: unknown } | undefined)?.region)
  return region === null ? { id: { exists: false } } : { region: { equals: region } }
}

// A written section of the training report; `custom.reportSection` lets the training page list those still empty.
const narrative = (name: string, fr: string, en: string) => ({ name, type: 'textarea' as const, maxLength: 20000, label: { fr, en }, custom: { reportSection: true } })
const ONE_PER_LINE = { fr: 'Un élément par ligne : le rapport en fait une liste.', en: 'One item per line: the report lists them.' }

/** Face-to-face trainings (formations) run by trainers: the header of the training report. */
export const Trainings: CollectionConfig = {
  slug: 'trainings',
  labels: { singular: { fr: 'Formation', en: 'Training' }, plural: { fr: 'Formations', en: 'Trainings' } },
  admin: { useAsTitle: 'title', group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: coordinatorsOrAdmins },
  endpoints: trainingEndpoints,
  hooks: { beforeChange: [addPlanningTrainer], afterChange: [followTrainers] },
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
        { name: 'endDate', type: 'date', required: true, validate: checkedWith(trainingDateProblems, date), label: { fr: 'Fin', en: 'End' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
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
      // The accounts offered, and the only ones a trainer may read besides their own (cms/access/co-trainers.ts).
      filterOptions: { roles: { in: [...CO_TRAINER_ROLES] } },
    },
    { name: 'modules', type: 'relationship', relationTo: 'modules', hasMany: true, label: { fr: 'Modules couverts (autoformation)', en: 'Modules covered (self-training)' } },
    narrative('objectives', 'Objectif général', 'General objective'),
    { ...narrative('specificObjectives', 'Objectifs spécifiques', 'Specific objectives'), admin: { description: ONE_PER_LINE } },
    { ...narrative('expectedResults', 'Résultats attendus', 'Expected results'), admin: { description: ONE_PER_LINE } },
    {
      type: 'collapsible',
      label: { fr: 'Sections rédigées du rapport', en: 'Written sections of the report' },
      fields: [
        { ...narrative('context', 'Introduction (contexte, organisateurs, partenaires)', 'Introduction (context, organisers, partners)'), admin: { description: { fr: 'Le rapport y ajoute les structures présentes et le nombre de participants par sexe.', en: 'The report adds the organisations present and the participants by sex.' } } },
        { ...narrative('methodology', 'Méthodologie', 'Methodology'), admin: { description: { fr: 'Les techniques utilisées : exercices pratiques dans CPIMS+, questions-réponses, discussions, brainstorming…', en: 'The techniques used.' } } },
        { ...narrative('agenda', 'Déroulement (résumé)', 'Proceedings (summary)'), admin: { description: { fr: 'Optionnel : le rapport détaille chaque jour à partir du programme ci-dessous.', en: 'Optional: the report details each day from the programme below.' } } },
        narrative('evaluationNotes', 'Synthèse de l’évaluation', 'Evaluation summary'),
        narrative('recommendations', 'Recommandations', 'Recommendations'),
        { ...narrative('conclusion', 'Conclusion', 'Conclusion'), admin: { description: { fr: 'Les objectifs ont-ils été atteints ? Qu’est-ce qui soutient la suite ?', en: 'Were the objectives met? What supports what comes next?' } } },
      ],
    },
    {
      name: 'programme',
      type: 'array',
      maxRows: 60,
      label: { fr: 'Programme jour par jour', en: 'Day-by-day programme' },
      labels: { singular: { fr: 'Journée', en: 'Day' }, plural: { fr: 'Journées', en: 'Days' } },
      admin: { initCollapsed: true, description: { fr: 'Une ligne par journée : le rapport raconte le déroulement à partir d’ici.', en: 'One row per day: the report tells how the workshop went from here.' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', required: true, label: { fr: 'Date', en: 'Date' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
            { name: 'facilitators', type: 'text', maxLength: 300, label: { fr: 'Facilitateurs', en: 'Facilitators' } },
          ],
        },
        { ...narrative('modules', 'Modules traités', 'Modules covered'), maxLength: 4000, admin: { description: ONE_PER_LINE } },
        { ...narrative('practised', 'Ce qui a été pratiqué', 'What was practised'), maxLength: 4000 },
        {
          type: 'row',
          fields: [
            { name: 'openedBy', type: 'text', maxLength: 300, label: { fr: 'Ouverture par', en: 'Opened by' }, admin: { description: { fr: 'Si la journée s’ouvre par une cérémonie.', en: 'If the day opens with a ceremony.' } } },
            { name: 'closedBy', type: 'text', maxLength: 300, label: { fr: 'Clôture par', en: 'Closed by' }, admin: { description: { fr: 'Si la journée se clôt par une cérémonie.', en: 'If the day ends with a ceremony.' } } },
          ],
        },
      ],
    },
    {
      name: 'photos',
      type: 'array',
      maxRows: 30,
      label: { fr: 'Photos de l’atelier', en: 'Workshop photos' },
      labels: { singular: { fr: 'Photo', en: 'Photo' }, plural: { fr: 'Photos', en: 'Photos' } },
      admin: { initCollapsed: true, description: { fr: 'Fichiers privés (PNG ou JPEG), imprimés dans le rapport avec leur légende ; la photo « de couverture » en première page.', en: 'Private files (PNG or JPEG), printed in the report with their caption; the cover photo on the first page.' } },
      fields: [
        { name: 'image', type: 'upload', relationTo: 'report-images', required: true, label: { fr: 'Photo', en: 'Photo' } },
        {
          type: 'row',
          fields: [
            { name: 'caption', type: 'text', required: true, maxLength: 300, label: { fr: 'Légende', en: 'Caption' } },
            { name: 'onCover', type: 'checkbox', defaultValue: false, label: { fr: 'Photo de couverture', en: 'Cover photo' } },
          ],
        },
      ],
    },
  ],
}
