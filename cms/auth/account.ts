import { APIError, AuthenticationError, LockedAuth, type Payload, type PayloadRequest } from 'payload'
import type { User } from '../payload-types.ts'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import * as mails from '../email/templates.ts'
import { recordLoginFailure } from './login-failures.ts'
import { audit } from './audit.ts'
import { passwordProblem, type PASSWORD_MESSAGES } from './password-strength.ts'
import { spendPasswordCheck } from './reauth.ts'
import { loginForCookie, revokeAllSessions } from './sessions.ts'
import { checkToken, consumeToken, issueToken, revokeTokens } from './tokens.ts'

// Account operations behind the public pages (/connexion, /inscription, /mot-de-passe-*, /mon-compte).
// They take plain validated input; the pages parse forms with zod and turn the outcomes into French messages.

/** Why a sign-in failed; deliberately the same outcome for an unknown email and a wrong password. */
export type SignInFailure = 'invalid' | 'locked' | 'inactive' | 'unverified' | 'passwordExpired'
export type SignInResult = { ok: true; token: string; user: User } | { ok: false; reason: SignInFailure }

/** Context flag set by the expired-password flow, which checks the old password through a normal login. */
export const ALLOW_EXPIRED_PASSWORD = 'allowExpiredPassword'

const codeOf = (error: unknown): string | undefined =>
  error instanceof APIError ? ((error.data as { code?: string } | undefined)?.code ?? undefined) : undefined

/** Signs a person in through Payload (lockout, sessions, hooks) and journals failures. */
export async function signIn(payload: Payload, input: { email: string; password: string; ip: string | null; allowExpired?: boolean }): Promise<SignInResult> {
  try {
    const result = await loginForCookie(payload, {
      email: input.email,
      password: input.password,
      context: input.allowExpired ? { [ALLOW_EXPIRED_PASSWORD]: true } : {},
      headers: new Headers(input.ip ? { 'x-portal-client-ip': input.ip } : {}),
    })
    if (!result.token || !result.user) return { ok: false, reason: 'invalid' }
    return { ok: true, token: result.token, user: result.user as User }
  } catch (error) {
    const code = codeOf(error)
    if (code === 'passwordExpired') return { ok: false, reason: 'passwordExpired' }
    await recordLoginFailure(payload, input.email, error, input.ip, input.password)
    if (error instanceof LockedAuth) return { ok: false, reason: 'locked' }
    if (code === 'inactive') return { ok: false, reason: 'inactive' }
    if (code === 'unverified') return { ok: false, reason: 'unverified' }
    if (error instanceof AuthenticationError) return { ok: false, reason: 'invalid' }
    throw error
  }
}

/** Outcome of a password change; `weak` carries the policy problem for the field message. */
export type PasswordChangeResult =
  | { ok: true; token: string; user: User }
  | { ok: false; reason: SignInFailure | 'weak'; problem?: keyof typeof PASSWORD_MESSAGES }

/**
 * Changes a password after checking the current one through a real sign-in (so lockout applies), ends every
 * other session, and signs the person in again with a fresh session. Serves both the expired-password form and
 * /mon-compte.
 */
export async function changePassword(
  payload: Payload,
  input: { email: string; currentPassword: string; newPassword: string; ip: string | null },
): Promise<PasswordChangeResult> {
  const problem = passwordProblem(input.newPassword, input.email)
  if (problem) return { ok: false, reason: 'weak', problem }
  const check = await signIn(payload, { email: input.email, password: input.currentPassword, ip: input.ip, allowExpired: true })
  if (!check.ok) return check
  await setPassword(payload, check.user.id, input.newPassword)
  return signIn(payload, { email: input.email, password: input.newPassword, ip: input.ip })
}

/**
 * Sets a new password as the system, once the caller has checked the current password or a link. The users
 * hooks do the rest, as for every password change: policy, change date, every session ended (Payload), every
 * outstanding link revoked and any pending email change cancelled.
 */
async function setPassword(payload: Payload, userId: number, password: string): Promise<void> {
  await payload.update({ collection: 'users', id: userId, data: { password }, overrideAccess: true })
}

const link = (pathAndQuery: string): string => `${env.publicUrl}${pathAndQuery}`

/**
 * Self sign-up of a learner. The answer is the same whether the email is new or not (no account discovery):
 * a new address gets a confirmation link, a known one gets a "you already have an account" email.
 */
export async function signUpLearner(
  payload: Payload,
  input: { name: string; email: string; password: string; region?: number | string; organisation?: number | string; ip: string | null },
): Promise<{ ok: true } | { ok: false; problem: keyof typeof PASSWORD_MESSAGES }> {
  const problem = passwordProblem(input.password, input.email)
  if (problem) return { ok: false, problem }
  const existing = await findByEmail(payload, input.email)
  if (existing) {
    // Creating an account hashes the password; the same work is spent here so the answer time is the same too.
    await spendPasswordCheck(input.password)
    const m = mails.alreadyRegistered(existing.name, link('/connexion'), link('/mot-de-passe-oublie'))
    await queueEmail(payload, { to: existing.email, ...m })
    return { ok: true }
  }
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      name: input.name,
      email: input.email,
      password: input.password,
      roles: ['learner'],
      region: input.region as number | undefined,
      organisation: input.organisation as number | undefined,
      emailVerified: false,
      active: true,
    },
    req: { headers: new Headers(input.ip ? { 'x-portal-client-ip': input.ip } : {}) },
  })
  const token = await issueToken(payload, 'verify', user.id)
  await queueEmail(payload, { to: user.email, ...mails.verifyEmail(user.name, link(`/inscription/confirmer?jeton=${token}`)) })
  return { ok: true }
}

/** Confirms a learner's address from the emailed link (single use). */
export async function confirmEmail(payload: Payload, token: string): Promise<boolean> {
  const used = await consumeToken(payload, token, ['verify'])
  if (!used) return false
  const user = await payload.update({ collection: 'users', id: used.userId, data: { emailVerified: true }, overrideAccess: true })
  await audit(payload, { action: 'account.verified', subject: user })
  return true
}

async function findByEmail(payload: Payload, email: string): Promise<User | undefined> {
  const { docs } = await payload.find({ collection: 'users', overrideAccess: true, depth: 0, limit: 1, where: { email: { equals: email.toLowerCase().trim() } } })
  return docs[0]
}

/**
 * Asks for a reset link. The request only queues the work, one identical write whether the account exists or
 * not, so neither the answer nor its time tells anything (the pages answer the same in every case); the
 * `password-reset` job (cms/jobs/passwordReset.ts) then looks the account up and sends the link.
 */
export async function requestPasswordReset(payload: Payload, email: string, ip: string | null): Promise<void> {
  await payload.jobs.queue({ task: 'password-reset', input: { email: email.toLowerCase().trim(), ip: ip ?? '' } })
}

/** The work of a reset request, run by the jobs queue: a link when the account exists and is active, journalled. */
export async function sendPasswordReset(payload: Payload, email: string, ip: string | null): Promise<void> {
  const user = await findByEmail(payload, email)
  await audit(payload, { action: 'password.resetRequested', subject: user ?? null, subjectEmail: email, ip, details: { known: Boolean(user) } })
  if (!user || user.active === false) return
  const token = await issueToken(payload, 'reset', user.id)
  await queueEmail(payload, { to: user.email, ...mails.passwordReset(user.name, link(`/mot-de-passe/nouveau?jeton=${token}`)) })
}

/** Invites a person an administrator just created: a set-password link valid 7 days, also returned to the caller. */
export async function sendInvitation(payload: Payload, user: Pick<User, 'id' | 'email' | 'name'>, invitedBy: string, req?: Partial<PayloadRequest>): Promise<string> {
  const token = await issueToken(payload, 'invite', user.id, new Date(), req)
  const url = link(`/mot-de-passe/nouveau?jeton=${token}`)
  await queueEmail(payload, { to: user.email, ...mails.invitation(user.name, url, invitedBy) }, req)
  await audit(payload, { action: 'account.invited', subject: user, details: { invitedBy } }, req)
  return url
}

/** True when a reset or invitation link is still usable (to show the form, or an "expired link" page). */
export async function isSetPasswordLinkValid(payload: Payload, token: string): Promise<boolean> {
  return (await checkToken(payload, token, ['reset', 'invite'])) !== null
}

/** Sets a password from a reset or invitation link: policy first, then the link is used up, sessions end. */
export async function setPasswordFromLink(
  payload: Payload,
  input: { token: string; password: string; ip: string | null },
): Promise<{ ok: true } | { ok: false; reason: 'invalidLink' } | { ok: false; reason: 'weak'; problem: keyof typeof PASSWORD_MESSAGES }> {
  const found = await checkToken(payload, input.token, ['reset', 'invite'])
  if (!found) return { ok: false, reason: 'invalidLink' }
  const user = await payload.findByID({ collection: 'users', id: found.userId, overrideAccess: true, depth: 0 })
  const problem = passwordProblem(input.password, user.email)
  if (problem) return { ok: false, reason: 'weak', problem }
  const used = await consumeToken(payload, input.token, ['reset', 'invite'])
  if (!used) return { ok: false, reason: 'invalidLink' }
  await setPassword(payload, user.id, input.password)
  // Following an invitation or reset link proves the person reads this mailbox.
  if (!user.emailVerified) await payload.update({ collection: 'users', id: user.id, data: { emailVerified: true }, overrideAccess: true })
  await audit(payload, { action: 'password.reset', subject: user, ip: input.ip, details: { via: used.purpose } })
  return { ok: true }
}

/** Ends every session of the person, on every device ("Se déconnecter partout"). */
export async function signOutEverywhere(payload: Payload, user: Pick<User, 'id' | 'email'>, ip: string | null): Promise<void> {
  await revokeAllSessions(payload, user.id)
  await audit(payload, { action: 'sessions.revoked', actor: user, subject: user, ip })
}

/**
 * Starts a change of email address the person asked for (after re-authentication, in the users hooks): the new
 * address receives a single-use confirmation link, the old one a notice; nothing changes until the link is used.
 * A new request replaces an earlier one. An address already used by another account gets no link, and the
 * person sees the same answer (no account discovery).
 */
export async function startEmailChange(
  payload: Payload,
  user: Pick<User, 'id' | 'email' | 'name'>,
  newEmail: string,
  ip: string | null,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  await revokeTokens(payload, user.id, ['emailChange'], req)
  const taken = await findByEmail(payload, newEmail)
  await audit(payload, { action: 'email.changeRequested', actor: user, subject: user, ip, details: { to: newEmail, taken: Boolean(taken) } }, req)
  await queueEmail(payload, { to: user.email, ...mails.emailChangeNotice(user.name, newEmail, 'requested', link('/mot-de-passe-oublie')) }, req)
  if (taken) return
  const token = await issueToken(payload, 'emailChange', user.id, new Date(), req)
  await queueEmail(payload, { to: newEmail, ...mails.emailChangeConfirm(user.name, newEmail, link(`/mon-compte/adresse?jeton=${token}`)) }, req)
}

/** Tells the old address that the account's email changed (confirmed by the person, or set by an administrator). */
export async function noticeEmailChanged(payload: Payload, user: Pick<User, 'email' | 'name'>, oldEmail: string, req?: Partial<PayloadRequest>): Promise<void> {
  await queueEmail(payload, { to: oldEmail, ...mails.emailChangeNotice(user.name, user.email, 'applied', link('/mot-de-passe-oublie')) }, req)
}

/** Applies a pending email change from the link sent to the new address (single use). */
export async function confirmEmailChange(payload: Payload, token: string, ip: string | null): Promise<'done' | 'invalid' | 'taken'> {
  const found = await checkToken(payload, token, ['emailChange'])
  if (!found) return 'invalid'
  const user = await payload.findByID({ collection: 'users', id: found.userId, overrideAccess: true, depth: 0 })
  if (!user.pendingEmail) return 'invalid'
  // Another account may have taken the address since the request.
  if (await findByEmail(payload, user.pendingEmail)) return 'taken'
  if (!(await consumeToken(payload, token, ['emailChange']))) return 'invalid'
  // The users hooks journal the change and notify the old address.
  await payload.update({
    collection: 'users',
    id: user.id,
    data: { email: user.pendingEmail, pendingEmail: null, emailVerified: true },
    overrideAccess: true,
    req: { headers: new Headers(ip ? { 'x-portal-client-ip': ip } : {}) },
  })
  return 'done'
}
