import { civilDay } from './periods.ts'

// The sandbox's case workflow, as CPIMS+ (Primero) runs it where it matters for learning (docs/sandbox.md):
// the stage computed from what has been done, approvals (assessment, action plan, closure), referrals, transfers,
// closing and reopening, tasks from due dates, and — for every action — either the change to make or the French
// sentence saying which role or state it needs. Plain data in and out, `now` passed in; the server applies the
// changes (cms/sandbox/service.ts).

/** Roles inside a sandbox workspace, as in CPIMS+ (not portal roles). */
export const SANDBOX_ROLES = {
  caseManager: 'Gestionnaire de cas',
  supervisor: 'Superviseur',
  orgAdmin: 'Administrateur de l’organisation',
} as const
export type TSandboxRole = keyof typeof SANDBOX_ROLES

export const STAGES = {
  nouveau: 'Nouveau',
  evaluation: 'Évaluation',
  plan_action: 'Plan d’action',
  mise_en_oeuvre: 'Mise en œuvre',
  suivi: 'Suivi',
  cloture: 'Clôturé',
  reouvert: 'Réouvert',
} as const
export type TStage = keyof typeof STAGES

export const APPROVAL_TYPES = {
  assessment: { label: 'évaluation approfondie', form: '2.A' },
  actionPlan: { label: 'plan d’action', form: '3.A' },
  closure: { label: 'clôture', form: '6.A' },
} as const
export type TApprovalType = keyof typeof APPROVAL_TYPES

export const TRANSITION_KINDS = ['approval', 'referral', 'transfer'] as const
export type TTransitionKind = (typeof TRANSITION_KINDS)[number]

export const TRANSITION_STATUSES = {
  pending: 'En attente',
  approved: 'Approuvé',
  rejected: 'Refusé',
  accepted: 'Accepté',
  done: 'Terminé',
  revoked: 'Annulé',
} as const
export type TTransitionStatus = keyof typeof TRANSITION_STATUSES

export const RISK_LEVELS = { eleve: 'Élevé', moyen: 'Moyen', faible: 'Faible' } as const
export type TRiskLevel = keyof typeof RISK_LEVELS

/** Forms a case may hold several times (one entry per visit, conference, tracing step). */
export const REPEATABLE_FORMS: readonly string[] = ['3.B', '4.B', '5.A', '5.B', '5.C', 'A.3']
/** Forms the supervisor fills with the child and the adult before approving closure. */
export const FEEDBACK_FORMS: readonly string[] = ['6.B', '6.C']
/** Forms written through their own action, never through the form page. */
export const ACTION_FORMS: readonly string[] = ['A.1', 'A.2', 'B.1']

export type TMember = { id: string; name: string; role: TSandboxRole }
export type TFormEntry = { id: string; code: string; values: Record<string, unknown>; savedAt: string; savedBy: string }
export type TCase = {
  status: 'open' | 'closed'
  owner: string
  assigned: readonly string[]
  forms: readonly TFormEntry[]
  createdAt: string
  closedAt?: string | null
  reopenedAt?: string | null
}
export type TTransition = {
  id: string
  kind: TTransitionKind
  approvalType?: TApprovalType | null
  status: TTransitionStatus
  from: string
  to?: string | null
  service?: string | null
  createdAt: string
  decidedAt?: string | null
  decidedBy?: string | null
  comment?: string | null
}
export type TCaseView = TCase & { transitions: readonly TTransition[] }

/** An action's outcome: what to change, or why it is refused. */
export type TStep = { ok: true; transition?: TTransition; update?: Partial<TCase> } | { ok: false; why: string }
const refuse = (why: string): TStep => ({ ok: false, why })

// ——— Reading a case ———

/** The latest entry of a form, or undefined. */
export function formEntry(view: Pick<TCase, 'forms'>, code: string): TFormEntry | undefined {
  let latest: TFormEntry | undefined
  for (const entry of view.forms) if (entry.code === code && (!latest || entry.savedAt >= latest.savedAt)) latest = entry
  return latest
}

export const hasForm = (view: Pick<TCase, 'forms'>, code: string): boolean => formEntry(view, code) !== undefined

/** Consent recorded on 1.A: to services, and to sharing information with other organisations. */
export function consentOf(view: Pick<TCase, 'forms'>): { services: boolean; sharing: boolean } {
  const values = formEntry(view, '1.A')?.values ?? {}
  return { services: values['consent_services'] === true, sharing: values['consent_sharing'] === true }
}

/** The risk level: the in-depth assessment's if given, else the initial assessment's. */
export function riskLevelOf(view: Pick<TCase, 'forms'>): TRiskLevel | undefined {
  const level = formEntry(view, '2.A')?.values['risk_level_after'] ?? formEntry(view, '1.C')?.values['risk_level']
  return typeof level === 'string' && level in RISK_LEVELS ? (level as TRiskLevel) : undefined
}

/** The approval of a type that counts now: the latest request (closure requests before a reopening no longer count). */
export function approvalOf(view: TCaseView, type: TApprovalType): TTransition | undefined {
  let latest: TTransition | undefined
  for (const t of view.transitions) {
    if (t.kind !== 'approval' || t.approvalType !== type) continue
    if (type === 'closure' && view.reopenedAt && t.createdAt < view.reopenedAt) continue
    if (!latest || t.createdAt >= latest.createdAt) latest = t
  }
  return latest
}

const approved = (view: TCaseView, type: TApprovalType) => approvalOf(view, type)?.status === 'approved'

/** The workflow stage, computed from what has been done (never stored by hand). */
export function stageOf(view: TCaseView): TStage {
  if (view.status === 'closed') return 'cloture'
  if (view.reopenedAt && !view.forms.some((f) => f.code !== 'B.1' && f.savedAt > view.reopenedAt!)) return 'reouvert'
  if (approved(view, 'actionPlan')) return hasForm(view, '5.A') ? 'suivi' : 'mise_en_oeuvre'
  if (approved(view, 'assessment')) return 'plan_action'
  if (hasForm(view, '1.C') || hasForm(view, '2.A')) return 'evaluation'
  return 'nouveau'
}

// ——— Who is who on a case ———

/** Who holds a case: all that deciding whether a member sees it needs (a case list reads no more). */
type THolders = Pick<TCase, 'owner' | 'assigned'>
const isOwner = (view: THolders, actor: TMember) => view.owner === actor.id
const isAssigned = (view: THolders, actor: TMember) => view.assigned.includes(actor.id)

/** True when the member sees the case: supervisors and the organisation administrator see the workspace's cases, a case manager the cases they own or that are shared with them. */
export function canSeeCase(view: THolders, actor: TMember): boolean {
  return actor.role !== 'caseManager' || isOwner(view, actor) || isAssigned(view, actor)
}

/** Null when the member may save the form on the case, or why not. */
export function whyCannotEditForm(view: TCaseView, actor: TMember, code: string): string | null {
  if (view.status === 'closed') return 'Le cas est clôturé : on ne modifie plus ses fiches. Pour reprendre l’accompagnement, rouvrez-le avec la fiche B.1.'
  if (ACTION_FORMS.includes(code)) return `La fiche ${code} se remplit avec son action (orientation, transfert, réouverture), pas depuis cette page.`
  if (FEEDBACK_FORMS.includes(code)) return actor.role === 'supervisor' ? null : `Les fiches de retour 6.B et 6.C sont remplies par le superviseur avec l’enfant et l’adulte avant d’approuver la clôture : vous êtes ${SANDBOX_ROLES[actor.role].toLowerCase()}.`
  if (actor.role !== 'caseManager') return `Seul le gestionnaire de cas responsable (ou à qui le cas est partagé) remplit cette fiche : vous êtes ${SANDBOX_ROLES[actor.role].toLowerCase()}.`
  if (!isOwner(view, actor) && !isAssigned(view, actor)) return 'Ce cas n’est ni à vous ni partagé avec vous.'
  const pending = (['assessment', 'actionPlan', 'closure'] as const).find((type) => APPROVAL_TYPES[type].form === code && approvalOf(view, type)?.status === 'pending')
  if (pending) return `La fiche ${code} attend l’approbation du superviseur : elle ne change plus tant qu’il n’a pas décidé.`
  return null
}

// ——— Approvals ———

const PREREQUISITE: Record<TApprovalType, TApprovalType | null> = { assessment: null, actionPlan: 'assessment', closure: 'actionPlan' }

/** The case manager responsible asks the supervisor to approve the assessment, the action plan or closure. */
export function requestApproval(view: TCaseView, actor: TMember, type: TApprovalType, now: Date, id: string): TStep {
  const { label, form } = APPROVAL_TYPES[type]
  if (view.status === 'closed') return refuse('Le cas est clôturé : rouvrez-le (fiche B.1) avant de demander une approbation.')
  if (actor.role !== 'caseManager') return refuse(`Seul le gestionnaire de cas responsable demande l’approbation : vous êtes ${SANDBOX_ROLES[actor.role].toLowerCase()}.`)
  if (!isOwner(view, actor)) return refuse('Seul le gestionnaire de cas responsable du cas demande une approbation.')
  const current = approvalOf(view, type)
  if (current?.status === 'pending') return refuse(`L’approbation de la ${label} est déjà demandée : attendez la décision du superviseur.`)
  if (current?.status === 'approved') return refuse(`La ${label} est déjà approuvée.`)
  if (!hasForm(view, form)) return refuse(`Remplissez d’abord la fiche ${form} (${label}).`)
  const before = PREREQUISITE[type]
  if (before && !approved(view, before)) return refuse(`La ${APPROVAL_TYPES[before].label} doit d’abord être approuvée.`)
  return { ok: true, transition: { id, kind: 'approval', approvalType: type, status: 'pending', from: actor.id, createdAt: now.toISOString() } }
}

/** A supervisor approves or rejects a pending request; a rejection says why. */
export function decideApproval(view: TCaseView, actor: TMember, type: TApprovalType, decision: 'approved' | 'rejected', comment: string, now: Date): TStep {
  const { label } = APPROVAL_TYPES[type]
  const current = approvalOf(view, type)
  if (actor.role !== 'supervisor') return refuse(`Seul un superviseur de l’espace approuve ou refuse : vous êtes ${SANDBOX_ROLES[actor.role].toLowerCase()}.`)
  if (!current || current.status !== 'pending') {
    if (current?.status === 'approved') return refuse(`La ${label} est déjà approuvée : il n’y a plus rien à décider.`)
    return refuse(`Aucune demande d’approbation de la ${label} n’est en attente : le gestionnaire de cas doit d’abord la demander.`)
  }
  if (current.from === actor.id || isOwner(view, actor)) return refuse('Personne n’approuve sa propre demande : un autre superviseur doit décider.')
  if (decision === 'rejected' && !comment.trim()) return refuse('Dites pourquoi vous refusez : le commentaire est obligatoire pour un refus.')
  if (decision === 'approved' && type === 'closure') {
    const missing = FEEDBACK_FORMS.filter((code) => !hasForm(view, code))
    if (missing.length) return refuse(`Avant d’approuver la clôture, remplissez avec l’enfant et l’adulte les fiches de retour ${missing.join(' et ')}.`)
  }
  return { ok: true, transition: { ...current, status: decision, decidedAt: now.toISOString(), decidedBy: actor.id, comment: comment.trim() || null } }
}

/** Closing is its own action once closure is approved. */
export function closeCase(view: TCaseView, actor: TMember, now: Date): TStep {
  if (view.status === 'closed') return refuse('Le cas est déjà clôturé.')
  if (actor.role === 'orgAdmin') return refuse('Le gestionnaire de cas responsable ou un superviseur clôture le cas : vous êtes administrateur de l’organisation.')
  if (actor.role === 'caseManager' && !isOwner(view, actor)) return refuse('Seul le gestionnaire de cas responsable clôture le cas.')
  if (!approved(view, 'closure')) return refuse('La clôture doit d’abord être approuvée par un superviseur (demande d’approbation, puis fiches 6.B et 6.C).')
  return { ok: true, update: { status: 'closed', closedAt: now.toISOString() } }
}

/** A closed case reopens with form B.1 (its values checked by the caller against the form definition). */
export function reopenCase(view: TCaseView, actor: TMember, now: Date): TStep {
  if (view.status !== 'closed') return refuse('Seul un cas clôturé peut être rouvert.')
  if (actor.role === 'orgAdmin') return refuse('Le gestionnaire de cas ou un superviseur rouvre un cas : vous êtes administrateur de l’organisation.')
  if (actor.role === 'caseManager' && !isOwner(view, actor)) return refuse('Seul le gestionnaire de cas qui avait le cas, ou un superviseur, le rouvre.')
  return { ok: true, update: { status: 'open', closedAt: null, reopenedAt: now.toISOString() } }
}

// ——— Referrals and transfers ———

function pendingOf(view: TCaseView, kind: TTransitionKind): TTransition[] {
  return view.transitions.filter((t) => t.kind === kind && (t.status === 'pending' || (kind === 'referral' && t.status === 'accepted')))
}

/** Whether a member still needs to be assigned to the case once a transition ends. */
function assignedAfter(view: TCaseView, member: string, ending: string): string[] {
  const stillActive = view.transitions.some((t) => t.id !== ending && t.to === member && t.kind === 'referral' && (t.status === 'pending' || t.status === 'accepted'))
  return stillActive ? [...view.assigned] : view.assigned.filter((m) => m !== member)
}

/** The case manager responsible refers the child to a service: consent to services and to sharing is needed. */
export function createReferral(view: TCaseView, actor: TMember, to: TMember | undefined, service: string, now: Date, id: string): TStep {
  if (view.status === 'closed') return refuse('Le cas est clôturé : on n’oriente plus.')
  if (actor.role !== 'caseManager' || (!isOwner(view, actor) && !isAssigned(view, actor))) return refuse('Le gestionnaire de cas responsable du cas oriente l’enfant.')
  const consent = consentOf(view)
  if (!consent.services || !consent.sharing) return refuse('Le consentement aux services et au partage d’informations (fiche 1.A) est nécessaire pour orienter.')
  if (!to) return refuse('Choisissez le destinataire de l’orientation parmi les comptes de l’espace.')
  if (to.id === actor.id) return refuse('On n’oriente pas vers soi-même.')
  if (!service.trim()) return refuse('Indiquez le service demandé.')
  if (pendingOf(view, 'referral').some((t) => t.to === to.id && t.service === service)) return refuse(`Une orientation vers ${to.name} pour ce service est déjà en cours.`)
  return {
    ok: true,
    transition: { id, kind: 'referral', status: 'pending', from: actor.id, to: to.id, service, createdAt: now.toISOString() },
    update: { assigned: [...new Set([...view.assigned, to.id])] },
  }
}

/** Creates a transfer of the case to another case manager, who becomes owner if they accept. */
export function createTransfer(view: TCaseView, actor: TMember, to: TMember | undefined, now: Date, id: string): TStep {
  if (view.status === 'closed') return refuse('Le cas est clôturé : on ne le transfère plus.')
  if (actor.role !== 'caseManager' || !isOwner(view, actor)) return refuse('Seul le gestionnaire de cas responsable transfère le cas.')
  if (!consentOf(view).sharing) return refuse('Le consentement au partage d’informations (fiche 1.A) est nécessaire pour transférer.')
  if (!to || to.role !== 'caseManager') return refuse('Choisissez un gestionnaire de cas de l’espace comme destinataire du transfert.')
  if (to.id === actor.id) return refuse('Le cas est déjà à vous.')
  if (pendingOf(view, 'transfer').length) return refuse('Un transfert de ce cas est déjà en attente de réponse.')
  return {
    ok: true,
    transition: { id, kind: 'transfer', status: 'pending', from: actor.id, to: to.id, createdAt: now.toISOString() },
    update: { assigned: [...new Set([...view.assigned, to.id])] },
  }
}

const WHAT: Record<TTransitionKind, string> = { approval: 'Cette approbation', referral: 'Cette orientation', transfer: 'Ce transfert' }

/** The recipient accepts or rejects (with a reason) a pending referral or transfer. */
export function respond(view: TCaseView, actor: TMember, transition: TTransition, decision: 'accepted' | 'rejected', reason: string, now: Date): TStep {
  if (transition.kind === 'approval') return refuse('Une approbation se décide, elle ne s’accepte pas.')
  if (transition.status !== 'pending') return refuse(`${WHAT[transition.kind]} est « ${TRANSITION_STATUSES[transition.status].toLowerCase()} » : on ne peut plus l’accepter ni la refuser.`)
  if (transition.to !== actor.id) return refuse(`Seul le destinataire répond : ${WHAT[transition.kind].toLowerCase()} ne vous est pas adressé(e).`)
  if (decision === 'rejected' && !reason.trim()) return refuse('Dites pourquoi vous refusez : le motif est obligatoire.')
  const transitionAfter: TTransition = { ...transition, status: decision, decidedAt: now.toISOString(), decidedBy: actor.id, comment: reason.trim() || null }
  if (decision === 'rejected') return { ok: true, transition: transitionAfter, update: { assigned: assignedAfter(view, actor.id, transition.id) } }
  if (transition.kind === 'transfer') {
    // The recipient becomes owner; the previous owner keeps no access of their own (their supervisor still sees it).
    return { ok: true, transition: transitionAfter, update: { owner: actor.id, assigned: view.assigned.filter((m) => m !== actor.id && m !== transition.from) } }
  }
  return { ok: true, transition: transitionAfter }
}

/** The recipient of an accepted referral marks the service done; the case stays with its owner. */
export function markReferralDone(view: TCaseView, actor: TMember, transition: TTransition, note: string, now: Date): TStep {
  if (transition.kind !== 'referral') return refuse('Seule une orientation se marque comme terminée.')
  if (transition.to !== actor.id) return refuse('Seul le destinataire de l’orientation la marque comme terminée.')
  if (transition.status !== 'accepted') return refuse(`L’orientation est « ${TRANSITION_STATUSES[transition.status].toLowerCase()} » : elle doit être acceptée avant d’être terminée.`)
  return { ok: true, transition: { ...transition, status: 'done', decidedAt: now.toISOString(), comment: note.trim() || transition.comment || null }, update: { assigned: assignedAfter(view, actor.id, transition.id) } }
}

/** The sender, or a supervisor, revokes a referral or transfer while it is pending. */
export function revoke(view: TCaseView, actor: TMember, transition: TTransition, now: Date): TStep {
  if (transition.kind === 'approval') return refuse('Une demande d’approbation ne s’annule pas : le superviseur la décide.')
  if (transition.status !== 'pending') return refuse(`${WHAT[transition.kind]} est « ${TRANSITION_STATUSES[transition.status].toLowerCase()} » : on ne l’annule que tant qu’elle attend une réponse.`)
  if (transition.from !== actor.id && actor.role !== 'supervisor') return refuse('Seul l’expéditeur ou un superviseur annule.')
  return { ok: true, transition: { ...transition, status: 'revoked', decidedAt: now.toISOString(), decidedBy: actor.id }, update: { assigned: assignedAfter(view, transition.to ?? '', transition.id) } }
}

// ——— Tasks ———

/** Days the in-depth assessment may take after registration, by risk level (sandbox convention, docs/sandbox.md). */
export const ASSESSMENT_DAYS: Record<TRiskLevel, number> = { eleve: 3, moyen: 7, faible: 14 }
export const ACTION_PLAN_DAYS = 14
export const FOLLOWUP_DAYS: Record<string, number> = { hebdomadaire: 7, bimensuelle: 14, mensuelle: 30 }
export const DUE_SOON_DAYS = 3

export type TTaskKind = 'assessment' | 'actionPlan' | 'followUp' | 'service'
export const TASK_LABELS: Record<TTaskKind, string> = { assessment: 'Évaluation approfondie', actionPlan: 'Plan d’action', followUp: 'Visite de suivi', service: 'Service' }
export type TTask = { kind: TTaskKind; label: string; due: string; state: 'overdue' | 'dueSoon' | 'later' }

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

const dayOfValue = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined)

/** What the case owner must do next with a date, each overdue, due soon (3 days) or later; closed cases have none. */
export function tasksOf(view: TCaseView, now: Date): TTask[] {
  if (view.status === 'closed') return []
  const today = civilDay(now)
  const tasks: Omit<TTask, 'state'>[] = []
  const registered = dayOfValue(formEntry(view, '1.B')?.values['registration_date'])
  if (registered && !hasForm(view, '2.A')) tasks.push({ kind: 'assessment', label: TASK_LABELS.assessment, due: addDays(registered, ASSESSMENT_DAYS[riskLevelOf(view) ?? 'moyen']) })
  const assessment = approvalOf(view, 'assessment')
  if (assessment?.status === 'approved' && assessment.decidedAt && !hasForm(view, '3.A')) tasks.push({ kind: 'actionPlan', label: TASK_LABELS.actionPlan, due: addDays(assessment.decidedAt.slice(0, 10), ACTION_PLAN_DAYS) })
  const plan = approvalOf(view, 'actionPlan')
  if (plan?.status === 'approved' && plan.decidedAt) {
    const lastVisit = formEntry(view, '5.A')
    const next = dayOfValue(lastVisit?.values['next_followup_date'])
    const frequency = FOLLOWUP_DAYS[String(formEntry(view, '3.A')?.values['followup_frequency'])] ?? 30
    const due = next ?? (lastVisit ? undefined : addDays(plan.decidedAt.slice(0, 10), frequency))
    if (due) tasks.push({ kind: 'followUp', label: TASK_LABELS.followUp, due })
  }
  const services = formEntry(view, '4.A')?.values['services']
  if (Array.isArray(services))
    for (const row of services as Record<string, unknown>[]) {
      const due = dayOfValue(row['due_date'])
      if (due && row['implemented'] !== true) tasks.push({ kind: 'service', label: `${TASK_LABELS.service} : ${String(row['service_type'] ?? '')}`, due })
    }
  const soon = addDays(today, DUE_SOON_DAYS)
  return tasks.map((t) => ({ ...t, state: t.due < today ? 'overdue' : t.due <= soon ? 'dueSoon' : 'later' }) as TTask).sort((a, b) => a.due.localeCompare(b.due))
}

// ——— What the case page offers, and why not ———

export type TActionName = 'requestAssessment' | 'requestActionPlan' | 'requestClosure' | 'approveAssessment' | 'approveActionPlan' | 'approveClosure' | 'refer' | 'transfer' | 'close' | 'reopen'
export type TOffer = { action: TActionName; label: string; why: string | null }

const PROBE_ID = 'probe'

/**
 * Every case action with `why` null when offered, or the sentence saying which role or state it needs — so the
 * case page explains a missing button instead of hiding it. Referral and transfer are probed with any eligible
 * member as recipient.
 */
export function offers(view: TCaseView, actor: TMember, members: readonly TMember[], now: Date): TOffer[] {
  const why = (step: TStep) => (step.ok ? null : step.why)
  const other = members.find((m) => m.id !== actor.id)
  const otherManager = members.find((m) => m.id !== actor.id && m.role === 'caseManager')
  const decide = (type: TApprovalType) => why(decideApproval(view, actor, type, 'approved', '', now)) ?? null
  return [
    { action: 'requestAssessment', label: 'Demander l’approbation de l’évaluation approfondie', why: why(requestApproval(view, actor, 'assessment', now, PROBE_ID)) },
    { action: 'approveAssessment', label: 'Approuver ou refuser l’évaluation approfondie', why: decide('assessment') },
    { action: 'requestActionPlan', label: 'Demander l’approbation du plan d’action', why: why(requestApproval(view, actor, 'actionPlan', now, PROBE_ID)) },
    { action: 'approveActionPlan', label: 'Approuver ou refuser le plan d’action', why: decide('actionPlan') },
    { action: 'refer', label: 'Orienter vers un service (A.1)', why: why(createReferral(view, actor, other, 'service', now, PROBE_ID)) },
    { action: 'transfer', label: 'Transférer le cas (A.2)', why: why(createTransfer(view, actor, otherManager, now, PROBE_ID)) },
    { action: 'requestClosure', label: 'Demander l’approbation de la clôture', why: why(requestApproval(view, actor, 'closure', now, PROBE_ID)) },
    { action: 'approveClosure', label: 'Approuver ou refuser la clôture', why: approvalOf(view, 'closure')?.status === 'pending' && FEEDBACK_FORMS.some((c) => !hasForm(view, c)) && actor.role === 'supervisor' ? null : decide('closure') },
    { action: 'close', label: 'Clôturer le cas', why: why(closeCase(view, actor, now)) },
    { action: 'reopen', label: 'Rouvrir le cas (B.1)', why: why(reopenCase(view, actor, now)) },
  ]
}

// ——— Workspaces ———

export type TWorkspaceMember = { memberId: string; name: string; role: TSandboxRole; user?: unknown; active?: boolean | null }
export type TWorkspaceAccess = { kind: 'personal' | 'group'; owner: unknown; members?: readonly TWorkspaceMember[] | null }

const idOf = (value: unknown): string | null => (value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : value == null ? null : String(value))

/** The workspace's active accounts as workflow members. */
export function membersOf(ws: TWorkspaceAccess): TMember[] {
  return (ws.members ?? []).filter((m) => m.active !== false).map((m) => ({ id: m.memberId, name: m.name, role: m.role }))
}

/**
 * The accounts a portal user may act as in a workspace: in their personal workspace every account (one learner
 * plays the case manager, the supervisor and the organisation administrator in turn); in a group workspace the
 * accounts the trainer gave them. Nobody else reaches the workspace.
 */
export function actorsOf(ws: TWorkspaceAccess, userId: string | number): TMember[] {
  const me = String(userId)
  if (ws.kind === 'personal' && idOf(ws.owner) === me) return membersOf(ws)
  const mine = new Set((ws.members ?? []).filter((m) => m.active !== false && idOf(m.user) === me).map((m) => m.memberId))
  return membersOf(ws).filter((m) => mine.has(m.id))
}

/** True when the portal user controls a group workspace (the trainer who created it): roles, progress, reset. */
export function controlsWorkspace(ws: TWorkspaceAccess, userId: string | number): boolean {
  return ws.kind === 'group' && idOf(ws.owner) === String(userId)
}

/** The case page's step headings, in the order of the form groups. */
export const FORM_GROUPS_LABELS: Record<string, string> = {
  '1': '1. Identification et enregistrement',
  '2': '2. Évaluation approfondie',
  '3': '3. Plan d’action individuel',
  '4': '4. Mise en œuvre du plan',
  '5': '5. Suivi et révision',
  '6': '6. Clôture',
  A: 'Orientation et transfert (à toute étape)',
  B: 'Réouverture',
  dossier: 'Outils du dossier',
}
