import type { CollectionConfig } from 'payload'
import { coordinatorsOrAdmins } from '../../access/index.ts'
import { DHIS2_INDICATORS, DISAGGREGATIONS, ZDhis2Code } from '../../rules/dhis2.ts'
import { oneRowPerTarget } from './hooks.ts'

/** An empty code is checked by the hook (required or not depends on the row's kind); a filled one must be a DHIS2 code. */
function codeField(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  const parsed = ZDhis2Code.safeParse(value)
  return parsed.success || parsed.error.issues[0]!.message
}

/**
 * The correspondence between the portal's indicators and regions and DHIS2's codes (docs/indicators.md): an
 * "indicator" row gives the data element (and category option combo) of one indicator's disaggregation; a
 * "region" row gives the organisation unit of one region. Coordinators keep it; nobody else sees it.
 */
export const Dhis2Mappings: CollectionConfig = {
  slug: 'dhis2-mappings',
  labels: { singular: { fr: 'Correspondance DHIS2', en: 'DHIS2 mapping' }, plural: { fr: 'Correspondances DHIS2', en: 'DHIS2 mappings' } },
  admin: {
    useAsTitle: 'label',
    group: { fr: 'Rapports', en: 'Reports' },
    description: { fr: 'Codes DHIS2 (et non identifiants internes) : l’export utilise idScheme=code.', en: 'DHIS2 codes (not internal ids): the export uses idScheme=code.' },
  },
  access: { create: coordinatorsOrAdmins, read: coordinatorsOrAdmins, update: coordinatorsOrAdmins, delete: coordinatorsOrAdmins },
  hooks: { beforeValidate: [oneRowPerTarget] },
  fields: [
    {
      name: 'kind',
      type: 'radio',
      required: true,
      defaultValue: 'indicator',
      label: { fr: 'Correspondance pour', en: 'Mapping for' },
      options: [
        { value: 'indicator', label: { fr: 'Un indicateur', en: 'An indicator' } },
        { value: 'region', label: { fr: 'Une région', en: 'A region' } },
      ],
    },
    {
      name: 'indicator',
      type: 'select',
      label: { fr: 'Indicateur', en: 'Indicator' },
      options: Object.entries(DHIS2_INDICATORS).map(([value, i]) => ({ value, label: { fr: i.fr, en: i.en } })),
      admin: { condition: (data) => data.kind === 'indicator' },
    },
    {
      name: 'disaggregation',
      type: 'select',
      label: { fr: 'Ventilation', en: 'Disaggregation' },
      options: Object.entries(DISAGGREGATIONS).map(([value, d]) => ({ value, label: { ...d } })),
      admin: { condition: (data) => data.kind === 'indicator' },
    },
    { name: 'dataElement', type: 'text', label: { fr: 'Code de l’élément de données', en: 'Data element code' }, validate: codeField, admin: { condition: (data) => data.kind === 'indicator' } },
    {
      name: 'categoryOptionCombo',
      type: 'text',
      label: { fr: 'Code de la combinaison de catégories (facultatif)', en: 'Category option combo code (optional)' },
      validate: codeField,
      admin: { condition: (data) => data.kind === 'indicator', description: { fr: 'Vide : la combinaison par défaut de DHIS2.', en: 'Empty: DHIS2’s default combination.' } },
    },
    { name: 'region', type: 'relationship', relationTo: 'regions', label: { fr: 'Région', en: 'Region' }, admin: { condition: (data) => data.kind === 'region' } },
    { name: 'orgUnit', type: 'text', label: { fr: 'Code de l’unité d’organisation', en: 'Organisation unit code' }, validate: codeField, admin: { condition: (data) => data.kind === 'region' } },
    // What the list shows; set from the row's target by the hook.
    { name: 'label', type: 'text', admin: { readOnly: true, hidden: true } },
  ],
}
