import type { PayloadRequest } from 'payload'
import { z } from 'zod'
import { addNewPerson, enrolFound, enrolMatch, type TAddOutcome, type TFoundPerson } from '#cms/trainings/add-by-hand.ts'
import { normalisePhone, SEXES } from '#cms/rules/trainings.ts'
import { t, type Lang } from '../i18n/index.ts'
import { issuesToErrors, type FieldErrors } from './forms.ts'

// The forms of "Ajouter une personne" on the trainer page (/presentiel/<id>): parsed with zod, French messages
// per field (i18n keys), then handed to cms/trainings/add-by-hand.ts. Nothing is written when a field is wrong.

const text = (max: number, required: 'trainings.add.firstName.required' | 'trainings.add.lastName.required' | 'trainings.add.function.required') =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: 'form.tooLong' })
const id = (error: 'trainings.add.organisation.required' | 'trainings.add.region.required') => z.string({ error }).regex(/^\d{1,12}$/, { error }).transform(Number)

/** "Nouvelle personne": who they are, their post and contacts (phone and e-mail optional, checked when given). */
export const ZNewPerson = z.object({
  firstName: text(80, 'trainings.add.firstName.required'),
  lastName: text(80, 'trainings.add.lastName.required'),
  sex: z.enum(Object.keys(SEXES) as ['F', 'M'], { error: 'trainings.add.sex.required' }),
  function: text(120, 'trainings.add.function.required'),
  organisation: id('trainings.add.organisation.required'),
  region: id('trainings.add.region.required'),
  phone: z
    .string()
    .trim()
    .max(30, { error: 'trainings.add.phone.invalid' })
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || (/^[+\d\s().-]+$/.test(v) && normalisePhone(v).length >= 8), { error: 'trainings.add.phone.invalid' }),
  email: z
    .string()
    .trim()
    .max(254, { error: 'form.email.invalid' })
    .optional()
    .transform((v) => (v ?? '').toLowerCase())
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'form.email.invalid' }),
})
export type TNewPerson = z.infer<typeof ZNewPerson>

/** "Inscrire" on a search result, and the trainer's answer to probable matches ("c'est cette personne" or "créer quand même"). */
const ZEnrolFound = z.object({ personne: z.string().regex(/^\d{1,12}$/), cherche: z.string().max(120) })
const ZChoice = z.object({ choix: z.union([z.literal('nouvelle'), z.string().regex(/^\d{1,12}$/)]) })

/** The intents of the section's forms (a hidden `ajout` field); any other post is the page's import. */
export const ADD_INTENTS = ['inscrire', 'nouvelle', 'choix'] as const
export type TAddIntent = (typeof ADD_INTENTS)[number]
export const isAddIntent = (value: unknown): value is TAddIntent => ADD_INTENTS.includes(value as TAddIntent)

/** What the section shows after a post: the fields typed, their errors, matches to choose from, or a message. */
export type TAddState = { values: Record<string, string>; errors: FieldErrors; matches: TFoundPerson[] | null; message?: string; done?: { participant: number | string; created: boolean } }

/**
 * Handles one post of the section as the signed-in person (`req`); `known` are the organisation and region ids the
 * form offers, so that a forged id gets a field message instead of a failed write.
 */
export async function handleAddPost(req: PayloadRequest, trainingId: string, intent: TAddIntent, fields: Record<string, string>, lang: Lang, known: { organisations: Set<string>; regions: Set<string> }): Promise<TAddState> {
  const state: TAddState = { values: fields, errors: {}, matches: null }
  const finish = (outcome: TAddOutcome): TAddState => {
    if (outcome.ok) return { ...state, done: { participant: outcome.participant, created: outcome.created } }
    if ('matches' in outcome) return { ...state, matches: outcome.matches }
    return { ...state, message: outcome.message }
  }
  if (intent === 'inscrire') {
    const parsed = ZEnrolFound.safeParse(fields)
    if (!parsed.success) return { ...state, errors: { _form: t(lang, 'trainings.add.searchAgain') } }
    return finish(await enrolFound(req, trainingId, parsed.data.personne, parsed.data.cherche))
  }
  // The organisation and region must be among those the form offers: a forged id gets the field's message.
  const offered = (field: 'organisation' | 'region', ids: Set<string>) => ZNewPerson.shape[field].refine((v) => ids.has(String(v)), { error: `trainings.add.${field}.required` })
  const parsed = ZNewPerson.extend({ organisation: offered('organisation', known.organisations), region: offered('region', known.regions) }).safeParse(fields)
  if (!parsed.success) return { ...state, errors: issuesToErrors(parsed.error.issues, lang) }
  const person = { ...parsed.data, phone: parsed.data.phone || null, email: parsed.data.email || null }
  if (intent === 'nouvelle') return finish(await addNewPerson(req, trainingId, person, false))
  const choice = ZChoice.safeParse(fields)
  if (!choice.success) return { ...state, errors: { _form: t(lang, 'trainings.add.choose') } }
  return finish(choice.data.choix === 'nouvelle' ? await addNewPerson(req, trainingId, person, true) : await enrolMatch(req, trainingId, person, choice.data.choix))
}
