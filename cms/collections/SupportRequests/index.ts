import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { adminsOnly, nobody } from '../../access/index.ts'
import { serverOnly, serverSetField } from '../../access/server-only.ts'
import { requesterFieldRead, supportDesk, supportDeskField, supportRequestReaders } from '../../access/support.ts'
import { SUPPORT_CATEGORIES, SUPPORT_STATUSES, SUPPORT_URGENCIES } from '../../rules/support.ts'
import { enforceUploadPolicy, SCREENSHOT_POLICY } from '../../uploads/check.ts'
import { MEDIA_DIR } from '../Media.ts'
import { sendNewReplies, stampDeskWork } from './hooks.ts'

const options = <T extends string>(list: readonly { value: T; label: { fr: string; en: string } }[]) => list.map((o) => ({ value: o.value, label: { ...o.label } }))

/**
 * Difficulty reports ("Signaler une difficulté"). Created only by `submitSupportRequest` (cms/support/requests.ts)
 * from the site's form, which checks the input, the screenshot and the visitors' rate limit; the desk then works
 * them in the back office: status, assignment, internal notes, replies sent by email (docs/support.md).
 */
export const SupportRequests: CollectionConfig = {
  slug: 'support-requests',
  labels: { singular: { fr: 'Demande d’assistance', en: 'Support request' }, plural: { fr: 'Demandes d’assistance', en: 'Support requests' } },
  admin: {
    useAsTitle: 'reference',
    group: { fr: 'Assistance', en: 'Support' },
    hidden: ({ user }) => !supportDesk({ req: { user } } as never),
    description: {
      fr: 'Une réponse ajoutée puis enregistrée est envoyée par e-mail à la personne ; les notes internes ne lui sont jamais montrées.',
      en: 'A reply added then saved is emailed to the person; internal notes are never shown to them.',
    },
  },
  access: { create: nobody, read: supportRequestReaders, update: supportDesk, delete: adminsOnly },
  hooks: { beforeChange: [stampDeskWork], afterChange: [sendNewReplies] },
  fields: [
    { name: 'reference', type: 'text', required: true, unique: true, index: true, access: serverSetField, label: { fr: 'Numéro de référence', en: 'Reference number' }, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'category', type: 'select', required: true, options: options(SUPPORT_CATEGORIES), label: { fr: 'Catégorie', en: 'Category' } },
        { name: 'urgency', type: 'select', required: true, defaultValue: 'normal', options: options(SUPPORT_URGENCIES), label: { fr: 'Urgence', en: 'Urgency' } },
      ],
    },
    { name: 'description', type: 'textarea', required: true, maxLength: 4000, access: { update: () => false }, label: { fr: 'Description', en: 'Description' }, admin: { readOnly: true } },
    { name: 'screenshot', type: 'upload', relationTo: 'support-screenshots', access: { read: requesterFieldRead, ...serverSetField }, label: { fr: 'Capture d’écran', en: 'Screenshot' }, admin: { readOnly: true } },
    { name: 'pageUrl', type: 'text', maxLength: 500, access: serverSetField, label: { fr: 'Page concernée', en: 'Page' }, admin: { readOnly: true } },
    { name: 'browser', type: 'text', maxLength: 300, access: { read: requesterFieldRead, ...serverSetField }, label: { fr: 'Navigateur', en: 'Browser' }, admin: { readOnly: true } },
    { name: 'requester', type: 'relationship', relationTo: 'users', index: true, access: { read: requesterFieldRead, ...serverSetField }, label: { fr: 'Compte du demandeur', en: 'Requester account' }, admin: { readOnly: true } },
    { name: 'requesterName', type: 'text', maxLength: 120, access: { read: requesterFieldRead, ...serverSetField }, label: { fr: 'Nom du demandeur', en: 'Requester name' }, admin: { readOnly: true } },
    { name: 'requesterEmail', type: 'email', required: true, access: { read: requesterFieldRead, ...serverSetField }, label: { fr: 'E-mail de réponse', en: 'Reply email' }, admin: { readOnly: true } },
    { name: 'region', type: 'relationship', relationTo: 'regions', access: serverSetField, label: { fr: 'Région', en: 'Region' }, admin: { readOnly: true, description: { fr: 'Celle du compte du demandeur, pour les chiffres par région.', en: 'The requester account’s, for figures by region.' } } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'new',
      index: true,
      options: options(SUPPORT_STATUSES),
      label: { fr: 'Statut', en: 'Status' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'assignee',
      type: 'relationship',
      relationTo: 'users',
      access: { read: supportDeskField },
      // Only people of the desk can take a request.
      filterOptions: { roles: { in: ['admin', 'coordinator'] } },
      label: { fr: 'Attribuée à', en: 'Assigned to' },
      admin: { position: 'sidebar' },
    },
    { name: 'firstAnsweredAt', type: 'date', access: serverSetField, label: { fr: 'Première réponse le', en: 'First answered on' }, admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'resolvedAt', type: 'date', access: serverSetField, label: { fr: 'Résolue le', en: 'Resolved on' }, admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'replies',
      type: 'array',
      label: { fr: 'Réponses (envoyées par e-mail)', en: 'Replies (sent by email)' },
      labels: { singular: { fr: 'Réponse', en: 'Reply' }, plural: { fr: 'Réponses', en: 'Replies' } },
      admin: { description: { fr: 'Ajoutez une réponse puis enregistrez : elle part aussitôt par e-mail. Une réponse envoyée ne se modifie plus.', en: 'Add a reply then save: it is emailed at once. A sent reply cannot be changed.' } },
      fields: [
        { name: 'message', type: 'textarea', required: true, maxLength: 4000, label: { fr: 'Message', en: 'Message' } },
        { name: 'sentAt', type: 'date', access: serverSetField, label: { fr: 'Envoyée le', en: 'Sent on' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'sentBy', type: 'relationship', relationTo: 'users', access: { read: supportDeskField, ...serverSetField }, label: { fr: 'Par', en: 'By' }, admin: { readOnly: true } },
      ],
    },
    {
      name: 'internalNotes',
      type: 'array',
      access: { read: supportDeskField, create: supportDeskField, update: supportDeskField },
      label: { fr: 'Notes internes (jamais montrées au demandeur)', en: 'Internal notes (never shown to the requester)' },
      labels: { singular: { fr: 'Note', en: 'Note' }, plural: { fr: 'Notes', en: 'Notes' } },
      fields: [
        { name: 'note', type: 'textarea', required: true, maxLength: 4000, label: { fr: 'Note', en: 'Note' } },
        { name: 'writtenAt', type: 'date', access: serverSetField, label: { fr: 'Écrite le', en: 'Written on' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'writtenBy', type: 'relationship', relationTo: 'users', access: serverSetField, label: { fr: 'Par', en: 'By' }, admin: { readOnly: true } },
      ],
    },
  ],
}

/** Where screenshots are kept: a private folder of MEDIA_DIR (so backups and a shared volume carry them). */
export const SUPPORT_FILES_DIR = path.join(MEDIA_DIR, 'private', 'support')

/**
 * Screenshots attached to difficulty reports: private files, checked from their bytes (PNG, JPEG or WEBP, 4 MB),
 * stored by `submitSupportRequest` only, readable by the desk alone (served with `private, no-store`).
 */
export const SupportScreenshots: CollectionConfig = {
  slug: 'support-screenshots',
  labels: { singular: { fr: 'Capture d’écran (assistance)', en: 'Screenshot (support)' }, plural: { fr: 'Captures d’écran (assistance)', en: 'Screenshots (support)' } },
  admin: { hidden: true },
  access: serverOnly('support-screenshots', { read: supportDesk, delete: adminsOnly }),
  upload: {
    staticDir: SUPPORT_FILES_DIR,
    mimeTypes: Object.keys(SCREENSHOT_POLICY.types),
    modifyResponseHeaders: ({ headers }) => {
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Cache-Control', 'private, no-store')
      return headers
    },
  },
  hooks: { beforeOperation: [enforceUploadPolicy(SCREENSHOT_POLICY)] },
  fields: [],
}
