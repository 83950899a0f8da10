import { civilDay, TIME_ZONE } from './periods.ts'

// How the back office writes computed values: days as dd/mm/yyyy, times on the 24-hour clock in Bamako, shares
// as "96 %" (French spacing). Used by the dashboard and the list cells so that every screen reads the same.

// Building an Intl formatter costs far more than formatting with it (a page of dates built them by the hundred:
// several per cent of a signed-in page's time), so each locale and options pair is built once per process.
const dateFormatters = new Map<string, Intl.DateTimeFormat>()
const numberFormatters = new Map<string, Intl.NumberFormat>()

/** The process's one `Intl.DateTimeFormat` for these locale and options. */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = dateFormatters.get(key)
  if (!formatter) dateFormatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)))
  return formatter
}

/** The process's one `Intl.NumberFormat` for these locale and options. */
export function numberFormatter(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = numberFormatters.get(key)
  if (!formatter) numberFormatters.set(key, (formatter = new Intl.NumberFormat(locale, options)))
  return formatter
}

/** A day as dd/mm/yyyy (the civil day in Bamako of a timestamp); '' when empty, the input when not a date. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : civilDay(date)
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}

/** A moment as dd/mm/yyyy HH:mm, 24-hour clock, in Bamako. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const time = dateFormatter('fr-FR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
  return `${formatDay(value)} ${time}`
}

/** A share (0–1) as a whole percentage with a narrow no-break space: "96 %". */
export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return ''
  return `${Math.round(Math.min(1, Math.max(0, ratio)) * 100)}\u202f%`
}

/** Text made safe to write into HTML, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
