import { fileTypeFromBuffer } from 'file-type'
import fs from 'node:fs/promises'
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

/** What a collection accepts: sniffed MIME types with their extensions, and a size limit. */
export type UploadPolicy = { types: Record<string, string[]>; maxBytes: number; label: string }

/** Office documents are ZIP containers; file-type recognises them from their content. */
export const DOCUMENT_POLICY: UploadPolicy = {
  label: 'PDF, DOCX, XLSX, PPTX, PNG, JPEG ou WEBP',
  maxBytes: 25 * 1024 * 1024,
  types: {
    'application/pdf': ['pdf'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
    'image/png': ['png'],
    'image/jpeg': ['jpg', 'jpeg'],
    'image/webp': ['webp'],
  },
}

/** Screenshots attached to a difficulty report: images only, at most 4 MB (the site's form posts stop at 5 MB). */
export const SCREENSHOT_POLICY: UploadPolicy = {
  label: 'PNG, JPEG ou WEBP',
  maxBytes: 4 * 1024 * 1024,
  types: { 'image/png': ['png'], 'image/jpeg': ['jpg', 'jpeg'], 'image/webp': ['webp'] },
}

/** Production videos replacing a generated module video: MP4 or WebM, at most 200 MB. */
export const VIDEO_POLICY: UploadPolicy = {
  label: 'MP4 ou WebM',
  maxBytes: 200 * 1024 * 1024,
  types: { 'video/mp4': ['mp4', 'm4v'], 'video/webm': ['webm'] },
}

/** Images printed in generated reports (training photos, letterhead logos): PNG or JPEG, the formats PDF and Word embed. */
export const REPORT_IMAGE_POLICY: UploadPolicy = {
  label: 'PNG ou JPEG',
  maxBytes: 10 * 1024 * 1024,
  types: { 'image/png': ['png'], 'image/jpeg': ['jpg', 'jpeg'] },
}

/**
 * Checks an upload against a policy from its bytes, not its name or declared type: a `.pdf` that is not a PDF,
 * a file whose extension lies about its content, or an oversized file is refused with a French message.
 */
export async function uploadProblem(file: { name: string; size: number; data: Buffer }, policy: UploadPolicy): Promise<string | null> {
  if (file.size > policy.maxBytes) {
    return `Fichier trop volumineux (${Math.ceil(file.size / 1_048_576)} Mo) : la limite est de ${Math.round(policy.maxBytes / 1_048_576)} Mo.`
  }
  const detected = await fileTypeFromBuffer(file.data)
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  if (!detected || !policy.types[detected.mime]) {
    return `Type de fichier refusé : le contenu de « ${file.name} » n’est pas un fichier ${policy.label} valide.`
  }
  if (!policy.types[detected.mime]!.includes(extension)) {
    return `L’extension « .${extension} » ne correspond pas au contenu du fichier (${detected.ext.toUpperCase()}). Renommez-le en .${detected.ext}.`
  }
  if (detected.mime === 'application/pdf' && !file.data.subarray(-1024).toString('latin1').includes('%%EOF')) {
    return `Le PDF « ${file.name} » est incomplet ou endommagé : exportez-le à nouveau.`
  }
  return null
}

/** Collection hook: runs the policy before Payload stores anything. */
export function enforceUploadPolicy(policy: UploadPolicy): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if ((operation !== 'create' && operation !== 'update') || !req.file) return args
    const data = req.file.data?.length ? req.file.data : req.file.tempFilePath ? await fs.readFile(req.file.tempFilePath) : Buffer.alloc(0)
    const problem = await uploadProblem({ name: req.file.name, size: req.file.size ?? data.length, data }, policy)
    if (problem) throw new ValidationError({ errors: [{ path: 'file', message: problem }] }, req.t)
    return args
  }
}
