import { APIError, Forbidden, NotFound, ValidationError, type AfterErrorHook, type Payload } from 'payload'
import { z } from 'zod'
import { $ZodError } from 'zod/v4/core'
import type { Capability } from '../rules/roles.ts'
import { isDatabaseUnwritable } from './database-errors.ts'

// One error type for every endpoint (Payload `/api` routes and Astro endpoints) and one mapper from any error to an
// HTTP answer. See docs/kits.md. A PortalError is also a Payload APIError, so one thrown from a hook or an operation
// reaches REST clients with the same shape and status.

// Messages a schema does not spell out itself (a missing field, a wrong type) come in French: the portal's zod
// messages reach people through this mapper. A schema's own `error` still wins over the locale.
z.config(z.locales.fr())

/** A message in both languages, French first. */
export type TText = { fr: string; en: string }

/** Who holds each capability, as the refusal message names them. Adding a capability forces a line here. */
export const CAPABILITY_AUDIENCE = {
  runTrainings: { fr: 'aux formateurs, à la coordination et aux administrateurs', en: 'trainers, coordination and administrators' },
  followLearners: { fr: 'aux formateurs, à la coordination et aux administrateurs', en: 'trainers, coordination and administrators' },
  coordinate: { fr: 'à la coordination et aux administrateurs', en: 'coordination and administrators' },
  readAllAccounts: { fr: 'à la coordination et aux administrateurs', en: 'coordination and administrators' },
  administer: { fr: 'aux administrateurs', en: 'administrators' },
  editContent: { fr: 'à l’équipe éditoriale (éditeurs et administrateurs)', en: 'the editorial team (editors and administrators)' },
  editCurriculum: { fr: 'aux formateurs, aux éditeurs, à la coordination et aux administrateurs', en: 'trainers, editors, coordination and administrators' },
  supervise: { fr: 'aux superviseurs, à la coordination et aux administrateurs', en: 'supervisors, coordination and administrators' },
  handleSupport: { fr: 'à l’équipe d’assistance (coordination et administrateurs)', en: 'the support desk (coordination and administrators)' },
  operate: { fr: 'aux administrateurs', en: 'administrators' },
  readIndicators: { fr: 'aux formateurs, superviseurs et gestionnaires de cas des structures partenaires, à la coordination et aux administrateurs', en: 'trainers, supervisors and case managers of partner organisations, coordination and administrators' },
} as const satisfies Record<Capability, TText>

/** Things an endpoint may fail to find, with the French and English sentence that says so. */
export const NOT_FOUND = {
  training: { fr: 'Formation introuvable, ou vous n’en êtes pas formateur.', en: 'Training not found, or you are not one of its trainers.' },
  participant: { fr: 'Fiche introuvable.', en: 'Participant record not found.' },
  module: { fr: 'Module introuvable.', en: 'Module not found.' },
  resource: { fr: 'Document introuvable.', en: 'Document not found.' },
  record: { fr: 'Introuvable, ou vous n’y avez pas accès.', en: 'Not found, or you have no access to it.' },
  visit: { fr: 'Visite de suivi introuvable, ou hors de votre périmètre.', en: 'Supervision visit not found, or outside your scope.' },
  meeting: { fr: 'Réunion introuvable, ou vous n’y êtes pas invité(e).', en: 'Meeting not found, or you are not invited to it.' },
} as const satisfies Record<string, TText>

const list = (values: readonly string[], and: string) =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} ${and} ${values.at(-1)}`

/**
 * The message catalogue, keyed by code: the HTTP status and the sentence in French and English built from the
 * error's parameters. A new failure gets a code here, never a hand-written JSON answer in an endpoint.
 */
export const ERROR_CATALOGUE = {
  signInRequired: {
    status: 401,
    text: (p: { to?: TText }): TText => ({ fr: p.to ? `Connectez-vous pour ${p.to.fr}.` : 'Connectez-vous pour continuer.', en: p.to ? `Sign in to ${p.to.en}.` : 'Sign in to continue.' }),
  },
  capabilityMissing: {
    status: 403,
    text: (p: { capability: Capability }): TText => ({ fr: `Réservé ${CAPABILITY_AUDIENCE[p.capability].fr}.`, en: `Reserved for ${CAPABILITY_AUDIENCE[p.capability].en}.` }),
  },
  forbidden: {
    status: 403,
    text: (): TText => ({ fr: 'Vous n’êtes pas autorisé à effectuer cette action.', en: 'You are not allowed to perform this action.' }),
  },
  notFound: {
    status: 404,
    text: (p: { thing: keyof typeof NOT_FOUND }): TText => NOT_FOUND[p.thing],
  },
  invalidParameter: {
    status: 400,
    text: (p: { name: string; allowed: readonly string[] }): TText => ({
      fr: `Paramètre « ${p.name} » invalide : ${list(p.allowed, 'ou')}.`,
      en: `Invalid “${p.name}” parameter: ${list(p.allowed, 'or')}.`,
    }),
  },
  invalidInput: {
    status: 400,
    text: (): TText => ({ fr: 'Données invalides : corrigez les champs signalés.', en: 'Invalid data: correct the fields shown.' }),
  },
  fileRequired: {
    status: 400,
    text: (p: { field: string; kinds: string }): TText => ({ fr: `Joignez un fichier ${p.kinds} dans le champ « ${p.field} ».`, en: `Attach a ${p.kinds} file in the “${p.field}” field.` }),
  },
  mergeTargetMissing: {
    status: 400,
    text: (): TText => ({ fr: 'Indiquez « into » : le numéro de la fiche à conserver.', en: 'Give “into”: the number of the record to keep.' }),
  },
  mergeIntoItself: {
    status: 400,
    text: (): TText => ({ fr: 'Une fiche ne peut pas être fusionnée avec elle-même.', en: 'A record cannot be merged into itself.' }),
  },
  mergeSameTraining: {
    status: 409,
    text: (): TText => ({
      fr: 'Les deux fiches sont inscrites à la même formation : supprimez d’abord l’une des deux inscriptions.',
      en: 'Both records are enrolled in the same training: delete one of the two enrolments first.',
    }),
  },
  consultationClosed: {
    status: 403,
    text: (): TText => ({
      fr: 'La consultation sur ce document est close : les commentaires ne peuvent plus être ajoutés ni modifiés.',
      en: 'The consultation on this document is closed: comments can no longer be added or changed.',
    }),
  },
  notYourRecord: {
    status: 403,
    text: (p: { what: TText }): TText => ({ fr: `Vous ne pouvez modifier que vos propres ${p.what.fr}.`, en: `You can only change your own ${p.what.en}.` }),
  },
  alreadyReceived: {
    status: 409,
    /** An offline item sent again after its answer was lost: it was stored the first time, nothing is applied twice. */
    text: (): TText => ({ fr: 'Déjà enregistré : cet envoi avait déjà été reçu.', en: 'Already saved: this was received before.' }),
  },
  rejected: {
    status: 422,
    /** A refusal whose sentence was written elsewhere in both languages (a rule's own message). */
    text: (p: { reason: TText }): TText => p.reason,
  },
  dhis2NotConfigured: {
    status: 503,
    text: (): TText => ({
      fr: 'Aucun serveur DHIS2 n’est configuré : définissez DHIS2_URL, DHIS2_USERNAME et DHIS2_PASSWORD, ou téléchargez le fichier pour l’importer à la main.',
      en: 'No DHIS2 server is configured: set DHIS2_URL, DHIS2_USERNAME and DHIS2_PASSWORD, or download the file and import it by hand.',
    }),
  },
  dhis2Unreachable: {
    status: 502,
    text: (p: { reason: string }): TText => ({
      fr: `DHIS2 ne répond pas (${p.reason}) : rien n’a été envoyé ni marqué comme envoyé. Réessayez plus tard.`,
      en: `DHIS2 does not answer (${p.reason}): nothing was sent or marked as sent. Try again later.`,
    }),
  },
  dhis2NotReady: {
    status: 409,
    text: (): TText => ({
      fr: 'Envoi réel refusé : l’essai à blanc montre des valeurs qui seraient ignorées ou non reliées. Corrigez la correspondance DHIS2, puis refaites l’essai.',
      en: 'Sending refused: the dry run shows values that would be ignored or are not mapped. Fix the DHIS2 mapping, then run the dry run again.',
    }),
  },
  editConflict: {
    status: 412,
    /** Someone saved the record after this person opened it: nothing is overwritten; the fields carry the differences. */
    text: (): TText => ({
      fr: 'Conflit : cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. Rien n’a été écrasé : comparez les différences, puis rouvrez la fiche pour enregistrer à nouveau.',
      en: 'Conflict: someone else changed this record since you opened it. Nothing was overwritten: compare the differences, then open the record again to save.',
    }),
  },
  databaseUnwritable: {
    status: 503,
    /** The database answers reads but refuses writes (cms/endpoints/database-errors.ts): say so, not "unexpected". */
    text: (): TText => ({
      fr: 'Enregistrement impossible pour le moment : la base de données du portail refuse les écritures (fichier en lecture seule ou disque plein). Rien n’a été modifié ; la consultation reste possible. Réessayez plus tard et prévenez l’administrateur.',
      en: 'Saving is not possible for now: the portal’s database refuses writes (read-only file or full disk). Nothing was changed; reading still works. Try again later and tell the administrator.',
    }),
  },
  internal: {
    status: 500,
    text: (): TText => ({
      fr: 'Erreur inattendue : rien n’a été modifié. Réessayez ; si le problème persiste, signalez-le à l’administrateur.',
      en: 'Unexpected error: nothing was changed. Try again; if it persists, report it to the administrator.',
    }),
  },
} as const

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE
/** The parameters a code's message needs. */
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['text']>[0]
/** An error on one field: its path (`attendance.2.date`) and the French sentence. */
export type TFieldError = { path: string; message: string }

type Args<C extends ErrorCode> = undefined extends ErrorParams<C>
  ? [params?: Record<string, never>, fields?: TFieldError[]]
  : [params: ErrorParams<C>, fields?: TFieldError[]]

/**
 * The portal's error: a code of ERROR_CATALOGUE, its parameters, the HTTP status and message that follow from
 * them, and optional per-field errors. `message` is French; `text.en` holds the English sentence.
 */
export class PortalError<C extends ErrorCode = ErrorCode> extends APIError<{ code: C; errors?: TFieldError[] }> {
  readonly code: C
  readonly params: ErrorParams<C>
  readonly text: TText
  readonly fields: TFieldError[]

  constructor(code: C, ...[params, fields]: Args<C>) {
    const entry = ERROR_CATALOGUE[code]
    const text = (entry.text as (p: unknown) => TText)(params ?? {})
    super(text.fr, entry.status, fields?.length ? { code, errors: fields } : { code }, entry.status < 500)
    this.code = code
    this.params = (params ?? {}) as ErrorParams<C>
    this.text = text
    this.fields = fields ?? []
  }
}

/** The body every error answer carries, the shape Payload's own REST errors have. */
export type TErrorBody = { errors: { name?: string; code: ErrorCode | string; message: string; field?: string; data?: { errors: TFieldError[] } }[] }

/** Turns zod issues into per-field French messages (the schemas carry the French sentences). */
export function zodFieldErrors(error: $ZodError): TFieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '_', message: issue.message }))
}

/**
 * Maps any error to a status and a body. PortalError → its status and message; zod → 400 with per-field messages;
 * Payload ValidationError → 400 with its fields; Forbidden → 403; NotFound → 404; other public Payload errors
 * keep their status and message (our hooks write them in French); anything else → 500 with a generic French
 * sentence, the detail logged and never sent.
 */
export function errorAnswer(error: unknown, options: { lang?: 'fr' | 'en'; log?: Payload['logger'] } = {}): { status: number; body: TErrorBody } {
  const lang = options.lang ?? 'fr'
  const portal = asPortalError(error)
  if (portal.code === 'internal' || portal.code === 'databaseUnwritable') {
    const log = options.log ?? { error: (entry: unknown) => console.error(entry) }
    log.error({ err: error, msg: `${portal.code === 'internal' ? 'Unexpected error' : 'Database refuses writes'} in an endpoint (answered ${portal.status} without detail)` })
  }
  const message = portal.text[lang]
  const entry = { name: 'PortalError', code: portal.code as string, message }
  if (portal.fields.length === 0) return { status: portal.status, body: { errors: [entry] } }
  // One entry per field (what the site's scripts show) and Payload's `data.errors` (what the admin's forms read).
  return {
    status: portal.status,
    body: { errors: [{ ...entry, data: { errors: portal.fields } }, ...portal.fields.map((f) => ({ code: portal.code as string, message: f.message, field: f.path }))] },
  }
}

/** The PortalError an error stands for (see errorAnswer for the rules). */
export function asPortalError(error: unknown): PortalError {
  if (error instanceof PortalError) return error
  // The core class: schemas from `zod` and from `zod/mini` (shared with the browser) both throw one.
  if (error instanceof $ZodError) return new PortalError('invalidInput', {}, zodFieldErrors(error))
  if (error instanceof ValidationError) {
    const fields = (error.data?.errors ?? []).map((e) => ({ path: e.path, message: e.message }))
    return new PortalError('invalidInput', {}, fields)
  }
  if (error instanceof Forbidden) return new PortalError('forbidden')
  if (error instanceof NotFound) return new PortalError('notFound', { thing: 'record' })
  if (error instanceof APIError && error.isPublic && error.status >= 400 && error.status < 500) {
    const rejected = new PortalError('rejected', { reason: { fr: error.message, en: error.message } })
    // A public refusal written by a hook keeps its own status (401, 403, 409…).
    rejected.status = error.status
    return rejected
  }
  if (isDatabaseUnwritable(error)) return new PortalError('databaseUnwritable')
  return new PortalError('internal')
}

/** The error as a JSON Response (Payload endpoints, Astro endpoints). */
export function errorResponse(error: unknown, options: { lang?: 'fr' | 'en'; log?: Payload['logger']; headers?: HeadersInit } = {}): Response {
  const { status, body } = errorAnswer(error, options)
  const headers = new Headers(options.headers)
  headers.set('Cache-Control', 'no-store')
  return Response.json(body, { status, headers })
}

/**
 * Payload's afterError hook: its own REST routes (`/api/<collection>`) answer a write the database refuses with
 * the same French 503 as the portal's endpoints, instead of "Something went wrong." (Payload has logged it).
 */
export const answerUnwritableDatabase: AfterErrorHook = ({ error }) => {
  if (!isDatabaseUnwritable(error)) return undefined
  const portal = new PortalError('databaseUnwritable')
  return { status: portal.status, response: { errors: [{ name: 'PortalError', code: portal.code, message: portal.text.fr }] } }
}
