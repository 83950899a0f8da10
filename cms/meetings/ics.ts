// iCalendar (RFC 5545) files for framework meetings: the invitation attached to emails (METHOD:REQUEST, or
// METHOD:CANCEL when a meeting is cancelled), the download of one meeting and a person's calendar feed. Pure text
// building: the UID is stable per meeting, times are written in UTC (`…Z`), and SEQUENCE is the meeting's
// server-kept revision number, raised at every change calendar software must apply (docs/meetings.md).

export type TIcsEvent = {
  uid: string
  sequence: number
  start: Date
  end: Date
  summary: string
  location?: string | null
  description?: string | null
  url?: string | null
  cancelled?: boolean
  organizer?: { name: string; email: string } | null
  attendees?: { name: string; email: string }[]
}

export type TIcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH'

/** The stable UID of a meeting: the same in every invitation, update, cancellation and feed. */
export function meetingUid(id: number | string, host: string): string {
  return `reunion-${id}@${host}`
}

/** `YYYYMMDDTHHMMSSZ`. */
export function icsTime(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

function eventLines(event: TIcsEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsTime(stamp)}`,
    `DTSTART:${icsTime(event.start)}`,
    `DTEND:${icsTime(event.end)}`,
    `SEQUENCE:${event.sequence}`,
    `SUMMARY:${icsText(event.summary)}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
  ]
  if (event.location) lines.push(`LOCATION:${icsText(event.location)}`)
  if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`)
  if (event.url) lines.push(`URL:${event.url}`)
  if (event.organizer) lines.push(`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`)
  for (const a of event.attendees ?? []) lines.push(`ATTENDEE;CN=${quoteParam(a.name)};ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${a.email}`)
  lines.push('END:VEVENT')
  return lines
}

/** A parameter value in double quotes (a name may hold commas or semicolons); quotes themselves are dropped. */
function quoteParam(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`
}

/** A VCALENDAR with the events, CRLF line ends and folded lines. */
export function buildCalendar(events: readonly TIcsEvent[], options: { method: TIcsMethod; stamp: Date; name?: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Portail national de protection de l’enfant (Mali)//Cadre commun//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method}`,
    ...(options.name ? [`X-WR-CALNAME:${icsText(options.name)}`] : []),
    ...events.flatMap((e) => eventLines(e, options.stamp)),
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
