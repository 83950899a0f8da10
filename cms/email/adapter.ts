import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, Payload, PayloadRequest } from 'payload'
import { env } from '../config/env.ts'
import { attachmentBytes, ZEmailAttachments, type TEmailAttachment } from './attachments.ts'
import { maskSecrets, sealSecrets } from './secrets.ts'
import { htmlForm } from './templates.ts'

let transport: Transporter | undefined

/** The SMTP transport for SMTP_URL, created on first use; null when no SMTP server is configured. */
export function smtpTransport(): Transporter | null {
  if (!env.SMTP_URL) return null
  transport ??= nodemailer.createTransport(env.SMTP_URL)
  return transport
}

const htmlToText = (html: string): string => html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n\n').replace(/<[^>]+>/g, '').trim()

/**
 * Whether the stored copy of an email shows its secret links. Only on a local install without SMTP (not
 * production): there the outbox is how the person running it reads invitation and reset links. Everywhere else
 * the copy is masked; with SMTP the links are sealed until delivery, without SMTP in production they are never
 * stored at all (the message stays masked in the outbox, undelivered: configure SMTP_URL).
 */
export const outboxShowsSecretLinks = (hasSmtp: boolean): boolean => !hasSmtp && env.NODE_ENV !== 'production'

/**
 * Queues one email: an outbox record (the trace admins read), then a job that delivers it when SMTP is set.
 * Attachments (e.g. a calendar invitation) are checked first (count, names, sizes: cms/email/attachments.ts).
 */
export async function queueEmail(
  payload: Payload,
  mail: { to: string; subject: string; text?: string; html?: string; secrets?: readonly string[]; attachments?: TEmailAttachment[] },
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const attachments = ZEmailAttachments.parse(mail.attachments ?? [])
  const hasSmtp = smtpTransport() !== null
  const secrets = mail.secrets ?? []
  const body = { text: mail.text ?? htmlToText(mail.html ?? ''), html: mail.html }
  const hide = secrets.length > 0 && !outboxShowsSecretLinks(hasSmtp)
  const stored = hide ? maskSecrets(body, secrets, htmlForm) : body
  const record = await payload.create({
    collection: 'outbox',
    overrideAccess: true,
    req,
    data: {
      to: mail.to,
      subject: mail.subject,
      text: stored.text,
      html: stored.html,
      sealedSecrets: hide && hasSmtp ? sealSecrets(secrets, env.PAYLOAD_SECRET) : undefined,
      attachments: attachments.map((a) => ({ ...a, size: attachmentBytes(a) })),
      status: hasSmtp ? 'queued' : 'kept',
    },
  })
  if (hasSmtp) await payload.jobs.queue({ task: 'send-email', input: { outboxId: String(record.id) }, req: req as PayloadRequest | undefined })
}

/**
 * Payload's email adapter: everything Payload or the portal sends goes through the outbox and the jobs queue,
 * so a failing SMTP server delays mail (retried, visible in /admin) instead of failing a sign-up.
 */
export const outboxEmailAdapter: EmailAdapter = ({ payload }) => ({
  name: 'outbox',
  defaultFromAddress: env.MAIL_FROM.replace(/^.*<|>$/g, ''),
  defaultFromName: env.MAIL_FROM.replace(/\s*<.*$/, ''),
  sendEmail: async (message) => {
    const to = Array.isArray(message.to) ? message.to.join(', ') : String(message.to ?? '')
    await queueEmail(payload, {
      to,
      subject: String(message.subject ?? ''),
      text: typeof message.text === 'string' ? message.text : undefined,
      html: typeof message.html === 'string' ? message.html : undefined,
    })
  },
})
