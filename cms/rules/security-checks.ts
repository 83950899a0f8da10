import { isPasswordExpired } from './password.ts'

// The daily security checks as a pure rule: accounts, sign-in failures, backups and personal-data exports in,
// findings out, `now` passed in (docs/operations.md). The daily check and the admin page show the same list.

export type TCheckedAccount = {
  id: number | string
  name: string
  email: string
  roles: readonly string[]
  active?: boolean | null
  createdAt: string
  passwordChangedAt?: string | null
  passwordExpiryExempt?: boolean | null
  lockUntil?: string | null
  /** Last successful sign-in (from the audit log), null when never. */
  lastSignInAt: string | null
}

export type TSignInFailure = { at: string; email?: string | null; ip?: string | null }
export type TPersonalDataExport = { at: string; actorEmail?: string | null; what?: string | null; rows?: number | null }

export type TSecuritySettings = {
  passwordMaxAgeDays: number
  /** A password expiring within this many days is announced. */
  passwordSoonDays: number
  /** Failed sign-ins in the last 24 h from which an account's or an address's count is unusual. */
  failuresPerAccount: number
  failuresPerAddress: number
  adminInactiveDays: number
  /** An account created this long ago without a single sign-in counts as never activated. */
  neverActivatedDays: number
  /** The last good backup must be younger than this. */
  backupMaxAgeHours: number
}

export const SECURITY_SETTINGS: TSecuritySettings = {
  passwordMaxAgeDays: 90,
  passwordSoonDays: 14,
  failuresPerAccount: 10,
  failuresPerAddress: 20,
  adminInactiveDays: 90,
  neverActivatedDays: 7,
  backupMaxAgeHours: 26,
}

export const FINDING_KINDS = {
  backupMissing: 'Aucune sauvegarde',
  backupOld: 'Dernière sauvegarde trop ancienne',
  accountLocked: 'Compte verrouillé',
  failedSignInsAccount: 'Échecs de connexion inhabituels (compte)',
  failedSignInsAddress: 'Échecs de connexion inhabituels (adresse)',
  adminInactive: 'Administrateur inactif depuis 90 jours',
  neverActivated: 'Compte jamais activé',
  passwordExpired: 'Mot de passe expiré',
  passwordExpiringSoon: 'Mot de passe bientôt expiré',
  personalDataExport: 'Export de données personnelles (24 h)',
} as const
export type FindingKind = keyof typeof FINDING_KINDS

export type TFinding = {
  kind: FindingKind
  /** True when an administrator must act (the daily email is sent only then); false for information. */
  action: boolean
  /** What it is about: an account's email, a client address, the backup folder… */
  subject: string
  /** One French sentence. */
  detail: string
}

const DAY = 86_400_000
const ageDays = (from: string, now: Date) => Math.floor((now.getTime() - new Date(from).getTime()) / DAY)
const frDate = (iso: string) => new Date(iso).toISOString().slice(0, 10).split('-').reverse().join('/')

/**
 * The findings of the day, most urgent kinds first. Deactivated accounts are left out of account findings
 * (they cannot sign in); a password never changed counts as expired, as at sign-in.
 */
export function securityFindings(
  input: { accounts: readonly TCheckedAccount[]; failures: readonly TSignInFailure[]; lastBackupAt: string | null; exports: readonly TPersonalDataExport[] },
  now: Date,
  settings: TSecuritySettings = SECURITY_SETTINGS,
): TFinding[] {
  const findings: TFinding[] = []
  const since = now.getTime() - DAY
  const recent = <T extends { at: string }>(list: readonly T[]) => list.filter((e) => new Date(e.at).getTime() > since && new Date(e.at).getTime() <= now.getTime())

  if (!input.lastBackupAt) findings.push({ kind: 'backupMissing', action: true, subject: 'BACKUP_DIR', detail: 'Aucune sauvegarde trouvée : lancez `npm run backup` et vérifiez la routine quotidienne.' })
  else {
    const hours = Math.floor((now.getTime() - new Date(input.lastBackupAt).getTime()) / 3_600_000)
    if (hours >= settings.backupMaxAgeHours) findings.push({ kind: 'backupOld', action: true, subject: 'BACKUP_DIR', detail: `La dernière sauvegarde a ${hours} heures (${frDate(input.lastBackupAt)}) : la sauvegarde quotidienne ne s’est pas faite.` })
  }

  const active = input.accounts.filter((a) => a.active !== false)
  for (const a of active) {
    if (a.lockUntil && new Date(a.lockUntil).getTime() > now.getTime()) {
      findings.push({ kind: 'accountLocked', action: true, subject: a.email, detail: `${a.name} est verrouillé jusqu’à ${new Date(a.lockUntil).toISOString().slice(11, 16)} (UTC) après 5 échecs de connexion.` })
    }
  }

  const byAccount = new Map<string, number>()
  const byAddress = new Map<string, number>()
  for (const f of recent(input.failures)) {
    if (f.email) byAccount.set(f.email.toLowerCase(), (byAccount.get(f.email.toLowerCase()) ?? 0) + 1)
    if (f.ip) byAddress.set(f.ip, (byAddress.get(f.ip) ?? 0) + 1)
  }
  for (const [email, count] of byAccount) {
    if (count >= settings.failuresPerAccount) findings.push({ kind: 'failedSignInsAccount', action: true, subject: email, detail: `${count} échecs de connexion en 24 heures sur ce compte (seuil ${settings.failuresPerAccount}).` })
  }
  for (const [ip, count] of byAddress) {
    if (count >= settings.failuresPerAddress) findings.push({ kind: 'failedSignInsAddress', action: true, subject: ip, detail: `${count} échecs de connexion en 24 heures depuis cette adresse (seuil ${settings.failuresPerAddress}).` })
  }

  for (const a of active) {
    if (!a.roles.includes('admin')) continue
    const last = a.lastSignInAt ?? a.createdAt
    const days = ageDays(last, now)
    if (days >= settings.adminInactiveDays) {
      findings.push({ kind: 'adminInactive', action: true, subject: a.email, detail: `${a.name} ne s’est pas connecté depuis ${days} jours : désactivez le compte s’il n’est plus utilisé.` })
    }
  }

  for (const a of active) {
    if (a.lastSignInAt === null && ageDays(a.createdAt, now) >= settings.neverActivatedDays) {
      findings.push({ kind: 'neverActivated', action: true, subject: a.email, detail: `${a.name} : compte créé le ${frDate(a.createdAt)}, jamais utilisé. Renvoyez l’invitation ou désactivez-le.` })
    }
  }

  for (const a of active) {
    if (a.passwordExpiryExempt) continue
    if (isPasswordExpired(a, now, settings.passwordMaxAgeDays)) {
      findings.push({ kind: 'passwordExpired', action: false, subject: a.email, detail: `${a.name} devra changer son mot de passe à la prochaine connexion.` })
    } else if (isPasswordExpired(a, new Date(now.getTime() + settings.passwordSoonDays * DAY), settings.passwordMaxAgeDays)) {
      const expires = new Date(new Date(a.passwordChangedAt!).getTime() + settings.passwordMaxAgeDays * DAY).toISOString()
      findings.push({ kind: 'passwordExpiringSoon', action: false, subject: a.email, detail: `Le mot de passe de ${a.name} expire le ${frDate(expires)}.` })
    }
  }

  for (const e of recent(input.exports)) {
    findings.push({ kind: 'personalDataExport', action: false, subject: e.actorEmail ?? '—', detail: `Export « ${e.what ?? '?'} » (${e.rows ?? 0} lignes) le ${frDate(e.at)} à ${e.at.slice(11, 16)} (UTC).` })
  }
  const order = Object.keys(FINDING_KINDS)
  return findings.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind))
}

/** True when at least one finding asks an administrator to act: the day's email is sent only then. */
export const needsAction = (findings: readonly TFinding[]): boolean => findings.some((f) => f.action)
