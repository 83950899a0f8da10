import type { CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, nobody } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'

/**
 * A quarter's indicators frozen once its framework meeting reviewed them (docs/indicators.md, "Quarter lock"):
 * the figures nationally, for each region and for each organisation, computed by the server when a coordinator
 * locks the quarter (`lockQuarter`, cms/indicators/lock.ts). One record per quarter; never edited, never deleted.
 */
export const IndicatorSnapshots: CollectionConfig = {
  slug: 'indicator-snapshots',
  labels: { singular: { fr: 'Trimestre verrouillé', en: 'Locked quarter' }, plural: { fr: 'Trimestres verrouillés', en: 'Locked quarters' } },
  admin: { useAsTitle: 'quarter', group: { fr: 'Rapports', en: 'Reports' } },
  access: serverOnly('indicator-snapshots', { read: coordinatorsOrAdmins, delete: nobody }),
  fields: [
    { name: 'quarter', type: 'text', required: true, unique: true, index: true, label: { fr: 'Trimestre (2026Q1)', en: 'Quarter (2026Q1)' } },
    { name: 'lockedAt', type: 'date', required: true, label: { fr: 'Verrouillé le', en: 'Locked on' } },
    { name: 'lockedBy', type: 'relationship', relationTo: 'users', required: true, label: { fr: 'Verrouillé par', en: 'Locked by' } },
    { name: 'meeting', type: 'relationship', relationTo: 'meetings', label: { fr: 'Réunion qui a revu les chiffres', en: 'Meeting that reviewed the figures' } },
    { name: 'figures', type: 'json', required: true, label: { fr: 'Chiffres figés (national, par région, par structure)', en: 'Frozen figures (national, by region, by organisation)' } },
  ],
}
