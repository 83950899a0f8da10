import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, Where } from 'payload'
import * as z from 'zod/mini'
import { MEDIA_DIR } from '../collections/Media.ts'
import { PortalError } from '../endpoints/errors.ts'
import type { SandboxCase, SandboxHistory, SandboxTransition, SandboxWorkspace, User } from '../payload-types.ts'
import { MAX_ATTACHMENT_BYTES } from '../rules/sandbox-forms.ts'
import {
  actorsOf,
  consentOf,
  controlsWorkspace,
  membersOf,
  riskLevelOf,
  stageOf,
  type TCaseView,
  type TFormEntry,
  type TMember,
  type TTransition,
  type TWorkspaceAccess,
} from '../rules/sandbox-workflow.ts'
import { uploadProblem, type UploadPolicy } from '../uploads/check.ts'
import { act, type TCaseAction, type TCaseState, type TFlag, type THistoryLine } from './engine.ts'
import { isExerciseAction } from './exercises.ts'
import { replayScenario, sandboxScenarios, STARTING_MEMBERS, type TScenario } from './scenarios.ts'

// The sandbox operations: the only code that reads or writes the sandbox collections (server-only, see
// cms/access/server-only.ts). Each operation opens the workspace for the signed-in person — refused with « not
// found » unless they are one of its accounts or its trainer —, lets the workflow rules decide, then writes with
// the server's authority. Sandbox records never feed an indicator, report or export of the real portal.

const SYS = { overrideAccess: true as const, depth: 0 }
export const ATTACHMENT_POLICY: UploadPolicy = {
  label: 'photo (JPEG, PNG) ou document PDF',
  maxBytes: MAX_ATTACHMENT_BYTES,
  types: { 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'application/pdf': ['pdf'] },
}
const ATTACHMENTS_DIR = path.join(MEDIA_DIR, 'sandbox')

const shortId = (bytes = 4) => randomBytes(bytes).toString('hex')
const refused = (why: string, fields?: { path: string; message: string }[]) => {
  if (fields?.length) return new PortalError('invalidInput', {}, fields)
  return new PortalError('rejected', { reason: { fr: why, en: why } })
}

export type TOpened = { ws: SandboxWorkspace; actors: TMember[]; members: TMember[]; controls: boolean }

// The sandbox collections are server-only, with no hook, no access rule and no field computed on read or write
// (cms/collections/Sandbox): what a page reads on every view and what an action writes go straight to the database
// adapter. Payload's operations would only wrap it — an access check skipped by overrideAccess, a walk of every field
// of every document that changes nothing at depth 0, and for a write a validation of values this file computed —
// a third of a sandbox page's time in a training room of thirty (docs/sandbox.md, "Speed"). The adapter still
// checks the columns (types, NOT NULL); the rarer operations (creating a workspace, a scenario, an account) keep
// Payload's.
type TSandboxSlug = 'sandbox-workspaces' | 'sandbox-cases' | 'sandbox-transitions' | 'sandbox-history'
type TReadArgs = { where: Where; sort?: string; limit?: number; select?: Record<string, true> }

/** Every matching document, read by the adapter. */
async function rowsOf<T>(payload: Payload, collection: TSandboxSlug, args: TReadArgs): Promise<T[]> {
  return (await payload.db.find<T>({ collection, pagination: false, limit: args.limit ?? 0, ...args })).docs
}

/** A document written by the adapter, stamped as Payload's own create stamps it. */
async function inserted<T>(payload: Payload, collection: TSandboxSlug, data: Record<string, unknown>): Promise<T> {
  const stamp = new Date().toISOString()
  return (await payload.db.create({ collection, data: { ...data, createdAt: stamp, updatedAt: stamp } })) as T
}

/** A document changed by the adapter, its `updatedAt` stamped as Payload's own update stamps it; the row as written. */
async function updated<T>(payload: Payload, collection: TSandboxSlug, id: number | string, data: Record<string, unknown>): Promise<T> {
  return (await payload.db.updateOne({ collection, id, data: { ...data, updatedAt: new Date().toISOString() } })) as unknown as T
}

/**
 * The one writer of history lines. A person's first line for a case, action and form that an exercise looks for is
 * marked `completesExercise`, so the dashboard reads those few lines (linesOf) rather than every save. Two saves at
 * the same instant may both be marked: the dashboard counts an exercise once either way.
 */
async function writeHistory(payload: Payload, workspace: number, caseId: number | null, user: Pick<User, 'id'> | null, lines: readonly THistoryLine[]): Promise<void> {
  for (const line of lines) {
    let completesExercise = false
    if (user && caseId !== null && isExerciseAction(line.action)) {
      const form = line.form ? { equals: line.form } : { exists: false }
      const where: Where = { and: [{ workspace: { equals: workspace } }, { case: { equals: caseId } }, { user: { equals: user.id } }, { action: { equals: line.action } }, { form }, { completesExercise: { equals: true } }] }
      completesExercise = !(await payload.db.findOne({ collection: 'sandbox-history', where }))
    }
    await inserted(payload, 'sandbox-history', { ...line, workspace, case: caseId, user: user?.id ?? null, completesExercise })
  }
}

const access = (ws: SandboxWorkspace): TWorkspaceAccess => ws as unknown as TWorkspaceAccess

/** The workspaces the person reaches: their personal one, those where they hold an account, those they run. */
export async function workspacesOf(payload: Payload, user: User): Promise<SandboxWorkspace[]> {
  const { docs } = await payload.find({ collection: 'sandbox-workspaces', where: { or: [{ owner: { equals: user.id } }, { 'members.user': { equals: user.id } }] }, sort: 'createdAt', limit: 100, pagination: false, ...SYS })
  return docs.filter((ws) => controlsWorkspace(access(ws), user.id) || actorsOf(access(ws), user.id).length > 0)
}

/** Opens a workspace for the person, or « not found » (another person's workspace is not even named). */
export async function openWorkspace(payload: Payload, user: User, id: number | string): Promise<TOpened> {
  const ws = await payload.db.findOne<SandboxWorkspace>({ collection: 'sandbox-workspaces', where: { id: { equals: id } } })
  if (!ws) throw new PortalError('notFound', { thing: 'record' })
  const actors = actorsOf(access(ws), user.id)
  const controls = controlsWorkspace(access(ws), user.id)
  if (!actors.length && !controls) throw new PortalError('notFound', { thing: 'record' })
  return { ws, actors, members: membersOf(access(ws)), controls }
}

/** The account the person acts as: the one asked for if it is theirs, else their first. */
export function actingAs(opened: TOpened, memberId?: string | null): TMember {
  const actor = memberId ? opened.actors.find((a) => a.id === memberId) : opened.actors[0]
  if (!actor) throw refused(opened.actors.length ? 'Ce compte de l’espace n’est pas le vôtre.' : 'Vous suivez cet espace en formateur : aucun compte n’y est à votre nom.')
  return actor
}

// ——— Cases ———

const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: number | string }).id : (v as number | string))

function stateOf(doc: SandboxCase, transitions: SandboxTransition[]): TCaseState {
  return {
    status: doc.status,
    owner: doc.owner,
    assigned: (doc.assigned as string[]) ?? [],
    forms: (doc.forms as TFormEntry[]) ?? [],
    createdAt: doc.openedAt,
    closedAt: doc.closedAt ?? null,
    reopenedAt: doc.reopenedAt ?? null,
    flags: (doc.flags ?? []).map((f) => ({ message: f.message, by: f.by ?? '', at: f.at ?? '', removed: f.removed ?? false })),
    transitions: transitions.map(toTransition),
  }
}

function toTransition(t: SandboxTransition): TTransition {
  return { id: t.transitionId, kind: t.kind, approvalType: t.approvalType ?? null, status: t.status, from: t.from, to: t.to ?? null, service: t.service ?? null, createdAt: t.at, decidedAt: t.decidedAt ?? null, decidedBy: t.decidedBy ?? null, comment: t.comment ?? null }
}

/** The fields computed from the forms and transitions, stored for lists and filters. */
function derived(state: TCaseState) {
  const consent = consentOf(state)
  const childName = state.forms.find((f) => f.code === '1.B')?.values['child_name']
  return {
    status: state.status,
    owner: state.owner,
    assigned: [...state.assigned],
    forms: state.forms,
    closedAt: state.closedAt ?? null,
    reopenedAt: state.reopenedAt ?? null,
    flags: state.flags.map((f) => ({ message: f.message, by: f.by, at: f.at, removed: f.removed ?? false })),
    stage: stageOf(state),
    riskLevel: riskLevelOf(state) ?? null,
    consentServices: consent.services,
    consentSharing: consent.sharing,
    childName: typeof childName === 'string' ? childName : null,
  }
}

export type TCaseRecord = { doc: SandboxCase; state: TCaseState; transitions: SandboxTransition[] }

/** Every case of the workspace with its transitions (a workspace holds tens of cases, read in two queries). */
export async function casesOf(payload: Payload, opened: TOpened): Promise<TCaseRecord[]> {
  const [cases, transitions] = await Promise.all([
    rowsOf<SandboxCase>(payload, 'sandbox-cases', { where: { workspace: { equals: opened.ws.id } }, sort: '-updatedAt', limit: 500 }),
    rowsOf<SandboxTransition>(payload, 'sandbox-transitions', { where: { workspace: { equals: opened.ws.id } }, sort: 'at', limit: 5000 }),
  ])
  const byCase = new Map<string, SandboxTransition[]>()
  for (const t of transitions) byCase.set(String(idOf(t.case)), [...(byCase.get(String(idOf(t.case))) ?? []), t])
  return cases.map((doc) => ({ doc, transitions: byCase.get(String(doc.id)) ?? [], state: stateOf(doc, byCase.get(String(doc.id)) ?? []) }))
}

/** A case as the case list shows it. */
export type TCaseRow = Pick<SandboxCase, 'id' | 'caseId' | 'childName' | 'stage' | 'status' | 'riskLevel' | 'owner'> & { assigned: string[] }

/** The workspace's cases for the case list: only what it shows and filters on (no forms, flags or transitions). */
export async function caseRowsOf(payload: Payload, opened: TOpened): Promise<TCaseRow[]> {
  const select = { caseId: true, childName: true, stage: true, status: true, riskLevel: true, owner: true, assigned: true } as const
  return rowsOf<TCaseRow>(payload, 'sandbox-cases', { where: { workspace: { equals: opened.ws.id } }, sort: '-updatedAt', limit: 500, select })
}

/** One case of the workspace, or « not found » (a case of another workspace is not named). */
export async function caseOf(payload: Payload, opened: TOpened, caseId: string): Promise<TCaseRecord> {
  const doc = await payload.db.findOne<SandboxCase>({ collection: 'sandbox-cases', where: { and: [{ workspace: { equals: opened.ws.id } }, { caseId: { equals: caseId } }] } })
  if (!doc) throw new PortalError('notFound', { thing: 'record' })
  const transitions = await rowsOf<SandboxTransition>(payload, 'sandbox-transitions', { where: { case: { equals: doc.id } }, sort: 'at', limit: 1000 })
  return { doc, transitions, state: stateOf(doc, transitions) }
}

/**
 * The history of a case, newest first, with how many lines it has: the `latest` lines when given (the case page,
 * read at every view of a case that grows with every action), else every line (the printed case file).
 */
export async function historyOf(payload: Payload, record: TCaseRecord, latest?: number): Promise<{ lines: SandboxHistory[]; total: number }> {
  const found = await payload.db.find<SandboxHistory>({ collection: 'sandbox-history', where: { case: { equals: record.doc.id } }, sort: '-at', limit: latest ?? 0, pagination: latest !== undefined })
  return { lines: found.docs, total: found.totalDocs }
}

function transitionData(ws: SandboxWorkspace, caseDoc: SandboxCase, t: TTransition) {
  return { workspace: ws.id, case: caseDoc.id, transitionId: t.id, kind: t.kind, approvalType: t.approvalType ?? null, status: t.status, from: t.from, to: t.to ?? null, service: t.service ?? null, at: t.createdAt, decidedAt: t.decidedAt ?? null, decidedBy: t.decidedBy ?? null, comment: t.comment ?? null }
}

/**
 * Writes the outcome of an action and returns the case as stored, without reading it again: the updated document
 * comes back from the update, the transitions are those already read plus the one written (a save in a training
 * room of thirty is a few queries, not ten — docs/sandbox.md, "Speed").
 */
async function persist(payload: Payload, ws: SandboxWorkspace, record: Pick<TCaseRecord, 'doc' | 'transitions'>, state: TCaseState, transition: TTransition | undefined, history: THistoryLine[], user: User | null): Promise<TCaseRecord> {
  const caseDoc = record.doc
  // Straight to the database adapter: the case was just read and every value is computed here, and the collection
  // has no hook or access rule to run (server-only), so Payload's update operation would only read the case again,
  // walk its fields and read it back — three quarters of an action's time in a training room of thirty. The
  // adapter still checks the columns (types, NOT NULL) and returns the row as written.
  const doc = await updated<SandboxCase>(payload, 'sandbox-cases', caseDoc.id, derived(state))
  let transitions = record.transitions
  if (transition) {
    const data = transitionData(ws, caseDoc, transition)
    const existing = record.transitions.find((t) => t.transitionId === transition.id)
    const written = existing ? await updated<SandboxTransition>(payload, 'sandbox-transitions', existing.id, data) : await inserted<SandboxTransition>(payload, 'sandbox-transitions', data)
    transitions = existing ? record.transitions.map((t) => (t.id === existing.id ? written : t)) : [...record.transitions, written]
  }
  await writeHistory(payload, ws.id, caseDoc.id, user, history)
  return { doc, transitions, state: stateOf(doc, transitions) }
}

/**
 * A trainee's action on a case: refused with the rule's French sentence (and the fields) or applied. The case is
 * named by its id, or given as this request already read it to check access (a page's action then reads it once).
 */
export async function perform(payload: Payload, user: User, opened: TOpened, actor: TMember, target: string | TCaseRecord, action: TCaseAction, now: Date): Promise<TCaseRecord> {
  const record = typeof target === 'string' ? await caseOf(payload, opened, target) : target
  if (record.state.status === 'open' && !canReach(record.state, actor)) throw new PortalError('notFound', { thing: 'record' })
  const outcome = act(record.state, actor, opened.members, action, now, () => shortId())
  if (!outcome.ok) throw refused(outcome.why, 'fields' in outcome ? outcome.fields : undefined)
  return persist(payload, opened.ws, record, outcome.state, outcome.transition, outcome.history, user)
}

function canReach(state: TCaseView, actor: TMember): boolean {
  return actor.role !== 'caseManager' || state.owner === actor.id || state.assigned.includes(actor.id)
}

/** Registers a new case from form 1.B; the case manager who registers it owns it. */
export async function registerCase(payload: Payload, user: User | null, opened: Pick<TOpened, 'ws' | 'members'>, actor: TMember, values: Record<string, unknown>, now: Date, scenario?: string): Promise<SandboxCase> {
  if (actor.role !== 'caseManager') throw refused(`Un gestionnaire de cas enregistre les cas : vous agissez en tant que ${actor.name}.`)
  const empty: TCaseState = { status: 'open', owner: actor.id, assigned: [], forms: [], createdAt: now.toISOString(), transitions: [], flags: [] }
  const outcome = act(empty, actor, opened.members, { do: 'form', form: '1.B', values }, now, () => shortId())
  if (!outcome.ok) throw refused(outcome.why, 'fields' in outcome ? outcome.fields : undefined)
  const caseId = `${opened.ws.organisationCode}-${shortId(4).slice(0, 7)}`
  const doc = await payload.create({ collection: 'sandbox-cases', data: { workspace: opened.ws.id, caseId, scenario: scenario ?? null, openedAt: now.toISOString(), ...derived(outcome.state) } as never, ...SYS })
  await writeHistory(payload, opened.ws.id, doc.id, user, [{ ...outcome.history[0]!, action: 'case.create', field: undefined, before: undefined, after: caseId }, ...outcome.history])
  return doc
}

/** Adds a photo or scanned document to an open case, checked from its bytes (JPEG, PNG or PDF, 20 MB at most). */
export async function addAttachment(payload: Payload, user: User, opened: TOpened, actor: TMember, caseId: string, file: { name: string; data: Buffer }, now: Date) {
  const record = await caseOf(payload, opened, caseId)
  if (record.state.status === 'closed') throw refused('Le cas est clôturé : on n’y joint plus de document. Rouvrez-le avec la fiche B.1.')
  if (!canReach(record.state, actor)) throw new PortalError('notFound', { thing: 'record' })
  const problem = await uploadProblem({ name: file.name, size: file.data.length, data: file.data }, ATTACHMENT_POLICY)
  if (problem) throw new PortalError('invalidInput', {}, [{ path: 'file', message: problem }])
  const attachmentId = shortId(8)
  const mimeType = file.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : file.name.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg'
  await mkdir(path.join(ATTACHMENTS_DIR, String(record.doc.id)), { recursive: true })
  await writeFile(path.join(ATTACHMENTS_DIR, String(record.doc.id), attachmentId), file.data)
  const attachments: NonNullable<SandboxCase['attachments']> = [...(record.doc.attachments ?? []), { attachmentId, fileName: file.name.slice(0, 120), mimeType, size: file.data.length, kind: mimeType === 'application/pdf' ? 'document' : 'photo', addedBy: actor.id, addedAt: now.toISOString() }]
  await payload.update({ collection: 'sandbox-cases', id: record.doc.id, data: { attachments }, ...SYS })
  await writeHistory(payload, opened.ws.id, record.doc.id, user, [{ member: actor.id, memberName: actor.name, action: 'attachment.add', after: file.name.slice(0, 120), at: now.toISOString() }])
}

/** Where an attachment's bytes are, once its case has been opened for the person. */
export function attachmentPath(record: TCaseRecord, attachmentId: string): { file: string; mimeType: string; fileName: string } | null {
  const a = (record.doc.attachments ?? []).find((x) => x.attachmentId === attachmentId)
  return a ? { file: path.join(ATTACHMENTS_DIR, String(record.doc.id), a.attachmentId), mimeType: a.mimeType, fileName: a.fileName } : null
}

// ——— Workspaces: creation, scenarios, reset ———

/** Replays a scenario into a new case of the workspace (the steps checked by the workflow rules, replayScenario). */
export async function loadScenario(payload: Payload, ws: SandboxWorkspace, scenario: TScenario, now: Date): Promise<void> {
  const played = replayScenario(scenario, membersOf(access(ws)), now, () => shortId())
  const caseId = `${ws.organisationCode}-${shortId(4).slice(0, 7)}`
  const doc = await payload.create({ collection: 'sandbox-cases', data: { workspace: ws.id, caseId, scenario: scenario.slug, openedAt: played.openedAt, ...derived(played.state) } as never, ...SYS })
  for (const t of played.transitions) await payload.create({ collection: 'sandbox-transitions', data: transitionData(ws, doc, t) as never, ...SYS })
  await writeHistory(payload, ws.id, doc.id, null, played.history)
}

async function loadScenarios(payload: Payload, ws: SandboxWorkspace, now: Date) {
  const all = sandboxScenarios()
  for (const slug of (ws.scenarios as string[]) ?? []) {
    const scenario = all.get(slug)
    if (!scenario) throw new Error(`Workspace ${ws.name} names scenario « ${slug} », absent from content/sandbox-scenarios.`)
    await loadScenario(payload, ws, scenario, now)
  }
}

/** The person's personal workspace, created with its starting accounts and cases on first visit. */
export async function personalWorkspace(payload: Payload, user: User, now: Date): Promise<SandboxWorkspace> {
  const { docs } = await payload.find({ collection: 'sandbox-workspaces', where: { and: [{ owner: { equals: user.id } }, { kind: { equals: 'personal' } }] }, limit: 1, pagination: false, ...SYS })
  if (docs[0]) return docs[0]
  const ws = await payload.create({
    collection: 'sandbox-workspaces',
    data: { name: `Espace personnel de ${user.name}`, kind: 'personal', owner: user.id, organisationCode: 'PRA', members: STARTING_MEMBERS.map((m) => ({ ...m, user: m.memberId === 'gestionnaire-1' ? user.id : null, active: true })), scenarios: [...sandboxScenarios().keys()], resetAt: now.toISOString() } as never,
    ...SYS,
  })
  await loadScenarios(payload, ws, now)
  return ws
}

/** A trainer creates a group workspace for a training session with the scenarios they choose. */
export async function createGroupWorkspace(payload: Payload, trainer: User, input: { name: string; organisationCode: string; scenarios: string[]; training?: number | null }, now: Date): Promise<SandboxWorkspace> {
  const unknown = input.scenarios.filter((s) => !sandboxScenarios().has(s))
  if (unknown.length) throw new PortalError('invalidInput', {}, [{ path: 'scenarios', message: `Scénario inconnu : ${unknown.join(', ')}.` }])
  const ws = await payload.create({
    collection: 'sandbox-workspaces',
    data: { name: input.name, kind: 'group', owner: trainer.id, training: input.training ?? null, organisationCode: input.organisationCode, members: STARTING_MEMBERS.map((m) => ({ ...m, user: null, active: true })), scenarios: input.scenarios, resetAt: now.toISOString() } as never,
    ...SYS,
  })
  await loadScenarios(payload, ws, now)
  return ws
}

/** Back to the starting state in one action: every case, transition, history line and attachment removed, the scenarios loaded again. Accounts stay. */
export async function resetWorkspace(payload: Payload, user: User, opened: TOpened, now: Date): Promise<void> {
  const mayReset = opened.controls || (opened.ws.kind === 'personal' && String(idOf(opened.ws.owner)) === String(user.id))
  if (!mayReset) throw refused('Seul le formateur qui a créé l’espace de groupe le remet à zéro.')
  const cases = await payload.find({ collection: 'sandbox-cases', where: { workspace: { equals: opened.ws.id } }, limit: 1000, pagination: false, select: {}, ...SYS })
  for (const slug of ['sandbox-history', 'sandbox-transitions', 'sandbox-cases'] as const) await payload.delete({ collection: slug, where: { workspace: { equals: opened.ws.id } }, ...SYS })
  const ws = await payload.update({ collection: 'sandbox-workspaces', id: opened.ws.id, data: { resetAt: now.toISOString() }, ...SYS })
  await loadScenarios(payload, ws, now)
  await Promise.all(cases.docs.map((c) => rm(path.join(ATTACHMENTS_DIR, String(c.id)), { recursive: true, force: true })))
}

// ——— Accounts inside a workspace ———

export type TMemberInput = { memberId?: string; name: string; role: TMember['role']; active?: boolean; user?: number | null }

async function saveMembers(payload: Payload, opened: TOpened, members: NonNullable<SandboxWorkspace['members']>) {
  return payload.update({ collection: 'sandbox-workspaces', id: opened.ws.id, data: { members: members.map(({ id: _id, ...m }) => ({ ...m, user: m.user ? idOf(m.user) : null })) } as never, ...SYS })
}

/** The organisation administrator creates or edits fictitious accounts of the workspace (never portal accounts). */
export async function saveFictitiousAccount(payload: Payload, user: User, opened: TOpened, actor: TMember, input: TMemberInput, now: Date) {
  if (actor.role !== 'orgAdmin') throw refused(`Seul l’administrateur de l’organisation crée et modifie les comptes : vous agissez en tant que ${actor.name}.`)
  const name = input.name.trim()
  if (name.length < 3 || name.length > 80) throw new PortalError('invalidInput', {}, [{ path: 'name', message: 'Nom du compte : entre 3 et 80 caractères.' }])
  const members = [...(opened.ws.members ?? [])]
  const existing = input.memberId ? members.findIndex((m) => m.memberId === input.memberId) : -1
  if (input.memberId && existing < 0) throw new PortalError('notFound', { thing: 'record' })
  if (existing >= 0) {
    const current = members[existing]!
    if (current.memberId === actor.id && input.active === false) throw refused('Vous ne pouvez pas désactiver votre propre compte.')
    members[existing] = { ...current, name, role: input.role, active: input.active ?? current.active }
  } else members.push({ memberId: `compte-${shortId(3)}`, name, role: input.role, user: null, active: true })
  await saveMembers(payload, opened, members)
  await writeHistory(payload, opened.ws.id, null, user, [{ member: actor.id, memberName: actor.name, action: existing >= 0 ? 'member.update' : 'member.create', after: `${name} (${input.role})`, at: now.toISOString() }])
}

/** The trainer gives a trainee one of the workspace's accounts (or takes it back with `user: null`). */
export async function assignTrainee(payload: Payload, opened: TOpened, memberId: string, trainee: User | null) {
  if (!opened.controls) throw refused('Seul le formateur qui a créé l’espace de groupe attribue les rôles.')
  const members = [...(opened.ws.members ?? [])]
  const index = members.findIndex((m) => m.memberId === memberId)
  if (index < 0) throw new PortalError('notFound', { thing: 'record' })
  members[index] = { ...members[index]!, user: trainee?.id ?? null }
  return saveMembers(payload, opened, members)
}

export type { TCaseAction, TFlag }

// ——— A group workspace and its training ———

/** The trainer's choice on the workspace page: a training's id, or '' to remove the link. */
export const ZTrainingChoice = z.union([z.literal(''), z.string().check(z.regex(/^[1-9]\d{0,9}$/, { error: 'Formation invalide : choisissez-en une dans la liste.' }))])
/** The role given to the trainees added from a training. */
export const ZTraineeRole = z.enum(['caseManager', 'supervisor'], { error: 'Rôle inconnu : gestionnaire de cas ou superviseur.' })

/** A value checked by a schema, or a French 400 on the field named. */
export function checked<T>(schema: z.ZodMiniType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new PortalError('invalidInput', {}, result.error.issues.map((i) => ({ path: field, message: i.message })))
  return result.data
}

const OUT_OF_SCOPE = 'Formation introuvable ou hors de votre périmètre : choisissez une des formations que vous animez.'

/** The trainings the person may link a workspace to: those their own access reaches (a trainer, the trainings they run). */
export async function linkableTrainings(payload: Payload, user: User) {
  const { docs } = await payload.find({ collection: 'trainings', sort: '-startDate', limit: 200, pagination: false, depth: 0, select: { title: true, startDate: true }, user, overrideAccess: false })
  return docs.map((t) => ({ id: t.id, title: t.title, startDate: t.startDate }))
}

async function trainingInScope(payload: Payload, user: User, id: number) {
  const training = await payload.findByID({ collection: 'trainings', id, depth: 0, select: { title: true }, disableErrors: true, user, overrideAccess: false }).catch(() => null)
  if (!training) throw new PortalError('invalidInput', {}, [{ path: 'training', message: OUT_OF_SCOPE }])
  return training
}

function mayRunGroup(opened: TOpened) {
  if (!opened.controls || opened.ws.kind !== 'group') throw refused('Seul le formateur qui a créé l’espace de groupe le relie à une formation et y inscrit des stagiaires.')
}

/** Links the group workspace to one of the trainer's trainings, changes it, or removes it (`null`). */
export async function linkTraining(payload: Payload, user: User, opened: TOpened, trainingId: number | null, now: Date): Promise<void> {
  mayRunGroup(opened)
  const training = trainingId === null ? null : await trainingInScope(payload, user, trainingId)
  await payload.update({ collection: 'sandbox-workspaces', id: opened.ws.id, data: { training: training?.id ?? null }, ...SYS })
  await writeHistory(payload, opened.ws.id, null, user, [{ member: 'formateur', memberName: user.name, action: training ? 'workspace.training' : 'workspace.training.remove', after: training?.title ?? undefined, at: now.toISOString() }])
}

export type TTraineesAdded = { added: string[]; alreadyIn: number; withoutAccount: number }

/**
 * Gives every participant enrolled in the linked training who has a portal account (the account with the
 * participant's email) a new account of the workspace with the role chosen, in one action; people already
 * holding an account of the workspace are left as they are.
 */
export async function addTrainingTrainees(payload: Payload, user: User, opened: TOpened, role: 'caseManager' | 'supervisor'): Promise<TTraineesAdded> {
  mayRunGroup(opened)
  const trainingId = opened.ws.training ? idOf(opened.ws.training) : null
  if (!trainingId) throw refused('Reliez d’abord l’espace à une formation : ses participants inscrits y deviennent stagiaires.')
  await trainingInScope(payload, user, Number(trainingId))
  // The trainer's own access to enrolments and to the participants' contact details, so the scope holds here too.
  const enrolments = await payload.find({ collection: 'enrolments', where: { training: { equals: trainingId } }, limit: 1000, pagination: false, depth: 0, select: { participant: true }, user, overrideAccess: false })
  const participantIds = enrolments.docs.map((e) => idOf(e.participant))
  const participants = participantIds.length ? (await payload.find({ collection: 'participants', where: { id: { in: participantIds } }, limit: 1000, pagination: false, depth: 0, select: { email: true, trainers: true }, user, overrideAccess: false })).docs : []
  const emails = [...new Set(participants.map((p) => p.email?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))]
  const accounts = emails.length ? (await payload.find({ collection: 'users', where: { email: { in: emails } }, limit: 1000, pagination: false, depth: 0, select: { name: true, email: true, active: true }, overrideAccess: true })).docs.filter((u) => u.active !== false) : []
  const members = [...(opened.ws.members ?? [])]
  const holding = new Set(members.map((m) => (m.user ? String(idOf(m.user)) : null)).filter(Boolean))
  const fresh = accounts.filter((a) => !holding.has(String(a.id)))
  for (const account of fresh) members.push({ memberId: `compte-${shortId(3)}`, name: account.name, role, user: account.id, active: true })
  if (fresh.length) await saveMembers(payload, opened, members)
  const withAccount = new Set(accounts.map((a) => a.email.toLowerCase()))
  return { added: fresh.map((a) => a.name), alreadyIn: accounts.length - fresh.length, withoutAccount: participants.filter((p) => !p.email || !withAccount.has(p.email.trim().toLowerCase())).length }
}
