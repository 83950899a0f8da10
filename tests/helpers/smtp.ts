import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server on localhost that keeps every message it receives, for tests to read. `port` reopens a
 * server where a stopped one listened (an SMTP outage test); by default any free port.
 */
export async function startSmtpServer(port = 0) {
  const messages: ParsedMail[] = []
  const waiters: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          for (const wake of waiters.splice(0)) wake()
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const listening = (server.server.address() as AddressInfo).port
  return {
    port: listening,
    url: `smtp://127.0.0.1:${listening}`,
    messages,
    /** Resolves with the first message to `to` matching `subject`, waiting for it up to `timeoutMs`. */
    async waitFor(to: string, subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.find((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes(to) && subject.test(m.subject ?? ''))
        if (found) return found
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`No email to ${to} matching ${subject} within ${timeoutMs} ms (got: ${messages.map((m) => m.subject).join(' | ') || 'none'})`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, Math.min(left, 500))
        })
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first portal link in an email's plain-text part. */
export function linkIn(mail: ParsedMail, path: RegExp): string {
  const match = (mail.text ?? '').match(new RegExp(`https?://[^\\s]+${path.source}[^\\s]*`))
  if (!match) throw new Error(`No link matching ${path} in: ${mail.text}`)
  return match[0]
}

/**
 * For integration files that check delivery: a real SMTP server, then the file's portal delivering to it (SMTP_URL
 * and a fast jobs queue are set before the portal loads). Close the server in `afterAll`.
 */
export async function portalDeliveringMail(): Promise<{ smtp: Awaited<ReturnType<typeof startSmtpServer>>; payload: import('payload').Payload }> {
  const smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  process.env.JOBS_INTERVAL_SECONDS = '1'
  const { testPortal } = await import('./portal.ts')
  return { smtp, payload: await testPortal() }
}
