import { describe, expect, it } from 'vitest'
import { jwtExpiry, jwtSessionId, shouldRenewSession } from './session.ts'

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

describe('jwtSessionId', () => {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  it('reads sid', () => {
    expect(jwtSessionId(`${encode({ alg: 'HS256' })}.${encode({ sid: 'abc-123' })}.sig`)).toBe('abc-123')
  })
  it('returns null without a usable sid', () => {
    expect(jwtSessionId('garbage')).toBeNull()
    expect(jwtSessionId(`${encode({})}.${encode({ id: 1 })}.x`)).toBeNull()
    expect(jwtSessionId(`${encode({})}.${encode({ sid: '' })}.x`)).toBeNull()
    expect(jwtSessionId(`${encode({})}.${encode({ sid: 42 })}.x`)).toBeNull()
  })
})
