import { describe, expect, it } from 'vitest'
import { jwtExpiry, shouldRenewSession } from './session.ts'

describe('shouldRenewSession', () => {
  it('renews in the second half of the idle period only', () => {
    expect(shouldRenewSession(1000 + 7200, 1000, 7200)).toBe(false)
    expect(shouldRenewSession(1000 + 3000, 1000, 7200)).toBe(true)
  })
  it('never renews an expired token', () => {
    expect(shouldRenewSession(900, 1000, 7200)).toBe(false)
  })
})

describe('jwtExpiry', () => {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  it('reads exp', () => {
    expect(jwtExpiry(`${encode({ alg: 'HS256' })}.${encode({ exp: 1234 })}.sig`)).toBe(1234)
  })
  it('returns null for garbage instead of throwing', () => {
    expect(jwtExpiry('garbage')).toBeNull()
    expect(jwtExpiry('a.%%%.b')).toBeNull()
    expect(jwtExpiry(`${encode({})}.${encode({ exp: 'soon' })}.x`)).toBeNull()
  })
})
