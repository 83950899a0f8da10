import fs from 'node:fs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { SUPPORT_REFERENCE } from '#cms/rules/support.ts'
import { accountByEmail } from '../helpers/portal.ts'
import { portalDeliveringMail, type startSmtpServer } from '../helpers/smtp.ts'

// The support desk end to end on a real Payload and a real SMTP server: a report (visitor or signed in), its
// screenshot checked from its bytes, the acknowledgement, the urgent alert to the people on duty, the desk's
// replies by email, internal notes kept from the requester, the FAQ started from a resolved request.

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
let admin: User
let coordinator: User
let learner: User
let editor: User
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const ops = () => import('#cms/support/requests.ts')
const base = { category: 'account' as const, urgency: 'normal' as const, description: 'Je ne peux plus me connecter depuis hier.', pageUrl: '/connexion', browser: 'Mozilla/5.0 (Android 12) Chrome/120' }
const as = (user: User) => ({ user, overrideAccess: false as const, depth: 0 })

beforeAll(async () => {
  ;({ smtp, payload } = await portalDeliveringMail())
  admin = await accountByEmail(payload, 'admin@example.org')
  coordinator = await accountByEmail(payload, 'coordination@example.org')
  learner = await accountByEmail(payload, 'apprenant@example.org')
  editor = await accountByEmail(payload, 'editeur@example.org')
}, 600_000)
afterAll(async () => {
  await smtp.close()
})

describe('a difficulty report', () => {
  it('from a visitor: reference number, private screenshot, acknowledgement by email', async () => {
    const { submitSupportRequest } = await ops()
    const { reference, id } = await submitSupportRequest(payload, { ...base, email: 'visiteur@example.org', name: 'Moussa', screenshot: { name: 'ecran.png', data: png, mimetype: 'image/png' } }, null)
    expect(reference).toMatch(SUPPORT_REFERENCE)
    const stored = await payload.findByID({ collection: 'support-requests', id, overrideAccess: true, depth: 1 })
    expect(stored).toMatchObject({ status: 'new', requesterEmail: 'visiteur@example.org', requesterName: 'Moussa', pageUrl: '/connexion', category: 'account' })
    expect(stored.requester ?? null).toBeNull()
    const shot = stored.screenshot as { filename: string; url: string }
    expect(fs.existsSync(`${process.env.MEDIA_DIR}/private/support/${shot.filename}`)).toBe(true)
    // The file is the desk's only: nobody else may read its record (and so its file).
    await expect(payload.findByID({ collection: 'support-screenshots', id: (stored.screenshot as { id: number }).id, ...as(learner) })).rejects.toThrow()
    expect((await payload.findByID({ collection: 'support-screenshots', id: (stored.screenshot as { id: number }).id, ...as(coordinator) })).id).toBeDefined()
    const mail = await smtp.waitFor('visiteur@example.org', new RegExp(reference))
    expect(mail.text).toContain('Bonjour Moussa')
    expect(mail.text).toContain(reference)
  })

  it('refuses a screenshot whose bytes are not an image, and writes nothing', async () => {
    const { submitSupportRequest } = await ops()
    const before = await payload.count({ collection: 'support-requests', overrideAccess: true })
    const shotsBefore = await payload.count({ collection: 'support-screenshots', overrideAccess: true })
    const fake = { name: 'ecran.png', data: Buffer.from('<html><script>alert(1)</script></html>'), mimetype: 'image/png' }
    await expect(submitSupportRequest(payload, { ...base, email: 'v2@example.org', screenshot: fake }, null)).rejects.toMatchObject({ code: 'invalidInput', fields: [{ path: 'screenshot', message: expect.stringMatching(/Type de fichier refusé/) }] })
    const big = { name: 'grand.png', data: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), mimetype: 'image/png' }
    await expect(submitSupportRequest(payload, { ...base, email: 'v2@example.org', screenshot: big }, null)).rejects.toMatchObject({ fields: [{ path: 'screenshot', message: expect.stringMatching(/trop volumineux/) }] })
    expect((await payload.count({ collection: 'support-requests', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect((await payload.count({ collection: 'support-screenshots', overrideAccess: true })).totalDocs).toBe(shotsBefore.totalDocs)
  })

  it('refuses a visitor’s report without an email address, in French', async () => {
    const { submitSupportRequest } = await ops()
    await expect(submitSupportRequest(payload, base, null)).rejects.toMatchObject({ fields: [{ path: 'email', message: 'Indiquez votre adresse e-mail pour recevoir la réponse.' }] })
  })

  it('from a signed-in person: their account, address and region; urgent ones alert the people on duty at once', async () => {
    const { submitSupportRequest } = await ops()
    await payload.update({ collection: 'users', id: coordinator.id, data: { onDuty: true }, overrideAccess: true })
    const { reference, id } = await submitSupportRequest(payload, { ...base, urgency: 'urgent', category: 'cpims' }, learner)
    const stored = await payload.findByID({ collection: 'support-requests', id, overrideAccess: true, depth: 0 })
    expect(stored).toMatchObject({ requester: learner.id, requesterEmail: learner.email, urgency: 'urgent' })
    const alert = await smtp.waitFor('coordination@example.org', new RegExp(`Demande urgente ${reference}`))
    expect(alert.text).toContain(`/admin/collections/support-requests/${id}`)
    // The administrator is not on duty: only the coordinator was alerted.
    await new Promise((r) => setTimeout(r, 1500))
    expect(smtp.messages.some((m) => m.subject?.includes(`urgente ${reference}`) && (m.to as { text: string }).text.includes('admin@example.org'))).toBe(false)
    await payload.update({ collection: 'users', id: coordinator.id, data: { onDuty: false }, overrideAccess: true })
  })

  it('alerts every administrator when nobody is on duty', async () => {
    const { onDutyAddresses } = await ops()
    expect(await onDutyAddresses(payload)).toContain('admin@example.org')
  })
})

describe('the desk at work', () => {
  it('replies by email, stamps the first answer, keeps sent replies and internal notes unchanged', async () => {
    const { submitSupportRequest } = await ops()
    const { id, reference } = await submitSupportRequest(payload, { ...base, category: 'training' }, learner)
    const replied = await payload.update({ collection: 'support-requests', id, data: { replies: [{ message: 'Bonjour, essayez « Mot de passe oublié ».' }], internalNotes: [{ note: 'Compte verrouillé 15 min.' }] }, ...as(coordinator) })
    expect(replied.status).toBe('inProgress')
    expect(replied.firstAnsweredAt).toBeTruthy()
    expect(replied.replies?.[0]).toMatchObject({ sentBy: coordinator.id })
    const mail = await smtp.waitFor(learner.email!, new RegExp(`Réponse à votre demande ${reference}`))
    expect(mail.text).toContain('essayez « Mot de passe oublié »')
    // An attempt to rewrite or drop what was sent puts it back; the first answer time does not move.
    const again = await payload.update({ collection: 'support-requests', id, data: { replies: [{ id: replied.replies![0]!.id, message: 'Réécrit' }], internalNotes: [] }, ...as(admin) })
    expect(again.replies?.map((r) => r.message)).toEqual(['Bonjour, essayez « Mot de passe oublié ».'])
    expect(again.internalNotes?.map((n) => n.note)).toEqual(['Compte verrouillé 15 min.'])
    expect(again.firstAnsweredAt).toBe(replied.firstAnsweredAt)
    // The requester reads their request and the replies, never the internal notes nor the assignment.
    const seen = await payload.findByID({ collection: 'support-requests', id, ...as(learner) })
    expect(seen.replies).toHaveLength(1)
    expect(seen.internalNotes ?? []).toEqual([])
    expect(seen.assignee).toBeUndefined()
    // Only the desk works requests.
    await expect(payload.update({ collection: 'support-requests', id, data: { status: 'resolved' }, ...as(learner) })).rejects.toThrow()
  })

  it('stamps the resolution, clears it when reopened; the FAQ starts only from a resolved request', async () => {
    const { submitSupportRequest } = await ops()
    const { id } = await submitSupportRequest(payload, { ...base, category: 'site', description: 'Le module 3 ne se télécharge pas.' }, learner)
    await expect(payload.create({ collection: 'faq', data: { sourceRequest: id } as never, ...as(editor) })).rejects.toMatchObject({ data: { errors: [{ path: 'sourceRequest', message: 'Seule une demande résolue peut alimenter la FAQ.' }] } })
    await payload.update({ collection: 'support-requests', id, data: { replies: [{ message: 'Utilisez la version « petite » de la vidéo.' }] }, ...as(coordinator) })
    const resolved = await payload.update({ collection: 'support-requests', id, data: { status: 'resolved' }, ...as(coordinator) })
    expect(resolved.resolvedAt).toBeTruthy()
    // The editor reads the resolved request without who asked.
    const forEditor = await payload.findByID({ collection: 'support-requests', id, ...as(editor) })
    expect(forEditor.description).toBe('Le module 3 ne se télécharge pas.')
    expect(forEditor.requesterEmail).toBeUndefined()
    expect(forEditor.requester).toBeUndefined()
    const entry = await payload.create({ collection: 'faq', data: { sourceRequest: id, _status: 'published' } as never, ...as(editor) })
    expect(entry).toMatchObject({ question: 'Le module 3 ne se télécharge pas.', answer: 'Utilisez la version « petite » de la vidéo.', category: 'site' })
    const anonymousFaq = await payload.find({ collection: 'faq', overrideAccess: false, user: null })
    expect(anonymousFaq.docs.map((d) => d.id)).toContain(entry.id)
    const reopened = await payload.update({ collection: 'support-requests', id, data: { status: 'inProgress' }, ...as(coordinator) })
    expect(reopened.resolvedAt ?? null).toBeNull()
  })

  it('summarises the queue for the dashboard and computes the figures', async () => {
    const { supportQueueSummary, supportDeskFigures } = await ops()
    const waiting = await supportQueueSummary(payload)
    const open = await payload.count({ collection: 'support-requests', where: { status: { not_equals: 'resolved' } }, overrideAccess: true })
    expect(waiting.total).toBe(open.totalDocs)
    expect(waiting.urgent).toBeGreaterThanOrEqual(1)
    const figures = await supportDeskFigures(payload, new Date(Date.now() - 3_600_000), new Date(Date.now() + 60_000))
    expect(figures.total).toBeGreaterThanOrEqual(4)
    expect(figures.firstAnswer.count).toBeGreaterThanOrEqual(2)
    expect(figures.byCategory.account.total).toBeGreaterThanOrEqual(1)
  })
})

describe('rate limits in the shared database', () => {
  it('counts attempts per action and client, and says how long to wait', async () => {
    const { takePoint } = await import('#cms/rate-limits.ts')
    const now = new Date()
    expect(await takePoint(payload, 'support', '198.51.100.7', 2, now)).toBeNull()
    expect(await takePoint(payload, 'support', '198.51.100.7', 2, now)).toBeNull()
    const wait = await takePoint(payload, 'support', '198.51.100.7', 2, now)
    expect(wait).toBeGreaterThan(500)
    expect(wait).toBeLessThanOrEqual(600)
    // Another client, another action: counted apart.
    expect(await takePoint(payload, 'support', '198.51.100.8', 2, now)).toBeNull()
    expect(await takePoint(payload, 'signIn', '198.51.100.7', 2, now)).toBeNull()
    // After the window the client may try again.
    expect(await takePoint(payload, 'support', '198.51.100.7', 2, new Date(now.getTime() + 601_000))).toBeNull()
  })
})
