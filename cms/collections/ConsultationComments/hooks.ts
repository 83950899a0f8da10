import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { PortalError } from '../../endpoints/errors.ts'
import { requireUser } from '../../endpoints/guards.ts'
import { isWellFormedId } from '../../fields/ids.ts'
import { isConsultationOpen } from '../../rules/resources.ts'
import { can } from '../../rules/roles.ts'

/**
 * Commenters write while the consultation is open, and only their own words; editors answer (decision + reply)
 * at any time, which stamps who answered and when.
 */
export const guardComment: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const user = requireUser(req, { fr: 'commenter', en: 'comment' })
  const editor = can(user, 'editContent')
  const resourceId: unknown = operation === 'create' ? data.resource : (originalDoc?.resource?.id ?? originalDoc?.resource)
  // Payload validates the fields after this hook: a comment without a document is refused there, with a message
  // per missing field; nothing is written, so there is nothing to guard here.
  if (resourceId === undefined || resourceId === null || resourceId === '') return { ...data, author: user.id }
  const resource = isWellFormedId(req.payload, 'resources', resourceId)
    ? await req.payload.findByID({ collection: 'resources', id: resourceId as number | string, depth: 0, overrideAccess: true, req, disableErrors: true })
    : null
  if (!resource) {
    throw new ValidationError({ collection: 'consultation-comments', errors: [{ path: 'resource', message: 'Document introuvable : indiquez le numéro d’un document en consultation.' }] }, req.t)
  }
  const next = { ...data }
  if (operation === 'create') next.author = user.id
  else next.author = originalDoc?.author?.id ?? originalDoc?.author
  const commenterChange = operation === 'create' || data.comment !== undefined && data.comment !== originalDoc?.comment
  if (commenterChange && !isConsultationOpen(resource, new Date())) throw new PortalError('consultationClosed')
  if (operation === 'update' && !editor && String(next.author) !== String(user.id)) throw new PortalError('notYourRecord', { what: { fr: 'commentaires', en: 'comments' } })
  if (editor && (data.decision !== undefined || data.reply !== undefined) && (data.decision !== originalDoc?.decision || data.reply !== originalDoc?.reply)) {
    next.answeredBy = user.id
    next.answeredAt = new Date().toISOString()
  }
  return next
}
