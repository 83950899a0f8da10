import {
  APIError,
  AuthenticationError,
  LockedAuth,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeValidateHook,
} from 'payload'
import { ALLOW_EXPIRED_PASSWORD, noticeEmailChanged, sendInvitation, startEmailChange } from '../../auth/account.ts'
import { audit, clientIp } from '../../auth/audit.ts'
import { recordLoginFailure } from '../../auth/login-failures.ts'
import { PASSWORD_MESSAGES, passwordProblem } from '../../auth/password-strength.ts'
import { verifyCurrentPassword, type ReauthOutcome } from '../../auth/reauth.ts'
import { revokeAllSessions } from '../../auth/sessions.ts'
import { revokeTokens } from '../../auth/tokens.ts'
import { env } from '../../config/env.ts'
import { normalisePath } from '../../rules/paths.ts'
import { isPasswordExpired } from '../../rules/password.ts'
import { can, changedPrivileges } from '../../rules/roles.ts'


/** Error codes the sign-in page turns into French messages (and the REST API returns as is). */
export class AccountInactiveError extends APIError {
  constructor() {
    super('Ce compte est désactivé. Contactez l’administrateur de votre structure.', 403, { code: 'inactive' }, true)
  }
}
export class EmailNotVerifiedError extends APIError {
  constructor() {
    super('Adresse e-mail non confirmée : ouvrez le lien reçu par e-mail à l’inscription.', 403, { code: 'unverified' }, true)
  }
}
export class PasswordExpiredError extends APIError {
  constructor() {
    super('Votre mot de passe a expiré : choisissez-en un nouveau sur la page de connexion (/connexion).', 403, { code: 'passwordExpired' }, true)
  }
}

/** French (then English) messages of a refused re-authentication, on the `currentPassword` field. */
export const REAUTH_MESSAGES: Record<Exclude<ReauthOutcome, 'ok'>, { fr: string; en: string }> = {
  missing: {
    fr: 'Saisissez votre mot de passe actuel (currentPassword) pour changer un mot de passe ou une adresse e-mail.',
    en: 'Enter your current password (currentPassword) to change a password or an email address.',
  },
  wrong: { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is incorrect.' },
  locked: {
    fr: 'Trop d’essais manqués : votre compte est verrouillé pendant 15 minutes.',
    en: 'Too many failed attempts: your account is locked for 15 minutes.',
  },
}

/** A password or email change without the acting person's valid current password (400, or 403 when locked). */
export class ReauthenticationError extends APIError {
  constructor(code: Exclude<ReauthOutcome, 'ok'>) {
    const message = REAUTH_MESSAGES[code].fr
    super(message, code === 'locked' ? 403 : 400, { code: `reauth.${code}`, errors: [{ path: 'currentPassword', message }] }, true)
  }
}

/** The re-authentication failure an error carries ('missing', 'wrong', 'locked'), or null for any other error. */
export function reauthFailureOf(error: unknown): Exclude<ReauthOutcome, 'ok'> | null {
  const code = error instanceof APIError ? (error.data as { code?: unknown } | undefined)?.code : undefined
  return typeof code === 'string' && code.startsWith('reauth.') ? (code.slice('reauth.'.length) as Exclude<ReauthOutcome, 'ok'>) : null
}

// Flags passed from beforeChange to afterChange of the same operation, per account.
const passwordChangeFlag = (id: unknown) => `portal.passwordChanged:${String(id)}`
const emailChangeFlag = (id: unknown) => `portal.emailChangeRequested:${String(id)}`

/**
 * Password and email changes need the acting person's current password (`currentPassword`, a virtual field
 * never stored), whoever makes them through the API, the admin or a page. The portal's own operations (no
 * `req.user`: a reset or invitation link, the expired-password form, a confirmed email change) checked a link or
 * the password themselves.
 * - Changing one's own email does not apply it: it becomes `pendingEmail` and a confirmation link goes to the new
 *   address, a notice to the old one (see startEmailChange).
 * - An administrator changing another person's account (after giving their own password) applies the email at
 *   once, journalled with both addresses and notified to the old one; a password they type is temporary (expired
 *   at once, as for a new account), so only the person ever knows their working password.
 * - Any password change cancels a pending email change; afterAccountChange revokes every outstanding link.
 */
export const requireReauthentication: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const { currentPassword, ...rest } = data
  if (operation !== 'update' || !originalDoc) return rest
  const newEmail = typeof rest.email === 'string' ? rest.email.toLowerCase().trim() : undefined
  const emailChanging = newEmail !== undefined && newEmail !== originalDoc.email
  const passwordChanging = typeof rest.password === 'string' && rest.password !== ''
  if (!emailChanging && !passwordChanging) return rest
  if (passwordChanging) {
    req.context[passwordChangeFlag(originalDoc.id)] = true
    rest.pendingEmail = null
  }
  if (!req.user) return rest
  const outcome = await verifyCurrentPassword(req.payload, req.user.id, currentPassword)
  if (outcome !== 'ok') {
    // Outside the request's transaction: the refusal is journalled even though the change is rolled back.
    await audit(req.payload, {
      action: 'password.reauthFailed',
      actor: { id: req.user.id, email: (req.user as { email?: string }).email },
      subject: originalDoc,
      ip: clientIp(req.headers),
      details: { reason: outcome, changing: [...(passwordChanging ? ['password'] : []), ...(emailChanging ? ['email'] : [])] },
    })
    throw new ReauthenticationError(outcome)
  }
  const self = String(req.user.id) === String(originalDoc.id)
  if (emailChanging && self) {
    rest.email = originalDoc.email
    rest.pendingEmail = newEmail
    req.context[emailChangeFlag(originalDoc.id)] = newEmail
  }
  if (passwordChanging && !self) rest.passwordChangedAt = null
  return rest
}

/** Refuses passwords outside the policy, in French, on the `password` field (admin, API and site alike). */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc, req, operation }) => {
  if (!data) return data
  // The change date is the server's fact, never taken from input.
  const { passwordChangedAt: _ignored, ...rest } = data
  const password = rest.password
  if (typeof password !== 'string' || password === '') return rest
  const problem = passwordProblem(password, rest.email ?? originalDoc?.email)
  if (problem) {
    throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: PASSWORD_MESSAGES[problem].fr }] }, req.t)
  }
  // An administrator creating a staff account types a temporary password: it is left unstamped (so expired),
  // and the person chooses their own through the invitation link.
  if (operation === 'create' && req.user) return rest
  // Stamped here rather than in a field hook: Payload removes `password` from the data before field hooks run.
  return { ...rest, passwordChangedAt: new Date().toISOString() }
}

/** Blocks deactivated accounts, unconfirmed self sign-ups and expired passwords at sign-in. */
export const checkAccountAtLogin: CollectionBeforeLoginHook = ({ user, context }) => {
  if (user.active === false) throw new AccountInactiveError()
  if (user.emailVerified === false) throw new EmailNotVerifiedError()
  if (!context?.[ALLOW_EXPIRED_PASSWORD] && isPasswordExpired(user, new Date(), env.PASSWORD_MAX_AGE_DAYS)) {
    throw new PasswordExpiredError()
  }
  return user
}

/** Journals successful sign-ins. */
export const auditLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await audit(req.payload, { action: 'login.success', actor: user, subject: user, ip: clientIp(req.headers) }, req)
}

/**
 * Journals failed sign-ins made through the REST API (the site's sign-in page journals its own), whatever the
 * spelling of the path that reached Payload's login (`/api/users/LOGIN`, `/api/users/%6cogin/`…), and answers a
 * locked account exactly as a wrong password: Payload's own lock message would tell that the account exists.
 */
export const auditRestLoginFailure: CollectionAfterErrorHook = async ({ req, error }) => {
  const pathname = req.url ? URL.parse(req.url)?.pathname : undefined
  if (!pathname || normalisePath(pathname).path !== '/api/users/login') return
  const email = typeof req.data?.email === 'string' ? req.data.email : undefined
  await recordLoginFailure(req.payload, email, error, clientIp(req.headers), req.data?.password)
  if (error instanceof LockedAuth) {
    const same = new AuthenticationError(req.t)
    return { response: { errors: [{ message: same.message }] }, status: same.status }
  }
}

/**
 * After a change: privileges (roles, organisation, region, activation) changed → every session ends and the
 * change is journalled; a new password → every outstanding link of the person is revoked and the change
 * journalled; a requested email change → confirmation and notice sent; an applied one → journalled, old address told.
 */
export const afterAccountChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const actor = req.user ? { id: req.user.id, email: (req.user as { email?: string }).email } : null
  const ip = clientIp(req.headers)
  const byAdmin = can(req.user, 'administer') && actor !== null && String(actor.id) !== String(doc.id)
  if (operation === 'create') {
    await audit(req.payload, { action: 'account.created', actor, subject: doc, ip, details: { roles: doc.roles } }, req)
    if (actor) await sendInvitation(req.payload, doc, (req.user as { name?: string }).name ?? actor.email ?? 'Un administrateur', req)
    return doc
  }
  const changed = changedPrivileges(previousDoc ?? {}, doc)
  if (changed.length > 0) {
    await revokeAllSessions(req.payload, doc.id, req)
    const deactivated = previousDoc?.active !== false && doc.active === false
    await audit(
      req.payload,
      {
        action: deactivated ? 'account.deactivated' : 'account.privileges',
        actor,
        subject: doc,
        ip,
        details: Object.fromEntries(changed.map((f) => [f, { from: previousDoc?.[f] ?? null, to: doc[f] ?? null }])),
      },
      req,
    )
  }
  if (req.context[passwordChangeFlag(doc.id)]) {
    delete req.context[passwordChangeFlag(doc.id)]
    await revokeTokens(req.payload, doc.id, undefined, req)
    await audit(req.payload, { action: 'password.changed', actor, subject: doc, ip, details: { byAdmin, linksRevoked: true } }, req)
  }
  const requested = req.context[emailChangeFlag(doc.id)]
  if (typeof requested === 'string') {
    delete req.context[emailChangeFlag(doc.id)]
    await startEmailChange(req.payload, doc, requested, ip, req)
  }
  if (previousDoc?.email && doc.email !== previousDoc.email) {
    await audit(req.payload, { action: 'email.changed', actor, subject: doc, ip, details: { from: previousDoc.email, to: doc.email, byAdmin } }, req)
    await noticeEmailChanged(req.payload, doc, previousDoc.email, req)
  }
  return doc
}
