import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { queueEmail } from '../../email/adapter.ts'
import { supportReply } from '../../email/templates.ts'
import { resolutionStamp, type SupportStatus } from '../../rules/support.ts'

type Row = { id?: string | null; [key: string]: unknown }
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : [])

/**
 * Keeps what was already written and stamps what is new: a sent reply or a written note cannot be changed or
 * removed (rows already stored are put back as they were); a new reply gets its time and author and, if it is
 * the first, the request's first-answer time; a new request that gets a reply moves to « En cours »; resolving
 * stamps the resolution time, reopening clears it.
 */
export const stampDeskWork: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const now = new Date()
  const by = req.user?.id ?? null
  const keep = (field: 'replies' | 'internalNotes', stamp: (row: Row) => Row) => {
    if (!(field in data)) return false
    const before = rowsOf(originalDoc[field])
    const known = new Map(before.map((row) => [row.id, row]))
    const incoming = rowsOf(data[field])
    const added = incoming.filter((row) => !row.id || !known.has(row.id)).map(stamp)
    data[field] = [...before, ...added]
    return added.length > 0
  }
  const replied = keep('replies', (row) => ({ message: row.message, sentAt: now.toISOString(), sentBy: by }))
  keep('internalNotes', (row) => ({ note: row.note, writtenAt: now.toISOString(), writtenBy: by }))
  if (replied) {
    data.firstAnsweredAt = originalDoc.firstAnsweredAt ?? now.toISOString()
    if ((data.status ?? originalDoc.status) === 'new') data.status = 'inProgress'
  }
  const status = (data.status ?? originalDoc.status) as SupportStatus
  data.resolvedAt = resolutionStamp(originalDoc.status as SupportStatus, status, originalDoc.resolvedAt as string | null, now)
  return data
}

/** Emails each reply added by this change to the requester (outbox + jobs queue: retried if SMTP is down). */
export const sendNewReplies: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const sent = new Set(rowsOf(previousDoc?.replies).map((row) => row.id))
  const fresh = rowsOf(doc.replies).filter((row) => !sent.has(row.id))
  if (fresh.length === 0) return doc
  // The reader may not see who asked (an editor); the email goes out with the server's authority.
  const request = await req.payload.findByID({ collection: 'support-requests', id: doc.id, overrideAccess: true, depth: 0, req })
  for (const row of fresh) {
    const mail = supportReply(request.requesterName ?? '', request.reference, String(row.message ?? ''))
    await queueEmail(req.payload, { to: request.requesterEmail, ...mail }, req)
  }
  return doc
}
