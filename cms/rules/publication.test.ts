import { describe, expect, it } from 'vitest'
import { SCHEDULE_TIMES, scheduleInstant } from './publication.ts'

const now = new Date('2026-12-01T10:00:00Z')

describe('scheduling a publication', () => {
  it('offers every quarter of an hour on the 24-hour clock', () => {
    expect(SCHEDULE_TIMES).toHaveLength(96)
    expect(SCHEDULE_TIMES[0]).toBe('00:00')
    expect(SCHEDULE_TIMES.at(-1)).toBe('23:45')
    expect(SCHEDULE_TIMES.some((t) => /AM|PM/i.test(t))).toBe(false)
  })
  it('reads the day and time in Bamako', () => {
    expect(scheduleInstant('2026-12-02', '14:30', now)).toEqual({ ok: true, at: new Date('2026-12-02T14:30:00Z') })
  })
  it('refuses a missing day, a malformed time and a moment already past, in French', () => {
    expect(scheduleInstant('', '08:00', now)).toEqual({ ok: false, message: 'Choisissez le jour de la publication.' })
    expect(scheduleInstant('2026-12-02', '2:30 PM', now)).toMatchObject({ ok: false, message: expect.stringMatching(/heure/) })
    expect(scheduleInstant('2026-12-01', '09:45', now)).toMatchObject({ ok: false, message: expect.stringMatching(/déjà passé/) })
    expect(scheduleInstant('2026-02-30', '09:45', now)).toMatchObject({ ok: false })
  })
})
