import type { CollectionConfig } from 'payload'
import { adminsOnly, anyone, coordinatorsOrAdmins } from '../access/index.ts'

/** Organisation kinds of the child-protection system. */
export const ORGANISATION_KINDS = [
  { value: 'state', label: { fr: 'Service de l’État', en: 'State service' } },
  { value: 'nationalNgo', label: { fr: 'ONG nationale', en: 'National NGO' } },
  { value: 'internationalNgo', label: { fr: 'ONG internationale', en: 'International NGO' } },
  { value: 'unAgency', label: { fr: 'Agence des Nations unies', en: 'UN agency' } },
] as const

/** Organisations (structures) doing or supporting case management; coordination keeps the list (a participants import may add to it). */
export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: { singular: { fr: 'Structure', en: 'Organisation' }, plural: { fr: 'Structures', en: 'Organisations' } },
  admin: { useAsTitle: 'acronym', group: { fr: 'Référentiels', en: 'Reference data' } },
  access: { read: anyone, create: coordinatorsOrAdmins, update: coordinatorsOrAdmins, delete: adminsOnly },
  fields: [
    { name: 'acronym', type: 'text', required: true, unique: true, label: { fr: 'Sigle', en: 'Acronym' } },
    { name: 'name', type: 'text', required: true, label: { fr: 'Nom complet', en: 'Full name' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { fr: 'Type', en: 'Kind' },
      options: ORGANISATION_KINDS.map((k) => ({ value: k.value, label: { ...k.label } })),
    },
    { name: 'region', type: 'relationship', relationTo: 'regions', label: { fr: 'Région du siège', en: 'Head-office region' } },
  ],
}
