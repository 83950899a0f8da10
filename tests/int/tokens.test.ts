import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { checkToken, consumeToken, issueToken, revokeTokens } from '#cms/auth/tokens.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// RSVP and calendar-feed tokens on a real database: reuse, binding to a meeting, expiry, revocation.
let payload: Payload
let user: User
beforeAll(async () => {
  payload = await testPortal()
  user = await accountByEmail(payload, 'formateur@example.org')
})

describe('RSVP tokens', () => {
  const now = new Date()
  const meetingEnd = new Date(now.getTime() + 10 * 86_400_000)

  it('answer for their meeting only, several times, until the meeting ends', async () => {
    const token = await issueToken(payload, 'rsvp', user.id, now, undefined, { expiresAt: meetingEnd, subject: 'meetings:12' })
    expect(await consumeToken(payload, token, ['rsvp'], now, 'meetings:12')).toMatchObject({ userId: user.id, purpose: 'rsvp', subject: 'meetings:12' })
    // Not spent: the invitee can change their answer.
    expect(await consumeToken(payload, token, ['rsvp'], now, 'meetings:12')).not.toBeNull()
    expect(await consumeToken(payload, token, ['rsvp'], now, 'meetings:13')).toBeNull()
    expect(await consumeToken(payload, token, ['rsvp'], now)).toBeNull()
    expect(await consumeToken(payload, token, ['reset'], now, 'meetings:12')).toBeNull()
    expect(await checkToken(payload, token, ['rsvp'], new Date(meetingEnd.getTime() + 1000), 'meetings:12')).toBeNull()
  })

  it('need the meeting they answer, and can be withdrawn for a cancelled meeting', async () => {
    await expect(issueToken(payload, 'rsvp', user.id, now, undefined, { expiresAt: meetingEnd })).rejects.toThrow(/needs a subject/)
    const kept = await issueToken(payload, 'rsvp', user.id, now, undefined, { expiresAt: meetingEnd, subject: 'meetings:20' })
    const cancelled = await issueToken(payload, 'rsvp', user.id, now, undefined, { expiresAt: meetingEnd, subject: 'meetings:21' })
    await revokeTokens(payload, user.id, ['rsvp'], undefined, 'meetings:21')
    expect(await checkToken(payload, cancelled, ['rsvp'], now, 'meetings:21')).toBeNull()
    expect(await checkToken(payload, kept, ['rsvp'], now, 'meetings:20')).not.toBeNull()
  })
})

describe('calendar feed tokens', () => {
  it('are read again and again, and a new address revokes the previous one', async () => {
    const first = await issueToken(payload, 'calendarFeed', user.id)
    for (let i = 0; i < 3; i++) expect(await consumeToken(payload, first, ['calendarFeed'])).toMatchObject({ purpose: 'calendarFeed', userId: user.id })
    const second = await issueToken(payload, 'calendarFeed', user.id)
    expect(await checkToken(payload, first, ['calendarFeed'])).toBeNull()
    expect(await checkToken(payload, second, ['calendarFeed'])).not.toBeNull()
    await revokeTokens(payload, user.id, ['calendarFeed'])
    expect(await checkToken(payload, second, ['calendarFeed'])).toBeNull()
  })

  it('expire after a year', async () => {
    const issued = new Date()
    const token = await issueToken(payload, 'calendarFeed', user.id, issued)
    expect(await checkToken(payload, token, ['calendarFeed'], new Date(issued.getTime() + 364 * 86_400_000))).not.toBeNull()
    expect(await checkToken(payload, token, ['calendarFeed'], new Date(issued.getTime() + 366 * 86_400_000))).toBeNull()
  })

  it('leave account links single use', async () => {
    const token = await issueToken(payload, 'verify', user.id)
    expect(await consumeToken(payload, token, ['verify'])).not.toBeNull()
    expect(await consumeToken(payload, token, ['verify'])).toBeNull()
  })
})
