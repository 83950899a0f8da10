import { describe, expect, it } from 'vitest'
import { hashSecret, parseToken, secretMatches } from './tokens.ts'

describe('token helpers', () => {
  const id = 'a'.repeat(32)
  const secret = 'b2'.repeat(16)
  it('parses well-formed tokens only', () => {
    expect(parseToken(`${id}.${secret}`)).toEqual({ id, secret })
    expect(parseToken(`${id}.${secret}x`)).toBeNull()
    expect(parseToken(`${id.toUpperCase()}.${secret}`)).toBeNull()
    expect(parseToken('')).toBeNull()
  })
  it('stores a hash, never the secret', () => {
    const h = hashSecret(secret)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(h).not.toContain(secret)
  })
  it('matches the right secret only', () => {
    const h = hashSecret(secret)
    expect(secretMatches(secret, h)).toBe(true)
    expect(secretMatches('c'.repeat(32), h)).toBe(false)
    expect(secretMatches(secret, h.slice(1))).toBe(false)
  })
})
