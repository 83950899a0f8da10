import { describe, expect, it } from 'vitest'
import { clientAddress } from './client-address.ts'

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever the client sends', () => {
    expect(clientAddress('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7')
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown')
  })

  it('takes the address the one trusted proxy appended, not the client-written ones on the left', () => {
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.9', 1)).toBe('198.51.100.9')
    expect(clientAddress('10.0.0.2', '198.51.100.9', 1)).toBe('198.51.100.9')
    expect(clientAddress('10.0.0.2', ['1.2.3.4', '198.51.100.9'], 1)).toBe('198.51.100.9')
  })

  it('counts hops from the right with several proxies', () => {
    expect(clientAddress('10.0.0.3', 'spoofed, 198.51.100.9, 10.0.0.2', 2)).toBe('198.51.100.9')
  })

  it('falls back to the peer when the proxy sent nothing usable', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2')
    expect(clientAddress('10.0.0.2', '', 1)).toBe('10.0.0.2')
    expect(clientAddress('10.0.0.2', '1.2.3.4, not-an-address', 1)).toBe('10.0.0.2')
  })

  it('understands IPv6 entries', () => {
    expect(clientAddress('::1', '2001:db8::1', 1)).toBe('2001:db8::1')
  })
})
