import type { TaskConfig } from 'payload'
import { env } from '../config/env.ts'
import { smtpTransport } from '../email/adapter.ts'
import { openSecrets, unmaskSecrets } from '../email/secrets.ts'
import { htmlForm } from '../email/templates.ts'

/**
 * Delivers one outbox message over SMTP; failures are recorded on the message and retried with backoff. Secret
 * links sealed with the message are put back only in what is sent, and wiped from the record once delivered.
 */
export const sendEmailTask: TaskConfig<{ input: { outboxId: string }; output: { messageId: string } }> = {
  slug: 'send-email',
  label: 'Envoi d’un e-mail',
  inputSchema: [{ name: 'outboxId', type: 'text', required: true }],
  outputSchema: [{ name: 'messageId', type: 'text', required: true }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const message = await payload.findByID({ collection: 'outbox', id: input.outboxId, overrideAccess: true, depth: 0, showHiddenFields: true })
    if (message.status === 'sent') return { output: { messageId: 'already-sent' } }
    const transport = smtpTransport()
    if (!transport) throw new Error('SMTP_URL is not set: the message stays in the outbox. Set SMTP_URL to deliver it.')
    const attempts = (message.attempts ?? 0) + 1
    try {
      const secrets = message.sealedSecrets ? openSecrets(message.sealedSecrets, env.PAYLOAD_SECRET) : []
      const { text, html } = unmaskSecrets({ text: message.text, html: message.html }, secrets, htmlForm)
      const attachments = (message.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content, encoding: a.encoding }))
      const info = await transport.sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text, html: html ?? undefined, attachments })
      await payload.update({
        collection: 'outbox',
        id: message.id,
        overrideAccess: true,
        data: { status: 'sent', attempts, sentAt: new Date().toISOString(), lastError: null, sealedSecrets: null },
      })
      return { output: { messageId: String(info.messageId) } }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      await payload.update({ collection: 'outbox', id: message.id, overrideAccess: true, data: { status: 'failed', attempts, lastError: reason } })
      throw error
    }
  },
}
