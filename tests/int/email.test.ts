import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portalDeliveringMail, type startSmtpServer } from '../helpers/smtp.ts'

// A real SMTP server on localhost receives what the jobs queue delivers. SMTP_URL is set before the portal loads.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
beforeAll(async () => {
  ;({ smtp, payload } = await portalDeliveringMail())
})
afterAll(async () => {
  await smtp.close()
})

describe('email through the outbox and the jobs queue', () => {
  it('delivers a French email with a plain-text part exactly once, and marks it sent', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const { passwordReset } = await import('#cms/email/templates.ts')
    await queueEmail(payload, { to: 'awa@example.org', ...passwordReset('Awa', 'http://localhost:4321/mot-de-passe/nouveau?jeton=x') })
    const mail = await smtp.waitFor('awa@example.org', /Réinitialisation/)
    expect(mail.text).toContain('Bonjour Awa')
    expect(mail.html).toContain('<a href=')
    // Give the cron a few more turns: the message must not be sent twice.
    await new Promise((r) => setTimeout(r, 2500))
    expect(smtp.messages.filter((m) => m.subject === mail.subject)).toHaveLength(1)
    const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: 'awa@example.org' } }, overrideAccess: true })
    expect(docs[0]).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('delivers attachments: a calendar invitation as text and a binary file, read back from the message', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:reunion-12@portail\r\nSUMMARY:Réunion du cadre commun à Ségou\r\nDTSTART:20260312T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    const binary = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10])
    await queueEmail(payload, {
      to: 'invitee@example.org',
      subject: 'Invitation : réunion du cadre commun',
      text: 'Vous êtes invité.',
      attachments: [
        { fileName: 'réunion.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics },
        { fileName: 'ordre du jour.pdf', contentType: 'application/pdf', encoding: 'base64', content: binary.toString('base64') },
      ],
    })
    const mail = await smtp.waitFor('invitee@example.org', /Invitation/)
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['réunion.ics', 'text/calendar'],
      ['ordre du jour.pdf', 'application/pdf'],
    ])
    expect(mail.attachments[0]!.content.toString('utf8')).toBe(ics)
    expect(mail.attachments[1]!.content.equals(binary)).toBe(true)
    const record = (await payload.find({ collection: 'outbox', where: { to: { equals: 'invitee@example.org' } }, overrideAccess: true })).docs[0]!
    expect(record.attachments?.map((a) => [a.fileName, a.size])).toEqual([['réunion.ics', Buffer.byteLength(ics)], ['ordre du jour.pdf', 7]])
  })

  it('refuses an oversized or unsafe attachment before anything is queued', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const big = { fileName: 'gros.txt', contentType: 'text/plain', content: 'x'.repeat(1024 * 1024 + 1) }
    await expect(queueEmail(payload, { to: 'refus@example.org', subject: 'Trop gros', text: 'x', attachments: [big] })).rejects.toThrow(/trop volumineuse/)
    await expect(queueEmail(payload, { to: 'refus@example.org', subject: 'Chemin', text: 'x', attachments: [{ fileName: '../secret', contentType: 'text/plain', content: 'x' }] })).rejects.toThrow(/Nom de fichier invalide/)
    expect((await payload.find({ collection: 'outbox', where: { to: { equals: 'refus@example.org' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('records a failure on the message and retries it', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    await smtp.close()
    await queueEmail(payload, { to: 'echec@example.org', subject: 'Essai', text: 'Corps' })
    const deadline = Date.now() + 20_000
    let message
    do {
      await new Promise((r) => setTimeout(r, 500))
      message = (await payload.find({ collection: 'outbox', where: { to: { equals: 'echec@example.org' } }, overrideAccess: true })).docs[0]
    } while (message?.status !== 'failed' && Date.now() < deadline)
    expect(message).toMatchObject({ status: 'failed', attempts: 1 })
    expect(message?.lastError).toMatch(/ECONNREFUSED|connect/i)
    const job = (await payload.find({ collection: 'payload-jobs', where: { 'input.outboxId': { equals: String(message!.id) } }, overrideAccess: true })).docs[0]
    expect(job?.hasError).not.toBe(true) // still queued for another attempt, not given up
    expect(job?.totalTried).toBeGreaterThanOrEqual(1)
  })
})
