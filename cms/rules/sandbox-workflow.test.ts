import { describe, expect, it } from 'vitest'
import {
  approvalOf,
  closeCase,
  createReferral,
  createTransfer,
  decideApproval,
  markReferralDone,
  offers,
  reopenCase,
  requestApproval,
  respond,
  revoke,
  stageOf,
  tasksOf,
  whyCannotEditForm,
  type TCaseView,
  type TMember,
  type TStep,
  type TTransition,
} from './sandbox-workflow.ts'

const awa: TMember = { id: 'awa', name: 'Awa (gestionnaire)', role: 'caseManager' }
const moussa: TMember = { id: 'moussa', name: 'Moussa (gestionnaire)', role: 'caseManager' }
const fanta: TMember = { id: 'fanta', name: 'Fanta (superviseure)', role: 'supervisor' }
const admin: TMember = { id: 'admin', name: 'Admin', role: 'orgAdmin' }
const members = [awa, moussa, fanta, admin]
const now = new Date('2026-12-01T10:00:00Z')
const at = (day: string) => `${day}T09:00:00.000Z`

let n = 0
function form(code: string, values: Record<string, unknown> = {}, savedAt = at('2026-11-20')) {
  n += 1
  return { id: `f${n}`, code, values, savedAt, savedBy: 'awa' }
}
function fresh(): TCaseView {
  return { status: 'open', owner: 'awa', assigned: [], forms: [form('1.B', { registration_date: '2026-11-20' })], createdAt: at('2026-11-20'), transitions: [] }
}
/** Applies a step that must succeed, as the server does. */
function apply(view: TCaseView, step: TStep): TCaseView {
  if (!step.ok) throw new Error(`refused: ${step.why}`)
  const transitions = step.transition ? [...view.transitions.filter((t) => t.id !== step.transition!.id), step.transition] : view.transitions
  return { ...view, ...step.update, transitions }
}
const why = (step: TStep) => (step.ok ? null : step.why)
const withForms = (view: TCaseView, ...codes: string[]): TCaseView => ({ ...view, forms: [...view.forms, ...codes.map((c) => form(c))] })
const consented = (view: TCaseView, sharing = true): TCaseView => ({ ...view, forms: [...view.forms, form('1.A', { consent_services: true, consent_sharing: sharing })] })

function assessed(): TCaseView {
  let view = withForms(fresh(), '1.C', '2.A')
  view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
  return apply(view, decideApproval(view, fanta, 'assessment', 'approved', '', now))
}
function planned(): TCaseView {
  let view = withForms(assessed(), '3.A')
  view = apply(view, requestApproval(view, awa, 'actionPlan', now, 'p1'))
  return apply(view, decideApproval(view, fanta, 'actionPlan', 'approved', 'Bon plan', now))
}

describe('stageOf', () => {
  it('follows what has been done, from new to closed and reopened', () => {
    expect(stageOf(fresh())).toBe('nouveau')
    expect(stageOf(withForms(fresh(), '1.C'))).toBe('evaluation')
    expect(stageOf(assessed())).toBe('plan_action')
    expect(stageOf(planned())).toBe('mise_en_oeuvre')
    const followed = withForms(planned(), '5.A')
    expect(stageOf(followed)).toBe('suivi')
    expect(stageOf({ ...followed, status: 'closed' })).toBe('cloture')
    const reopened = { ...followed, reopenedAt: at('2026-11-30'), forms: [...followed.forms, form('B.1', {}, at('2026-11-30'))] }
    expect(stageOf(reopened)).toBe('reouvert')
    expect(stageOf({ ...reopened, forms: [...reopened.forms, form('5.A', {}, at('2026-12-01'))] })).toBe('suivi')
  })

  it('stays in assessment while the assessment is pending or rejected', () => {
    let view = withForms(fresh(), '2.A')
    view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
    expect(stageOf(view)).toBe('evaluation')
    view = apply(view, decideApproval(view, fanta, 'assessment', 'rejected', 'Domaine éducation vide', now))
    expect(stageOf(view)).toBe('evaluation')
  })
})

describe('approvals', () => {
  it('lets the case manager request and a supervisor approve; the approval records who and when', () => {
    const view = assessed()
    expect(approvalOf(view, 'assessment')).toMatchObject({ status: 'approved', from: 'awa', decidedBy: 'fanta', decidedAt: now.toISOString() })
  })

  it('refuses a request without the form, twice, by a supervisor, by a non-owner or out of order', () => {
    expect(why(requestApproval(fresh(), awa, 'assessment', now, 'x'))).toMatch(/fiche 2\.A/)
    expect(why(requestApproval(withForms(fresh(), '2.A'), fanta, 'assessment', now, 'x'))).toMatch(/Seul le gestionnaire de cas/)
    expect(why(requestApproval(withForms(fresh(), '2.A'), moussa, 'assessment', now, 'x'))).toMatch(/responsable du cas/)
    expect(why(requestApproval(withForms(fresh(), '3.A'), awa, 'actionPlan', now, 'x'))).toMatch(/évaluation approfondie doit d’abord être approuvée/)
    let view = withForms(fresh(), '2.A')
    view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
    expect(why(requestApproval(view, awa, 'assessment', now, 'a2'))).toMatch(/déjà demandée/)
    expect(why(requestApproval(assessed(), awa, 'assessment', now, 'a2'))).toMatch(/déjà approuvée/)
  })

  it('refuses a case manager approving, approving twice, approving without request, and rejecting without a comment', () => {
    let view = withForms(fresh(), '2.A')
    expect(why(decideApproval(view, fanta, 'assessment', 'approved', '', now))).toMatch(/Aucune demande/)
    view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
    expect(why(decideApproval(view, moussa, 'assessment', 'approved', '', now))).toMatch(/Seul un superviseur/)
    expect(why(decideApproval(view, admin, 'assessment', 'approved', '', now))).toMatch(/Seul un superviseur/)
    expect(why(decideApproval(view, fanta, 'assessment', 'rejected', '  ', now))).toMatch(/commentaire est obligatoire/)
    view = apply(view, decideApproval(view, fanta, 'assessment', 'approved', '', now))
    expect(why(decideApproval(view, fanta, 'assessment', 'approved', '', now))).toMatch(/déjà approuvée/)
  })

  it('refuses a supervisor approving a request of their own case', () => {
    let view: TCaseView = { ...withForms(fresh(), '2.A'), owner: 'fanta' }
    const request: TTransition = { id: 'a1', kind: 'approval', approvalType: 'assessment', status: 'pending', from: 'fanta', createdAt: now.toISOString() }
    view = { ...view, transitions: [request] }
    expect(why(decideApproval(view, fanta, 'assessment', 'approved', '', now))).toMatch(/propre demande/)
  })

  it('lets a rejected request be made again after correction', () => {
    let view = withForms(fresh(), '2.A')
    view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
    view = apply(view, decideApproval(view, fanta, 'assessment', 'rejected', 'Compléter la santé', now))
    const later = new Date(now.getTime() + 60_000)
    view = apply(view, requestApproval(view, awa, 'assessment', later, 'a2'))
    expect(approvalOf(view, 'assessment')).toMatchObject({ id: 'a2', status: 'pending' })
  })

  it('approves closure only after the feedback forms 6.B and 6.C, and closing stays a separate action', () => {
    let view = withForms(planned(), '6.A')
    expect(why(closeCase(view, awa, now))).toMatch(/doit d’abord être approuvée/)
    view = apply(view, requestApproval(view, awa, 'closure', now, 'c1'))
    expect(why(decideApproval(view, fanta, 'closure', 'approved', '', now))).toMatch(/6\.B et 6\.C/)
    view = withForms(view, '6.B')
    expect(why(decideApproval(view, fanta, 'closure', 'approved', '', now))).toMatch(/6\.C/)
    view = withForms(view, '6.C')
    view = apply(view, decideApproval(view, fanta, 'closure', 'approved', '', now))
    expect(view.status).toBe('open')
    expect(why(closeCase(view, moussa, now))).toMatch(/responsable/)
    view = apply(view, closeCase(view, awa, now))
    expect(view).toMatchObject({ status: 'closed', closedAt: now.toISOString() })
    expect(why(closeCase(view, awa, now))).toMatch(/déjà clôturé/)
  })

  it('refuses editing a closed case with the way out; reopening needs a closed case and a new closure approval afterwards', () => {
    let view: TCaseView = { ...planned(), status: 'closed' }
    expect(whyCannotEditForm(view, awa, '5.A')).toMatch(/rouvrez-le avec la fiche B\.1/)
    expect(why(reopenCase(planned(), awa, now))).toMatch(/Seul un cas clôturé/)
    expect(why(reopenCase(view, admin, now))).toMatch(/administrateur/)
    view = apply(view, reopenCase(view, awa, now))
    expect(view).toMatchObject({ status: 'open', reopenedAt: now.toISOString(), closedAt: null })
    expect(whyCannotEditForm(view, awa, '5.A')).toBeNull()
  })

  it('says who fills which form', () => {
    expect(whyCannotEditForm(fresh(), fanta, '2.A')).toMatch(/vous êtes superviseur/)
    expect(whyCannotEditForm(fresh(), awa, '6.B')).toMatch(/remplies par le superviseur/)
    expect(whyCannotEditForm(fresh(), fanta, '6.C')).toBeNull()
    expect(whyCannotEditForm(fresh(), moussa, '2.A')).toMatch(/ni à vous ni partagé/)
    expect(whyCannotEditForm(fresh(), awa, 'A.1')).toMatch(/avec son action/)
    let view = withForms(fresh(), '2.A')
    view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
    expect(whyCannotEditForm(view, awa, '2.A')).toMatch(/attend l’approbation/)
  })
})

describe('referrals', () => {
  it('needs consent to services and sharing', () => {
    expect(why(createReferral(fresh(), awa, moussa, 'sante', now, 'r1'))).toMatch(/consentement/)
    expect(why(createReferral(consented(fresh(), false), awa, moussa, 'sante', now, 'r1'))).toMatch(/consentement/)
  })

  it('goes pending → accepted → done; the recipient is assigned meanwhile and the owner stays owner', () => {
    let view = consented(fresh())
    view = apply(view, createReferral(view, awa, moussa, 'sante', now, 'r1'))
    expect(view.assigned).toEqual(['moussa'])
    const pending = view.transitions[0]!
    expect(why(respond(view, awa, pending, 'accepted', '', now))).toMatch(/Seul le destinataire/)
    expect(why(markReferralDone(view, moussa, pending, '', now))).toMatch(/doit être acceptée/)
    view = apply(view, respond(view, moussa, pending, 'accepted', '', now))
    expect(why(respond(view, moussa, view.transitions[0]!, 'accepted', '', now))).toMatch(/accepté/)
    view = apply(view, markReferralDone(view, moussa, view.transitions[0]!, 'Consultation faite', now))
    expect(view.transitions[0]).toMatchObject({ status: 'done', comment: 'Consultation faite' })
    expect(view.owner).toBe('awa')
    expect(view.assigned).toEqual([])
  })

  it('rejection needs a reason and ends the recipient’s access', () => {
    let view = consented(fresh())
    view = apply(view, createReferral(view, awa, moussa, 'sante', now, 'r1'))
    expect(why(respond(view, moussa, view.transitions[0]!, 'rejected', '', now))).toMatch(/motif est obligatoire/)
    view = apply(view, respond(view, moussa, view.transitions[0]!, 'rejected', 'Service saturé', now))
    expect(view.transitions[0]).toMatchObject({ status: 'rejected', comment: 'Service saturé' })
    expect(view.assigned).toEqual([])
  })

  it('can be revoked by the sender or a supervisor while pending, and a revoked referral cannot be accepted', () => {
    let view = consented(fresh())
    view = apply(view, createReferral(view, awa, moussa, 'sante', now, 'r1'))
    expect(why(revoke(view, admin, view.transitions[0]!, now))).toMatch(/expéditeur ou un superviseur/)
    view = apply(view, revoke(view, fanta, view.transitions[0]!, now))
    expect(view.transitions[0]!.status).toBe('revoked')
    expect(view.assigned).toEqual([])
    expect(why(respond(view, moussa, view.transitions[0]!, 'accepted', '', now))).toMatch(/annulé/)
    expect(why(revoke(view, awa, view.transitions[0]!, now))).toMatch(/tant qu’elle attend/)
  })

  it('refuses a second identical pending referral, oneself as recipient, and a closed case', () => {
    let view = consented(fresh())
    view = apply(view, createReferral(view, awa, moussa, 'sante', now, 'r1'))
    expect(why(createReferral(view, awa, moussa, 'sante', now, 'r2'))).toMatch(/déjà en cours/)
    expect(why(createReferral(view, awa, awa, 'sante', now, 'r2'))).toMatch(/soi-même/)
    expect(why(createReferral({ ...view, status: 'closed' }, awa, fanta, 'sante', now, 'r2'))).toMatch(/clôturé/)
  })
})

describe('transfers', () => {
  it('makes the recipient owner when accepted', () => {
    let view = consented(fresh())
    expect(why(createTransfer(view, awa, fanta, now, 't1'))).toMatch(/gestionnaire de cas de l’espace/)
    view = apply(view, createTransfer(view, awa, moussa, now, 't1'))
    expect(why(createTransfer(view, awa, moussa, now, 't2'))).toMatch(/déjà en attente/)
    expect(why(respond(view, awa, view.transitions[0]!, 'accepted', '', now))).toMatch(/Seul le destinataire/)
    view = apply(view, respond(view, moussa, view.transitions[0]!, 'accepted', '', now))
    expect(view.owner).toBe('moussa')
    expect(view.assigned).toEqual([])
  })

  it('leaves the owner unchanged when rejected, and needs consent to sharing', () => {
    expect(why(createTransfer(fresh(), awa, moussa, now, 't1'))).toMatch(/consentement/)
    let view = consented(fresh())
    view = apply(view, createTransfer(view, awa, moussa, now, 't1'))
    view = apply(view, respond(view, moussa, view.transitions[0]!, 'rejected', 'Zone hors de ma couverture', now))
    expect(view.owner).toBe('awa')
    expect(view.transitions[0]!.status).toBe('rejected')
  })
})

describe('tasksOf', () => {
  it('gives the assessment due date from the risk level, overdue or due soon', () => {
    const high = { ...fresh(), forms: [...fresh().forms, form('1.C', { risk_level: 'eleve' })] }
    expect(tasksOf(high, now)).toEqual([{ kind: 'assessment', label: 'Évaluation approfondie', due: '2026-11-23', state: 'overdue' }])
    const low = { ...fresh(), forms: [form('1.B', { registration_date: '2026-11-20' }), form('1.C', { risk_level: 'faible' })] }
    expect(tasksOf(low, now)[0]).toMatchObject({ due: '2026-12-04', state: 'dueSoon' })
    expect(tasksOf(low, new Date('2026-11-25T10:00:00Z'))[0]).toMatchObject({ state: 'later' })
  })

  it('follows with the action plan, follow-up visits and services not yet rendered; none once closed', () => {
    const approvedAt = assessed()
    expect(tasksOf(approvedAt, now).map((t) => [t.kind, t.due])).toEqual([['actionPlan', '2026-12-15']])
    const view = { ...planned(), forms: [...planned().forms, form('4.A', { services: [{ service_type: 'sante', due_date: '2026-11-28', implemented: false }, { service_type: 'abri', due_date: '2026-11-10', implemented: true }] }), form('5.A', { next_followup_date: '2026-12-02' })] }
    expect(tasksOf(view, now).map((t) => [t.kind, t.due, t.state])).toEqual([
      ['service', '2026-11-28', 'overdue'],
      ['followUp', '2026-12-02', 'dueSoon'],
    ])
    expect(tasksOf({ ...view, status: 'closed' }, now)).toEqual([])
  })
})

describe('offers', () => {
  it('explains every action a case manager cannot take on a new case, and offers what they can', () => {
    const list = offers(consented(fresh()), awa, members, now)
    const byName = Object.fromEntries(list.map((o) => [o.action, o.why]))
    expect(byName['approveAssessment']).toMatch(/Seul un superviseur/)
    expect(byName['requestAssessment']).toMatch(/fiche 2\.A/)
    expect(byName['refer']).toBeNull()
    expect(byName['transfer']).toBeNull()
    expect(byName['close']).toMatch(/approuvée/)
    expect(byName['reopen']).toMatch(/clôturé/)
  })

  it('offers the supervisor the decision once requested', () => {
    let view = withForms(fresh(), '2.A')
    view = apply(view, requestApproval(view, awa, 'assessment', now, 'a1'))
    const list = offers(view, fanta, members, now)
    expect(list.find((o) => o.action === 'approveAssessment')?.why).toBeNull()
    expect(list.find((o) => o.action === 'requestAssessment')?.why).toMatch(/Seul le gestionnaire/)
  })
})
