// The support desk's vocabulary and figures: plain data in and out, `now` passed in (docs/support.md).

/** What a difficulty is about; the queue and the figures group by it. */
export const SUPPORT_CATEGORIES = [
  { value: 'account', label: { fr: 'Compte et accès', en: 'Account and access' } },
  { value: 'cpims', label: { fr: 'CPIMS+', en: 'CPIMS+' } },
  { value: 'training', label: { fr: 'Formation', en: 'Training' } },
  { value: 'site', label: { fr: 'Site', en: 'Website' } },
  { value: 'other', label: { fr: 'Autre', en: 'Other' } },
] as const
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number]['value']

/** How much the difficulty blocks the person; urgent requests reach the administrators on duty at once. */
export const SUPPORT_URGENCIES = [
  { value: 'normal', label: { fr: 'Normale : je peux continuer à travailler', en: 'Normal: I can keep working' } },
  { value: 'urgent', label: { fr: 'Urgente : je suis bloqué(e)', en: 'Urgent: I am blocked' } },
] as const
export type SupportUrgency = (typeof SUPPORT_URGENCIES)[number]['value']

/** Where a request stands in the queue. */
export const SUPPORT_STATUSES = [
  { value: 'new', label: { fr: 'Nouveau', en: 'New' } },
  { value: 'inProgress', label: { fr: 'En cours', en: 'In progress' } },
  { value: 'waiting', label: { fr: 'En attente', en: 'Waiting' } },
  { value: 'resolved', label: { fr: 'Résolu', en: 'Resolved' } },
] as const
export type SupportStatus = (typeof SUPPORT_STATUSES)[number]['value']

export const labelOf = <T extends string>(list: readonly { value: T; label: { fr: string; en: string } }[], value: T, lang: 'fr' | 'en' = 'fr'): string =>
  list.find((entry) => entry.value === value)?.label[lang] ?? value

/** Letters of a reference number: no 0/O or 1/I/L, so a reference read over the phone is not misheard. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/**
 * A reference number people can quote: `AS-` (assistance), the day in Bamako (= UTC) and five characters drawn
 * from `random` (bytes). Example: AS-20261201-K7P2X. Uniqueness is the database's (unique index); the caller draws again on a clash.
 */
export function supportReference(now: Date, random: Uint8Array): string {
  if (random.length < 5) throw new Error('supportReference needs 5 random bytes.')
  const day = now.toISOString().slice(0, 10).replaceAll('-', '')
  const tail = Array.from(random.subarray(0, 5), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')
  return `AS-${day}-${tail}`
}

/** The shape of a reference number, for look-ups typed by people. */
export const SUPPORT_REFERENCE = /^AS-\d{8}-[A-HJ-NP-Z2-9]{5}$/

/** What the figures need of one request. */
export type TSupportFacts = {
  category: SupportCategory
  urgency: SupportUrgency
  status: SupportStatus
  region?: string | null
  createdAt: string | Date
  firstAnsweredAt?: string | Date | null
  resolvedAt?: string | Date | null
  assignee?: unknown
}

const HOUR = 3_600_000
const hoursBetween = (from: string | Date, to: string | Date): number => (new Date(to).getTime() - new Date(from).getTime()) / HOUR

/** Median of a list of numbers (null when empty), rounded to a tenth. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return Math.round(value * 10) / 10
}

export type TDurationFigures = { count: number; medianHours: number | null; maxHours: number | null }

const durations = (values: number[]): TDurationFigures => ({
  count: values.length,
  medianHours: median(values),
  maxHours: values.length ? Math.round(Math.max(...values) * 10) / 10 : null,
})

export type TSupportFigures = {
  total: number
  open: number
  firstAnswer: TDurationFigures
  resolution: TDurationFigures
  byCategory: Record<SupportCategory, { total: number; open: number; firstAnswerMedianHours: number | null; resolutionMedianHours: number | null }>
  /** Keyed by region name; requests from visitors or accounts without a region are under "—". */
  byRegion: Record<string, { total: number; open: number }>
}

/** Region key of requests that have none (visitors, national accounts). */
export const NO_REGION = '—'

/**
 * Figures of the desk over a set of requests (the caller chooses the period): how long people waited for a first
 * answer and for a resolution (requests answered or resolved only; the open ones count in `open`), by category and
 * by region.
 */
export function supportFigures(requests: readonly TSupportFacts[]): TSupportFigures {
  const firstAnswerHours = (r: TSupportFacts) => (r.firstAnsweredAt ? hoursBetween(r.createdAt, r.firstAnsweredAt) : null)
  const resolutionHours = (r: TSupportFacts) => (r.status === 'resolved' && r.resolvedAt ? hoursBetween(r.createdAt, r.resolvedAt) : null)
  const numbers = (list: readonly TSupportFacts[], of: (r: TSupportFacts) => number | null) => list.map(of).filter((v): v is number => v !== null)
  const byCategory = Object.fromEntries(
    SUPPORT_CATEGORIES.map(({ value }) => {
      const mine = requests.filter((r) => r.category === value)
      return [value, { total: mine.length, open: mine.filter(isWaiting).length, firstAnswerMedianHours: median(numbers(mine, firstAnswerHours)), resolutionMedianHours: median(numbers(mine, resolutionHours)) }]
    }),
  ) as TSupportFigures['byCategory']
  const byRegion: TSupportFigures['byRegion'] = {}
  for (const r of requests) {
    const key = r.region || NO_REGION
    byRegion[key] ??= { total: 0, open: 0 }
    byRegion[key].total += 1
    if (isWaiting(r)) byRegion[key].open += 1
  }
  return {
    total: requests.length,
    open: requests.filter(isWaiting).length,
    firstAnswer: durations(numbers(requests, firstAnswerHours)),
    resolution: durations(numbers(requests, resolutionHours)),
    byCategory,
    byRegion,
  }
}

/** A request still waiting on the desk: anything not resolved. */
export const isWaiting = (r: Pick<TSupportFacts, 'status'>): boolean => r.status !== 'resolved'

export type TSupportWaiting = {
  /** Requests not resolved. */
  total: number
  /** Of which urgent. */
  urgent: number
  /** Of which nobody has answered yet (status new). */
  unanswered: number
  /** Of which nobody is assigned. */
  unassigned: number
  /** Hours the oldest unresolved request has waited (null when none). */
  oldestHours: number | null
}

/**
 * "Support requests waiting" for the back-office dashboard: how many requests are not resolved, how many are
 * urgent, unanswered and unassigned, and how long the oldest has waited at `now`.
 */
export function supportRequestsWaiting(requests: readonly TSupportFacts[], now: Date): TSupportWaiting {
  const waiting = requests.filter(isWaiting)
  const ages = waiting.map((r) => hoursBetween(r.createdAt, now))
  return {
    total: waiting.length,
    urgent: waiting.filter((r) => r.urgency === 'urgent').length,
    unanswered: waiting.filter((r) => r.status === 'new').length,
    unassigned: waiting.filter((r) => r.assignee === null || r.assignee === undefined).length,
    oldestHours: ages.length ? Math.round(Math.max(...ages) * 10) / 10 : null,
  }
}

/**
 * What changes with a status move: the resolution time is set when a request becomes resolved and cleared when it
 * is reopened. The first answer is the first reply sent (see `firstAnswer`).
 */
export function resolutionStamp(before: SupportStatus | undefined, after: SupportStatus, current: string | null | undefined, now: Date): string | null {
  if (after !== 'resolved') return null
  if (before === 'resolved' && current) return current
  return now.toISOString()
}
