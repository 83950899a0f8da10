import {
  APIError,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeValidateHook,
} from 'payload'
import { ALLOW_EXPIRED_PASSWORD, sendInvitation } from '../../auth/account.ts'
import { audit, clientIp } from '../../auth/audit.ts'
import { recordLoginFailure } from '../../auth/login-failures.ts'
import { PASSWORD_MESSAGES, passwordProblem } from '../../auth/password-strength.ts'
import { revokeAllSessions } from '../../auth/sessions.ts'
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
 * spelling of the path that reached Payload's login (`/api/users/LOGIN`, `/api/users/%6cogin/`…).
 */
export const auditRestLoginFailure: CollectionAfterErrorHook = async ({ req, error }) => {
  const pathname = req.url ? URL.parse(req.url)?.pathname : undefined
  if (!pathname || normalisePath(pathname).path !== '/api/users/login') return
  const email = typeof req.data?.email === 'string' ? req.data.email : undefined
  await recordLoginFailure(req.payload, email, error, clientIp(req.headers))
}

/**
 * After a change: privileges (roles, organisation, region, activation) changed → every session ends and the
 * change is journalled; a new password is journalled too.
 */
export const afterAccountChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const actor = req.user ? { id: req.user.id, email: (req.user as { email?: string }).email } : null
  const ip = clientIp(req.headers)
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
  if (doc.passwordChangedAt && doc.passwordChangedAt !== previousDoc?.passwordChangedAt) {
    await audit(req.payload, { action: 'password.changed', actor, subject: doc, ip, details: { byAdmin: can(req.user, 'administer') && actor?.id !== doc.id } }, req)
  }
  return doc
}
