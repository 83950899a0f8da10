import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { isConsultationOpen } from '../../rules/resources.ts'
import { can } from '../../rules/roles.ts'

/** Refusal of a comment outside an open consultation (French message, shown by the site and the API). */
export class ConsultationClosedError extends APIError {
  constructor() {
    super('La consultation sur ce document est close : les commentaires ne peuvent plus être ajoutés ni modifiés.', 403, { code: 'consultationClosed' }, true)
  }
}

/**
 * Commenters write while the consultation is open, and only their own words; editors answer (decision + reply)
 * at any time, which stamps who answered and when.
 */
export const guardComment: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const user = req.user as { id: number | string; roles?: string[] } | null
  if (!user) throw new APIError('Connectez-vous pour commenter.', 401, undefined, true)
  const editor = can(user, 'editContent')
  const resourceId = operation === 'create' ? data.resource : (originalDoc?.resource?.id ?? originalDoc?.resource)
  const resource = await req.payload.findByID({ collection: 'resources', id: resourceId, depth: 0, overrideAccess: true, req })
  const next = { ...data }
  if (operation === 'create') next.author = user.id
  else next.author = originalDoc?.author?.id ?? originalDoc?.author
  const commenterChange = operation === 'create' || data.comment !== undefined && data.comment !== originalDoc?.comment
  if (commenterChange && !isConsultationOpen(resource, new Date())) throw new ConsultationClosedError()
  if (operation === 'update' && !editor && String(next.author) !== String(user.id)) throw new APIError('Vous ne pouvez modifier que vos propres commentaires.', 403, undefined, true)
  if (editor && (data.decision !== undefined || data.reply !== undefined) && (data.decision !== originalDoc?.decision || data.reply !== originalDoc?.reply)) {
    next.answeredBy = user.id
    next.answeredAt = new Date().toISOString()
  }
  return next
}
