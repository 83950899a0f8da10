import type { CollectionConfig } from 'payload'
import { adminsOnly, anyone } from '../access/index.ts'

/** Regions of Mali: editable reference data, since new regions are created by law (docs/domain.md). */
export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: { singular: { fr: 'Région', en: 'Region' }, plural: { fr: 'Régions', en: 'Regions' } },
  admin: { useAsTitle: 'name', group: { fr: 'Référentiels', en: 'Reference data' } },
  access: { read: anyone, create: adminsOnly, update: adminsOnly, delete: adminsOnly },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: { fr: 'Nom', en: 'Name' } },
    { name: 'code', type: 'text', required: true, unique: true, label: { fr: 'Code', en: 'Code' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'region',
      label: { fr: 'Type', en: 'Kind' },
      options: [
        { value: 'district', label: { fr: 'District', en: 'District' } },
        { value: 'region', label: { fr: 'Région', en: 'Region' } },
      ],
    },
    { name: 'order', type: 'number', defaultValue: 100, label: { fr: 'Ordre d’affichage', en: 'Display order' } },
  ],
}
