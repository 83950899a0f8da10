import { z } from 'zod'

// Files attached to an email (a calendar invitation `.ics`, a report). They are stored in the outbox record until
// delivered, so they are kept small: the outbox is a database table, not a file store.

/** At most this many files per email. */
export const MAX_ATTACHMENTS = 5
/** At most this many bytes per file, once decoded. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024
/** At most this many bytes for all the files of one email. */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 3 * 1024 * 1024

/** Decoded size of an attachment's content in bytes. */
export function attachmentBytes(a: { content: string; encoding: 'utf8' | 'base64' }): number {
  return Buffer.byteLength(a.content, a.encoding === 'base64' ? 'base64' : 'utf8')
}

/** One attached file: its name as the recipient sees it, its type, and its content as text or base64. */
export const ZEmailAttachment = z
  .object({
    fileName: z
      .string()
      .min(1, { error: 'Nom de fichier manquant.' })
      .max(120, { error: 'Nom de fichier trop long (120 caractères au plus).' })
      .regex(/^[\p{L}\p{N} ._()'’-]+$/u, { error: 'Nom de fichier invalide : lettres, chiffres, espaces, points, tirets et parenthèses seulement (ni chemin ni guillemet).' }),
    contentType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+(; ?[a-z-]+=[a-z0-9.+-]+)*$/i, { error: 'Type de fichier invalide (par exemple text/calendar; charset=utf-8).' }),
    encoding: z.enum(['utf8', 'base64'], { error: 'Encodage invalide : utf8 ou base64.' }).default('utf8'),
    content: z.string(),
  })
  .refine((a) => a.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(a.content), { error: 'Contenu base64 invalide.', path: ['content'] })
  .refine((a) => attachmentBytes(a) <= MAX_ATTACHMENT_BYTES, { error: `Pièce jointe trop volumineuse : ${MAX_ATTACHMENT_BYTES / 1024 / 1024} Mo au plus.`, path: ['content'] })
export type TEmailAttachment = z.input<typeof ZEmailAttachment>

/** The attachments of one email, checked together (count and total size). */
export const ZEmailAttachments = z
  .array(ZEmailAttachment)
  .max(MAX_ATTACHMENTS, { error: `Trop de pièces jointes : ${MAX_ATTACHMENTS} au plus.` })
  .refine((list) => list.reduce((sum, a) => sum + attachmentBytes(a), 0) <= MAX_ATTACHMENTS_TOTAL_BYTES, {
    error: `Pièces jointes trop volumineuses ensemble : ${MAX_ATTACHMENTS_TOTAL_BYTES / 1024 / 1024} Mo au plus.`,
  })
