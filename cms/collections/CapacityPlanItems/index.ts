import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, staffOnly } from '../../access/index.ts'
import { serverSetField } from '../../access/server-only.ts'
import { PLAN_STATUSES, planChanges, planSnapshot, quarterCodeProblem, type TPlanHistoryEntry } from '../../rules/meetings.ts'
import { selectOptions } from '../../rules/toolkit.ts'
import { capacityPlanEndpoints } from './endpoints.ts'

/**
 * Every change of a plan item is kept: who, when, what changed (from → to) and the item's values after the change,
 * so that the plan as it stood at any past date can be shown (`planAt`, cms/rules/meetings.ts). Written here by the
 * server only; a save that changes nothing tracked adds nothing. `context.planHistoryAt` (the seed) dates an entry.
 */
export const keepHistory: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const after = planSnapshot({ ...originalDoc, ...data })
  const history = (originalDoc?.history ?? []) as TPlanHistoryEntry[]
  const before = operation === 'create' ? null : (history.at(-1)?.snapshot ?? planSnapshot(originalDoc ?? {}))
  const changes = planChanges(before, after)
  if (changes.length === 0) {
    data.history = history
    return data
  }
  const at = typeof req.context?.planHistoryAt === 'string' ? req.context.planHistoryAt : new Date().toISOString()
  data.history = [...history, { at, by: req.user?.id ?? null, changes, snapshot: after }]
  return data
}

/** The capacity-building plan (plan de renforcement des capacités) kept by coordination between framework meetings. */
export const CapacityPlanItems: CollectionConfig = {
  slug: 'capacity-plan-items',
  labels: { singular: { fr: 'Activité du plan de renforcement', en: 'Capacity plan item' }, plural: { fr: 'Plan de renforcement des capacités', en: 'Capacity-building plan' } },
  admin: {
    useAsTitle: 'activity',
    group: { fr: 'Cadre commun', en: 'Common framework' },
    description: { fr: 'Export XLSX/PDF et état du plan à une date passée : page « Réunions » du portail (/reunions).', en: 'XLSX/PDF export and the plan at a past date: the portal’s “Meetings” page (/reunions).' },
  },
  access: { read: staffOnly, create: coordinatorsOrAdmins, update: coordinatorsOrAdmins, delete: coordinatorsOrAdmins },
  endpoints: capacityPlanEndpoints,
  hooks: { beforeChange: [keepHistory] },
  fields: [
    { name: 'activity', type: 'text', required: true, maxLength: 300, label: { fr: 'Activité', en: 'Activity' } },
    {
      type: 'row',
      fields: [
        { name: 'targetGroup', type: 'text', maxLength: 200, label: { fr: 'Groupe cible', en: 'Target group' } },
        { name: 'region', type: 'relationship', relationTo: 'regions', label: { fr: 'Région', en: 'Region' } },
        { name: 'responsible', type: 'text', maxLength: 200, label: { fr: 'Responsable', en: 'Responsible' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'period',
          type: 'text',
          maxLength: 6,
          label: { fr: 'Période (trimestre, ex. 2026Q2)', en: 'Period (quarter, e.g. 2026Q2)' },
          validate: (value: unknown) => quarterCodeProblem(value as string | null) ?? true,
        },
        { name: 'budget', type: 'number', min: 0, label: { fr: 'Budget (FCFA)', en: 'Budget (FCFA)' } },
        { name: 'fundingSource', type: 'text', maxLength: 200, label: { fr: 'Source de financement', en: 'Funding source' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', required: true, defaultValue: 'notDone', options: selectOptions(PLAN_STATUSES), label: { fr: 'Statut', en: 'Status' } },
        { name: 'deadline', type: 'date', label: { fr: 'Échéance', en: 'Deadline' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
      ],
    },
    { name: 'comments', type: 'textarea', maxLength: 2000, label: { fr: 'Commentaires', en: 'Comments' } },
    {
      type: 'collapsible',
      label: { fr: 'Réalisé par', en: 'Carried out by' },
      fields: [
        { name: 'trainings', type: 'relationship', relationTo: 'trainings', hasMany: true, label: { fr: 'Formations', en: 'Trainings' } },
        { name: 'meetings', type: 'relationship', relationTo: 'meetings', hasMany: true, label: { fr: 'Réunions', en: 'Meetings' } },
        {
          name: 'visits',
          type: 'text',
          maxLength: 200,
          label: { fr: 'Visites de supervision (numéros)', en: 'Supervision visits (numbers)' },
          admin: { description: { fr: 'Numéros des visites, séparés par des virgules.', en: 'Visit numbers, comma-separated.' } },
          validate: (value: unknown) => (!value || /^\s*\d+(\s*,\s*\d+)*\s*$/.test(String(value)) ? true : 'Indiquez des numéros de visite séparés par des virgules (ex. 12, 15).'),
        },
      ],
    },
    {
      name: 'history',
      type: 'array',
      label: { fr: 'Historique des modifications', en: 'Change history' },
      access: serverSetField,
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        { name: 'at', type: 'date', required: true, label: { fr: 'Le', en: 'On' }, admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
        { name: 'by', type: 'relationship', relationTo: 'users', label: { fr: 'Par', en: 'By' } },
        { name: 'changes', type: 'json', label: { fr: 'Modifications', en: 'Changes' } },
        { name: 'snapshot', type: 'json', label: { fr: 'Valeurs après la modification', en: 'Values after the change' } },
      ],
    },
  ],
}
