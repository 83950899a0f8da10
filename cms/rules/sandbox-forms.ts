import * as z from 'zod/mini'

// The harmonised case-management forms as data (content/forms/, one JSON file per form), and the check of the
// values a trainee enters, derived from a definition. Pure: the same code runs in the browser (the form page's
// check before sending) and on the server (the save), so the field-level French messages are the same on both
// sides. Adding or changing a field is a change of the JSON file, never of this code. See docs/sandbox.md.

export const FIELD_TYPES = ['text', 'textarea', 'select', 'multiselect', 'yesno', 'number', 'date', 'subform', 'attachment'] as const
export type TFieldType = (typeof FIELD_TYPES)[number]

const ZName = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, { error: 'Nom de champ invalide : lettres minuscules, chiffres et _ (commence par une lettre).' }))
const ZLabel = z.string().check(z.minLength(2, { error: 'Libellé manquant.' }), z.maxLength(200, { error: 'Libellé trop long (200 caractères au plus).' }))
const ZOption = z.object({ value: ZName, label: ZLabel })

/** Shows a field only when another field of the same form (or subform row) has one of the given values. */
const ZShowIf = z.object({ field: ZName, equals: z.union([z.string(), z.boolean(), z.array(z.string())]) })

const ZBaseField = {
  name: ZName,
  label: ZLabel,
  help: z.optional(z.string()),
  required: z.optional(z.boolean()),
  showIf: z.optional(ZShowIf),
}

const ZSimpleField = z.object({ ...ZBaseField, type: z.enum(['text', 'textarea', 'yesno', 'date', 'attachment'], { error: 'Type de champ inconnu.' }) })
const ZNumberField = z.object({ ...ZBaseField, type: z.literal('number'), min: z.optional(z.number()), max: z.optional(z.number()) })
const ZChoiceField = z.object({
  ...ZBaseField,
  type: z.enum(['select', 'multiselect']),
  options: z.array(ZOption).check(z.minLength(2, { error: 'Un choix demande au moins deux options.' })),
})
const ZLeafField = z.discriminatedUnion('type', [ZSimpleField, ZNumberField, ZChoiceField])
const ZSubformField = z.object({
  ...ZBaseField,
  type: z.literal('subform'),
  /** The fields of one row; rows hold no nested subform. */
  fields: z.array(ZLeafField).check(z.minLength(1, { error: 'Une sous-fiche demande au moins un champ.' })),
})
export const ZFormField = z.discriminatedUnion('type', [ZSimpleField, ZNumberField, ZChoiceField, ZSubformField])
export type TFormField = z.infer<typeof ZFormField>
export type TLeafField = z.infer<typeof ZLeafField>

/** Where a form belongs: a step of case management (1–6), referral and transfer, reopening, or the file tools. */
export const FORM_GROUPS = ['1', '2', '3', '4', '5', '6', 'A', 'B', 'dossier'] as const

export const ZFormDefinition = z
  .object({
    /** The harmonised code: 1.A … 6.C, A.1–A.3, B.1, or a name for the file tools. */
    code: z.string().check(z.regex(/^([1-6]\.[A-E]|[AB]\.[1-3]|liste-de-controle|page-de-garde)$/, { error: 'Code de fiche inconnu (ex. 1.B, A.1, B.1).' })),
    group: z.enum(FORM_GROUPS, { error: 'Groupe inconnu : étape 1 à 6, A, B ou dossier.' }),
    title: ZLabel,
    purpose: z.optional(z.string()),
    sections: z
      .array(z.object({ title: ZLabel, fields: z.array(ZFormField).check(z.minLength(1, { error: 'Une section demande au moins un champ.' })) }))
      .check(z.minLength(1, { error: 'Une fiche demande au moins une section.' })),
  })
  .check(
    z.superRefine((form, ctx) => {
      const names = new Set<string>()
      const all = form.sections.flatMap((s) => s.fields)
      for (const field of all) {
        if (names.has(field.name)) ctx.issues.push({ code: 'custom', input: field.name, message: `Champ « ${field.name} » en double dans la fiche ${form.code}.` })
        names.add(field.name)
      }
      const check = (fields: readonly TFormField[] | readonly TLeafField[], scope: Set<string>, where: string) => {
        for (const field of fields) {
          if (field.showIf && !scope.has(field.showIf.field)) ctx.issues.push({ code: 'custom', input: field.name, message: `${where} : « ${field.name} » dépend de « ${field.showIf.field} », absent.` })
          if (field.type === 'subform') check(field.fields, new Set(field.fields.map((f) => f.name)), `${where} › ${field.name}`)
        }
      }
      check(all, names, `Fiche ${form.code}`)
    }),
  )
export type TFormDefinition = z.infer<typeof ZFormDefinition>

export type TFormValues = Record<string, unknown>
export type TFieldError = { path: string; message: string }
export type TFormCheck = { ok: true; values: TFormValues } | { ok: false; errors: TFieldError[] }

/** True when the field is shown given the values around it (its form, or its subform row). */
export function isShown(field: { showIf?: { field: string; equals: string | boolean | string[] } }, values: TFormValues): boolean {
  if (!field.showIf) return true
  const actual = values[field.showIf.field]
  const wanted = field.showIf.equals
  if (Array.isArray(wanted)) return Array.isArray(actual) ? actual.some((v) => wanted.includes(String(v))) : wanted.includes(String(actual))
  return Array.isArray(actual) ? actual.includes(wanted) : actual === wanted
}

// Numbers written like Malian phone numbers (8 digits, optionally after +223 or 00223, spaces or dots between
// pairs): a trainee typing a real person's number into a practice case is the data leak the sandbox must avoid.
const PHONE_SHAPE = /(?:\+|00)?(?:223[\s.-]?)?(?:\d{2}[\s.-]?){3}\d{2}(?!\d)/

/** True when free text holds something shaped like a phone number. */
export function looksLikePhone(text: string): boolean {
  return PHONE_SHAPE.test(text)
}

const MAX_TEXT = { text: 200, textarea: 4000 } as const
const MAX_ROWS = 50

function empty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

function checkLeaf(field: TLeafField, value: unknown, path: string, errors: TFieldError[]): unknown {
  const label = `« ${field.label} »`
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return errors.push({ path, message: `${label} : un texte est attendu.` }), undefined
      const text = value.trim()
      if (text.length > MAX_TEXT[field.type]) errors.push({ path, message: `${label} : ${MAX_TEXT[field.type]} caractères au plus.` })
      else if (looksLikePhone(text)) errors.push({ path, message: `${label} : ce texte ressemble à un numéro de téléphone. Le bac à sable n’accepte que des données fictives : retirez-le.` })
      return text
    }
    case 'select': {
      const option = field.options.find((o) => o.value === value)
      if (!option) errors.push({ path, message: `${label} : choisissez une des options proposées.` })
      return value
    }
    case 'multiselect': {
      const list = Array.isArray(value) ? value : [value]
      const allowed = new Set(field.options.map((o) => o.value))
      if (!list.every((v) => typeof v === 'string' && allowed.has(v))) errors.push({ path, message: `${label} : choisissez parmi les options proposées.` })
      return [...new Set(list)]
    }
    case 'yesno':
      if (typeof value !== 'boolean') errors.push({ path, message: `${label} : répondez oui ou non.` })
      return value
    case 'number': {
      const n = typeof value === 'number' ? value : Number.NaN
      if (!Number.isFinite(n)) errors.push({ path, message: `${label} : un nombre est attendu.` })
      else if (field.min !== undefined && n < field.min) errors.push({ path, message: `${label} : ${field.min} au moins.` })
      else if (field.max !== undefined && n > field.max) errors.push({ path, message: `${label} : ${field.max} au plus.` })
      return n
    }
    case 'date': {
      const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
      if (!ok) errors.push({ path, message: `${label} : une date AAAA-MM-JJ est attendue.` })
      return value
    }
    case 'attachment':
      if (typeof value !== 'string' || !/^[a-z0-9-]{1,64}$/.test(value)) errors.push({ path, message: `${label} : choisissez une pièce jointe du dossier.` })
      return value
  }
}

function checkFields(fields: readonly TFormField[], values: TFormValues, prefix: string, errors: TFieldError[]): TFormValues {
  const out: TFormValues = {}
  for (const field of fields) {
    if (!isShown(field, values)) continue // a hidden field keeps no value: what is not asked is not stored
    const path = `${prefix}${field.name}`
    const value = values[field.name]
    if (empty(value)) {
      if (field.required) errors.push({ path, message: `« ${field.label} » est obligatoire.` })
      continue
    }
    if (field.type === 'subform') {
      if (!Array.isArray(value) || value.some((row) => !row || typeof row !== 'object')) {
        errors.push({ path, message: `« ${field.label} » : des lignes sont attendues.` })
        continue
      }
      if (value.length > MAX_ROWS) errors.push({ path, message: `« ${field.label} » : ${MAX_ROWS} lignes au plus.` })
      out[field.name] = value.slice(0, MAX_ROWS).map((row, i) => checkFields(field.fields, row as TFormValues, `${path}.${i}.`, errors))
      continue
    }
    out[field.name] = checkLeaf(field, value, path, errors)
  }
  return out
}

/** Checks values against a form definition: the cleaned values (hidden and unknown fields dropped) or the errors by field. */
export function checkFormValues(form: TFormDefinition, values: TFormValues): TFormCheck {
  const errors: TFieldError[] = []
  const cleaned = checkFields(form.sections.flatMap((s) => s.fields), values, '', errors)
  return errors.length ? { ok: false, errors } : { ok: true, values: cleaned }
}

/**
 * Reads an HTML form's entries (`name`, `name[]` for several choices, `rows.0.name` for subform rows) into values
 * of the right types, so a server-rendered form posted without JavaScript is checked like a JSON body.
 */
export function valuesFromEntries(form: TFormDefinition, entries: Iterable<[string, string]>): TFormValues {
  const raw = new Map<string, string[]>()
  for (const [key, value] of entries) raw.set(key, [...(raw.get(key) ?? []), value])
  const read = (fields: readonly TFormField[] | readonly TLeafField[], prefix: string): TFormValues => {
    const out: TFormValues = {}
    for (const field of fields) {
      const key = `${prefix}${field.name}`
      if (field.type === 'subform') {
        const rows: TFormValues[] = []
        for (let i = 0; i < MAX_ROWS; i += 1) {
          const row = read(field.fields, `${key}.${i}.`)
          if (Object.values(row).some((v) => !empty(v))) rows.push(row)
        }
        out[field.name] = rows
        continue
      }
      const got = raw.get(key) ?? []
      const first = got[0]?.trim() ?? ''
      if (field.type === 'multiselect') out[field.name] = got.filter(Boolean)
      else if (field.type === 'yesno') out[field.name] = first === 'oui' ? true : first === 'non' ? false : undefined
      else if (field.type === 'number') out[field.name] = first === '' ? undefined : Number(first.replace(',', '.'))
      else out[field.name] = first === '' ? undefined : first
    }
    return out
  }
  return read(form.sections.flatMap((s) => s.fields), '')
}

/** The label of a stored value, for the case view and the history (« Oui », an option's label, a count of rows). */
export function displayValue(field: TFormField, value: unknown): string {
  if (empty(value)) return '—'
  if (field.type === 'yesno') return value ? 'Oui' : 'Non'
  if (field.type === 'select') return field.options.find((o) => o.value === value)?.label ?? String(value)
  if (field.type === 'multiselect') return (value as string[]).map((v) => field.options.find((o) => o.value === v)?.label ?? v).join(', ')
  if (field.type === 'subform') return `${(value as unknown[]).length} ligne(s)`
  return String(value)
}

// Attachments: photos and scanned documents, checked from their bytes by the upload kit (cms/sandbox/service.ts).
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
