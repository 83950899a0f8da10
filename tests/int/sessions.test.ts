import { jwtSign, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, signOutEverywhere } from '#cms/auth/account.ts'
import { jwtExpiry } from '#cms/rules/session.ts'
import { currentUser, endCurrentSession, renewedSessionCookie } from '../../site/lib/session.ts'
import { DEMO_PASSWORD, testPortal } from '../helpers/portal.ts'

let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
})

const cookieHeaders = (token: string) => new Headers({ Cookie: `payload-token=${token}`, 'Sec-Fetch-Site': 'same-origin' })

describe('session lifetime', () => {
  it('renews a session used in the second half of its idle period (new token, later expiry in the database)', async () => {
    const s = await signIn(payload, { email: 'apprenant@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    const user = await currentUser(payload, cookieHeaders(s.token))
    expect(user?.email).toBe('apprenant@example.org')
    const idle = payload.collections.users.config.auth.tokenExpiration
    const exp = jwtExpiry(s.token)!
    expect(await renewedSessionCookie(payload, cookieHeaders(s.token), user!, exp - idle + 60)).toBeNull()
    const later = exp - Math.floor(idle / 4)
    const cookie = await renewedSessionCookie(payload, cookieHeaders(s.token), user!, later)
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/)
    const renewed = /payload-token=([^;]+)/.exec(cookie!)![1]!
    expect(jwtExpiry(renewed)!).toBeGreaterThanOrEqual(exp)
    expect(await currentUser(payload, cookieHeaders(renewed))).not.toBeNull()
  })

  it('ends a session left idle past its expiry: the token carries the idle deadline', async () => {
    const s = await signIn(payload, { email: 'editeur@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    expect(jwtExpiry(s.token)! - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(payload.collections.users.config.auth.tokenExpiration)
    // The same session id, signed with the real secret, but past its deadline: refused.
    const claims = JSON.parse(Buffer.from(s.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
    const { token: stale } = await jwtSign({ fieldsToSign: { ...claims, exp: undefined, iat: undefined }, secret: payload.secret, tokenExpiration: -60 })
    expect(await currentUser(payload, cookieHeaders(stale))).toBeNull()
    expect(await currentUser(payload, cookieHeaders(s.token))).not.toBeNull()
  })

  it('refuses a session on the very next request once the person signs out everywhere (the kept row is confirmed each time)', async () => {
    const s = await signIn(payload, { email: 'formateur@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    // Twice: the second request reuses the row read by the first.
    await currentUser(payload, cookieHeaders(s.token))
    const user = await currentUser(payload, cookieHeaders(s.token))
    expect(user?.email).toBe('formateur@example.org')
    // Read at depth 0: the organisation comes as its id, not as a populated document.
    expect(['number', 'string']).toContain(typeof user!.organisation)
    await signOutEverywhere(payload, user!, null)
    expect(await currentUser(payload, cookieHeaders(s.token))).toBeNull()
  })

  it('signs out one device only: its session is refused at once, the other device stays signed in', async () => {
    const phone = await signIn(payload, { email: 'superviseur@example.org', password: DEMO_PASSWORD, ip: null })
    const laptop = await signIn(payload, { email: 'superviseur@example.org', password: DEMO_PASSWORD, ip: null })
    if (!phone.ok || !laptop.ok) throw new Error('sign-in failed')
    const user = await currentUser(payload, cookieHeaders(phone.token))
    expect(await currentUser(payload, cookieHeaders(laptop.token))).not.toBeNull()
    await endCurrentSession(payload, cookieHeaders(phone.token), user!)
    expect(await currentUser(payload, cookieHeaders(phone.token))).toBeNull()
    expect((await currentUser(payload, cookieHeaders(laptop.token)))?.email).toBe('superviseur@example.org')
  })

  it('shows a change to the account on the next request, and a change of roles ends the session', async () => {
    const s = await signIn(payload, { email: 'gestionnaire@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    const before = await currentUser(payload, cookieHeaders(s.token))
    await payload.update({ collection: 'users', id: before!.id, data: { name: 'Nom changé ailleurs' }, overrideAccess: true })
    expect((await currentUser(payload, cookieHeaders(s.token)))?.name).toBe('Nom changé ailleurs')
    await payload.update({ collection: 'users', id: before!.id, data: { name: before!.name }, overrideAccess: true })
    expect((await currentUser(payload, cookieHeaders(s.token)))?.name).toBe(before!.name)
    await payload.update({ collection: 'users', id: before!.id, data: { roles: [...before!.roles, 'trainer'] }, overrideAccess: true })
    expect(await currentUser(payload, cookieHeaders(s.token))).toBeNull()
    await payload.update({ collection: 'users', id: before!.id, data: { roles: before!.roles }, overrideAccess: true })
  })

  it('gives each request its own copy of the person: a page changing it changes nothing for the next', async () => {
    const s = await signIn(payload, { email: 'coordination@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    const first = await currentUser(payload, cookieHeaders(s.token))
    first!.roles = ['admin']
    first!.name = 'Changé par une page'
    const second = await currentUser(payload, cookieHeaders(s.token))
    expect(second?.roles).not.toContain('admin')
    expect(second?.name).not.toBe('Changé par une page')
  })

  it('ignores a malformed or forged cookie', async () => {
    expect(await currentUser(payload, cookieHeaders('not-a-jwt'))).toBeNull()
    expect(await currentUser(payload, cookieHeaders('eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIn0.forged'))).toBeNull()
  })
})
