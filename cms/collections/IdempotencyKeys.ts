import type { CollectionConfig } from 'payload'
import { nobody } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'

/**
 * Keys of the requests already applied, so that an item the offline queue sends again (the answer was lost on the
 * way back) is applied once (cms/offline/idempotency.ts). Written and read by the system only.
 */
export const IdempotencyKeys: CollectionConfig = {
  slug: 'idempotency-keys',
  labels: { singular: { fr: 'Clé d’envoi', en: 'Idempotency key' }, plural: { fr: 'Clés d’envoi', en: 'Idempotency keys' } },
  admin: { hidden: true },
  access: serverOnly('idempotency-keys', { read: nobody, delete: nobody }),
  fields: [
    // `<user id>:<key sent by the browser>`: a key only ever matches the requests of the person who sent it.
    // `routine:<check>:<day>`: a daily check already run that day (cms/jobs/daily.ts), claimed by no person.
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'user', type: 'relationship', relationTo: 'users' },
  ],
}
