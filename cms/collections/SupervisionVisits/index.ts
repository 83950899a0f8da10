import type { CollectionConfig } from 'payload'
import { date, relationship, select, text } from 'payload/shared'
import { coordinatorsOrAdmins } from '../../access/index.ts'
import { serverSetField } from '../../access/server-only.ts'
import { reportsDeferred } from '../../fields/cross-checks.ts'
import { supervisors, visitsReadable, visitsWritable } from '../../access/supervision.ts'
import { RATINGS } from '../../rules/competency-framework.ts'
import { VISIT_MODES } from '../../rules/supervision.ts'
import { selectOptions, STEPS } from '../../rules/toolkit.ts'
import { supervisionEndpoints } from './endpoints.ts'
import { prepareAndCheckVisit } from './hooks.ts'

const day = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' } }
const copied = (fr: string, en: string) => ({ access: serverSetField, admin: { readOnly: true, position: 'sidebar' as const }, label: { fr, en } })

/**
 * A formative supervision visit (suivi formatif) of a trained person: ratings per behaviour of the competency
 * framework version it used, strengths, gaps, the next follow-up; agreed actions are `action-items` whose source is
 * the visit. docs/supervision.md.
 */
export const SupervisionVisits: CollectionConfig = {
  slug: 'supervision-visits',
  labels: { singular: { fr: 'Visite de suivi formatif', en: 'Supervision visit' }, plural: { fr: 'Visites de suivi formatif', en: 'Supervision visits' } },
  admin: { useAsTitle: 'personName', group: { fr: 'Suivi formatif', en: 'Supervision' } },
  access: { read: visitsReadable, create: supervisors, update: visitsWritable, delete: coordinatorsOrAdmins },
  endpoints: supervisionEndpoints,
  hooks: { beforeChange: [prepareAndCheckVisit] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'person', type: 'relationship', relationTo: 'participants', required: true, index: true, validate: reportsDeferred('supervision-visits', relationship), label: { fr: 'Personne supervisée', en: 'Person supervised' } },
        // No filter on roles here: Payload checks a relationship's filter as the writer, and a supervisor may not
        // read other accounts. Who may name a supervisor is the hook's rule (coordination; others are the supervisor).
        { name: 'supervisor', type: 'relationship', relationTo: 'users', index: true, label: { fr: 'Superviseur ou coach', en: 'Supervisor or coach' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'date', type: 'date', required: true, index: true, validate: reportsDeferred('supervision-visits', date), label: { fr: 'Date de la visite', en: 'Visit date' }, admin: day },
        { name: 'mode', type: 'select', required: true, defaultValue: 'onSite', options: selectOptions(VISIT_MODES), label: { fr: 'Modalité', en: 'Mode' } },
      ],
    },
    { name: 'stepsObserved', type: 'select', hasMany: true, options: selectOptions(STEPS), label: { fr: 'Étapes de la gestion des cas observées', en: 'Case-management steps observed' } },
    {
      name: 'ratings',
      type: 'array',
      label: { fr: 'Comportements observés', en: 'Behaviours observed' },
      labels: { singular: { fr: 'Comportement', en: 'Behaviour' }, plural: { fr: 'Comportements', en: 'Behaviours' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'behaviour', type: 'text', required: true, maxLength: 60, validate: reportsDeferred('supervision-visits', text), label: { fr: 'Comportement (identifiant du référentiel)', en: 'Behaviour (framework id)' } },
            { name: 'rating', type: 'select', required: true, validate: reportsDeferred('supervision-visits', select), options: selectOptions(RATINGS), label: { fr: 'Niveau', en: 'Rating' } },
          ],
        },
        { name: 'observation', type: 'textarea', maxLength: 2000, label: { fr: 'Observation', en: 'Observation' } },
      ],
    },
    { name: 'strengths', type: 'textarea', maxLength: 4000, label: { fr: 'Points forts', en: 'Strengths' } },
    { name: 'gaps', type: 'textarea', maxLength: 4000, label: { fr: 'Points à améliorer', en: 'Gaps' } },
    { name: 'nextFollowUp', type: 'date', index: true, validate: reportsDeferred('supervision-visits', date), label: { fr: 'Prochain suivi prévu', en: 'Next follow-up' }, admin: day },
    // Copied from the participants registry and the framework by the server: they feed access and keep the visit readable.
    { name: 'personName', type: 'text', index: true, ...copied('Nom de la personne', 'Person’s name') },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', index: true, ...copied('Structure', 'Organisation') },
    { name: 'region', type: 'relationship', relationTo: 'regions', index: true, ...copied('Région', 'Region') },
    { name: 'personAccount', type: 'relationship', relationTo: 'users', index: true, ...copied('Compte de la personne', 'Person’s account') },
    { name: 'frameworkVersion', type: 'text', index: true, ...copied('Version du référentiel', 'Framework version') },
    { name: 'revision', type: 'number', ...copied('Révision', 'Revision') },
  ],
}
