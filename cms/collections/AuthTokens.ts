import type { CollectionConfig } from 'payload'
import { nobody } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'
import { ALL_TOKEN_PURPOSES } from '../auth/tokens.ts'

/** Hashed tokens for email links, RSVP links and calendar feeds (see cms/auth/tokens.ts); never exposed. */
export const AuthTokens: CollectionConfig = {
  slug: 'auth-tokens',
  labels: { singular: { fr: 'Jeton', en: 'Token' }, plural: { fr: 'Jetons', en: 'Tokens' } },
  admin: { hidden: true },
  access: serverOnly('auth-tokens', { read: nobody, delete: nobody }),
  fields: [
    { name: 'tokenId', type: 'text', required: true, unique: true },
    { name: 'secretHash', type: 'text', required: true },
    { name: 'purpose', type: 'select', required: true, options: ALL_TOKEN_PURPOSES },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    // What the token is bound to, as `<collection>:<id>` (an RSVP: the meeting); empty for account links.
    { name: 'subject', type: 'text', index: true },
    { name: 'expiresAt', type: 'date', required: true },
    { name: 'usedAt', type: 'date' },
  ],
}
