import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { PortalError } from '#cms/endpoints/errors.ts'
import type { User } from '#cms/payload-types.ts'
import { actingAs, addAttachment, assignTrainee, caseOf, casesOf, createGroupWorkspace, historyOf, openWorkspace, perform, personalWorkspace, registerCase, resetWorkspace, saveFictitiousAccount, workspacesOf, type TOpened } from '#cms/sandbox/service.ts'
import { sandboxScenarios } from '#cms/sandbox/scenarios.ts'
import { DEMO_WORKSPACE } from '#cms/sandbox/seed.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'
import * as caseLists from '#cms/migrations/sqlite/20261201_135859_sandbox_case_lists.ts'
import * as exerciseMarks from '#cms/migrations/sqlite/20261201_214243_sandbox_exercise_marks.ts'
import { linesOf } from '#cms/sandbox/exercises.ts'

// The sandbox on a real database: personal and group workspaces, who sees what, the refusals of the workflow
// with their French sentences, attachments checked from their bytes, and the trainer's reset.

let payload: Payload
let learner: User
let other: User
let trainer: User
let trainee1: User
let trainee2: User
const now = new Date()
const sys = { overrideAccess: true as const, depth: 0 }

async function person(email: string, roles: string[]): Promise<User> {
  return (await payload.create({ collection: 'users', data: { email, name: email.split('@')[0]!, password: 'Baobab-sous-la-pluie-7', roles, passwordExpiryExempt: true } as never, ...sys })) as User
}
/** The French sentence of a refused operation, or null when it was applied. */
async function refusal(operation: () => Promise<unknown>): Promise<string | null> {
  try {
    await operation()
    return null
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    return [error.message, ...(error.fields ?? []).map((f) => f.message)].join(' | ')
  }
}
const registration = { registration_date: '2026-11-28', child_name: 'Awa (fictive)', sex: 'fille', age: 10, region: 'kayes', living_with: 'parents', identified_by: 'communaute', protection_concerns: ['negligence'], situation: 'Situation fictive pour le test.', immediate_danger: false }

beforeAll(async () => {
  payload = await testPortal()
  learner = await accountByEmail(payload, 'apprenant@example.org')
  trainer = await accountByEmail(payload, 'formateur@example.org')
  other = await person('autre.apprenant.sandbox@example.org', ['learner'])
  trainee1 = await person('stagiaire.un@example.org', ['learner'])
  trainee2 = await person('stagiaire.deux@example.org', ['learner'])
})

describe('seed', () => {
  it('loads a demo group workspace with scenario cases, the demo case manager and supervisor in their accounts', async () => {
    const demo = (await workspacesOf(payload, await accountByEmail(payload, 'gestionnaire@example.org'))).find((w) => w.name === DEMO_WORKSPACE)!
    const opened = await openWorkspace(payload, trainer, demo.id)
    expect(opened.controls).toBe(true)
    const cases = await casesOf(payload, opened)
    expect(cases.map((c) => c.doc.scenario).sort()).toEqual(['enfant-en-mobilite-gao', 'mariage-precoce-segou', 'mendicite-talibe-bamako', 'violence-domestique-bamako'])
    expect(cases.every((c) => /^DNPEF-[0-9a-f]{7}$/.test(c.doc.caseId))).toBe(true)
    expect((await openWorkspace(payload, await accountByEmail(payload, 'superviseur@example.org'), demo.id)).actors.map((a) => a.id)).toEqual(['superviseur-1'])
  })
})

describe('personal workspace', () => {
  it('is created on first visit with every scenario case, and is invisible to anyone else', async () => {
    const ws = await personalWorkspace(payload, learner, now)
    expect((await personalWorkspace(payload, learner, now)).id).toBe(ws.id)
    const opened = await openWorkspace(payload, learner, ws.id)
    expect(opened.actors.map((a) => a.role).sort()).toEqual(['caseManager', 'caseManager', 'orgAdmin', 'supervisor'])
    expect((await casesOf(payload, opened)).length).toBe(sandboxScenarios().size)
    expect(await refusal(() => openWorkspace(payload, other, ws.id))).toMatch(/introuvable/i)
    expect((await workspacesOf(payload, other)).map((w) => w.id)).not.toContain(ws.id)
    // Through the API (REST and the admin apply the same access), nobody reads or writes sandbox records.
    for (const user of [learner, other, trainer]) {
      expect(await allowed(() => payload.find({ collection: 'sandbox-cases', user, overrideAccess: false }).then((r) => (r.docs.length ? r : Promise.reject(new Error('none')))))).toBe(false)
      expect(await allowed(() => payload.create({ collection: 'sandbox-cases', data: { workspace: ws.id } as never, user, overrideAccess: false }))).toBe(false)
    }
  })
})

describe('group workspace, as in a training room', () => {
  let opened: (who: User) => Promise<TOpened>
  let wsId: number

  beforeAll(async () => {
    const ws = await createGroupWorkspace(payload, trainer, { name: 'Session de Ségou', organisationCode: 'TDH', scenarios: ['mariage-precoce-segou', 'enfant-en-mobilite-gao', 'mendicite-talibe-bamako', 'violence-sexuelle-kayes'] }, now)
    wsId = ws.id
    opened = (who) => openWorkspace(payload, who, wsId)
    await assignTrainee(payload, await opened(trainer), 'gestionnaire-1', trainee1)
    await assignTrainee(payload, await opened(trainer), 'superviseur-1', trainee2)
  })

  it('lets only the trainer assign roles, and each trainee act only as their account', async () => {
    expect(await refusal(async () => assignTrainee(payload, await opened(trainee1), 'superviseur-1', trainee1))).toMatch(/Seul le formateur/)
    expect((await opened(trainee1)).actors.map((a) => a.id)).toEqual(['gestionnaire-1'])
    expect(await refusal(async () => actingAs(await opened(trainee1), 'superviseur-1'))).toMatch(/n’est pas le vôtre/)
    expect(await refusal(() => openWorkspace(payload, learner, wsId))).toMatch(/introuvable/i)
  })

  it('refuses a case manager approving, approving twice, and says why', async () => {
    const ws1 = await opened(trainee1)
    const cases = await casesOf(payload, ws1)
    const marriage = cases.find((c) => c.doc.scenario === 'mariage-precoce-segou')!
    const manager = actingAs(ws1, 'gestionnaire-1')
    expect(await refusal(() => perform(payload, trainee1, ws1, manager, marriage.doc.caseId, { do: 'approve', approval: 'actionPlan' }, now))).toMatch(/Seul un superviseur/)
    const ws2 = await opened(trainee2)
    const supervisor = actingAs(ws2)
    const after = await perform(payload, trainee2, ws2, supervisor, marriage.doc.caseId, { do: 'approve', approval: 'actionPlan', comment: 'Plan clair' }, now)
    expect(after.doc.stage).toBe('mise_en_oeuvre')
    expect(await refusal(() => perform(payload, trainee2, ws2, supervisor, marriage.doc.caseId, { do: 'approve', approval: 'actionPlan' }, now))).toMatch(/déjà approuvée/)
    const history = await historyOf(payload, after)
    expect(history.lines[0]).toMatchObject({ action: 'approval.approve', member: 'superviseur-1', user: trainee2.id, form: '3.A' })
    expect(history.total).toBe(history.lines.length)
    // The case page reads the latest lines only and says how many there are in all.
    const latest = await historyOf(payload, after, 2)
    expect(history.lines.length).toBeGreaterThan(2)
    expect(latest.lines.map((l) => l.id)).toEqual(history.lines.slice(0, 2).map((l) => l.id))
    expect(latest.total).toBe(history.lines.length)
    // Flags are kept in order with their author, read back as written.
    await perform(payload, trainee2, ws2, supervisor, marriage.doc.caseId, { do: 'flag', message: 'Vérifier le consentement' }, now)
    await perform(payload, trainee2, ws2, supervisor, marriage.doc.caseId, { do: 'flag', message: 'Relancer la famille' }, now)
    const flagged = await caseOf(payload, ws2, marriage.doc.caseId)
    expect(flagged.state.flags.slice(-2).map((f) => [f.message, f.by])).toEqual([['Vérifier le consentement', 'superviseur-1'], ['Relancer la famille', 'superviseur-1']])
  })

  it('refuses accepting a revoked referral, closing without approval, and editing a closed case', async () => {
    const ws1 = await opened(trainee1)
    const manager = actingAs(ws1)
    const marriage = (await casesOf(payload, ws1)).find((c) => c.doc.scenario === 'mariage-precoce-segou')!
    const referred = await perform(payload, trainee1, ws1, manager, marriage.doc.caseId, { do: 'refer', to: 'gestionnaire-2', service: 'juridique' }, now)
    const referral = referred.transitions.find((t) => t.kind === 'referral')!
    const ws2 = await opened(trainee2)
    await perform(payload, trainee2, ws2, actingAs(ws2), marriage.doc.caseId, { do: 'revoke', transition: referral.transitionId }, now)
    const trainerSide = await opened(trainer)
    expect(trainerSide.actors).toEqual([])
    // gestionnaire-2 is fictitious here; give it to trainee1's colleague for the test.
    await assignTrainee(payload, trainerSide, 'gestionnaire-2', other)
    const ws3 = await opened(other)
    expect(await refusal(() => perform(payload, other, ws3, actingAs(ws3), marriage.doc.caseId, { do: 'accept', transition: referral.transitionId }, now))).toMatch(/introuvable|annulé/i)
    expect(await refusal(() => perform(payload, trainee1, ws1, manager, marriage.doc.caseId, { do: 'close' }, now))).toMatch(/doit d’abord être approuvée/)

    const kayes = (await casesOf(payload, ws1)).find((c) => c.doc.scenario === 'violence-sexuelle-kayes')!
    expect(kayes.doc.status).toBe('closed')
    expect(await refusal(() => perform(payload, trainee1, ws1, manager, kayes.doc.caseId, { do: 'form', form: '5.A', values: {} }, now))).toMatch(/clôturé.*B\.1/)
    const reopened = await perform(payload, trainee1, ws1, manager, kayes.doc.caseId, { do: 'reopen', values: { reopen_date: '2026-12-01', reopen_reason: 'nouveau_risque', new_situation: 'L’agresseur est revenu dans le quartier.', reported_by: 'famille', same_manager: true } }, now)
    expect(reopened.doc).toMatchObject({ status: 'open', stage: 'reouvert' })
  })

  it('checks form values field by field with French messages', async () => {
    const ws1 = await opened(trainee1)
    const message = await refusal(() => registerCase(payload, trainee1, ws1, actingAs(ws1), { ...registration, age: 30, child_name: 'appeler le 76 12 34 56' }, now))
    expect(message).toMatch(/« Âge \(années\) » : 17 au plus/)
    expect(message).toMatch(/numéro de téléphone/)
    expect(await refusal(async () => registerCase(payload, trainee2, await opened(trainee2), actingAs(await opened(trainee2)), registration, now))).toMatch(/Un gestionnaire de cas enregistre/)
  })

  it('keeps photos and PDFs up to 20 MB and refuses other types and larger files', async () => {
    const ws1 = await opened(trainee1)
    const created = await registerCase(payload, trainee1, ws1, actingAs(ws1), registration, now)
    expect(created.caseId).toMatch(/^TDH-[0-9a-f]{7}$/)
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    await addAttachment(payload, trainee1, ws1, actingAs(ws1), created.caseId, { name: 'photo.png', data: png }, now)
    expect(await refusal(() => addAttachment(payload, trainee1, ws1, actingAs(ws1), created.caseId, { name: 'virus.exe', data: Buffer.from('MZ this is not a photo') }, now))).toMatch(/Type de fichier refusé/)
    const big = Buffer.concat([png, Buffer.alloc(20 * 1024 * 1024)])
    expect(await refusal(() => addAttachment(payload, trainee1, ws1, actingAs(ws1), created.caseId, { name: 'grande.png', data: big }, now))).toMatch(/trop volumineux/)
    const record = await caseOf(payload, ws1, created.caseId)
    expect(record.doc.attachments?.map((a) => [a.fileName, a.mimeType, a.kind])).toEqual([['photo.png', 'image/png', 'photo']])
  })

  it('moves attachments and flags between array tables and JSON columns, both ways, without losing one', async () => {
    const ws1 = await opened(trainee1)
    const created = await registerCase(payload, trainee1, ws1, actingAs(ws1), registration, now)
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    await addAttachment(payload, trainee1, ws1, actingAs(ws1), created.caseId, { name: 'photo.png', data: png }, now)
    await addAttachment(payload, trainee1, ws1, actingAs(ws1), created.caseId, { name: 'scan.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }, now)
    for (const message of ['Premier signalement', 'Second signalement']) await perform(payload, trainee1, ws1, actingAs(ws1), created.caseId, { do: 'flag', message }, now)
    const before = (await caseOf(payload, ws1, created.caseId)).doc
    const args = { db: payload.db.drizzle, payload, req: {} } as unknown as Parameters<typeof caseLists.up>[0]

    await caseLists.down(args)
    const tables = await payload.db.drizzle.all<{ message: string; order: number }>(sql`SELECT message, _order AS "order" FROM sandbox_cases_flags WHERE _parent_id = ${before.id} ORDER BY _order`)
    expect(tables.map((f) => f.message)).toEqual(['Premier signalement', 'Second signalement'])
    await caseLists.up(args)
    const after = (await caseOf(payload, ws1, created.caseId)).doc
    expect(after.attachments).toEqual(before.attachments)
    expect(after.flags).toEqual(before.flags)
    expect(after.attachments?.map((a) => [a.fileName, a.kind, a.size])).toEqual([['photo.png', 'photo', png.length], ['scan.pdf', 'document', 15]])
  })

  it('marks a person’s first line of a case, action and form for the dashboard, and the migration marks existing lines alike', async () => {
    const ws1 = await opened(trainee1)
    const created = await registerCase(payload, trainee1, ws1, actingAs(ws1), registration, now)
    for (const message of ['Premier point', 'Deuxième point', 'Troisième point']) await perform(payload, trainee1, ws1, actingAs(ws1), created.caseId, { do: 'flag', message }, now)
    const all = (await historyOf(payload, await caseOf(payload, ws1, created.caseId))).lines
    expect(all.filter((l) => l.action === 'flag.add')).toHaveLength(3)
    const dashboard = async () => (await linesOf(payload, ws1.ws.id, [trainee1.id], ws1.ws.resetAt)).filter((l) => l.case === created.id).map((l) => `${l.action}@${l.form ?? ''}`).sort()
    // One flag line and one 1.B save line (the others are not read); the case's creation is no exercise.
    expect(await dashboard()).toEqual(['flag.add@', 'form.save@1.B'])
    const args = { db: payload.db.drizzle, payload, req: {} } as unknown as Parameters<typeof exerciseMarks.up>[0]
    await exerciseMarks.down(args)
    await exerciseMarks.up(args)
    expect(await dashboard()).toEqual(['flag.add@', 'form.save@1.B'])
    const marked = await payload.db.drizzle.all<{ id: number }>(sql`SELECT id FROM sandbox_history WHERE case_id = ${created.id} AND action = 'flag.add' AND completes_exercise = 1`)
    expect(marked.map((m) => m.id)).toEqual([Math.min(...all.filter((l) => l.action === 'flag.add').map((l) => l.id))])
  })

  it('lets the organisation administrator, and only them, create fictitious accounts', async () => {
    const ws1 = await opened(trainee1)
    expect(await refusal(() => saveFictitiousAccount(payload, trainee1, ws1, actingAs(ws1), { name: 'Nouveau compte', role: 'caseManager' }, now))).toMatch(/Seul l’administrateur/)
    const personal = await personalWorkspace(payload, learner, now)
    const mine = await openWorkspace(payload, learner, personal.id)
    await saveFictitiousAccount(payload, learner, mine, actingAs(mine, 'admin-org'), { name: 'Prestataire santé (fictif)', role: 'caseManager' }, now)
    const after = await openWorkspace(payload, learner, personal.id)
    expect(after.members.map((m) => m.name)).toContain('Prestataire santé (fictif)')
    expect(after.members.find((m) => m.name === 'Prestataire santé (fictif)')).toMatchObject({ role: 'caseManager' })
  })

  it('resets to the starting state in one action, refused to trainees', async () => {
    expect(await refusal(async () => resetWorkspace(payload, trainee1, await opened(trainee1), now))).toMatch(/Seul le formateur/)
    await resetWorkspace(payload, trainer, await opened(trainer), new Date())
    const cases = await casesOf(payload, await opened(trainer))
    expect(cases.map((c) => c.doc.scenario).sort()).toEqual(['enfant-en-mobilite-gao', 'mariage-precoce-segou', 'mendicite-talibe-bamako', 'violence-sexuelle-kayes'])
    expect(cases.find((c) => c.doc.scenario === 'violence-sexuelle-kayes')!.doc.status).toBe('closed')
    expect(cases.find((c) => c.doc.scenario === 'mariage-precoce-segou')!.doc.stage).toBe('plan_action')
    // Accounts and roles stay.
    expect((await opened(trainee1)).actors.map((a) => a.id)).toEqual(['gestionnaire-1'])
  })
})
