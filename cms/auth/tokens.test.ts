import { describe, expect, it } from 'vitest'
import { hashSecret, parseToken, secretMatches, TOKEN_PURPOSES, tokenExpiry } from './tokens.ts'

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

describe('token purposes', () => {
  const now = new Date('2026-03-01T08:00:00Z')
  const DAY = 86_400_000
  it('gives account links their fixed, short lifetime and spends them on use', () => {
    expect(tokenExpiry('reset', now).getTime() - now.getTime()).toBe(3_600_000)
    expect(tokenExpiry('verify', now).getTime() - now.getTime()).toBe(2 * DAY)
    expect(tokenExpiry('invite', now).getTime() - now.getTime()).toBe(7 * DAY)
    expect([TOKEN_PURPOSES.reset, TOKEN_PURPOSES.verify, TOKEN_PURPOSES.invite].every((p) => p.singleUse)).toBe(true)
    expect(() => tokenExpiry('reset', now, new Date('2026-04-01'))).toThrow(/fixed lifetime/)
  })

  it('lets an RSVP live until the meeting, reusable so the answer can change', () => {
    const meetingEnd = new Date('2026-03-12T17:00:00Z')
    expect(tokenExpiry('rsvp', now, meetingEnd)).toEqual(meetingEnd)
    expect(TOKEN_PURPOSES.rsvp.singleUse).toBe(false)
    expect(() => tokenExpiry('rsvp', now)).toThrow(/needs expiresAt/)
    expect(() => tokenExpiry('rsvp', now, now)).toThrow(/in the past/)
    // A meeting years ahead does not make an eternal link.
    expect(tokenExpiry('rsvp', now, new Date('2030-01-01')).getTime()).toBe(now.getTime() + 366 * DAY)
  })

  it('makes the calendar feed long-lived, reusable and one per person', () => {
    expect(tokenExpiry('calendarFeed', now).getTime() - now.getTime()).toBe(365 * DAY)
    expect(TOKEN_PURPOSES.calendarFeed).toMatchObject({ singleUse: false, onePerPerson: true })
  })
})
