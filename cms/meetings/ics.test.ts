import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildCalendar, foldLine, icsText, icsTime, meetingUid } from './ics.ts'

const event = {
  uid: meetingUid(12, 'portail.example.ml'),
  sequence: 3,
  start: new Date('2026-03-12T09:00:00Z'),
  end: new Date('2026-03-12T13:00:00Z'),
  summary: 'Réunion du cadre commun, 1er trimestre; Ségou',
  location: 'DNPEF, salle de conférence',
  description: 'Ordre du jour :\n1. Revue du plan',
}

describe('iCalendar building', () => {
  it('escapes text and writes UTC times', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    expect(icsTime(new Date('2026-03-12T09:05:07.123Z'))).toBe('20260312T090507Z')
  })

  it('folds long lines at 75 octets without splitting an accented letter', () => {
    const line = `SUMMARY:${'é'.repeat(80)}`
    const folded = foldLine(line).split('\r\n')
    expect(folded.length).toBeGreaterThan(1)
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
  })

  it('is read back by a real parser: UID, times, SEQUENCE, method and status', () => {
    const text = buildCalendar([event], { method: 'REQUEST', stamp: new Date('2026-03-01T00:00:00Z') })
    expect(text.endsWith('\r\n')).toBe(true)
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(vevent.uid).toBe('reunion-12@portail.example.ml')
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2026-03-12T09:00:00.000Z')
    expect(vevent.endDate.toJSDate().toISOString()).toBe('2026-03-12T13:00:00.000Z')
    expect(vevent.sequence).toBe(3)
    expect(vevent.summary).toBe(event.summary)
    expect(vevent.description).toBe(event.description)
    const cancelled = new ICAL.Component(ICAL.parse(buildCalendar([{ ...event, sequence: 4, cancelled: true }], { method: 'CANCEL', stamp: new Date() })))
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(cancelled.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED')
  })
})
