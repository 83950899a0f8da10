import type { CollectionConfig } from 'payload'
import { anyone, curriculumEditors } from '../access/index.ts'
import { enforceUploadPolicy, VIDEO_POLICY } from '../uploads/check.ts'
import { MEDIA_DIR } from './Media.ts'

/** Production videos uploaded to replace a module's generated rendition (type and size checked from content). */
export const Videos: CollectionConfig = {
  slug: 'videos',
  labels: { singular: { fr: 'Vidéo', en: 'Video' }, plural: { fr: 'Vidéos', en: 'Videos' } },
  admin: { useAsTitle: 'filename', group: { fr: 'Autoformation', en: 'Self-training' } },
  access: { read: anyone, create: curriculumEditors, update: curriculumEditors, delete: curriculumEditors },
  upload: { staticDir: `${MEDIA_DIR}/videos`, mimeTypes: Object.keys(VIDEO_POLICY.types) },
  hooks: { beforeOperation: [enforceUploadPolicy(VIDEO_POLICY)] },
  fields: [{ name: 'description', type: 'text', maxLength: 200, label: { fr: 'Description', en: 'Description' } }],
}
