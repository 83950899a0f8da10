import { parsePeriodCode, type TPeriod, type TPeriodType } from '../rules/periods.ts'
import { PortalError } from './errors.ts'

/**
 * A query parameter that takes one of a few values (`?format=pdf|docx`): missing or empty → `fallback`; one of
 * `allowed` → itself; anything else → PortalError `invalidParameter` (400, « Paramètre « format » invalide : pdf
 * ou docx. »), never a silent default.
 */
export function choiceParam<T extends string>(searchParams: URLSearchParams | undefined, name: string, allowed: readonly T[], fallback: T): T {
  const value = searchParams?.get(name)
  if (value === null || value === undefined || value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new PortalError('invalidParameter', { name, allowed })
}

const PERIOD_EXAMPLES: Record<TPeriodType, string> = { day: '20250301', week: '2025W10', month: '202503', quarter: '2025Q1', year: '2025' }

/**
 * A period given by its DHIS2 code (`?period=202503`, `2025Q1`, `2025`), of one of the `types` allowed; missing or
 * anything else → PortalError `invalidParameter` naming the accepted forms.
 */
export function periodParam<T extends TPeriodType>(searchParams: URLSearchParams | undefined, name: string, types: readonly T[]): Extract<TPeriod, { type: T }> {
  const period = parsePeriodCode(searchParams?.get(name) ?? '')
  if (period && (types as readonly string[]).includes(period.type)) return period as Extract<TPeriod, { type: T }>
  throw new PortalError('invalidParameter', { name, allowed: types.map((t) => PERIOD_EXAMPLES[t]) })
}
