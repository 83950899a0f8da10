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

/** The longest email address there can be (RFC 5321); anything longer is an attempt, kept only in part. */
export const MAX_AUDITED_EMAIL = 254
/** The longest client address kept (an IPv6 address with a zone fits). */
const MAX_AUDITED_IP = 64

/**
 * Cuts a client-supplied text to what the journal keeps: a sign-in with a 40,000-character "email" is journalled
 * (truncated, marked with …) instead of failing the write and turning a refused sign-in into a server error.
 */
export function clipped(value: string | null | undefined, max: number): string | undefined {
  if (value === null || value === undefined) return undefined
  return value.length > max ? `${value.slice(0, max - 1)}…` : value
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
      actorEmail: clipped(entry.actor?.email, MAX_AUDITED_EMAIL),
      subject: entry.subject ? (entry.subject.id as number) : undefined,
      subjectEmail: clipped(entry.subject?.email ?? entry.subjectEmail, MAX_AUDITED_EMAIL),
      ip: clipped(entry.ip, MAX_AUDITED_IP),
      details: entry.details,
    },
  })
}
