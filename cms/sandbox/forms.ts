import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import * as z from 'zod/mini'
import { ZFormDefinition, type TFormDefinition } from '../rules/sandbox-forms.ts'

// The form definitions of content/forms/, read and checked once per process: a file that does not match the
// schema stops the start with its name and the reasons (the same check as the schema test).

export const FORMS_DIR = path.resolve(process.cwd(), 'content', 'forms')

/** Reads and checks every form file; throws naming the file and what is wrong in it. */
export function readForms(dir = FORMS_DIR): TFormDefinition[] {
  const forms = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = ZFormDefinition.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
      if (!parsed.success) throw new Error(`content/forms/${file} is invalid: ${z.prettifyError(parsed.error)}`)
      return parsed.data
    })
  const codes = new Set<string>()
  for (const form of forms) {
    if (codes.has(form.code)) throw new Error(`content/forms: two files define the form ${form.code}.`)
    codes.add(form.code)
  }
  return forms
}

let cache: Map<string, TFormDefinition> | undefined

/** Every form by code, in the order of the steps. */
export function sandboxForms(): Map<string, TFormDefinition> {
  cache ??= new Map(readForms().map((f) => [f.code, f]))
  return cache
}

/** One form by its code, or undefined. */
export function sandboxForm(code: string): TFormDefinition | undefined {
  return sandboxForms().get(code)
}
