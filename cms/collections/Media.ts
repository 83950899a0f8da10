import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { editorsOnly, publicFilesOrEditors } from '../access/index.ts'
import { DOCUMENT_POLICY, enforceUploadPolicy } from '../uploads/check.ts'

/** Where uploaded files live: MEDIA_DIR, by default data/media (a shared volume when several processes run). */
export const MEDIA_DIR = path.resolve(process.cwd(), process.env.MEDIA_DIR || path.join('data', 'media'))

/** Downloadable files of the toolkit. A file becomes public when the content using it is published. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { fr: 'Fichier', en: 'File' }, plural: { fr: 'Fichiers', en: 'Files' } },
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'mimeType', 'filesize', 'visibility'], group: { fr: 'Contenus', en: 'Content' } },
  access: { read: publicFilesOrEditors, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  upload: {
    staticDir: MEDIA_DIR,
    mimeTypes: Object.keys(DOCUMENT_POLICY.types),
    // Downloads are immutable per file name (Payload renames a replaced file), so they can be cached long.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'public, max-age=86400')
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
  },
  hooks: { beforeOperation: [enforceUploadPolicy(DOCUMENT_POLICY)] },
  fields: [
    { name: 'alt', type: 'text', label: { fr: 'Description (texte alternatif)', en: 'Description (alt text)' } },
    {
      name: 'visibility',
      type: 'select',
      required: true,
      defaultValue: 'private',
      index: true,
      label: { fr: 'Visibilité', en: 'Visibility' },
      admin: { position: 'sidebar', description: { fr: 'Devient « public » quand un contenu publié l’utilise.', en: 'Becomes public when published content uses it.' } },
      options: [
        { value: 'private', label: { fr: 'Réservé à l’équipe éditoriale', en: 'Editors only' } },
        { value: 'public', label: { fr: 'Public', en: 'Public' } },
      ],
    },
  ],
}
