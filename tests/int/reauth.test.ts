import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { confirmEmailChange, requestPasswordReset, setPasswordFromLink, signIn, signUpLearner } from '#cms/auth/account.ts'
import { passwordMatches } from '#cms/auth/reauth.ts'
import { consumeToken, issueToken, type TokenPurpose } from '#cms/auth/tokens.ts'
import type { User } from '#cms/payload-types.ts'
import { accountByEmail, DEMO_PASSWORD, testPortal } from '../helpers/portal.ts'

// Issue 9, findings 6 (re-authentication, email change, revocation) and 11 (same work for unknown accounts).
// Changes go through the Local API with the person as `user` and `overrideAccess: false`, as a REST PATCH does.

let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
}, 300_000)
afterEach(() => {
  vi.restoreAllMocks()
})

const PASSWORD = 'Baobab-sous-la-pluie-7'
const newAccount = async (email: string, roles: User['roles'] = ['learner']) =>
  payload.create({ collection: 'users', data: { email, name: 'Compte Essai', password: PASSWORD, roles }, overrideAccess: true })
const as = (user: User) => ({ user, overrideAccess: false as const })
const failure = async (operation: Promise<unknown>): Promise<{ status?: number; data?: unknown; message?: string } | null> => {
  try {
    await operation
    return null
  } catch (error) {
    return error as { status?: number; data?: unknown; message?: string }
  }
}
const tokenWorks = async (token: string) => (await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })).user !== null
const mailsTo = async (to: string) =>
  (await payload.find({ collection: 'outbox', where: { to: { equals: to } }, sort: 'createdAt', limit: 50, overrideAccess: true })).docs
const tokenIn = (text: string) => /jeton=([a-z2-7]{32}\.[a-z2-7]{32})/.exec(text)?.[1] ?? ''
const auditOf = async (userId: number, action: string) =>
  (await payload.find({ collection: 'audit-log', where: { subject: { equals: userId }, action: { equals: action } }, limit: 50, overrideAccess: true })).docs

describe('changing a password needs the current one (finding 6)', () => {
  it('refuses it without the current password or with a wrong one, with a French message on currentPassword', async () => {
    const account = await newAccount('reauth.sans@example.org')
    const missing = await failure(payload.update({ collection: 'users', id: account.id, data: { password: 'Nouveau-mot-de-passe-42' }, ...as(account) }))
    expect(missing).toMatchObject({ status: 400, data: { errors: [{ path: 'currentPassword', message: expect.stringMatching(/mot de passe actuel/) }] } })
    const wrong = await failure(
      payload.update({ collection: 'users', id: account.id, data: { password: 'Nouveau-mot-de-passe-42', currentPassword: 'pas-le-bon-mot-de-passe' } as never, ...as(account) }),
    )
    expect(wrong).toMatchObject({ status: 400, data: { errors: [{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }] } })
    expect((await signIn(payload, { email: account.email, password: PASSWORD, ip: null })).ok).toBe(true)
    expect(await auditOf(account.id, 'password.reauthFailed')).toHaveLength(2)
  })

  it('counts wrong current passwords as failed sign-ins: five lock the account', async () => {
    const account = await newAccount('reauth.verrou@example.org')
    for (let i = 0; i < 5; i++) {
      await failure(payload.update({ collection: 'users', id: account.id, data: { password: 'Nouveau-mot-de-passe-42', currentPassword: `faux-${i}` } as never, ...as(account) }))
    }
    const locked = await failure(payload.update({ collection: 'users', id: account.id, data: { password: 'Nouveau-mot-de-passe-42', currentPassword: PASSWORD } as never, ...as(account) }))
    expect(locked).toMatchObject({ status: 403, message: expect.stringMatching(/verrouillé/) })
  })

  it('accepts it with the current password: other sessions end, every outstanding link is revoked, it is journalled', async () => {
    const account = await newAccount('reauth.avec@example.org')
    const other = await signIn(payload, { email: account.email, password: PASSWORD, ip: null })
    if (!other.ok) throw new Error('sign-in failed')
    const purposes: TokenPurpose[] = ['reset', 'invite', 'verify', 'emailChange']
    const tokens = await Promise.all(purposes.map((p) => issueToken(payload, p, account.id)))
    await payload.update({ collection: 'users', id: account.id, data: { password: 'Nouveau-mot-de-passe-42', currentPassword: PASSWORD } as never, ...as(account) })
    expect(await tokenWorks(other.token)).toBe(false)
    for (const [i, token] of tokens.entries()) expect(await consumeToken(payload, token, [purposes[i]!]), purposes[i]).toBeNull()
    expect((await signIn(payload, { email: account.email, password: 'Nouveau-mot-de-passe-42', ip: null })).ok).toBe(true)
    expect((await auditOf(account.id, 'password.changed'))[0]?.details).toMatchObject({ byAdmin: false })
  })

  it('revokes every outstanding link on a reset too', async () => {
    const account = await newAccount('reauth.reset@example.org')
    const invite = await issueToken(payload, 'invite', account.id)
    const reset = await issueToken(payload, 'reset', account.id)
    expect(await setPasswordFromLink(payload, { token: reset, password: 'Riviere-Bani-au-matin-9', ip: null })).toEqual({ ok: true })
    expect(await setPasswordFromLink(payload, { token: invite, password: 'Encore-un-autre-essai-7', ip: null })).toEqual({ ok: false, reason: 'invalidLink' })
  })

  it('lets an administrator set another person’s password only with their own password; it is temporary and journalled', async () => {
    const admin = await accountByEmail(payload, 'admin@example.org')
    const account = await newAccount('reauth.par-admin@example.org', ['trainer'])
    const link = await issueToken(payload, 'reset', account.id)
    expect(await failure(payload.update({ collection: 'users', id: account.id, data: { password: 'Choisi-par-admin-2026' }, ...as(admin) }))).toMatchObject({ status: 400 })
    await payload.update({ collection: 'users', id: account.id, data: { password: 'Choisi-par-admin-2026', currentPassword: DEMO_PASSWORD } as never, ...as(admin) })
    expect(await signIn(payload, { email: account.email, password: 'Choisi-par-admin-2026', ip: null })).toEqual({ ok: false, reason: 'passwordExpired' })
    expect(await consumeToken(payload, link, ['reset'])).toBeNull()
    expect((await auditOf(account.id, 'password.changed'))[0]).toMatchObject({ actorEmail: 'admin@example.org', details: { byAdmin: true } })
  })

  it('never stores nor returns currentPassword, and checks it against the hash Payload stored', async () => {
    const account = await newAccount('reauth.stockage@example.org')
    await payload.update({ collection: 'users', id: account.id, data: { name: 'Renommé', currentPassword: PASSWORD } as never, ...as(account) })
    const read = await payload.findByID({ collection: 'users', id: account.id, ...as(account) })
    expect(read).not.toHaveProperty('currentPassword')
    const stored = await payload.db.findOne<Record<string, unknown> & { id: number }>({ collection: 'users', where: { id: { equals: account.id } } })
    expect(JSON.stringify(stored)).not.toContain(PASSWORD)
    expect(await passwordMatches(stored!, PASSWORD)).toBe(true)
    expect(await passwordMatches(stored!, `${PASSWORD}x`)).toBe(false)
  })
})

describe('changing one’s email (finding 6)', () => {
  it('needs the current password, applies nothing at once, and confirms through the new address only', async () => {
    const account = await newAccount('ancienne.adresse@example.org')
    const target = 'nouvelle.adresse@example.org'
    expect(await failure(payload.update({ collection: 'users', id: account.id, data: { email: target }, ...as(account) }))).toMatchObject({ status: 400 })
    expect(await mailsTo(target)).toHaveLength(0)

    const updated = await payload.update({ collection: 'users', id: account.id, data: { email: target, currentPassword: PASSWORD } as never, ...as(account) })
    expect(updated.email).toBe('ancienne.adresse@example.org')
    expect(updated.pendingEmail).toBe(target)
    expect(await signIn(payload, { email: target, password: PASSWORD, ip: null })).toEqual({ ok: false, reason: 'invalid' })

    const [confirmation] = await mailsTo(target)
    expect(confirmation?.subject).toMatch(/Confirmez votre nouvelle adresse/)
    const notice = (await mailsTo('ancienne.adresse@example.org')).at(-1)
    expect(notice?.subject).toMatch(/Demande de changement d’adresse/)
    expect(notice?.text).toContain(target)
    expect(notice?.text).not.toMatch(/jeton=/)

    const token = tokenIn(confirmation!.text)
    expect(await confirmEmailChange(payload, token, '10.9.9.9')).toBe('done')
    expect(await confirmEmailChange(payload, token, null)).toBe('invalid')
    const after = await payload.findByID({ collection: 'users', id: account.id, overrideAccess: true })
    expect(after).toMatchObject({ email: target, pendingEmail: null })
    expect((await signIn(payload, { email: target, password: PASSWORD, ip: null })).ok).toBe(true)
    expect((await mailsTo('ancienne.adresse@example.org')).at(-1)?.subject).toMatch(/Adresse e-mail modifiée/)
    expect((await auditOf(account.id, 'email.changeRequested'))[0]?.details).toMatchObject({ to: target })
    expect((await auditOf(account.id, 'email.changed'))[0]).toMatchObject({ ip: '10.9.9.9', details: { from: 'ancienne.adresse@example.org', to: target } })
  })

  it('a password change cancels a pending email change; a newer request replaces the older link', async () => {
    const account = await newAccount('annule.changement@example.org')
    const request = (email: string) => payload.update({ collection: 'users', id: account.id, data: { email, currentPassword: PASSWORD } as never, ...as(account) })
    await request('premiere.demande@example.org')
    await request('seconde.demande@example.org')
    const first = tokenIn((await mailsTo('premiere.demande@example.org'))[0]!.text)
    const second = tokenIn((await mailsTo('seconde.demande@example.org'))[0]!.text)
    expect(await confirmEmailChange(payload, first, null)).toBe('invalid')
    const reset = await issueToken(payload, 'reset', account.id)
    await setPasswordFromLink(payload, { token: reset, password: 'Riviere-Bani-au-matin-9', ip: null })
    expect(await confirmEmailChange(payload, second, null)).toBe('invalid')
    expect(await payload.findByID({ collection: 'users', id: account.id, overrideAccess: true })).toMatchObject({ email: 'annule.changement@example.org', pendingEmail: null })
  })

  it('ignores a pendingEmail written by a client, and never confirms an address another account holds', async () => {
    const account = await newAccount('pas.de.raccourci@example.org')
    await payload.update({ collection: 'users', id: account.id, data: { pendingEmail: 'pirate@example.org' }, ...as(account) })
    expect((await payload.findByID({ collection: 'users', id: account.id, overrideAccess: true })).pendingEmail ?? null).toBeNull()
    await payload.update({ collection: 'users', id: account.id, data: { email: 'formateur@example.org', currentPassword: PASSWORD } as never, ...as(account) })
    expect(await mailsTo('formateur@example.org').then((m) => m.filter((x) => /nouvelle adresse/.test(x.subject)))).toHaveLength(0)
  })

  it('an administrator changes another person’s email at once, with their own password, journalled and told to the old address', async () => {
    const admin = await accountByEmail(payload, 'admin@example.org')
    const account = await newAccount('par.admin.avant@example.org', ['trainer'])
    expect(await failure(payload.update({ collection: 'users', id: account.id, data: { email: 'par.admin.apres@example.org' }, ...as(admin) }))).toMatchObject({ status: 400 })
    await payload.update({ collection: 'users', id: account.id, data: { email: 'par.admin.apres@example.org', currentPassword: DEMO_PASSWORD } as never, ...as(admin) })
    expect((await payload.findByID({ collection: 'users', id: account.id, overrideAccess: true })).email).toBe('par.admin.apres@example.org')
    expect((await auditOf(account.id, 'email.changed'))[0]).toMatchObject({ actorEmail: 'admin@example.org', details: { byAdmin: true, from: 'par.admin.avant@example.org' } })
    expect((await mailsTo('par.admin.avant@example.org')).at(-1)?.subject).toMatch(/Adresse e-mail modifiée/)
  })
})

describe('the same work for unknown accounts (finding 11)', () => {
  /** How many PBKDF2 computations (Payload's password hashing and checking) an operation performs. */
  const hashesDuring = async (operation: () => Promise<unknown>): Promise<number> => {
    const spy = vi.spyOn(crypto, 'pbkdf2')
    await operation()
    const count = spy.mock.calls.length
    spy.mockRestore()
    return count
  }

  it('checks a password at sign-in whether the account exists, is locked or not', async () => {
    const known = await hashesDuring(() => signIn(payload, { email: 'superviseur@example.org', password: 'mauvais mot de passe', ip: null }))
    const unknown = await hashesDuring(() => signIn(payload, { email: 'personne.du.tout@example.org', password: 'mauvais mot de passe', ip: null }))
    const account = await newAccount('sera.verrouille@example.org')
    for (let i = 0; i < 5; i++) await signIn(payload, { email: account.email, password: `faux-${i}`, ip: null })
    const locked = await hashesDuring(() => signIn(payload, { email: account.email, password: 'mauvais mot de passe', ip: null }))
    expect(known).toBeGreaterThanOrEqual(1)
    expect(unknown).toBe(known)
    expect(locked).toBe(known)
  })

  it('hashes a password at sign-up whether the address is new or taken', async () => {
    const fresh = await hashesDuring(() => signUpLearner(payload, { name: 'Nouvelle Personne', email: 'inscription.neuve@example.org', password: 'Mangue-verte-sous-le-karite', ip: null }))
    const taken = await hashesDuring(() => signUpLearner(payload, { name: 'Nouvelle Personne', email: 'apprenant@example.org', password: 'Mangue-verte-sous-le-karite', ip: null }))
    expect(fresh).toBeGreaterThanOrEqual(1)
    expect(taken).toBe(fresh)
  })

  it('answers a reset request in about the same time for a known and an unknown address', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const time = async (email: string) => {
      const start = performance.now()
      await requestPasswordReset(payload, email, null)
      return performance.now() - start
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 15; i++) {
      known.push(await time('editeur@example.org'))
      unknown.push(await time(`inconnu-${i}@example.org`))
    }
    // Generous: no password work on either side, a few database writes of difference.
    expect(median(known)).toBeLessThan(median(unknown) * 3 + 25)
  })
})
