// Import of a training's participants, daily attendance and test scores from a spreadsheet (XLSX or CSV). The
// import is all or nothing, so this module only reads and validates: it returns either every row, ready to
// write, or every problem found (row, column, French message with its fix), so that the trainer corrects the
// file once rather than error by error.

import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { fileTypeFromBuffer } from 'file-type'
import { z } from 'zod'
import {
  ATTENDANCE_STATUSES,
  formatDateFr,
  formatDateRangeFr,
  isoDay,
  isValidScore,
  MAX_TRAINING_DAYS,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  type AttendanceStatus,
  type Sex,
} from '../rules/trainings.ts'

export const IMPORT_COLUMNS = ['Prénom', 'Nom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Téléphone', 'E-mail', 'Pré-test', 'Post-test'] as const // then one column per training day, header = 'YYYY-MM-DD'
export type TImportColumn = (typeof IMPORT_COLUMNS)[number]
export type TImportRow = {
  row: number
  firstName: string
  lastName: string
  sex: Sex
  function: string
  organisation: string
  region: string
  /** Digits only, without Mali's +223 (see normalisePhone). */
  phone: string | null
  /** Trimmed and lower-cased. */
  email: string | null
  preTest: number | null
  postTest: number | null
  /** Marked days only, in training order; an empty cell leaves the day unmarked. */
  attendance: { date: string; status: AttendanceStatus }[]
}
export type TImportError = { row: number | null; column: string | null; message: string } // French message, row = spreadsheet row number (header is row 1)
export type TImportContext = {
  days: string[]
  organisations: string[] /* acronyms */
  regions: string[] /* names */
  /** Keep an organisation missing from the list as typed (the import shows it and may create it) instead of refusing the row. */
  acceptNewOrganisations?: boolean
}
export type TImportResult = { ok: true; rows: TImportRow[] } | { ok: false; errors: TImportError[] }

export const MAX_IMPORT_ROWS = 2000
/** Errors listed at most: beyond, the file is surely not the right one, and a longer list helps nobody. */
export const MAX_IMPORT_ERRORS = 200
/** `onProgress` is called after every this many rows (and once at the end). */
export const PROGRESS_EVERY = 100

export const NOT_A_SPREADSHEET = 'Le fichier n’est pas un tableur XLSX ou CSV valide.'

type TFieldKey = 'firstName' | 'lastName' | 'sex' | 'function' | 'organisation' | 'region' | 'phone' | 'email' | 'preTest' | 'postTest'
const FIELD_OF: Record<TImportColumn, TFieldKey> = {
  Prénom: 'firstName',
  Nom: 'lastName',
  Sexe: 'sex',
  Fonction: 'function',
  Structure: 'organisation',
  Région: 'region',
  Téléphone: 'phone',
  'E-mail': 'email',
  'Pré-test': 'preTest',
  'Post-test': 'postTest',
}

const EXPECTED_HEADER = `${IMPORT_COLUMNS.join(', ')}, puis une colonne par jour de formation (en-tête AAAA-MM-JJ)`

// ---------------------------------------------------------------------------------------------------------------
// Reading the file into rows of text cells

/** A spreadsheet row as text cells (trimmed), with its number as the spreadsheet shows it. */
export type TRawRow = { row: number; cells: string[] }
export type TTable = { ok: true; rows: TRawRow[] } | { ok: false; errors: TImportError[] }

const fileError = (message: string): { ok: false; errors: TImportError[] } => ({ ok: false, errors: [{ row: null, column: null, message }] })

/** Reads an XLSX or CSV file into text rows, deciding the format from the bytes, never from the file name. */
export async function readTable(data: Buffer): Promise<TTable> {
  const type = await fileTypeFromBuffer(data)
  if (type?.ext === 'xlsx' || type?.ext === 'zip') return readXlsx(data)
  if (type?.ext === 'cfb') return fileError(`${NOT_A_SPREADSHEET} Les classeurs Excel 97-2003 (.xls) ne sont pas acceptés : enregistrez le fichier au format .xlsx.`)
  if (type) return fileError(NOT_A_SPREADSHEET)
  return readCsv(data)
}

async function readXlsx(data: Buffer): Promise<TTable> {
  const workbook = new ExcelJS.Workbook()
  try {
    // ExcelJS declares its own Buffer type; the bytes are the same.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0])
  } catch {
    return fileError(NOT_A_SPREADSHEET)
  }
  // The template's first sheet is "Participants" and its second "Consignes": prefer the sheet by name.
  const sheet = workbook.worksheets.find((ws) => normaliseName(ws.name) === 'participants') ?? workbook.worksheets[0]
  if (!sheet) return fileError(NOT_A_SPREADSHEET)
  const rows: TRawRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value))
    rows.push({ row: rowNumber, cells })
  })
  return { ok: true, rows }
}

/** The text a person sees in a cell: rich text joined, hyperlink text, formula result, dates as `YYYY-MM-DD`. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX'
  // Spreadsheets turn a typed 2024-09-17 into a date; ExcelJS returns it at midnight UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('').trim()
    if ('hyperlink' in value && 'text' in value) return cellText(value.text)
    if ('formula' in value || 'sharedFormula' in value) return cellText('result' in value ? value.result : null)
    if ('error' in value) return String(value.error)
  }
  return String(value).trim()
}

function readCsv(data: Buffer): TTable {
  let bytes = data
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
  // NUL bytes mean a binary file, or UTF-16 text: neither is a CSV this import reads.
  if (bytes.includes(0)) return fileError(NOT_A_SPREADSHEET)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Excel's plain "CSV" export is in Windows-1252 in French settings: say how to get UTF-8 instead.
    return fileError('Le fichier CSV n’est pas encodé en UTF-8 : dans Excel, choisissez « Enregistrer sous » puis le type « CSV UTF-8 (délimité par des virgules) », ou importez le fichier XLSX.')
  }
  // Control characters (other than tab and line breaks) do not occur in a spreadsheet's text: this is binary.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return fileError(NOT_A_SPREADSHEET)
  if (text.trim() === '') return { ok: true, rows: [] }
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? ''
  const semicolons = firstLine.split(';').length - 1
  const commas = firstLine.split(',').length - 1
  // A header without any separator is plain text, not a table.
  if (semicolons === 0 && commas === 0) return fileError(NOT_A_SPREADSHEET)
  let records: string[][]
  try {
    records = parseCsv(text, { delimiter: semicolons >= commas ? ';' : ',', relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][]
  } catch (error) {
    const line = typeof error === 'object' && error && 'lines' in error ? Number(error.lines) : null
    return fileError(`Le fichier CSV est mal formé${line ? ` près de la ligne ${line}` : ''} (guillemet non fermé ?) : enregistrez-le de nouveau depuis votre tableur.`)
  }
  // One record is one spreadsheet row, even when a quoted cell spans several lines of the file.
  return { ok: true, rows: records.map((cells, i) => ({ row: i + 1, cells })) }
}

const isEmptyRow = (row: TRawRow) => row.cells.every((cell) => cell === '')

// ---------------------------------------------------------------------------------------------------------------
// Header

type TColumnRole = { kind: 'field'; field: TFieldKey; column: TImportColumn } | { kind: 'day'; date: string } | { kind: 'ignored' }
type THeader = { roles: TColumnRole[]; errors: TImportError[] }

/** Column letters as the spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** A header cell read as a training day: `YYYY-MM-DD`, or `JJ/MM/AAAA` as French spreadsheets write it. */
function headerDate(header: string): { date: string | null } | null {
  const iso = /^\d{4}-\d{1,2}-\d{1,2}$/.exec(header)
  if (iso) {
    const [y, m, d] = header.split('-')
    return { date: isoDay(`${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`) }
  }
  const french = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(header)
  if (french) return { date: isoDay(`${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}`) }
  return null
}

function readHeader(cells: string[], context: TImportContext): THeader {
  const errors: TImportError[] = []
  const roles: TColumnRole[] = []
  const fixedByKey = new Map(IMPORT_COLUMNS.map((c) => [normaliseName(c), c]))
  const seen = new Map<string, number>()
  const trainingDays = new Set(context.days)
  const range = context.days.length > 0 ? formatDateRangeFr(context.days[0] as string, context.days[context.days.length - 1] as string) : 'aucun jour défini'
  cells.forEach((header, index) => {
    const letter = columnLetter(index)
    if (header === '') {
      roles.push({ kind: 'ignored' })
      return
    }
    const fixed = fixedByKey.get(normaliseName(header))
    const date = fixed ? null : headerDate(header)
    const identity = fixed ?? date?.date ?? null
    if (identity !== null) {
      const previous = seen.get(identity)
      if (previous !== undefined) {
        errors.push({ row: 1, column: header, message: `Colonne en double : « ${header} » (colonnes ${columnLetter(previous)} et ${letter}). Gardez-en une seule.` })
        roles.push({ kind: 'ignored' })
        return
      }
      seen.set(identity, index)
    }
    if (fixed) roles.push({ kind: 'field', field: FIELD_OF[fixed], column: fixed })
    else if (date && date.date === null) {
      errors.push({ row: 1, column: header, message: `En-tête de date invalide : « ${header} » (colonne ${letter}). Indiquez le jour au format AAAA-MM-JJ, par exemple ${context.days[0] ?? '2024-09-17'}.` })
      roles.push({ kind: 'ignored' })
    } else if (date?.date) {
      if (!trainingDays.has(date.date)) {
        errors.push({ row: 1, column: header, message: `La colonne « ${header} » (colonne ${letter}) ne correspond à aucun jour de la formation (${range}). Corrigez la date ou supprimez la colonne.` })
        roles.push({ kind: 'ignored' })
      } else roles.push({ kind: 'day', date: date.date })
    } else {
      errors.push({ row: 1, column: header, message: `Colonne inconnue : « ${header} » (colonne ${letter}). Supprimez-la ou renommez-la ; colonnes attendues : ${EXPECTED_HEADER}.` })
      roles.push({ kind: 'ignored' })
    }
  })
  for (const column of IMPORT_COLUMNS) {
    if (!seen.has(column)) errors.push({ row: 1, column, message: `Colonne manquante : « ${column} ». Ajoutez-la à la première ligne (voir le modèle d’import), même si elle reste vide.` })
  }
  for (const day of context.days) {
    if (!seen.has(day)) {
      errors.push({ row: 1, column: day, message: `Colonne manquante pour le jour du ${formatDateFr(day)} : ajoutez une colonne « ${day} » (laissez ses cellules vides si la présence n’est pas connue).` })
    }
  }
  return { roles, errors }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

/** Adds a French problem to a zod transform and returns zod's "no value" marker. */
function fail(ctx: z.core.$RefinementCtx<string>, input: string, message: string): never {
  ctx.issues.push({ code: 'custom', message, input })
  return z.NEVER
}

const ZName = (label: string, article: string) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, { error: `${label} manquant : renseignez ${article} du participant.` }).max(100, { error: `${label} trop long : 100 caractères au maximum.` }))

const SEX_VALUES: Record<string, Sex> = { f: 'F', femme: 'F', feminin: 'F', m: 'M', h: 'M', homme: 'M', masculin: 'M' }
const ZSexCell = z.string().transform((v, ctx): Sex => {
  if (v === '') return fail(ctx, v, 'Sexe manquant : indiquez F (femme) ou M (homme).')
  return SEX_VALUES[normaliseName(v)] ?? fail(ctx, v, `Sexe invalide : « ${v} ». Indiquez F (femme) ou M (homme).`)
})

const ZFunctionCell = z
  .string()
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(120, { error: 'Fonction trop longue : 120 caractères au maximum (comme dans le registre).' }))

const ZPhoneCell = z.string().transform((v, ctx): string | null => {
  if (v === '') return null
  const digits = normalisePhone(v)
  if (!/^[+\d\s().-]+$/.test(v) || digits.length < 8 || digits.length > 15) {
    return fail(ctx, v, `Téléphone invalide : « ${v} ». Indiquez un seul numéro de 8 à 15 chiffres, par exemple 76 12 34 56 ou +223 76 12 34 56.`)
  }
  return digits
})

const ZEmailCell = z.string().transform((v, ctx): string | null => {
  if (v === '') return null
  const email = normaliseEmail(v)
  return z.email().safeParse(email).success ? email : fail(ctx, v, `Adresse e-mail invalide : « ${v} ». Corrigez-la (par exemple prenom.nom@exemple.org) ou laissez la cellule vide.`)
})

const ZScoreCell = (column: string) =>
  z.string().transform((v, ctx): number | null => {
    if (v === '') return null
    const normalised = v.replace(/\s/g, '').replace(',', '.')
    const score = /^\d+(?:\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN
    // Spreadsheets store 75.5 as 75.49999…: two decimals are more than any test needs.
    if (!isValidScore(score)) return fail(ctx, v, `${column} invalide : « ${v} ». Indiquez un score entre 0 et 100 (par exemple 75 ou 75,5), ou laissez la cellule vide.`)
    return Math.round(score * 100) / 100
  })

const ATTENDANCE_VALUES: Record<string, AttendanceStatus> = {
  ...Object.fromEntries(Object.entries(ATTENDANCE_STATUSES).map(([status, { code }]) => [code.toLowerCase(), status as AttendanceStatus])),
  present: 'present',
  absent: 'absent',
  retard: 'late',
  enretard: 'late',
  excuse: 'excused',
}
const ZAttendanceCell = z.string().transform((v, ctx): AttendanceStatus | null => {
  if (v === '') return null
  return ATTENDANCE_VALUES[normaliseName(v)] ?? fail(ctx, v, `Présence invalide : « ${v} ». Indiquez P (présent), A (absent), R (retard) ou E (excusé), ou laissez la cellule vide.`)
})

/** An organisation's acronym not yet in the list, kept as typed (spaces tidied) when it is a plausible acronym. */
const MAX_ACRONYM = 40
function ZNewAcronym(v: string, ctx: z.core.$RefinementCtx<string>): string {
  const acronym = v.replace(/\s+/g, ' ').trim()
  return acronym.length <= MAX_ACRONYM ? acronym : fail(ctx, v, `Sigle de structure trop long : « ${v} » (${MAX_ACRONYM} caractères au maximum). Indiquez le sigle, pas le nom complet.`)
}

/**
 * A lookup in a reference list (organisations, regions) that ignores case, accents and spaces, returning the
 * list's spelling; a value not in the list is refused, or given to `otherwise` when there is one.
 */
function ZReferenceCell(list: string[], missing: string, unknown: (v: string) => string, otherwise?: (v: string, ctx: z.core.$RefinementCtx<string>) => string) {
  const byKey = new Map(list.map((item) => [normaliseName(item), item]))
  return z.string().transform((v, ctx): string => {
    if (v === '') return fail(ctx, v, missing)
    return byKey.get(normaliseName(v)) ?? (otherwise ? otherwise(v, ctx) : fail(ctx, v, unknown(v)))
  })
}

const dayKey = (date: string) => `day:${date}`

/** The zod schema of one row (text cells in, typed values out), built for a training's days and reference lists. */
export function ZImportRow(context: TImportContext) {
  return z.object({
    firstName: ZName('Prénom', 'le prénom'),
    lastName: ZName('Nom', 'le nom de famille'),
    sex: ZSexCell,
    function: ZFunctionCell,
    organisation: ZReferenceCell(
      context.organisations,
      'Structure manquante : indiquez le sigle d’une structure existante.',
      (v) => `Structure inconnue : « ${v} ». Utilisez le sigle d’une structure existante.`,
      context.acceptNewOrganisations ? ZNewAcronym : undefined,
    ),
    region: ZReferenceCell(
      context.regions,
      'Région manquante : indiquez le nom d’une région de la liste.',
      (v) => `Région inconnue : « ${v} ». Utilisez un nom de région de la liste (onglet « Consignes » du modèle).`,
    ),
    phone: ZPhoneCell,
    email: ZEmailCell,
    preTest: ZScoreCell('Pré-test'),
    postTest: ZScoreCell('Post-test'),
    ...Object.fromEntries(context.days.map((day) => [dayKey(day), ZAttendanceCell])),
  })
}

/** Lets the event loop breathe between batches, so a large import does not freeze the server. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/** French thousands for messages: 50000 → "50 000" (a plain space, as the limit is written in the interface). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

/** Reads and validates a participants file (XLSX or CSV): every row, or every error (at most 200) by row and column. */
export async function parseParticipantsFile(
  file: { name: string; data: Buffer },
  context: TImportContext,
  onProgress?: (done: number, total: number) => void,
): Promise<TImportResult> {
  const table = await readTable(file.data)
  if (!table.ok) return table
  const header = table.rows.find((r) => r.row === 1)
  if (table.rows.every(isEmptyRow)) {
    return fileError('Le fichier est vide : la première ligne doit contenir les en-têtes et les lignes suivantes un participant chacune (voir le modèle d’import).')
  }
  if (!header || isEmptyRow(header)) return fileError(`La première ligne doit contenir les en-têtes des colonnes : ${EXPECTED_HEADER}.`)
  const dataRows = table.rows.filter((r) => r.row > 1 && !isEmptyRow(r))
  // Refused before any validation: a file this long is the wrong file, and checking it would only waste time.
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return fileError(`Le fichier contient ${thousands(dataRows.length)} lignes : la limite est de ${thousands(MAX_IMPORT_ROWS)} lignes par import.`)
  }
  if (context.days.length > MAX_TRAINING_DAYS) return fileError(`La formation compte plus de ${MAX_TRAINING_DAYS} jours : vérifiez ses dates avant l’import.`)
  const { roles, errors: headerErrors } = readHeader(header.cells, context)
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors.slice(0, MAX_IMPORT_ERRORS) }
  if (dataRows.length === 0) return fileError('Le fichier ne contient aucun participant : remplissez une ligne par participant sous les en-têtes.')

  const schema = ZImportRow(context)
  const columnOfKey = new Map<string, string>()
  roles.forEach((role, index) => {
    if (role.kind === 'field') columnOfKey.set(role.field, role.column)
    else if (role.kind === 'day') columnOfKey.set(dayKey(role.date), header.cells[index] ?? role.date)
  })

  const errors: TImportError[] = []
  let truncated = false
  const report = (error: TImportError) => {
    if (errors.length < MAX_IMPORT_ERRORS - 1) errors.push(error)
    else truncated = true
  }
  const rows: TImportRow[] = []
  // Earlier rows by normalised name, to spot a person entered twice.
  const byName = new Map<string, { row: number; phone: string; email: string }[]>()

  for (const [index, raw] of dataRows.entries()) {
    if (truncated) break
    const input: Record<string, string> = {}
    raw.cells.forEach((cell, i) => {
      const role = roles[i]
      if (role?.kind === 'field') input[role.field] = cell
      else if (role?.kind === 'day') input[dayKey(role.date)] = cell
      else if (cell !== '') {
        report({ row: raw.row, column: null, message: `Cellule remplie sous une colonne sans en-tête valide (colonne ${columnLetter(i)}) : « ${cell} ». Déplacez la valeur dans la bonne colonne ou supprimez-la.` })
      }
    })
    for (const key of columnOfKey.keys()) input[key] ??= ''
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      const reported = new Set<string>()
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '')
        if (reported.has(key)) continue
        reported.add(key)
        report({ row: raw.row, column: columnOfKey.get(key) ?? null, message: issue.message })
      }
    }

    const duplicate = findDuplicate(byName, input)
    if (duplicate) report({ row: raw.row, column: null, message: `Doublon : ce participant figure déjà à la ligne ${duplicate.row} (${duplicate.reason}). Supprimez l’une des deux lignes.` })
    rememberName(byName, input, raw.row)

    if (parsed.success) {
      const value = parsed.data as Record<string, unknown> & z.infer<ReturnType<typeof ZImportRow>>
      rows.push({
        row: raw.row,
        firstName: value.firstName,
        lastName: value.lastName,
        sex: value.sex,
        function: value.function,
        organisation: value.organisation,
        region: value.region,
        phone: value.phone,
        email: value.email,
        preTest: value.preTest,
        postTest: value.postTest,
        attendance: context.days.flatMap((date) => {
          const status = value[dayKey(date)] as AttendanceStatus | null | undefined
          return status ? [{ date, status }] : []
        }),
      })
    }
    const done = index + 1
    if (done % PROGRESS_EVERY === 0) {
      onProgress?.(done, dataRows.length)
      await breathe()
    }
  }
  if (truncated) {
    errors.push({ row: null, column: null, message: `Plus de ${MAX_IMPORT_ERRORS} erreurs : l’analyse s’est arrêtée ici. Corrigez les erreurs listées (ou vérifiez qu’il s’agit du bon fichier) puis importez-le de nouveau.` })
  } else if (dataRows.length % PROGRESS_EVERY !== 0) onProgress?.(dataRows.length, dataRows.length)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows }
}

function nameKeys(input: Record<string, string>): { key: string; swapped: string } | null {
  const first = normaliseName(input.firstName)
  const last = normaliseName(input.lastName)
  return first && last ? { key: `${first}|${last}`, swapped: `${last}|${first}` } : null
}

/** An earlier row with the same person: same name and same phone or e-mail, or the same bare name when neither row has either. */
function findDuplicate(byName: Map<string, { row: number; phone: string; email: string }[]>, input: Record<string, string>): { row: number; reason: string } | null {
  const keys = nameKeys(input)
  if (!keys) return null
  const phone = normalisePhone(input.phone)
  const email = normaliseEmail(input.email)
  // Lists often swap first and last names, as the registry's duplicate check does.
  for (const earlier of [...(byName.get(keys.key) ?? []), ...(keys.swapped === keys.key ? [] : (byName.get(keys.swapped) ?? []))]) {
    if (phone && earlier.phone === phone) return { row: earlier.row, reason: 'même nom et même téléphone' }
    if (email && earlier.email === email) return { row: earlier.row, reason: 'même nom et même adresse e-mail' }
    if (!phone && !email && !earlier.phone && !earlier.email) return { row: earlier.row, reason: 'même nom, sans téléphone ni e-mail pour les distinguer' }
  }
  return null
}

function rememberName(byName: Map<string, { row: number; phone: string; email: string }[]>, input: Record<string, string>, row: number): void {
  const keys = nameKeys(input)
  if (!keys) return
  byName.set(keys.key, [...(byName.get(keys.key) ?? []), { row, phone: normalisePhone(input.phone), email: normaliseEmail(input.email) }])
}

// ---------------------------------------------------------------------------------------------------------------
// Template

const EXAMPLE = { firstName: 'Aminata', lastName: 'Traoré', sex: 'F', function: 'Gestionnaire de cas', phone: '+223 76 12 34 56', email: 'aminata.traore@exemple.org', preTest: 45, postTest: 80 }

/** The XLSX template of a training: "Participants" (headers, day columns, one example row) and "Consignes" (instructions, allowed values). */
export async function importTemplate(context: { title: string; days: string[]; organisations: string[]; regions: string[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Portail national de protection de l’enfant (Mali)'
  const sheet = workbook.addWorksheet('Participants', { views: [{ state: 'frozen', ySplit: 1 }] })
  const guide = workbook.addWorksheet('Consignes')

  const headers = [...IMPORT_COLUMNS, ...context.days]
  sheet.addRow(headers).font = { bold: true }
  sheet.addRow([
    EXAMPLE.firstName,
    EXAMPLE.lastName,
    EXAMPLE.sex,
    EXAMPLE.function,
    context.organisations[0] ?? 'DNPEF',
    context.regions[0] ?? 'Bamako',
    EXAMPLE.phone,
    EXAMPLE.email,
    EXAMPLE.preTest,
    EXAMPLE.postTest,
    ...context.days.map((_, i) => (i === 1 ? 'R' : 'P')),
  ])
  const widths = [16, 18, 7, 24, 14, 14, 18, 28, 9, 9]
  headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = widths[i] ?? 11
    // Text format keeps "+223 76…" and the day headers as typed instead of numbers or dates.
    if (header === 'Téléphone' || i >= IMPORT_COLUMNS.length) column.numFmt = '@'
  })
  sheet.getRow(1).eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EFE9' } }
  })

  // The "Consignes" sheet: instructions, then the allowed lists side by side, which the drop-downs refer to.
  guide.getColumn(1).width = 22
  guide.getColumn(2).width = 26
  guide.getColumn(3).width = 22
  guide.addRow([`Import des participants — ${context.title}`]).font = { bold: true, size: 13 }
  guide.addRow([])
  const instructions = [
    'Remplissez une ligne par participant dans l’onglet « Participants », à partir de la ligne 2.',
    'La ligne 2 est un exemple : remplacez-la ou supprimez-la avant l’import.',
    'Ne renommez pas les en-têtes de la ligne 1 ; l’ordre des colonnes est libre.',
    'Obligatoires : Prénom, Nom, Sexe, Structure, Région. Fonction, Téléphone, E-mail, tests et présences peuvent rester vides.',
    'Sexe : F (femme) ou M (homme).',
    'Présence, une colonne par jour de formation (en-tête AAAA-MM-JJ) : P présent, A absent, R retard, E excusé ; cellule vide si la présence n’est pas connue.',
    'Pré-test et Post-test : score de 0 à 100 (par exemple 75 ou 75,5) ; cellule vide si le test n’a pas été passé.',
    'Téléphone : 8 à 15 chiffres, indicatif +223 facultatif. E-mail : facultatif.',
    'Structure : sigle parmi la liste ci-dessous. Région : nom parmi la liste ci-dessous.',
    `Au plus ${thousands(MAX_IMPORT_ROWS)} participants par import. Si une erreur est trouvée, rien n’est importé : corrigez les lignes signalées puis importez de nouveau le fichier.`,
    'Formats acceptés : XLSX, ou CSV en UTF-8 avec « ; » ou « , » comme séparateur.',
  ]
  for (const line of instructions) guide.addRow([`• ${line}`])
  guide.addRow([])
  const listHeaderRow = guide.addRow(['Structures (sigles)', 'Régions', 'Jours de la formation'])
  listHeaderRow.font = { bold: true }
  const first = listHeaderRow.number + 1
  const length = Math.max(context.organisations.length, context.regions.length, context.days.length)
  for (let i = 0; i < length; i++) {
    const day = context.days[i]
    guide.addRow([context.organisations[i] ?? null, context.regions[i] ?? null, day ? `${day} (${formatDateFr(day)})` : null])
  }

  // Drop-downs from row 2 to the import limit; ExcelJS accepts ranges here but does not declare the property.
  const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations
  const last = MAX_IMPORT_ROWS + 1
  const columnRange = (name: string) => {
    const letter = columnLetter(headers.indexOf(name))
    return `${letter}2:${letter}${last}`
  }
  const list = (formula: string, error: string): ExcelJS.DataValidation => ({ type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: 'Valeur non reconnue', error })
  validations.add(columnRange('Sexe'), list('"F,M"', 'Indiquez F (femme) ou M (homme).'))
  if (context.organisations.length > 0) {
    validations.add(columnRange('Structure'), list(`Consignes!$A$${first}:$A$${first + context.organisations.length - 1}`, 'Choisissez le sigle d’une structure de la liste (onglet « Consignes »).'))
  }
  if (context.regions.length > 0) {
    validations.add(columnRange('Région'), list(`Consignes!$B$${first}:$B$${first + context.regions.length - 1}`, 'Choisissez une région de la liste (onglet « Consignes »).'))
  }
  for (const name of ['Pré-test', 'Post-test']) {
    validations.add(columnRange(name), {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorTitle: 'Score invalide',
      error: 'Indiquez un score entre 0 et 100.',
    })
  }
  if (context.days.length > 0) {
    const from = columnLetter(IMPORT_COLUMNS.length)
    const to = columnLetter(IMPORT_COLUMNS.length + context.days.length - 1)
    validations.add(`${from}2:${to}${last}`, list('"P,A,R,E"', 'Indiquez P (présent), A (absent), R (retard) ou E (excusé).'))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
