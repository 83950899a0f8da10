import { z } from 'zod'
import { isoDay } from './trainings.ts'

// Case-management aggregates from a CPIMS+ case export. The portal never holds a child's file: from each row it
// reads only the mapped columns (registration date, region, sex, age, protection concerns, services, referrals,
// status), turns them into counts per month, region, sex and age group, and keeps nothing else. Every other column
// of the export (names, case ids, addresses, caregivers…) is never read. The mapping of column names and of values
// to the portal's categories is configurable, because CPIMS+ configurations differ (docs/indicators.md).

export const CASE_SEXES = { F: { fr: 'Filles', en: 'Girls' }, M: { fr: 'Garçons', en: 'Boys' }, unknown: { fr: 'Non renseigné', en: 'Not recorded' } } as const
export type TCaseSex = keyof typeof CASE_SEXES

export const AGE_GROUPS = ['0-5', '6-11', '12-14', '15-17', '18+', 'unknown'] as const
export type TAgeGroup = (typeof AGE_GROUPS)[number]

/** Protection concerns, as the annual report counts them (types of violence and situations of risk). */
export const CONCERNS = {
  physicalViolence: { fr: 'Violence physique', en: 'Physical violence' },
  sexualViolence: { fr: 'Violence sexuelle', en: 'Sexual violence' },
  psychologicalViolence: { fr: 'Violence psychologique', en: 'Psychological violence' },
  neglect: { fr: 'Négligence', en: 'Neglect' },
  separated: { fr: 'Enfant séparé ou non accompagné', en: 'Separated or unaccompanied child' },
  onTheMove: { fr: 'Enfant en mobilité', en: 'Child on the move' },
  childLabour: { fr: 'Travail des enfants', en: 'Child labour' },
  earlyMarriage: { fr: 'Mariage d’enfants', en: 'Child marriage' },
  armedGroups: { fr: 'Enfant associé aux forces et groupes armés', en: 'Child associated with armed forces and groups' },
  conflictWithLaw: { fr: 'Enfant en conflit avec la loi', en: 'Child in conflict with the law' },
  other: { fr: 'Autre', en: 'Other' },
} as const
export type TConcern = keyof typeof CONCERNS

/** Services provided or referred to. */
export const SERVICES = {
  health: { fr: 'Santé', en: 'Health' },
  psychosocial: { fr: 'Soutien psychosocial', en: 'Psychosocial support' },
  legal: { fr: 'Assistance juridique', en: 'Legal assistance' },
  education: { fr: 'Éducation', en: 'Education' },
  shelter: { fr: 'Hébergement et prise en charge alternative', en: 'Shelter and alternative care' },
  familyTracing: { fr: 'Recherche familiale et réunification', en: 'Family tracing and reunification' },
  economic: { fr: 'Appui économique', en: 'Economic support' },
  basicNeeds: { fr: 'Besoins de base', en: 'Basic needs' },
  other: { fr: 'Autre', en: 'Other' },
} as const
export type TService = keyof typeof SERVICES

export const CASE_STATUSES = { open: { fr: 'Ouvert', en: 'Open' }, closed: { fr: 'Clôturé', en: 'Closed' } } as const
export type TCaseStatus = keyof typeof CASE_STATUSES

/** What is counted: cases (by status), concerns, services provided, referrals (by service). */
export const DIMENSIONS = ['cases', 'concern', 'service', 'referral'] as const
export type TDimension = (typeof DIMENSIONS)[number]

/** The export's column for each figure the portal reads; multi-valued cells are split on `separator`. */
export const ZCpimsMapping = z.object({
  columns: z.object({
    registrationDate: z.string().trim().min(1),
    region: z.string().trim().min(1),
    sex: z.string().trim().min(1),
    age: z.string().trim().min(1),
    concerns: z.string().trim().min(1),
    services: z.string().trim().min(1),
    referrals: z.string().trim().min(1),
    status: z.string().trim().min(1),
  }),
  separator: z.string().min(1).max(3),
  /** Export value (compared accent- and case-insensitively) → portal category. */
  sexValues: z.array(z.object({ from: z.string(), to: z.enum(['F', 'M']) })),
  regionValues: z.array(z.object({ from: z.string(), to: z.string() /* portal region code */ })),
  concernValues: z.array(z.object({ from: z.string(), to: z.enum(Object.keys(CONCERNS) as [TConcern, ...TConcern[]]) })),
  serviceValues: z.array(z.object({ from: z.string(), to: z.enum(Object.keys(SERVICES) as [TService, ...TService[]]) })),
  statusValues: z.array(z.object({ from: z.string(), to: z.enum(['open', 'closed']) })),
})
export type TCpimsMapping = z.infer<typeof ZCpimsMapping>

/** One aggregated count: never a case, only how many cases share these categories. */
export type TCaseAggregate = { month: string; region: string; sex: TCaseSex; ageGroup: TAgeGroup; dimension: TDimension; category: string; count: number }
export type TCaseImportError = { row: number | null; column: string | null; message: string }
export type TCaseImportResult =
  | { ok: true; cases: number; months: string[]; aggregates: TCaseAggregate[]; otherValues: { column: string; value: string; rows: number }[] }
  | { ok: false; errors: TCaseImportError[] }

export const MAX_CASE_ROWS = 50_000
const MAX_ERRORS = 200

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim()

/** The age group of an age in whole years. */
export function ageGroupOf(age: number | null): TAgeGroup {
  if (age === null) return 'unknown'
  if (age <= 5) return '0-5'
  if (age <= 11) return '6-11'
  if (age <= 14) return '12-14'
  if (age <= 17) return '15-17'
  return '18+'
}

/** A date as exports write it: `YYYY-MM-DD` (possibly with a time), or `DD/MM/YYYY`, or `DD-Mon-YYYY` (Primero). */
export function exportDate(value: string): string | null {
  const text = value.trim()
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text)
  if (iso) return isoDay(iso[1]!)
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (fr) return isoDay(`${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`)
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  const primero = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text)
  if (primero) {
    const month = months.indexOf(primero[2]!.toLowerCase())
    return month < 0 ? null : isoDay(`${primero[3]}-${String(month + 1).padStart(2, '0')}-${primero[1]!.padStart(2, '0')}`)
  }
  return null
}

const SEX_DEFAULTS: Record<string, 'F' | 'M'> = { f: 'F', female: 'F', feminin: 'F', fille: 'F', m: 'M', male: 'M', masculin: 'M', garcon: 'M' }

/**
 * Reads a CPIMS+ case export (header row then one row per case) into aggregated counts, or every problem found
 * (row, column, French message). Only the mapped columns are read. Values of concerns and services the mapping does
 * not know are counted as "Autre" and listed, so the coordinator can complete the mapping.
 */
export function aggregateCases(table: { row: number; cells: string[] }[], mapping: TCpimsMapping, regions: readonly { code: string; name: string }[]): TCaseImportResult {
  const [header, ...rows] = table
  if (!header) return { ok: false, errors: [{ row: null, column: null, message: 'Le fichier est vide : exportez les dossiers depuis CPIMS+ avec leur ligne d’en-tête.' }] }
  const dataRows = rows.filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (dataRows.length === 0) return { ok: false, errors: [{ row: null, column: null, message: 'Le fichier ne contient aucun dossier sous la ligne d’en-tête.' }] }
  if (dataRows.length > MAX_CASE_ROWS) return { ok: false, errors: [{ row: null, column: null, message: `Le fichier contient ${dataRows.length} dossiers : la limite est de ${MAX_CASE_ROWS} par import.` }] }
  const index = new Map(header.cells.map((c, i) => [fold(c), i]))
  const errors: TCaseImportError[] = []
  const col: Partial<Record<keyof TCpimsMapping['columns'], number>> = {}
  for (const [key, name] of Object.entries(mapping.columns) as [keyof TCpimsMapping['columns'], string][]) {
    const i = index.get(fold(name))
    if (i === undefined) errors.push({ row: 1, column: name, message: `Colonne « ${name} » absente de l’en-tête : vérifiez l’export CPIMS+ ou la correspondance des colonnes (Rapports › Correspondance CPIMS+).` })
    else col[key] = i
  }
  if (errors.length > 0) return { ok: false, errors }

  const lookup = <T extends string>(pairs: { from: string; to: T }[]) => new Map(pairs.map((p) => [fold(p.from), p.to]))
  const sexes = new Map<string, 'F' | 'M'>([...Object.entries(SEX_DEFAULTS), ...lookup(mapping.sexValues)])
  const regionByValue = new Map<string, string>([...regions.flatMap((r) => [[fold(r.code), r.code], [fold(r.name), r.code]] as [string, string][]), ...lookup(mapping.regionValues)])
  const known = new Set(regions.map((r) => r.code))
  const concerns = lookup(mapping.concernValues)
  const services = lookup(mapping.serviceValues)
  const statuses = new Map<string, TCaseStatus>([['open', 'open'], ['ouvert', 'open'], ['closed', 'closed'], ['cloture', 'closed'], ['ferme', 'closed'], ...lookup(mapping.statusValues)])
  const counts = new Map<string, TCaseAggregate>()
  const others = new Map<string, { column: string; value: string; rows: number }>()
  const add = (a: Omit<TCaseAggregate, 'count'>) => {
    const key = [a.month, a.region, a.sex, a.ageGroup, a.dimension, a.category].join('|')
    const found = counts.get(key)
    if (found) found.count += 1
    else counts.set(key, { ...a, count: 1 })
  }
  const split = (value: string) => [...new Set(value.split(mapping.separator).map((v) => v.trim()).filter(Boolean))]
  const months = new Set<string>()

  for (const { row, cells } of dataRows) {
    if (errors.length >= MAX_ERRORS) break
    const cell = (key: keyof TCpimsMapping['columns']) => (cells[col[key]!] ?? '').trim()
    const rowErrors: TCaseImportError[] = []
    const date = exportDate(cell('registrationDate'))
    if (!date) rowErrors.push({ row, column: mapping.columns.registrationDate, message: `Date d’enregistrement « ${cell('registrationDate')} » illisible : attendu AAAA-MM-JJ ou JJ/MM/AAAA.` })
    const region = regionByValue.get(fold(cell('region')))
    if (!region || !known.has(region)) rowErrors.push({ row, column: mapping.columns.region, message: `Région « ${cell('region')} » inconnue : utilisez le nom ou le code d’une région du portail, ou ajoutez cette valeur à la correspondance.` })
    const sexText = fold(cell('sex'))
    const sex: TCaseSex | undefined = sexText === '' ? 'unknown' : sexes.get(sexText)
    if (!sex) rowErrors.push({ row, column: mapping.columns.sex, message: `Sexe « ${cell('sex')} » inconnu : attendu F ou M (ou une valeur de la correspondance).` })
    const ageText = cell('age')
    const age = ageText === '' ? null : Number(ageText.replace(',', '.'))
    if (age !== null && (!Number.isFinite(age) || age < 0 || age > 25)) rowErrors.push({ row, column: mapping.columns.age, message: `Âge « ${ageText} » invalide : un nombre d’années entre 0 et 25, ou vide.` })
    const statusText = fold(cell('status'))
    const status = statuses.get(statusText)
    if (!status) rowErrors.push({ row, column: mapping.columns.status, message: `Statut « ${cell('status')} » inconnu : attendu ouvert (open) ou clôturé (closed).` })
    if (rowErrors.length > 0) {
      errors.push(...rowErrors)
      continue
    }
    const month = date!.slice(0, 7)
    months.add(month)
    const base = { month, region: region!, sex: sex!, ageGroup: ageGroupOf(age === null ? null : Math.floor(age)) }
    add({ ...base, dimension: 'cases', category: status! })
    const categorise = <T extends string>(column: keyof TCpimsMapping['columns'], map: Map<string, T>, dimension: TDimension) => {
      // A case counts once per category, even when two of its values fall in the same one.
      const categories = new Set<string>()
      for (const value of split(cell(column))) {
        const category = map.get(fold(value))
        if (!category) {
          const key = `${column}|${fold(value)}`
          const seen = others.get(key) ?? { column: mapping.columns[column], value, rows: 0 }
          seen.rows += 1
          others.set(key, seen)
        }
        categories.add(category ?? 'other')
      }
      for (const category of categories) add({ ...base, dimension, category })
    }
    categorise('concerns', concerns, 'concern')
    categorise('services', services, 'service')
    categorise('referrals', services, 'referral')
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) }
  return { ok: true, cases: dataRows.length, months: [...months].sort(), aggregates: [...counts.values()], otherValues: [...others.values()] }
}
