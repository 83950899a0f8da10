import type { Access, CollectionConfig } from 'payload'
import { coordinatorsOrAdmins } from '../../access/index.ts'
import { serverSetField } from '../../access/server-only.ts'
import { can, type RoleHolder } from '../../rules/roles.ts'
import { prepareMonthlyReport } from './hooks.ts'

/** Coordination changes or deletes drafts only: a submitted report stays as it was sent (the history). */
const draftsOfCoordination: Access = ({ req }) => (can(req.user as RoleHolder | null, 'coordinate') ? { status: { equals: 'draft' } } : false)

/**
 * The monthly activity reports (docs/reports.md): one record per month and version. Coordinators write the
 * narrative; the figures come from the records (`GET /api/reports/monthly`), frozen in the record when it is
 * submitted. The list is the history: every version of every month, with its files.
 */
export const MonthlyReports: CollectionConfig = {
  slug: 'monthly-reports',
  labels: { singular: { fr: 'Rapport mensuel', en: 'Monthly report' }, plural: { fr: 'Rapports mensuels', en: 'Monthly reports' } },
  admin: {
    useAsTitle: 'month',
    group: { fr: 'Rapports', en: 'Reports' },
    description: {
      fr: 'Un rapport par mois : rédigez le résumé, les difficultés et les activités prévues ; les chiffres viennent des enregistrements. Un rapport soumis ne se modifie plus : créez une nouvelle version du même mois.',
      en: 'One report per month: write the summary, difficulties and planned activities; the figures come from the records. A submitted report can no longer be changed: create a new version of the same month.',
    },
  },
  access: { create: coordinatorsOrAdmins, read: coordinatorsOrAdmins, update: draftsOfCoordination, delete: draftsOfCoordination },
  hooks: { beforeChange: [prepareMonthlyReport] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'month', type: 'text', required: true, index: true, access: { update: () => false }, label: { fr: 'Mois (AAAA-MM)', en: 'Month (YYYY-MM)' }, admin: { placeholder: '2026-03' } },
        { name: 'version', type: 'number', index: true, access: serverSetField, label: { fr: 'Version', en: 'Version' }, admin: { readOnly: true } },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          options: [
            { value: 'draft', label: { fr: 'Brouillon', en: 'Draft' } },
            { value: 'submitted', label: { fr: 'Soumis', en: 'Submitted' } },
          ],
          label: { fr: 'État', en: 'Status' },
          admin: { description: { fr: 'Choisissez « Soumis » et enregistrez pour soumettre : les chiffres du mois sont alors figés.', en: 'Choose “Submitted” and save to submit: the month’s figures are then frozen.' } },
        },
      ],
    },
    { name: 'files', type: 'ui', label: { fr: 'Fichiers', en: 'Files' }, admin: { components: { Field: '/admin/MonthlyReportLinks.tsx#MonthlyReportLinks', Cell: '/admin/MonthlyReportLinks.tsx#MonthlyReportLinksCell' } } },
    { name: 'summary', type: 'textarea', maxLength: 8000, label: { fr: 'Résumé du mois', en: 'Summary of the month' } },
    { name: 'difficulties', type: 'textarea', maxLength: 8000, label: { fr: 'Difficultés rencontrées', en: 'Difficulties met' } },
    {
      name: 'plannedNextMonth',
      type: 'textarea',
      maxLength: 8000,
      label: { fr: 'Activités prévues le mois prochain', en: 'Activities planned next month' },
      admin: { description: { fr: 'Prérempli à la création avec les formations et réunions planifiées et les actions du plan de renforcement à échéance ; une ligne « - » par activité.', en: 'Prefilled on creation with planned trainings and meetings and capacity-plan items falling due; one “- ” line per activity.' } },
    },
    { name: 'figures', type: 'json', access: serverSetField, label: { fr: 'Chiffres figés à la soumission', en: 'Figures frozen on submission' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users', access: serverSetField, label: { fr: 'Soumis par', en: 'Submitted by' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'submittedAt', type: 'date', access: serverSetField, label: { fr: 'Soumis le', en: 'Submitted on' }, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
  ],
}
