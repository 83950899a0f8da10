import type { CollectionConfig } from 'payload'
import { coordinatorsOrAdmins, nobody } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'

/**
 * The periods DHIS2 accepted whole, one record per real sending (cms/dhis2/exchange.ts). Written only after DHIS2
 * answered without error, conflict or ignored value: a failed or partial sending leaves no record here.
 */
export const Dhis2Sends: CollectionConfig = {
  slug: 'dhis2-sends',
  labels: { singular: { fr: 'Envoi à DHIS2', en: 'DHIS2 sending' }, plural: { fr: 'Envois à DHIS2', en: 'DHIS2 sendings' } },
  admin: { useAsTitle: 'period', group: { fr: 'Rapports', en: 'Reports' } },
  access: serverOnly('dhis2-sends', { read: coordinatorsOrAdmins, delete: nobody }),
  fields: [
    { name: 'period', type: 'text', required: true, index: true, label: { fr: 'Période (code DHIS2)', en: 'Period (DHIS2 code)' } },
    { name: 'values', type: 'number', required: true, label: { fr: 'Valeurs envoyées', en: 'Values sent' } },
    { name: 'imported', type: 'number', label: { fr: 'Importées', en: 'Imported' } },
    { name: 'updated', type: 'number', label: { fr: 'Mises à jour', en: 'Updated' } },
    { name: 'sentBy', type: 'relationship', relationTo: 'users', label: { fr: 'Envoyé par', en: 'Sent by' } },
    { name: 'summary', type: 'json', label: { fr: 'Résumé de DHIS2', en: 'DHIS2 summary' } },
  ],
}
