import { checkFormValues, displayValue, type TFieldError } from '../rules/sandbox-forms.ts'
import {
  APPROVAL_TYPES,
  closeCase,
  createReferral,
  createTransfer,
  decideApproval,
  markReferralDone,
  REPEATABLE_FORMS,
  reopenCase,
  requestApproval,
  respond,
  revoke,
  whyCannotEditForm,
  type TApprovalType,
  type TCaseView,
  type TFormEntry,
  type TMember,
  type TStep,
  type TTransition,
} from '../rules/sandbox-workflow.ts'
import { sandboxForm } from './forms.ts'

// One action on one case, in memory: the workflow rule decides, the form definition checks the values, and the
// result is the case after the action, the transition written or changed, and the history lines (who changed
// which field from what to what). Used by the live operations (service.ts) and by the scenario replay, so a
// seeded case went through exactly the checks a trainee's case goes through.

export type TCaseAction =
  | { do: 'form'; form: string; values: Record<string, unknown> }
  | { do: 'request'; approval: TApprovalType }
  | { do: 'approve' | 'reject'; approval: TApprovalType; comment?: string }
  | { do: 'refer'; to: string; service: string; values?: Record<string, unknown> }
  | { do: 'transfer'; to: string; values?: Record<string, unknown> }
  | { do: 'accept' | 'decline' | 'done' | 'revoke'; transition: string; reason?: string }
  | { do: 'close' }
  | { do: 'reopen'; values: Record<string, unknown> }
  | { do: 'flag'; message: string }

export type THistoryLine = { member: string; memberName: string; action: string; form?: string; field?: string; before?: string; after?: string; at: string }
export type TFlag = { message: string; by: string; at: string; removed?: boolean }
export type TCaseState = TCaseView & { flags: TFlag[] }
export type TOutcome = { ok: true; state: TCaseState; transition?: TTransition; history: THistoryLine[] } | { ok: false; why: string; fields?: TFieldError[] }

const ACTION_FORM_OF: Record<'refer' | 'transfer' | 'reopen', string> = { refer: 'A.1', transfer: 'A.2', reopen: 'B.1' }

/** The values of a form, checked against its definition. */
function checked(code: string, values: Record<string, unknown>): { ok: true; values: Record<string, unknown> } | { ok: false; why: string; fields: TFieldError[] } {
  const form = sandboxForm(code)
  if (!form) return { ok: false, why: `Fiche inconnue : ${code}.`, fields: [] }
  const result = checkFormValues(form, values)
  return result.ok ? result : { ok: false, why: `Fiche ${code} : corrigez les champs signalés.`, fields: result.errors }
}

/** History lines for a saved form: one per field whose shown value changed. */
function fieldChanges(code: string, before: Record<string, unknown>, after: Record<string, unknown>, line: Omit<THistoryLine, 'action'>): THistoryLine[] {
  const form = sandboxForm(code)!
  const lines: THistoryLine[] = []
  for (const field of form.sections.flatMap((s) => s.fields)) {
    const was = displayValue(field, before[field.name])
    const now = displayValue(field, after[field.name])
    if (was !== now) lines.push({ ...line, action: 'form.save', form: code, field: field.label, before: was, after: now })
  }
  return lines.length ? lines : [{ ...line, action: 'form.save', form: code }]
}

/** Applies one action as `actor` at `now`; `newId` names a new transition or form entry. */
export function act(state: TCaseState, actor: TMember, members: readonly TMember[], action: TCaseAction, now: Date, newId: () => string): TOutcome {
  const at = now.toISOString()
  const base = { member: actor.id, memberName: actor.name, at }
  const member = (id: string) => members.find((m) => m.id === id)
  const transition = (id: string) => state.transitions.find((t) => t.id === id)
  const withStep = (step: TStep, action: string, form?: string, extraForm?: TFormEntry): TOutcome => {
    if (!step.ok) return step
    const transitions = step.transition ? [...state.transitions.filter((t) => t.id !== step.transition!.id), step.transition] : state.transitions
    const forms = extraForm ? [...state.forms, extraForm] : state.forms
    return { ok: true, state: { ...state, ...step.update, forms, transitions }, transition: step.transition, history: [{ ...base, action, form }] }
  }
  const actionForm = (kind: 'refer' | 'transfer' | 'reopen', values: Record<string, unknown> | undefined): { ok: true; entry?: TFormEntry } | { ok: false; why: string; fields: TFieldError[] } => {
    if (!values) return { ok: true }
    const code = ACTION_FORM_OF[kind]
    const result = checked(code, values)
    return result.ok ? { ok: true, entry: { id: newId(), code, values: result.values, savedAt: at, savedBy: actor.id } } : result
  }

  switch (action.do) {
    case 'form': {
      const refusal = whyCannotEditForm(state, actor, action.form)
      if (refusal) return { ok: false, why: refusal }
      const result = checked(action.form, action.values)
      if (!result.ok) return result
      const previous = REPEATABLE_FORMS.includes(action.form) ? undefined : state.forms.find((f) => f.code === action.form)
      const entry: TFormEntry = { id: previous?.id ?? newId(), code: action.form, values: result.values, savedAt: at, savedBy: actor.id }
      const forms = previous ? state.forms.map((f) => (f.id === previous.id ? entry : f)) : [...state.forms, entry]
      return { ok: true, state: { ...state, forms }, history: fieldChanges(action.form, previous?.values ?? {}, result.values, base) }
    }
    case 'request':
      return withStep(requestApproval(state, actor, action.approval, now, newId()), 'approval.request', APPROVAL_TYPES[action.approval].form)
    case 'approve':
    case 'reject':
      return withStep(decideApproval(state, actor, action.approval, action.do === 'approve' ? 'approved' : 'rejected', action.comment ?? '', now), action.do === 'approve' ? 'approval.approve' : 'approval.reject', APPROVAL_TYPES[action.approval].form)
    case 'refer': {
      const form = actionForm('refer', action.values)
      if (!form.ok) return form
      return withStep(createReferral(state, actor, member(action.to), action.service, now, newId()), 'referral.create', 'A.1', form.entry)
    }
    case 'transfer': {
      const form = actionForm('transfer', action.values)
      if (!form.ok) return form
      return withStep(createTransfer(state, actor, member(action.to), now, newId()), 'transfer.create', 'A.2', form.entry)
    }
    case 'accept':
    case 'decline':
    case 'done':
    case 'revoke': {
      const t = transition(action.transition)
      if (!t || t.kind === 'approval') return { ok: false, why: 'Orientation ou transfert introuvable sur ce cas.' }
      const formOf = t.kind === 'referral' ? 'A.1' : 'A.2'
      if (action.do === 'done') return withStep(markReferralDone(state, actor, t, action.reason ?? '', now), `${t.kind}.done`, formOf)
      if (action.do === 'revoke') return withStep(revoke(state, actor, t, now), `${t.kind}.revoke`, formOf)
      return withStep(respond(state, actor, t, action.do === 'accept' ? 'accepted' : 'rejected', action.reason ?? '', now), `${t.kind}.${action.do === 'accept' ? 'accept' : 'reject'}`, formOf)
    }
    case 'close':
      return withStep(closeCase(state, actor, now), 'case.close', '6.A')
    case 'reopen': {
      const step = reopenCase(state, actor, now)
      if (!step.ok) return step
      const form = actionForm('reopen', action.values)
      if (!form.ok) return form
      return withStep(step, 'case.reopen', 'B.1', form.entry)
    }
    case 'flag': {
      const message = action.message.trim()
      if (message.length < 3) return { ok: false, why: 'Écrivez le message du signalement (3 caractères au moins).' }
      return { ok: true, state: { ...state, flags: [...state.flags, { message, by: actor.id, at }] }, history: [{ ...base, action: 'flag.add', after: message }] }
    }
  }
}
