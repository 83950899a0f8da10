import type { CollectionConfig } from 'payload'
import { adminsOnly, nobody, nobodyField } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'

/**
 * Every email the portal sends, queued here first. Without SMTP_URL it stays here for admins to read,
 * so nothing is lost on a local install; with SMTP the `send-email` job delivers and retries it.
 * Links that grant something (reset, invitation, confirmation) are masked in what admins read, except on a
 * local install without SMTP (see outboxShowsSecretLinks in cms/email/adapter.ts and docs in the README).
 */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  labels: { singular: { fr: 'Message', en: 'Message' }, plural: { fr: 'Boîte d’envoi', en: 'Outbox' } },
  admin: {
    useAsTitle: 'subject',
    description: {
      fr: 'Les liens personnels (réinitialisation, invitation, confirmation) sont masqués : seul le destinataire les reçoit. En production sans SMTP_URL, ces messages ne partent pas : configurez SMTP_URL.',
      en: 'Personal links (reset, invitation, confirmation) are masked: only the recipient receives them. In production without SMTP_URL these messages are not sent: configure SMTP_URL.',
    },
    group: { fr: 'Administration', en: 'Administration' },
  },
  access: serverOnly('outbox', { read: adminsOnly, delete: nobody }),
  fields: [
    { name: 'to', type: 'text', required: true, index: true, label: { fr: 'Destinataire', en: 'To' } },
    { name: 'subject', type: 'text', required: true, label: { fr: 'Objet', en: 'Subject' } },
    { name: 'text', type: 'textarea', required: true, label: { fr: 'Texte', en: 'Text' } },
    { name: 'links', type: 'ui', admin: { components: { Field: '/admin/MessageLinks.tsx#MessageLinks' } } },
    { name: 'html', type: 'textarea', label: { fr: 'HTML', en: 'HTML' } },
    {
      // Checked by ZEmailAttachments (cms/email/attachments.ts) before the record is written: count and sizes.
      name: 'attachments',
      type: 'array',
      label: { fr: 'Pièces jointes', en: 'Attachments' },
      labels: { singular: { fr: 'Pièce jointe', en: 'Attachment' }, plural: { fr: 'Pièces jointes', en: 'Attachments' } },
      fields: [
        { name: 'fileName', type: 'text', required: true, label: { fr: 'Nom du fichier', en: 'File name' } },
        { name: 'contentType', type: 'text', required: true, label: { fr: 'Type', en: 'Content type' } },
        {
          name: 'encoding',
          type: 'select',
          required: true,
          defaultValue: 'utf8',
          label: { fr: 'Encodage', en: 'Encoding' },
          options: [
            { value: 'utf8', label: { fr: 'Texte (UTF-8)', en: 'Text (UTF-8)' } },
            { value: 'base64', label: { fr: 'Binaire (base64)', en: 'Binary (base64)' } },
          ],
        },
        { name: 'content', type: 'textarea', required: true, label: { fr: 'Contenu', en: 'Content' } },
        { name: 'size', type: 'number', required: true, label: { fr: 'Taille (octets)', en: 'Size (bytes)' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      label: { fr: 'État', en: 'Status' },
      options: [
        { value: 'queued', label: { fr: 'En attente', en: 'Queued' } },
        { value: 'sent', label: { fr: 'Envoyé', en: 'Sent' } },
        { value: 'failed', label: { fr: 'Échec (nouvel essai prévu)', en: 'Failed (will retry)' } },
        { value: 'kept', label: { fr: 'Conservé (pas de SMTP configuré)', en: 'Kept (no SMTP configured)' } },
      ],
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { fr: 'Tentatives', en: 'Attempts' } },
    { name: 'lastError', type: 'textarea', label: { fr: 'Dernière erreur', en: 'Last error' } },
    { name: 'sentAt', type: 'date', label: { fr: 'Envoyé le', en: 'Sent at' } },
    {
      // The masked links, encrypted (cms/email/secrets.ts), kept only until delivery; never readable by anyone.
      name: 'sealedSecrets',
      type: 'text',
      hidden: true,
      access: { read: nobodyField, create: nobodyField, update: nobodyField },
    },
  ],
}
