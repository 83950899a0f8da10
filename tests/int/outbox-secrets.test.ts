import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkIn, portalDeliveringMail, type startSmtpServer } from '../helpers/smtp.ts'

// Issue 9, finding 7: administrators read the outbox; the links that grant something must not be readable there.
// A real SMTP server receives the mail; SMTP_URL is set before the portal loads.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
beforeAll(async () => {
  ;({ smtp, payload } = await portalDeliveringMail())
}, 300_000)
afterAll(async () => {
  await smtp.close()
})

const TOKEN = /jeton=[a-z2-7]{32}\.[a-z2-7]{32}/

describe('secret links in the outbox', () => {
  it('are delivered working, are never readable in the outbox, and the delivered link works exactly once', async () => {
    const { requestPasswordReset, setPasswordFromLink } = await import('#cms/auth/account.ts')
    const { accountByEmail } = await import('../helpers/portal.ts')
    await requestPasswordReset(payload, 'formateur@example.org', null)
    const mail = await smtp.waitFor('formateur@example.org', /Réinitialisation/)
    const token = new URL(linkIn(mail, /\/mot-de-passe\/nouveau/)).searchParams.get('jeton')!
    expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
    expect(mail.html).toContain(`jeton=${token}`)

    let record
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      record = (await payload.find({ collection: 'outbox', where: { to: { equals: 'formateur@example.org' } }, overrideAccess: true })).docs[0]
      if (record?.status === 'sent') break
    }
    expect(record?.status).toBe('sent')
    const admin = await accountByEmail(payload, 'admin@example.org')
    const asAdmin = await payload.findByID({ collection: 'outbox', id: record!.id, user: admin, overrideAccess: false })
    expect(JSON.stringify(asAdmin)).not.toMatch(TOKEN)
    expect(JSON.stringify(asAdmin)).not.toContain(token.split('.')[1])
    expect(asAdmin.text).toContain('lien personnel n° 1 masqué')
    expect(asAdmin).not.toHaveProperty('sealedSecrets')
    // Nothing left in the database either: the sealed copy is wiped once delivered.
    const stored = await payload.db.findOne<Record<string, unknown> & { id: number }>({ collection: 'outbox', where: { id: { equals: record!.id } } })
    expect(stored?.sealedSecrets ?? null).toBeNull()

    expect(await setPasswordFromLink(payload, { token, password: 'Riviere-Bani-au-matin-9', ip: null })).toEqual({ ok: true })
    expect(await setPasswordFromLink(payload, { token, password: 'Encore-un-autre-essai-7', ip: null })).toEqual({ ok: false, reason: 'invalidLink' })
  })

  it('keep the link only sealed until delivery, and leave ordinary emails as written', async () => {
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const { passwordReset } = await import('#cms/email/templates.ts')
    const url = 'http://localhost:4321/mot-de-passe/nouveau?jeton=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
    await queueEmail(payload, { to: 'scelle@example.org', ...passwordReset('Awa', url) })
    await queueEmail(payload, { to: 'ordinaire@example.org', subject: 'Nouvelles', text: 'Voir http://localhost:4321/actualites' })
    const stored = await payload.db.findOne<Record<string, unknown> & { id: number }>({ collection: 'outbox', where: { to: { equals: 'scelle@example.org' } } })
    expect(JSON.stringify(stored)).not.toContain('bbbbbbbb')
    if (stored?.status !== 'sent') expect(stored?.sealedSecrets).toMatch(/^v1\./)
    const delivered = await smtp.waitFor('scelle@example.org', /Réinitialisation/)
    expect(delivered.text).toContain(url)
    const ordinary = (await payload.find({ collection: 'outbox', where: { to: { equals: 'ordinaire@example.org' } }, overrideAccess: true })).docs[0]
    expect(ordinary?.text).toBe('Voir http://localhost:4321/actualites')
  })
})
