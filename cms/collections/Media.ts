import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { editorsOnly, publicFilesOrEditors } from '../access/index.ts'
import { DOCUMENT_POLICY, enforceUploadPolicy } from '../uploads/check.ts'

/** Where uploaded files live: MEDIA_DIR, by default data/media (a shared volume when several processes run). */
export const MEDIA_DIR = path.resolve(process.cwd(), process.env.MEDIA_DIR || path.join('data', 'media'))

/** How long shared caches may keep a public file (it becomes private again when its document is unpublished). */
const PUBLIC_FILE_CACHE = 'public, max-age=600'

/** Downloadable files of the toolkit. A file is public while the content using it is published. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { fr: 'Fichier', en: 'File' }, plural: { fr: 'Fichiers', en: 'Files' } },
  admin: { useAsTitle: 'filename', group: { fr: 'Contenus', en: 'Content' } },
  access: { read: publicFilesOrEditors, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  upload: {
    staticDir: MEDIA_DIR,
    mimeTypes: Object.keys(DOCUMENT_POLICY.types),
    modifyResponseHeaders: ({ headers }) => {
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
    // Caching follows visibility. Payload hands this handler the file's record when the access rule filtered it
    // (anyone but editors, who only ever get public files); editors get `doc` undefined and may be fetching a
    // private file. A private file is never stored by a browser or a proxy; a public one is cached briefly, so a
    // file withdrawn with its document stops being served from shared caches within minutes.
    handlers: [
      (req, { doc }) => {
        const isPublic = (doc as { visibility?: string } | undefined)?.visibility === 'public'
        req.responseHeaders ??= new Headers()
        req.responseHeaders.set('Cache-Control', isPublic ? PUBLIC_FILE_CACHE : 'private, no-store')
      },
    ],
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
      // Computed by the resources' hooks (cms/collections/Resources/hooks.ts), never chosen by hand.
      access: { create: () => false, update: () => false },
      label: { fr: 'Visibilité', en: 'Visibility' },
      admin: { position: 'sidebar', readOnly: true, description: { fr: 'Public tant qu’un contenu publié l’utilise, réservé à l’équipe éditoriale sinon.', en: 'Public while published content uses it, editors only otherwise.' } },
      options: [
        { value: 'private', label: { fr: 'Réservé à l’équipe éditoriale', en: 'Editors only' } },
        { value: 'public', label: { fr: 'Public', en: 'Public' } },
      ],
    },
  ],
}
