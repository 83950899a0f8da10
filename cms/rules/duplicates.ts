// Probable duplicates in the registry of people trained. Registers are typed from paper lists, so one person
// comes back as "Traoré" and "TRAORE", "Diarra" and "Diara", "+223 76 12 34 56" and "76123456". The match is
// done here, in plain code over the registry's identities: SQL's LIKE cannot fold accented capitals nor forgive
// a typing slip. Used when a person is created (by hand, in /admin or on the trainer pages) and at import.

import { normaliseEmail, normalisePhone } from './trainings.ts'

export type TPersonIdentity = { id: string | number; firstName: string; lastName: string; phone?: string | null; email?: string | null }

/** Why a registry person is thought to be the candidate. */
export type TMatchReason = 'phone' | 'email' | 'name'
export type TProbableDuplicate = { id: string | number; reasons: TMatchReason[]; exactName: boolean }

/** The full name as the registry shows it: last name in capitals, then first name ("TRAORÉ Aminata"). */
export function fullNameOf(person: { firstName?: string | null; lastName?: string | null }): string {
  const last = String(person.lastName ?? '').replace(/\s+/g, ' ').trim().toLocaleUpperCase('fr')
  const first = String(person.firstName ?? '').replace(/\s+/g, ' ').trim()
  return `${last} ${first}`.trim()
}

/** A name as comparable words: accents and case folded, punctuation dropped ("Traoré-Diallo" → ["traore", "diallo"]). */
export function nameTokens(name: string | null | undefined): string[] {
  return (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1 ("Diarra"/"Diara" 1, "Kieta"/"Keita" 1).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

/** Slips forgiven in a word: none in short words (Ba, Sy, Diop are different families), one, then two from ten letters. */
function tolerance(length: number): number {
  return length < 4 ? 0 : length < 10 ? 1 : 2
}

/** Whether two words are the same name typed with at most the tolerated slips. */
function closeWords(a: string, b: string): boolean {
  return a === b || editDistance(a, b) <= tolerance(Math.max(a.length, b.length))
}

/**
 * Whether two people's names are probably the same, ignoring case, accents, word order (lists swap first and last
 * names) and one slip per word (two in long words): every word of the shorter name has a close word in the other.
 */
export function closeNames(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  const left = [...nameTokens(a.firstName), ...nameTokens(a.lastName)]
  const right = [...nameTokens(b.firstName), ...nameTokens(b.lastName)]
  if (left.length === 0 || right.length === 0) return false
  // Compact spellings ("Aminata Traore" vs "Aminatatraore") are compared as one word too.
  if (closeWords(left.join(''), right.join('')) || closeWords([...left].reverse().join(''), right.join(''))) return true
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left]
  const unused = [...longer]
  for (const word of shorter) {
    const at = unused.findIndex((other) => closeWords(word, other))
    if (at === -1) return false
    unused.splice(at, 1)
  }
  return true
}

/**
 * Whether a person answers a name search typed by a trainer: every word typed is close to a word of the person's
 * name (the same tolerance as closeNames), or starts one when it has at least three letters ("Trao" finds
 * "Traoré"). Word order, case and accents do not matter.
 */
export function matchesNameSearch(person: { firstName: string; lastName: string }, query: string): boolean {
  const typed = nameTokens(query)
  const words = [...nameTokens(person.firstName), ...nameTokens(person.lastName)]
  if (typed.length === 0 || words.length === 0) return false
  const unused = [...words]
  for (const word of typed) {
    const at = unused.findIndex((other) => closeWords(word, other) || (word.length >= 3 && other.startsWith(word)))
    if (at === -1) return false
    unused.splice(at, 1)
  }
  return true
}

/** Whether two names are the same once case, accents, punctuation and word order are set aside. */
export function sameNames(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  const key = (p: { firstName: string; lastName: string }) => [...nameTokens(p.firstName), ...nameTokens(p.lastName)].sort().join(' ')
  return key(a) !== '' && key(a) === key(b)
}

/**
 * Registry people who are probably the candidate, strongest first: a close name with the same phone or e-mail
 * (normalised: spaces, +223/00223, case), or the very same name when the candidate gives neither phone nor e-mail.
 * A shared phone or e-mail alone is not enough: offices and families share them.
 */
export function probableDuplicates(existing: TPersonIdentity[], candidate: Omit<TPersonIdentity, 'id'> & { id?: string | number | null }): TProbableDuplicate[] {
  const phone = normalisePhone(candidate.phone)
  const email = normaliseEmail(candidate.email)
  const matches: (TProbableDuplicate & { strength: number })[] = []
  for (const person of existing) {
    if (candidate.id != null && String(person.id) === String(candidate.id)) continue
    if (!closeNames(person, candidate)) continue
    const exactName = sameNames(person, candidate)
    const reasons: TMatchReason[] = ['name']
    if (phone !== '' && normalisePhone(person.phone) === phone) reasons.push('phone')
    if (email !== '' && normaliseEmail(person.email) === email) reasons.push('email')
    const contactless = phone === '' && email === ''
    if (reasons.length === 1 && !(contactless && exactName)) continue
    matches.push({ id: person.id, reasons, exactName, strength: reasons.length * 2 + (exactName ? 1 : 0) })
  }
  return matches.sort((a, b) => b.strength - a.strength).map(({ strength: _strength, ...match }) => match)
}

/**
 * Pairs of registry records that are probably one person (each pair once, lower id first), for coordination to
 * review and merge. People are compared only within groups sharing a phone, an e-mail or the very same name, so
 * that a registry of thousands is not compared pair by pair.
 */
export function probablePairs(registry: TPersonIdentity[]): [string | number, string | number][] {
  const buckets = new Map<string, TPersonIdentity[]>()
  const put = (key: string, person: TPersonIdentity) => buckets.set(key, [...(buckets.get(key) ?? []), person])
  for (const person of registry) {
    const phone = normalisePhone(person.phone)
    const email = normaliseEmail(person.email)
    if (phone) put(`t:${phone}`, person)
    if (email) put(`e:${email}`, person)
    put(`n:${[...nameTokens(person.firstName), ...nameTokens(person.lastName)].sort().join(' ')}`, person)
  }
  const pairs = new Map<string, [string | number, string | number]>()
  for (const group of buckets.values()) {
    for (const person of group) {
      for (const match of probableDuplicates(group, person)) {
        const [a, b] = [person.id, match.id].sort((x, y) => Number(x) - Number(y) || String(x).localeCompare(String(y)))
        pairs.set(`${a}|${b}`, [a!, b!])
      }
    }
  }
  return [...pairs.values()]
}

// ---------------------------------------------------------------------------------------------------------------
// Merging two records of one person

/** The fields a merge may take from either record (the rest is the kept record's, or the system's). */
export const MERGE_FIELDS = ['firstName', 'lastName', 'sex', 'function', 'organisation', 'region', 'phone', 'email'] as const
export type TMergeField = (typeof MERGE_FIELDS)[number]
/** One side of a merge: its values, and the day (YYYY-MM-DD) the person was last seen in a training through it. */
export type TMergeCandidate = { lastSeen: string; values: Partial<Record<TMergeField, unknown>> }

/**
 * What a merge keeps when nobody picks: every value of the kept record (`into`), except that an empty contact or
 * function never wins over a filled one, and organisation and region come from whichever record was seen in a
 * training last — people change posts, the older record's organisation is the stale one.
 */
export function defaultMergeChoices(from: TMergeCandidate, into: TMergeCandidate): Record<TMergeField, 'from' | 'into'> {
  const choices = Object.fromEntries(MERGE_FIELDS.map((f) => [f, 'into'])) as Record<TMergeField, 'from' | 'into'>
  for (const f of ['phone', 'email', 'function'] as const) if (!into.values[f] && from.values[f]) choices[f] = 'from'
  const fresher = from.lastSeen > into.lastSeen ? 'from' : 'into'
  return { ...choices, organisation: fresher, region: fresher }
}
