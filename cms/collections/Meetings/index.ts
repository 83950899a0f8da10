import type { CollectionConfig } from 'payload'
import { date, select } from 'payload/shared'
import { coordinatorsOrAdmins } from '../../access/index.ts'
import { invitedOrCoordinators } from '../../access/meetings.ts'
import { serverSetField } from '../../access/server-only.ts'
import { checkedWith } from '../../fields/cross-checks.ts'
import { MEETING_KINDS, MEETING_STATUSES, RSVP_ANSWERS } from '../../rules/meetings.ts'
import { selectOptions } from '../../rules/toolkit.ts'
import { meetingEndpoints } from './endpoints.ts'
import { meetingFieldProblems, raiseSequence, sendInvitations } from './hooks.ts'

const dateTime = { pickerAppearance: 'dayAndTime' as const, displayFormat: 'dd/MM/yyyy HH:mm', timeIntervals: 15 }
const answers = Object.fromEntries(Object.entries(RSVP_ANSWERS).map(([k, v]) => [k, { fr: v.fr, en: v.en }]))

/**
 * Meetings of the common case-management framework (quarterly meetings, ad-hoc meetings, validation workshops):
 * the invitation, the day's attendance and the minutes. Invitations, updates and cancellations go out by email
 * with an iCalendar file from the hooks (docs/meetings.md); action points are `action-items` whose source is the
 * meeting.
 */
export const Meetings: CollectionConfig = {
  slug: 'meetings',
  labels: { singular: { fr: 'Réunion du cadre commun', en: 'Framework meeting' }, plural: { fr: 'Réunions du cadre commun', en: 'Framework meetings' } },
  admin: {
    useAsTitle: 'title',
    group: { fr: 'Cadre commun', en: 'Common framework' },
    description: { fr: 'Planifier l’année, suivre les réponses et la conformité trimestrielle : page « Réunions » du portail (/reunions).', en: 'Plan the year, follow answers and quarter compliance: the portal’s “Meetings” page (/reunions).' },
  },
  access: { read: invitedOrCoordinators, create: coordinatorsOrAdmins, update: coordinatorsOrAdmins, delete: coordinatorsOrAdmins },
  endpoints: meetingEndpoints,
  hooks: { beforeChange: [raiseSequence], afterChange: [sendInvitations] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: { fr: 'Intitulé', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, defaultValue: 'quarterly', options: selectOptions(MEETING_KINDS), label: { fr: 'Type', en: 'Kind' } },
        { name: 'status', type: 'select', required: true, defaultValue: 'planned', index: true, validate: checkedWith(meetingFieldProblems, select), options: selectOptions(MEETING_STATUSES), label: { fr: 'Statut', en: 'Status' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'start', type: 'date', required: true, index: true, validate: checkedWith(meetingFieldProblems, date), label: { fr: 'Début (heure de Bamako)', en: 'Start (Bamako time)' }, admin: { date: dateTime } },
        { name: 'end', type: 'date', required: true, validate: checkedWith(meetingFieldProblems, date), label: { fr: 'Fin (heure de Bamako)', en: 'End (Bamako time)' }, admin: { date: dateTime } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'venue', type: 'text', maxLength: 200, label: { fr: 'Lieu', en: 'Venue' } },
        {
          name: 'onlineLink',
          type: 'text',
          maxLength: 500,
          label: { fr: 'Lien de la réunion en ligne', en: 'Online meeting link' },
          validate: (value: unknown) => (!value || /^https:\/\/[^\s"<>]+$/.test(String(value)) ? true : 'Lien invalide : indiquez une adresse commençant par https://.'),
        },
      ],
    },
    { name: 'organiser', type: 'relationship', relationTo: 'organisations', label: { fr: 'Structure organisatrice', en: 'Organiser' } },
    { name: 'invitedOrganisations', type: 'relationship', relationTo: 'organisations', hasMany: true, index: true, label: { fr: 'Structures invitées', en: 'Invited organisations' } },
    { name: 'invitedPeople', type: 'relationship', relationTo: 'users', hasMany: true, index: true, label: { fr: 'Personnes invitées', en: 'Invited people' } },
    {
      name: 'agenda',
      type: 'array',
      label: { fr: 'Ordre du jour', en: 'Agenda' },
      labels: { singular: { fr: 'Point', en: 'Item' }, plural: { fr: 'Points', en: 'Items' } },
      admin: { description: { fr: 'Les points d’action encore ouverts des réunions précédentes s’y ajoutent d’eux-mêmes.', en: 'Open action points of earlier meetings are added automatically.' } },
      fields: [{ name: 'item', type: 'text', required: true, maxLength: 300, label: { fr: 'Point', en: 'Item' } }],
    },
    { name: 'documents', type: 'relationship', relationTo: 'media', hasMany: true, label: { fr: 'Documents', en: 'Documents' } },
    {
      name: 'attendance',
      type: 'array',
      label: { fr: 'Présence', en: 'Attendance' },
      labels: { singular: { fr: 'Présent', en: 'Attendee' }, plural: { fr: 'Présents', en: 'Attendees' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'person', type: 'relationship', relationTo: 'users', label: { fr: 'Personne (compte)', en: 'Person (account)' } },
            { name: 'name', type: 'text', maxLength: 120, label: { fr: 'Nom (sans compte)', en: 'Name (no account)' } },
            { name: 'organisation', type: 'relationship', relationTo: 'organisations', label: { fr: 'Structure', en: 'Organisation' } },
            { name: 'role', type: 'text', maxLength: 120, label: { fr: 'Fonction', en: 'Function' } },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: { fr: 'Compte rendu', en: 'Minutes' },
      fields: [
        { name: 'discussion', type: 'textarea', maxLength: 20000, label: { fr: 'Déroulement et discussions', en: 'Discussion' } },
        { name: 'decisions', type: 'textarea', maxLength: 10000, label: { fr: 'Décisions (une par ligne)', en: 'Decisions (one per line)' } },
        { name: 'planReview', type: 'textarea', maxLength: 10000, label: { fr: 'Revue du plan de renforcement des capacités', en: 'Capacity-building plan review' } },
      ],
    },
    {
      name: 'rsvps',
      type: 'array',
      label: { fr: 'Réponses aux invitations', en: 'Invitation answers' },
      access: serverSetField,
      admin: { readOnly: true, description: { fr: 'Écrites par les invités depuis le lien reçu par e-mail.', en: 'Written by invitees from the emailed link.' } },
      fields: [
        { name: 'person', type: 'relationship', relationTo: 'users', required: true, label: { fr: 'Personne', en: 'Person' } },
        { name: 'answer', type: 'select', required: true, options: selectOptions(answers), label: { fr: 'Réponse', en: 'Answer' } },
        { name: 'answeredAt', type: 'date', required: true, label: { fr: 'Le', en: 'On' } },
      ],
    },
    {
      name: 'icsSequence',
      type: 'number',
      defaultValue: 0,
      access: serverSetField,
      label: { fr: 'Révision du fichier d’agenda (SEQUENCE)', en: 'Calendar revision (SEQUENCE)' },
      admin: { readOnly: true, position: 'sidebar', description: { fr: 'Augmentée par le serveur à chaque changement envoyé aux invités.', en: 'Raised by the server at every change sent to invitees.' } },
    },
  ],
}
