import type { CollectionConfig } from 'payload'
import { checkbox } from 'payload/shared'
import { coordinatorsOrAdmins, ownTrainingsOrCoordinators, participantContactRead, trainingStaff } from '../../access/index.ts'
import { serverSetField } from '../../access/server-only.ts'
import { reportsDeferred } from '../../fields/cross-checks.ts'
import { selectOptions } from '../../rules/toolkit.ts'
import { SEXES } from '../../rules/trainings.ts'
import { trainersField } from '../Trainings/shared.ts'
import { mergeParticipants } from './endpoints.ts'
import { deriveAndCheckIdentity, reachOnCreate } from './hooks.ts'

/** The registry of people trained, shared across trainings so that each person's history is visible. */
export const Participants: CollectionConfig = {
  slug: 'participants',
  labels: { singular: { fr: 'Participant', en: 'Participant' }, plural: { fr: 'Participants', en: 'Participants' } },
  admin: { useAsTitle: 'fullName', group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: coordinatorsOrAdmins },
  hooks: { beforeValidate: [deriveAndCheckIdentity], afterChange: [reachOnCreate] },
  endpoints: [{ path: '/:id/merge', method: 'post', handler: mergeParticipants }],
  fields: [
    { name: 'fullName', type: 'text', admin: { hidden: true }, index: true, label: { fr: 'Nom complet', en: 'Full name' } },
    {
      type: 'row',
      fields: [
        { name: 'firstName', type: 'text', required: true, maxLength: 80, label: { fr: 'Prénom', en: 'First name' } },
        { name: 'lastName', type: 'text', required: true, maxLength: 80, index: true, label: { fr: 'Nom', en: 'Last name' } },
        { name: 'sex', type: 'select', required: true, options: selectOptions(SEXES), label: { fr: 'Sexe', en: 'Sex' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'function', type: 'text', required: true, maxLength: 120, label: { fr: 'Fonction', en: 'Function' } },
        { name: 'organisation', type: 'relationship', relationTo: 'organisations', required: true, index: true, label: { fr: 'Structure', en: 'Organisation' } },
        { name: 'region', type: 'relationship', relationTo: 'regions', required: true, index: true, label: { fr: 'Région', en: 'Region' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', maxLength: 30, access: { read: participantContactRead }, label: { fr: 'Téléphone', en: 'Phone' } },
        { name: 'email', type: 'email', access: { read: participantContactRead }, label: { fr: 'E-mail', en: 'Email' } },
      ],
    },
    {
      name: 'confirmedDistinct',
      type: 'checkbox',
      defaultValue: false,
      // A probable duplicate is reported here, with the other invalid fields (the identity hook finds it).
      validate: reportsDeferred('participants', checkbox),
      label: { fr: 'Personne différente (malgré un nom proche)', en: 'Different person (despite a similar name)' },
      admin: { position: 'sidebar' },
    },
    // Set from the session when a trainer creates the record (it feeds access); a value sent by a client is ignored.
    { name: 'registeredBy', type: 'relationship', relationTo: 'users', access: serverSetField, admin: { readOnly: true, position: 'sidebar' }, label: { fr: 'Enregistré par', en: 'Registered by' } },
    trainersField,
    {
      name: 'enrolments',
      type: 'join',
      collection: 'enrolments',
      on: 'participant',
      label: { fr: 'Historique des formations', en: 'Training history' },
    },
  ],
}
