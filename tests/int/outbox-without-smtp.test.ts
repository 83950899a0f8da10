import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { testPortal } from '../helpers/portal.ts'

let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
  // Starting the portal (migrations and seed) can take minutes on a busy machine: outside the test's own timeout.
}, 300_000)

describe('email without SMTP_URL', () => {
  it('keeps every message in the outbox for admins, queues no delivery job', async () => {
    await payload.sendEmail({ to: 'local@example.org', subject: 'Message local', html: '<p>Bonjour <b>vous</b></p>' })
    const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: 'local@example.org' } }, overrideAccess: true })
    expect(docs[0]).toMatchObject({ status: 'kept', subject: 'Message local', text: 'Bonjour vous' })
    // Only delivery jobs count: the daily routine is queued by its own schedule at the top of every hour.
    expect((await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'send-email' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('shows personal links on a local install, where the outbox is how they are read', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const { passwordReset } = await import('#cms/email/templates.ts')
    const url = 'http://localhost:4321/mot-de-passe/nouveau?jeton=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
    await queueEmail(payload, { to: 'local.lien@example.org', ...passwordReset('Awa', url) })
    const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: 'local.lien@example.org' } }, overrideAccess: true })
    expect(docs[0]?.text).toContain(url)
  })
})
