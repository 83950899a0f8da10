import type { CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, nobody } from '../../access/index.ts'
import { serverOnly } from '../../access/server-only.ts'
import { AGE_GROUPS, CASE_SEXES, DIMENSIONS } from '../../rules/case-aggregates.ts'
import { importCaseExport } from './endpoints.ts'

/**
 * Counts of cases from CPIMS+ exports (docs/indicators.md): one record per month, region, sex, age group and
 * category — never a case. Written only by the import, which replaces the months an export covers.
 */
export const CaseAggregates: CollectionConfig = {
  slug: 'case-aggregates',
  labels: { singular: { fr: 'Agrégat de cas', en: 'Case aggregate' }, plural: { fr: 'Agrégats de cas (CPIMS+)', en: 'Case aggregates (CPIMS+)' } },
  admin: { useAsTitle: 'month', group: { fr: 'Rapports', en: 'Reports' } },
  access: serverOnly('case-aggregates', { read: coordinatorsOrAdmins, delete: nobody }),
  endpoints: [{ path: '/import', method: 'post', handler: importCaseExport }],
  fields: [
    { name: 'month', type: 'text', required: true, index: true, label: { fr: 'Mois (AAAA-MM)', en: 'Month (YYYY-MM)' } },
    { name: 'region', type: 'text', required: true, index: true, label: { fr: 'Région (code)', en: 'Region (code)' } },
    { name: 'sex', type: 'select', required: true, options: Object.entries(CASE_SEXES).map(([value, label]) => ({ value, label: { ...label } })), label: { fr: 'Sexe', en: 'Sex' } },
    { name: 'ageGroup', type: 'select', required: true, options: AGE_GROUPS.map((g) => ({ value: g, label: g === 'unknown' ? 'Âge non renseigné' : `${g} ans` })), label: { fr: 'Tranche d’âge', en: 'Age group' } },
    {
      name: 'dimension',
      type: 'select',
      required: true,
      options: DIMENSIONS.map((d) => ({ value: d, label: { cases: { fr: 'Dossiers', en: 'Cases' }, concern: { fr: 'Préoccupation', en: 'Concern' }, service: { fr: 'Service fourni', en: 'Service provided' }, referral: { fr: 'Référence', en: 'Referral' } }[d] })),
      label: { fr: 'Ce qui est compté', en: 'What is counted' },
    },
    { name: 'category', type: 'text', required: true, label: { fr: 'Catégorie', en: 'Category' } },
    { name: 'count', type: 'number', required: true, min: 1, label: { fr: 'Nombre', en: 'Count' } },
    { name: 'importedAt', type: 'date', required: true, label: { fr: 'Importé le', en: 'Imported on' } },
  ],
}
