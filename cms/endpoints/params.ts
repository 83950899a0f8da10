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
