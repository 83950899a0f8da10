import type { CollectionConfig } from 'payload'
import { adminsOnly, editorsOrAuthor, signedIn } from '../../access/index.ts'
import { serverSetField } from '../../access/server-only.ts'
import { can } from '../../rules/roles.ts'
import { exportComments } from './export.ts'
import { guardComment } from './hooks.ts'

const editorsField = ({ req }: { req: { user?: unknown } }) => can(req.user as never, 'editContent')

/** Comments left by signed-in practitioners on a draft SOP or guideline during its consultation. */
export const ConsultationComments: CollectionConfig = {
  slug: 'consultation-comments',
  labels: { singular: { fr: 'Commentaire de consultation', en: 'Consultation comment' }, plural: { fr: 'Commentaires de consultation', en: 'Consultation comments' } },
  admin: {
    useAsTitle: 'section',
    group: { fr: 'Contenus', en: 'Content' },
  },
  access: { read: editorsOrAuthor, create: signedIn, update: editorsOrAuthor, delete: adminsOnly },
  hooks: { beforeChange: [guardComment] },
  endpoints: [{ path: '/export', method: 'get', handler: exportComments }],
  fields: [
    { name: 'resource', type: 'relationship', relationTo: 'resources', required: true, index: true, label: { fr: 'Document', en: 'Document' } },
    { name: 'section', type: 'text', required: true, maxLength: 200, label: { fr: 'Section', en: 'Section' } },
    { name: 'comment', type: 'textarea', required: true, maxLength: 3000, label: { fr: 'Commentaire', en: 'Comment' } },
    { name: 'author', type: 'relationship', relationTo: 'users', index: true, label: { fr: 'Auteur', en: 'Author' }, admin: { readOnly: true } },
    {
      name: 'decision',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      access: { create: editorsField, update: editorsField },
      label: { fr: 'Décision', en: 'Decision' },
      options: [
        { value: 'pending', label: { fr: 'En attente', en: 'Pending' } },
        { value: 'accepted', label: { fr: 'Retenu', en: 'Accepted' } },
        { value: 'rejected', label: { fr: 'Non retenu', en: 'Not accepted' } },
      ],
    },
    { name: 'reply', type: 'textarea', maxLength: 3000, access: { create: editorsField, update: editorsField }, label: { fr: 'Réponse de l’équipe de rédaction', en: 'Drafting team’s reply' } },
    // Stamped by guardComment when an editor answers; a value sent by a client is ignored.
    { name: 'answeredBy', type: 'relationship', relationTo: 'users', access: serverSetField, label: { fr: 'Réponse de', en: 'Answered by' }, admin: { readOnly: true } },
    { name: 'answeredAt', type: 'date', access: serverSetField, label: { fr: 'Répondu le', en: 'Answered on' }, admin: { readOnly: true } },
  ],
}
