import type { Payload, PayloadRequest } from 'payload'
import type { AuditAction } from '../collections/AuditLog.ts'

/** One audit entry: who did what to whom, from where. */
export type TAuditEntry = {
  action: AuditAction
  actor?: { id: number | string; email?: string | null } | null
  subject?: { id: number | string; email?: string | null } | null
  subjectEmail?: string
  ip?: string | null
  details?: Record<string, unknown>
}

/** The client address the server recorded on the request (set by site/server from the socket). */
export function clientIp(headers: Headers | undefined): string | null {
  return headers?.get('x-portal-client-ip') ?? null
}

/** Appends an entry to the audit log; passes `req` so it joins the caller's transaction. */
export async function audit(payload: Payload, entry: TAuditEntry, req?: Partial<PayloadRequest>): Promise<void> {
  await payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    req,
    data: {
      action: entry.action,
      actor: entry.actor ? (entry.actor.id as number) : undefined,
      actorEmail: entry.actor?.email ?? undefined,
      subject: entry.subject ? (entry.subject.id as number) : undefined,
      subjectEmail: entry.subject?.email ?? entry.subjectEmail,
      ip: entry.ip ?? undefined,
      details: entry.details,
    },
  })
}
