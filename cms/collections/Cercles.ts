import type { CollectionConfig } from 'payload'
import { adminsOnly, anyone } from '../access/index.ts'

/** Cercles (and Bamako's communes), each inside a region. */
export const Cercles: CollectionConfig = {
  slug: 'cercles',
  labels: { singular: { fr: 'Cercle', en: 'Cercle' }, plural: { fr: 'Cercles', en: 'Cercles' } },
  admin: { useAsTitle: 'name', group: { fr: 'Référentiels', en: 'Reference data' } },
  access: { read: anyone, create: adminsOnly, update: adminsOnly, delete: adminsOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: { fr: 'Nom', en: 'Name' } },
    { name: 'region', type: 'relationship', relationTo: 'regions', required: true, index: true, label: { fr: 'Région', en: 'Region' } },
  ],
}
