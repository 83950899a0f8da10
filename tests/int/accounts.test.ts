import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  changePassword,
  confirmEmail,
  requestPasswordReset,
  setPasswordFromLink,
  signIn,
  signOutEverywhere,
  signUpLearner,
} from '#cms/auth/account.ts'
import { consumeToken, issueToken } from '#cms/auth/tokens.ts'
import { accountByEmail, DEMO_PASSWORD, testPortal } from '../helpers/portal.ts'

let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
})

/** Whether a session token still authenticates (Payload checks the session id stored on the account). */
const tokenWorks = async (token: string) => {
  const { user } = await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
  return user !== null
}
const lastMailTo = async (to: string) => {
  const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: to } }, sort: '-createdAt', limit: 1, overrideAccess: true })
  if (!docs[0]) throw new Error(`no email to ${to}`)
  return docs[0]
}
const tokenFrom = (text: string) => /jeton=([a-z2-7]{32}\.[a-z2-7]{32})/.exec(text)?.[1] ?? ''
const auditActions = async (email: string) =>
  (await payload.find({ collection: 'audit-log', where: { subjectEmail: { equals: email } }, limit: 200, overrideAccess: true, sort: 'createdAt' })).docs.map((d) => d.action)

describe('sign-in', () => {
  it('signs in with the right password and journals it', async () => {
    const result = await signIn(payload, { email: 'formateur@example.org', password: DEMO_PASSWORD, ip: '10.1.1.1' })
    expect(result.ok).toBe(true)
    if (result.ok) expect(await tokenWorks(result.token)).toBe(true)
    expect(await auditActions('formateur@example.org')).toContain('login.success')
  })

  it('answers the same for an unknown email and a wrong password', async () => {
    expect(await signIn(payload, { email: 'personne@example.org', password: 'x', ip: null })).toEqual({ ok: false, reason: 'invalid' })
    expect(await signIn(payload, { email: 'superviseur@example.org', password: 'mauvais mot de passe', ip: null })).toEqual({ ok: false, reason: 'invalid' })
  })

  it('locks the account for 15 minutes after 5 failures, even with the right password, and journals it', async () => {
    const email = 'gestionnaire@example.org'
    for (let i = 0; i < 5; i++) await signIn(payload, { email, password: `faux-${i}`, ip: '10.2.2.2' })
    expect(await signIn(payload, { email, password: DEMO_PASSWORD, ip: '10.2.2.2' })).toEqual({ ok: false, reason: 'locked' })
    const account = await payload.findByID({ collection: 'users', id: (await accountByEmail(payload, email)).id, overrideAccess: true, showHiddenFields: true })
    const minutes = (new Date(account.lockUntil!).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)
    const actions = await auditActions(email)
    expect(actions.filter((a) => a === 'account.locked')).toHaveLength(1)
    expect(actions.filter((a) => a === 'login.failure').length).toBeGreaterThanOrEqual(6)
  })
})

describe('sessions end for real', () => {
  it('signing out everywhere invalidates every token', async () => {
    const a = await signIn(payload, { email: 'editeur@example.org', password: DEMO_PASSWORD, ip: null })
    const b = await signIn(payload, { email: 'editeur@example.org', password: DEMO_PASSWORD, ip: null })
    if (!a.ok || !b.ok) throw new Error('sign-in failed')
    expect(await tokenWorks(b.token)).toBe(true)
    await signOutEverywhere(payload, a.user, null)
    expect(await tokenWorks(a.token)).toBe(false)
    expect(await tokenWorks(b.token)).toBe(false)
    expect(await auditActions('editeur@example.org')).toContain('sessions.revoked')
  })

  it('a role change ends the person’s sessions and is journalled', async () => {
    const s = await signIn(payload, { email: 'superviseur@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    const admin = await accountByEmail(payload, 'admin@example.org')
    await payload.update({ collection: 'users', id: s.user.id, data: { roles: ['supervisor', 'trainer'] }, user: admin, overrideAccess: false })
    expect(await tokenWorks(s.token)).toBe(false)
    const entry = (await payload.find({ collection: 'audit-log', where: { action: { equals: 'account.privileges' }, subject: { equals: s.user.id } }, overrideAccess: true })).docs[0]
    expect(entry?.actorEmail).toBe('admin@example.org')
    expect(entry?.details).toMatchObject({ roles: { from: ['supervisor'], to: ['supervisor', 'trainer'] } })
  })

  it('deactivation ends sessions and blocks sign-in', async () => {
    const admin = await accountByEmail(payload, 'admin@example.org')
    const created = await payload.create({
      collection: 'users',
      data: { email: 'a-desactiver@example.org', name: 'À désactiver', password: 'Baobab-sous-la-pluie-7', roles: ['trainer'], passwordExpiryExempt: true },
      overrideAccess: true,
    })
    const s = await signIn(payload, { email: created.email, password: 'Baobab-sous-la-pluie-7', ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    await payload.update({ collection: 'users', id: created.id, data: { active: false }, user: admin, overrideAccess: false })
    expect(await tokenWorks(s.token)).toBe(false)
    expect(await signIn(payload, { email: created.email, password: 'Baobab-sous-la-pluie-7', ip: null })).toEqual({ ok: false, reason: 'inactive' })
    expect(await auditActions(created.email)).toContain('account.deactivated')
  })
})

describe('password policy', () => {
  it('refuses short, common and email-based passwords with a French message on the field', async () => {
    for (const password of ['court', 'motdepasse123', 'password12345', 'policy-test@example']) {
      await expect(
        payload.create({ collection: 'users', data: { email: 'policy-test@example.org', name: 'Test', password, roles: ['learner'] }, overrideAccess: true }),
      ).rejects.toMatchObject({ data: { errors: [{ path: 'password', message: expect.stringMatching(/mot de passe/i) }] } })
    }
  })

  it('forces a change when the password is older than 90 days', async () => {
    const created = await payload.create({
      collection: 'users',
      data: { email: 'expire@example.org', name: 'Expiré', password: 'Baobab-sous-la-pluie-7', roles: ['learner'] },
      overrideAccess: true,
    })
    await payload.db.updateOne({ collection: 'users', id: created.id, data: { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000).toISOString() } })
    expect(await signIn(payload, { email: created.email, password: 'Baobab-sous-la-pluie-7', ip: null })).toEqual({ ok: false, reason: 'passwordExpired' })
    const weak = await changePassword(payload, { email: created.email, currentPassword: 'Baobab-sous-la-pluie-7', newPassword: 'azertyuiop12', ip: null })
    expect(weak).toMatchObject({ ok: false, reason: 'weak' })
    const wrong = await changePassword(payload, { email: created.email, currentPassword: 'pas le bon', newPassword: 'Fleuve-Niger-en-crue-2026', ip: null })
    expect(wrong).toEqual({ ok: false, reason: 'invalid' })
    const changed = await changePassword(payload, { email: created.email, currentPassword: 'Baobab-sous-la-pluie-7', newPassword: 'Fleuve-Niger-en-crue-2026', ip: null })
    expect(changed.ok).toBe(true)
    expect(await auditActions(created.email)).toContain('password.changed')
  })
})

describe('learner sign-up', () => {
  it('creates an unconfirmed learner, emails a single-use confirmation link, then allows sign-in', async () => {
    const email = 'nouvelle.apprenante@example.org'
    expect(await signUpLearner(payload, { name: 'Nouvelle Apprenante', email, password: 'Mangue-verte-sous-le-karite', ip: null })).toEqual({ ok: true })
    expect(await signIn(payload, { email, password: 'Mangue-verte-sous-le-karite', ip: null })).toEqual({ ok: false, reason: 'unverified' })
    const mail = await lastMailTo(email)
    expect(mail.subject).toMatch(/Confirmez votre adresse/)
    expect(mail.text).toMatch(/\/inscription\/confirmer\?jeton=/)
    const token = tokenFrom(mail.text)
    expect(await confirmEmail(payload, token)).toBe(true)
    expect(await confirmEmail(payload, token)).toBe(false)
    expect((await signIn(payload, { email, password: 'Mangue-verte-sous-le-karite', ip: null })).ok).toBe(true)
    expect((await accountByEmail(payload, email)).roles).toEqual(['learner'])
  })

  it('does not reveal that an address is taken: same answer, a "you already have an account" email, no new account', async () => {
    const before = (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    expect(await signUpLearner(payload, { name: 'Imposteur', email: 'admin@example.org', password: 'Mangue-verte-sous-le-karite', ip: null })).toEqual({ ok: true })
    expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
    expect((await lastMailTo('admin@example.org')).subject).toMatch(/déjà un compte/)
  })
})

describe('password reset and invitations', () => {
  it('resets through an emailed single-use link and ends every session', async () => {
    const email = 'coordination@example.org'
    const s = await signIn(payload, { email, password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    await requestPasswordReset(payload, email, '10.3.3.3')
    await payload.jobs.run({ queue: 'default' })
    const token = tokenFrom((await lastMailTo(email)).text)
    expect(await setPasswordFromLink(payload, { token, password: 'court', ip: null })).toMatchObject({ ok: false, reason: 'weak' })
    expect(await setPasswordFromLink(payload, { token, password: 'Riviere-Bani-au-matin-9', ip: null })).toEqual({ ok: true })
    expect(await tokenWorks(s.token)).toBe(false)
    expect(await setPasswordFromLink(payload, { token, password: 'Encore-un-autre-essai-7', ip: null })).toEqual({ ok: false, reason: 'invalidLink' })
    expect((await signIn(payload, { email, password: 'Riviere-Bani-au-matin-9', ip: null })).ok).toBe(true)
    expect(await auditActions(email)).toEqual(expect.arrayContaining(['password.resetRequested', 'password.reset', 'password.changed']))
  })

  it('sends nothing for an unknown address', async () => {
    const before = (await payload.count({ collection: 'outbox', overrideAccess: true })).totalDocs
    await requestPasswordReset(payload, 'inconnu@example.org', null)
    await payload.jobs.run({ queue: 'default' })
    expect((await payload.count({ collection: 'outbox', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('expired tokens are refused', async () => {
    const user = await accountByEmail(payload, 'apprenant@example.org')
    const token = await issueToken(payload, 'reset', user.id, new Date(Date.now() - 2 * 3_600_000))
    expect(await consumeToken(payload, token, ['reset'])).toBeNull()
  })

  it('a staff account created by an admin gets an invitation; its temporary password is already expired', async () => {
    const admin = await accountByEmail(payload, 'admin@example.org')
    const staff = await payload.create({
      collection: 'users',
      data: { email: 'invite@example.org', name: 'Invitée', password: 'Temporaire-du-admin-42', roles: ['trainer'] },
      user: admin,
      overrideAccess: false,
    })
    const mail = await lastMailTo('invite@example.org')
    expect(mail.subject).toMatch(/Invitation/)
    expect(await signIn(payload, { email: staff.email, password: 'Temporaire-du-admin-42', ip: null })).toEqual({ ok: false, reason: 'passwordExpired' })
    expect(await setPasswordFromLink(payload, { token: tokenFrom(mail.text), password: 'Choisi-par-moi-meme-2026', ip: null })).toEqual({ ok: true })
    expect((await signIn(payload, { email: staff.email, password: 'Choisi-par-moi-meme-2026', ip: null })).ok).toBe(true)
  })
})

describe('tokens are stored hashed', () => {
  it('keeps only the SHA-256 of the secret', async () => {
    const user = await accountByEmail(payload, 'apprenant@example.org')
    const token = await issueToken(payload, 'verify', user.id)
    const [id, secret] = token.split('.')
    const { docs } = await payload.find({ collection: 'auth-tokens', where: { tokenId: { equals: id } }, overrideAccess: true })
    expect(docs[0]?.secretHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(docs[0])).not.toContain(secret)
  })
})
