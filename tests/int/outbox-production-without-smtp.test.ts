import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

// Issue 9, finding 7, in production without SMTP_URL: mail stays in the outbox for admins to read, so a link that
// grants something is masked there and never stored (the message is not delivered: configure SMTP_URL).
let payload: Payload
beforeAll(async () => {
  // NODE_ENV is typed read-only; the portal reads the environment when it loads, just below.
  Object.assign(process.env, { NODE_ENV: 'production', SEED_DEMO: 'true' })
  const { testPortal } = await import('../helpers/portal.ts')
  payload = await testPortal()
}, 300_000)

describe('outbox in production without SMTP', () => {
  it('keeps an invitation masked and undelivered, with its link nowhere in the database', async () => {
    const { sendInvitation } = await import('#cms/auth/account.ts')
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'invite.prod@example.org', name: 'Invitée Prod', password: 'Provisoire-du-systeme-2026', roles: ['trainer'] },
    })
    const url = await sendInvitation(payload, user, 'Test')
    const secret = new URL(url).searchParams.get('jeton')!.split('.')[1]!
    const stored = await payload.db.findOne<Record<string, unknown> & { id: number }>({ collection: 'outbox', where: { to: { equals: 'invite.prod@example.org' } } })
    expect(stored).toMatchObject({ status: 'kept', text: expect.stringContaining('lien personnel n° 1 masqué') })
    expect(stored?.sealedSecrets ?? null).toBeNull()
    expect(JSON.stringify(stored)).not.toContain(secret)
    expect((await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'send-email' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('leaves ordinary emails readable', async () => {
    await payload.sendEmail({ to: 'local.prod@example.org', subject: 'Message local', html: '<p>Bonjour <b>vous</b></p>' })
    const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: 'local.prod@example.org' } }, overrideAccess: true })
    expect(docs[0]).toMatchObject({ status: 'kept', text: 'Bonjour vous' })
  })
})
