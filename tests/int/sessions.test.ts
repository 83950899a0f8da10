import { jwtSign, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { signIn, signOutEverywhere } from '#cms/auth/account.ts'
import { jwtExpiry } from '#cms/rules/session.ts'
import { currentUser, renewedSessionCookie } from '../../site/lib/session.ts'
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

  it('refuses a session on the very next request once the person signs out everywhere (no session cache)', async () => {
    const s = await signIn(payload, { email: 'formateur@example.org', password: DEMO_PASSWORD, ip: null })
    if (!s.ok) throw new Error('sign-in failed')
    const user = await currentUser(payload, cookieHeaders(s.token))
    expect(user?.email).toBe('formateur@example.org')
    // Read at depth 0: the organisation comes as its id, not as a populated document.
    expect(['number', 'string']).toContain(typeof user!.organisation)
    await signOutEverywhere(payload, user!, null)
    expect(await currentUser(payload, cookieHeaders(s.token))).toBeNull()
  })

  it('ignores a malformed or forged cookie', async () => {
    expect(await currentUser(payload, cookieHeaders('not-a-jwt'))).toBeNull()
    expect(await currentUser(payload, cookieHeaders('eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIn0.forged'))).toBeNull()
  })
})
