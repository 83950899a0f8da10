import fs from 'node:fs/promises'
import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig, Payload } from 'payload'
import { ownTrainingsOrCoordinators, trainingStaff } from '../access/index.ts'
import { enforceUploadPolicy, REPORT_IMAGE_POLICY } from '../uploads/check.ts'
import { MEDIA_DIR } from './Media.ts'
import { trainersField } from './Trainings/shared.ts'

/** Where report images are stored: a folder of their own under MEDIA_DIR, served only through the access rules. */
const REPORT_IMAGES_DIR = path.join(MEDIA_DIR, 'report-images')

/** The person who uploads an image is the trainer it belongs to (coordinators and admins see every image). */
const stampUploader: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  if (operation === 'create' && req.user) data.trainers = [req.user.id]
  return data
}

/**
 * Private images printed in generated reports: the photos of a training (they show participants' faces) and the
 * logos of the letterhead. Never public: a file is served only to the trainer who uploaded it, coordinators and
 * admins, and never kept by a browser or proxy cache. The report endpoints read them as the system once the
 * training itself has been read with the requester's rights.
 */
export const ReportImages: CollectionConfig = {
  slug: 'report-images',
  labels: { singular: { fr: 'Image de rapport', en: 'Report image' }, plural: { fr: 'Images des rapports', en: 'Report images' } },
  admin: { useAsTitle: 'filename', group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: ownTrainingsOrCoordinators, create: trainingStaff, update: ownTrainingsOrCoordinators, delete: ownTrainingsOrCoordinators },
  upload: {
    staticDir: REPORT_IMAGES_DIR,
    mimeTypes: Object.keys(REPORT_IMAGE_POLICY.types),
    modifyResponseHeaders: ({ headers }) => {
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
    handlers: [
      (req) => {
        req.responseHeaders ??= new Headers()
        req.responseHeaders.set('Cache-Control', 'private, no-store')
      },
    ],
  },
  hooks: { beforeOperation: [enforceUploadPolicy(REPORT_IMAGE_POLICY)], beforeChange: [stampUploader] },
  fields: [{ name: 'alt', type: 'text', maxLength: 300, label: { fr: 'Description (texte alternatif)', en: 'Description (alt text)' } }, trainersField],
}

/** The bytes of a report image, read as the system (the caller has checked the requester's rights on what uses it). */
export async function reportImageBytes(payload: Payload, id: number | string): Promise<Uint8Array | null> {
  const image = await payload.findByID({ collection: 'report-images', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!image?.filename) return null
  try {
    return await fs.readFile(path.join(REPORT_IMAGES_DIR, path.basename(image.filename)))
  } catch (error) {
    // A record whose file was lost (a volume not restored): the report is still produced, without that image.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      payload.logger.warn({ msg: `Report image ${id} (${image.filename}) is missing from ${REPORT_IMAGES_DIR}: restore the file or upload it again.` })
      return null
    }
    throw error
  }
}
