import type { GlobalConfig } from 'payload'
import { coordinatorsOrAdmins } from '../access/index.ts'
import { CONCERNS, SERVICES } from '../rules/case-aggregates.ts'

const column = (name: string, fr: string, en: string, defaultValue: string) => ({ name, type: 'text' as const, required: true, defaultValue, label: { fr, en } })
const valueMap = (name: string, fr: string, en: string, to: GlobalConfig['fields'][number]) => ({
  name,
  type: 'array' as const,
  label: { fr, en },
  labels: { singular: { fr: 'Valeur', en: 'Value' }, plural: { fr: 'Valeurs', en: 'Values' } },
  fields: [{ name: 'from', type: 'text' as const, required: true, label: { fr: 'Valeur dans l’export CPIMS+', en: 'Value in the CPIMS+ export' } }, to],
})
const categories = (catalogue: Record<string, { fr: string; en: string }>) => Object.entries(catalogue).map(([value, label]) => ({ value, label: { ...label } }))

/**
 * How to read a CPIMS+ case export (docs/indicators.md): the export's column for each figure, and the export's
 * values for each portal category. CPIMS+ configurations differ between deployments, so coordinators keep this.
 */
export const CpimsMapping: GlobalConfig = {
  slug: 'cpims-mapping',
  label: { fr: 'Correspondance CPIMS+', en: 'CPIMS+ mapping' },
  admin: {
    group: { fr: 'Rapports', en: 'Reports' },
    description: {
      fr: 'Seules ces colonnes sont lues dans l’export ; toutes les autres (noms, identifiants, adresses…) sont ignorées et jamais enregistrées.',
      en: 'Only these columns are read from the export; all others (names, ids, addresses…) are ignored and never stored.',
    },
  },
  access: { read: coordinatorsOrAdmins, update: coordinatorsOrAdmins },
  fields: [
    {
      name: 'columns',
      type: 'group',
      label: { fr: 'Colonnes de l’export', en: 'Export columns' },
      fields: [
        column('registrationDate', 'Date d’enregistrement', 'Registration date', 'registration_date'),
        column('region', 'Région', 'Region', 'location_current'),
        column('sex', 'Sexe', 'Sex', 'sex'),
        column('age', 'Âge (années)', 'Age (years)', 'age'),
        column('concerns', 'Préoccupations de protection', 'Protection concerns', 'protection_concerns'),
        column('services', 'Services fournis', 'Services provided', 'services_provided'),
        column('referrals', 'Références (services)', 'Referrals (services)', 'referrals'),
        column('status', 'Statut du dossier', 'Case status', 'status'),
      ],
    },
    { name: 'separator', type: 'text', required: true, defaultValue: ';', maxLength: 3, label: { fr: 'Séparateur des valeurs multiples', en: 'Separator of multiple values' } },
    valueMap('sexValues', 'Valeurs du sexe', 'Sex values', { name: 'to', type: 'select', required: true, options: [{ value: 'F', label: { fr: 'Fille', en: 'Girl' } }, { value: 'M', label: { fr: 'Garçon', en: 'Boy' } }], label: { fr: 'Sexe', en: 'Sex' } }),
    valueMap('regionValues', 'Valeurs de la région', 'Region values', { name: 'to', type: 'text', required: true, label: { fr: 'Code de la région du portail', en: 'Portal region code' } }),
    valueMap('concernValues', 'Valeurs des préoccupations', 'Concern values', { name: 'to', type: 'select', required: true, options: categories(CONCERNS), label: { fr: 'Catégorie', en: 'Category' } }),
    valueMap('serviceValues', 'Valeurs des services', 'Service values', { name: 'to', type: 'select', required: true, options: categories(SERVICES), label: { fr: 'Catégorie', en: 'Category' } }),
    valueMap('statusValues', 'Valeurs du statut', 'Status values', { name: 'to', type: 'select', required: true, options: [{ value: 'open', label: { fr: 'Ouvert', en: 'Open' } }, { value: 'closed', label: { fr: 'Clôturé', en: 'Closed' } }], label: { fr: 'Statut', en: 'Status' } }),
  ],
}
