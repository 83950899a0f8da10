import { describe, expect, it } from 'vitest'
import { testPortal } from '../helpers/portal.ts'

describe('email without SMTP_URL', () => {
  it('keeps every message in the outbox for admins, queues no delivery job', async () => {
    const payload = await testPortal()
    await payload.sendEmail({ to: 'local@example.org', subject: 'Message local', html: '<p>Bonjour <b>vous</b></p>' })
    const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: 'local@example.org' } }, overrideAccess: true })
    expect(docs[0]).toMatchObject({ status: 'kept', subject: 'Message local', text: 'Bonjour vous' })
    expect((await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs).toBe(0)
  })
})
