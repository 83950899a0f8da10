import { z } from 'zod'
import { isMessageKey, t, type Lang, type MessageKey } from '../i18n/index.ts'

// Every form of the site is parsed here with zod. Issue messages are i18n keys; pages translate them per field.

const email = z.email({ error: 'form.email.invalid' }).max(254, { error: 'form.email.invalid' }).transform((v) => v.toLowerCase())
const requiredText = (max: number) => z.string({ error: 'form.required' }).trim().min(1, { error: 'form.required' }).max(max, { error: 'form.tooLong' })
const password = z.string({ error: 'form.required' }).min(1, { error: 'form.required' }).max(256, { error: 'form.password.tooLong' })
const optionalId = (error: MessageKey) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.string().regex(/^[A-Za-z0-9]{1,40}$/, { error }).optional())

/** Sign-in form. */
export const ZSignIn = z.object({ email, password, suite: z.string().max(500).optional() })
export type TSignIn = z.infer<typeof ZSignIn>

/** Adds the new-password pair to a form, with the "both the same" check on the confirmation field. */
const withConfirmation = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, newPassword: password, confirmPassword: password })
    .check((ctx) => {
      const v = ctx.value as { newPassword: string; confirmPassword: string }
      if (v.newPassword !== v.confirmPassword) ctx.issues.push({ code: 'custom', input: v.confirmPassword, path: ['confirmPassword'], message: 'form.password.mismatch' })
    })

/** Expired-password form shown by /connexion. */
export const ZExpiredPassword = withConfirmation({ email, currentPassword: password, suite: z.string().max(500).optional() })
export type TExpiredPassword = z.infer<typeof ZExpiredPassword>

/** Learner sign-up form. */
export const ZSignUp = z
  .object({
    name: requiredText(120).pipe(z.string().min(2, { error: 'form.name.invalid' })),
    email,
    region: optionalId('form.region.invalid'),
    organisation: optionalId('form.organisation.invalid'),
    consent: z.literal('on', { error: 'form.consent.required' }),
  })
  .and(withConfirmation({}))
export type TSignUp = z.infer<typeof ZSignUp>

/** Forgotten-password form. */
export const ZForgotPassword = z.object({ email })

/** New password from an emailed link. */
export const ZSetPassword = withConfirmation({ jeton: z.string().max(200) })

/** Email confirmation from an emailed link. */
export const ZConfirmEmail = z.object({ jeton: z.string().max(200) })

/** Profile form of /mon-compte (email and roles are not editable here). */
export const ZProfile = z.object({
  name: requiredText(120).pipe(z.string().min(2, { error: 'form.name.invalid' })),
  phone: z
    .string()
    .trim()
    .max(20, { error: 'form.phone.invalid' })
    .refine((v) => v === '' || /^\+?[0-9 ]{8,20}$/.test(v), { error: 'form.phone.invalid' }),
})

/** Email change of /mon-compte: the new address and the current password (named apart from the password form's). */
export const ZChangeEmail = z.object({ newEmail: email, emailPassword: password })

/** Password change of /mon-compte. */
export const ZChangePassword = withConfirmation({ currentPassword: password })

/** Field → translated message, first issue per field; unknown keys fall back to "required". */
export type FieldErrors = Partial<Record<string, string>>

/**
 * The text fields of a submitted form, or null when the body is not a form (missing or wrong content type,
 * truncated body): pages answer that with a form error, never a server error.
 */
export async function formFields(request: Request): Promise<Record<string, string> | null> {
  const form = await request.formData().catch(() => null)
  if (!form) return null
  const values: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value
  return values
}

/** Parses a submitted form; returns data, or French/English messages per field. */
export async function parseForm<T>(request: Request, schema: z.ZodType<T>, lang: Lang): Promise<{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> }> {
  const values = await formFields(request)
  if (!values) return { ok: false, errors: { _form: t(lang, 'form.errors') }, values: {} }
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  return { ok: false, errors: issuesToErrors(result.error.issues, lang), values }
}

/** Turns zod issues into one translated message per field. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], lang: Lang): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_form')
    if (errors[field]) continue
    errors[field] = t(lang, isMessageKey(issue.message) ? issue.message : 'form.required')
  }
  return errors
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNextPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  return value
}

const SUPPORT_CATEGORY_VALUES = ['account', 'cpims', 'training', 'site', 'other'] as const
const SUPPORT_URGENCY_VALUES = ['normal', 'urgent'] as const
/** A same-site path (the page the person was on), or nothing. */
const sitePath = z
  .string()
  .max(500, { error: 'support.page.invalid' })
  .optional()
  .transform((v) => (v && v.startsWith('/') && !v.startsWith('//') ? v : ''))

/** "Signaler une difficulté" (/aide/signaler), signed in: the account says who asks and where to answer. */
export const ZSupportRequest = z.object({
  category: z.enum(SUPPORT_CATEGORY_VALUES, { error: 'support.category.invalid' }),
  urgency: z.enum(SUPPORT_URGENCY_VALUES, { error: 'support.urgency.invalid' }),
  description: z.string({ error: 'support.description.required' }).trim().min(10, { error: 'support.description.tooShort' }).max(4000, { error: 'support.description.tooLong' }),
  page: sitePath,
})
export type TSupportRequest = z.infer<typeof ZSupportRequest>

/** The same form from a visitor: an email address to answer is required, a name is welcome. */
export const ZVisitorSupportRequest = ZSupportRequest.extend({
  email,
  name: z.string().trim().max(120, { error: 'form.tooLong' }).optional(),
})
export type TVisitorSupportRequest = z.infer<typeof ZVisitorSupportRequest>
