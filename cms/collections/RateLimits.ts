import type { CollectionConfig } from 'payload'
import { nobody } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'

/**
 * One row per attempt counted by a rate limit (sign-in, reset and sign-up links, difficulty reports from visitors),
 * in the database every portal process shares, so limits hold whatever the number of processes
 * (cms/rate-limits.ts). Rows older than their window are pruned. Written and read by the system only.
 */
export const RateLimits: CollectionConfig = {
  slug: 'rate-limits',
  labels: { singular: { fr: 'Tentative limitée', en: 'Rate-limited attempt' }, plural: { fr: 'Tentatives limitées', en: 'Rate-limited attempts' } },
  admin: { hidden: true },
  access: serverOnly('rate-limits', { read: nobody, delete: nobody }),
  fields: [
    // `<action>:<client address>`, e.g. `signIn:203.0.113.7`.
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'at', type: 'date', required: true, index: true },
  ],
}
