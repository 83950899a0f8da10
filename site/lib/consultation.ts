import { APIError, type Payload } from 'payload'
import { z } from 'zod'
import type { ConsultationComment, Resource, User } from '#cms/payload-types.ts'
import { t, type Lang } from '../i18n/index.ts'
import { parseForm, type FieldErrors } from './forms.ts'

/** A consultation comment as submitted from a section of the document page. */
export const ZComment = z.object({
  section: z.string().trim().min(1).max(200),
  comment: z.string({ error: 'consultation.comment.invalid' }).trim().min(3, { error: 'consultation.comment.invalid' }).max(3000, { error: 'consultation.comment.invalid' }),
})

/** Records a comment as the signed-in person; access rules and the consultation window are checked by the CMS. */
export async function submitComment(
  payload: Payload,
  request: Request,
  doc: Resource,
  user: User | null,
  lang: Lang,
): Promise<{ ok: true } | { ok: false; status: number; errors: FieldErrors; values: Record<string, string> }> {
  if (!user) return { ok: false, status: 401, errors: { _form: t(lang, 'consultation.signIn') }, values: {} }
  const parsed = await parseForm(request, ZComment, lang)
  if (!parsed.ok) return { ok: false, status: 422, errors: parsed.errors, values: parsed.values }
  const values = { section: parsed.data.section, comment: parsed.data.comment }
  if (!(doc.sections ?? []).some((s) => s.heading === parsed.data.section)) {
    return { ok: false, status: 422, errors: { _form: t(lang, 'consultation.section.invalid') }, values }
  }
  try {
    // The decision starts pending; the author and answer stamps are set by the CMS from the signed-in person.
    await payload.create({
      collection: 'consultation-comments',
      data: { resource: doc.id, section: parsed.data.section, comment: parsed.data.comment, decision: 'pending' },
      user,
      overrideAccess: false,
    })
    return { ok: true }
  } catch (error) {
    if (error instanceof APIError && (error.data as { code?: string } | undefined)?.code === 'consultationClosed') {
      return { ok: false, status: 403, errors: { _form: t(lang, 'consultation.closedError') }, values }
    }
    throw error
  }
}

/** The signed-in person's own comments on a document, with the drafting team's answers. */
export async function myComments(payload: Payload, doc: Resource, user: User): Promise<ConsultationComment[]> {
  const { docs } = await payload.find({
    collection: 'consultation-comments',
    where: { and: [{ resource: { equals: doc.id } }, { author: { equals: user.id } }] },
    sort: 'createdAt',
    limit: 200,
    depth: 0,
    user,
    overrideAccess: false,
  })
  return docs
}
