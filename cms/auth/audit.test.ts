import { describe, expect, it } from 'vitest'
import { clipped, MAX_AUDITED_EMAIL } from './audit.ts'

describe('clipped', () => {
  it('keeps real addresses whole and cuts oversized input to the limit, marked', () => {
    expect(clipped('formateur@example.org', MAX_AUDITED_EMAIL)).toBe('formateur@example.org')
    const long = clipped(`${'a'.repeat(40_000)}@example.org`, MAX_AUDITED_EMAIL)!
    expect(long).toHaveLength(MAX_AUDITED_EMAIL)
    expect(long.endsWith('…')).toBe(true)
    expect(clipped(null, 10)).toBeUndefined()
    expect(clipped(undefined, 10)).toBeUndefined()
  })
})
