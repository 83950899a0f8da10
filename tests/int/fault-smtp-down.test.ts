import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portalDeliveringMail, startSmtpServer } from '../helpers/smtp.ts'

// Fault test: the SMTP server goes down. A message queued during the outage stays in the outbox with its failure
// recorded, the jobs queue tries it again (exponential backoff from 10 s, cms/jobs/sendEmail.ts), and once the
// server is back on the same address it is delivered, exactly once. Real SMTP server, real Payload and jobs queue.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
beforeAll(async () => {
  ;({ smtp, payload } = await portalDeliveringMail())
}, 900_000)
afterAll(async () => {
  await smtp?.close()
})

const outboxOf = async (to: string) => (await payload.find({ collection: 'outbox', where: { to: { equals: to } }, overrideAccess: true, depth: 0 })).docs

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${seconds} s (last value: ${JSON.stringify(value)})`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

describe('SMTP server down', () => {
  it('keeps the message with its failure, retries it, and delivers it once when the server is back', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const port = smtp.port
    await smtp.close()
    await queueEmail(payload, { to: 'panne@example.org', subject: 'Message pendant la panne', text: 'Ce message doit arriver une fois.' })

    // The first attempt fails: the message is kept, marked failed with the reason, and its job stays queued.
    const [failed] = await until('first attempt recorded', () => outboxOf('panne@example.org'), (docs) => docs[0]?.status === 'failed', 30)
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 })
    expect(failed!.lastError).toMatch(/ECONNREFUSED|connect/i)
    const jobsOf = async () => (await payload.find({ collection: 'payload-jobs', where: { 'input.outboxId': { equals: String(failed!.id) } }, overrideAccess: true, depth: 0 })).docs
    const [job] = await jobsOf()
    expect(job).toMatchObject({ completedAt: null })
    expect(job?.hasError).not.toBe(true)

    // The server comes back where it was: the next retry (10 s backoff, then 20 s) delivers the message.
    smtp = await startSmtpServer(port)
    const mail = await smtp.waitFor('panne@example.org', /Message pendant la panne/, 90_000)
    expect(mail.text).toContain('Ce message doit arriver une fois.')
    const [sent] = await until('message marked sent', () => outboxOf('panne@example.org'), (docs) => docs[0]?.status === 'sent', 30)
    expect(sent!.attempts).toBeGreaterThanOrEqual(2)
    expect(sent!.lastError ?? null).toBeNull()
    // Its job is done: completed (Payload deletes completed jobs by default), never given up with an error.
    const left = await until('job completed', jobsOf, (docs) => docs.every((j) => j.completedAt), 30)
    expect(left.filter((j) => j.hasError)).toEqual([])

    // Nothing lost, nothing sent twice: a few more turns of the queue add no second copy and no second record.
    await new Promise((r) => setTimeout(r, 3000))
    expect(smtp.messages.filter((m) => m.subject === 'Message pendant la panne')).toHaveLength(1)
    expect(await outboxOf('panne@example.org')).toHaveLength(1)
  }, 150_000)
})
