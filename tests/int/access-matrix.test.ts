import { randomBytes } from 'node:crypto'
import type { CollectionSlug, Field, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX, ACTORS, type Actor, type Answer, type MatrixCollection, type MatrixRow } from '#cms/access/matrix.ts'
import { personalFieldRead } from '#cms/access/index.ts'
import { CO_TRAINER_FIELDS } from '#cms/access/co-trainers.ts'
import type { User } from '#cms/payload-types.ts'
import { renderResourcePdf } from '#cms/seed/content.ts'
import { idOf } from '#cms/fields/relations.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'
import { solidPng } from '../helpers/images.ts'

// Generated from cms/access/matrix.ts: every collection of the config × every actor × create, read, update and
// delete, through the Local API with `overrideAccess: false` (what REST and the admin enforce), on records of
// other people (other people's ids), with forged server-set and restricted fields.

const EMAILS: Record<Exclude<Actor, 'anonymous'>, string> = {
  admin: 'admin@example.org',
  coordinator: 'coordination@example.org',
  trainer: 'formateur@example.org',
  supervisor: 'superviseur@example.org',
  caseManager: 'gestionnaire@example.org',
  learner: 'apprenant@example.org',
  editor: 'editeur@example.org',
}

let payload: Payload
const users = {} as Record<Exclude<Actor, 'anonymous'>, User>
/** Another person: a learner nobody's scope reaches but national, and another trainer running other trainings. */
let stranger: User
let strangerTrainer: User
let pdf: Buffer
// A minimal MP4 (an `ftyp` box then an empty `free` box): what the upload policy checks from the bytes.
const mp4 = Buffer.concat([Buffer.from('00000018667479706973366d0000020069736f6d69736f32', 'hex'), Buffer.from('0000000866726565', 'hex')])
const ref = {} as { region: number; organisation: number; module: number; moduleData: Record<string, unknown>; openResource: number; framework: unknown; area: { organisation: number; region: number }; elsewhere: { organisation: number; region: number } }

let counter = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`
const sys = { overrideAccess: true as const, depth: 0 }
const asActor = (actor: Actor) => ({ user: actor === 'anonymous' ? null : users[actor], overrideAccess: false as const, depth: 0 })
const idOfUser = (actor: Actor) => (actor === 'anonymous' ? null : users[actor].id)

beforeAll(async () => {
  payload = await testPortal()
  for (const [actor, email] of Object.entries(EMAILS)) users[actor as Exclude<Actor, 'anonymous'>] = await accountByEmail(payload, email)
  stranger = await payload.create({ collection: 'users', data: { email: 'autre.personne@example.org', name: 'Autre personne', password: 'Baobab-sous-la-pluie-7', roles: ['learner'], passwordExpiryExempt: true }, ...sys })
  strangerTrainer = await payload.create({ collection: 'users', data: { email: 'autre.formateur.matrice@example.org', name: 'Autre formateur', password: 'Baobab-sous-la-pluie-7', roles: ['trainer'], passwordExpiryExempt: true }, ...sys })
  pdf = await renderResourcePdf({ title: 'Matrice', summary: 'Résumé.', sections: [], lines: [] })
  ref.region = (await payload.find({ collection: 'regions', limit: 1, ...sys })).docs[0]!.id
  ref.organisation = (await payload.find({ collection: 'organisations', limit: 1, ...sys })).docs[0]!.id
  const module = (await payload.find({ collection: 'modules', limit: 1, ...sys })).docs[0]!
  ref.module = module.id
  const { id: _id, createdAt: _c, updatedAt: _u, ...moduleData } = module as unknown as Record<string, unknown>
  // Array rows keep their ids when read back: a copy must drop them or the rows would collide.
  const withoutRowIds = (value: unknown): unknown =>
    Array.isArray(value) ? value.map((row) => (row && typeof row === 'object' ? Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id')) : row)) : value
  ref.moduleData = Object.fromEntries(Object.entries(moduleData).map(([k, v]) => [k, withoutRowIds(v)]))
  ref.openResource = (
    await payload.create({
      collection: 'resources',
      data: { _status: 'published', title: 'POS en consultation (matrice)', summary: 'Projet soumis à consultation.', type: 'sop', documentStatus: 'draft', language: 'fr', consultationClosesAt: '2099-12-31T00:00:00.000Z' } as never,
      ...sys,
    })
  ).id
  ref.framework = (await payload.find({ collection: 'competencies', limit: 1, ...sys })).docs[0]!.framework
  // The supervisor's area (their organisation in their region) and a place outside it.
  ref.area = { organisation: idOf(users.supervisor.organisation) as number, region: idOf(users.supervisor.region) as number }
  const otherOrganisation = (await payload.find({ collection: 'organisations', where: { id: { not_equals: ref.area.organisation } }, limit: 1, ...sys })).docs[0]!.id
  ref.elsewhere = { organisation: otherOrganisation, region: ref.area.region }
  // Booting the portal (migrations and seed) takes minutes on a loaded machine.
}, 600_000)

type Id = number | string
type CreateArgs = { data: Record<string, unknown>; file?: { data: Buffer; mimetype: string; name: string; size: number }; draft?: boolean }
type Fixture = {
  /** A fresh record that no scope but the national one reaches: another person's, another trainer's, a draft. */
  other: () => Promise<Id>
  /** A fresh record the actor reaches through an `own`, `scope`, `published` or `public` answer. */
  mine?: (actor: Exclude<Actor, 'anonymous'>) => Promise<Id>
  /** Valid input for a create by the actor (inside their scope, forging the owner where there is one). */
  create: (actor: Actor) => Promise<CreateArgs>
  /** Inputs outside the actor's scope, each of which a `scope` create must refuse. */
  outside?: (actor: Exclude<Actor, 'anonymous'>) => Promise<CreateArgs[]>
  /** Where an `own` record names its owner. */
  ownerOf?: (doc: Record<string, unknown>) => Id | null
}

const file = (data: Buffer, mimetype: string, ext: string) => ({ data, mimetype, name: `${unique('f')}.${ext}`, size: data.length })
const make = async (collection: CollectionSlug, args: CreateArgs, user?: User | null): Promise<Id> =>
  (await payload.create({ collection, data: args.data as never, file: args.file, draft: args.draft, ...sys, user: user ?? undefined })).id

const caseAggregate = () => ({ month: '2025-03', region: 'MOP', sex: 'F', ageGroup: '6-11', dimension: 'cases', category: 'open', count: 3, importedAt: '2025-04-01T00:00:00.000Z' })
// One draft per month at most: each fixture takes a month of its own.
let reportYear = 1900
const monthlyReport = () => ({ month: `${++reportYear}-01`, summary: 'Rapport de test' })
const regionMapping = async () => ({ kind: 'region', region: await make('regions', { data: { name: unique('Région'), code: unique('R'), kind: 'region' } }), orgUnit: unique('OU') })

// Training-area records of a given trainer (or of the other trainer), made by the system.
const trainingOf = (trainer: User) =>
  make('trainings', { data: { title: unique('Formation'), kind: 'initial', status: 'planned', startDate: '2026-06-01', endDate: '2026-06-02', venue: 'Ségou', region: ref.region, organiser: ref.organisation, trainers: [trainer.id] } })
const participantOf = (trainer: User) =>
  make('participants', { data: { firstName: 'Fanta', lastName: unique('Matrice'), sex: 'F', function: 'Éducatrice', organisation: ref.organisation, region: ref.region, registeredBy: trainer.id, confirmedDistinct: true } })
const enrolmentOf = async (trainer: User) => make('enrolments', { data: { training: await trainingOf(trainer), participant: await participantOf(trainer) } })
const nextStepOf = async (trainer: User) => make('action-items', { data: { activity: unique('Restitution'), status: 'toDo', source: { relationTo: 'trainings', value: await trainingOf(trainer) } } })
// Supervision: a person of the registry in a place (the supervisor's area or elsewhere), with an account's email
// when they are the actor supervised; a visit of them conducted by coordination; an agreed action of that visit.
const personIn = (place: { organisation: number; region: number }, email?: string) =>
  make('participants', { data: { firstName: 'Awa', lastName: unique('Suivie'), sex: 'F', function: 'Gestionnaire de cas', organisation: place.organisation, region: place.region, email, confirmedDistinct: true } })
const visitData = async (person: Id) => ({ data: { person, supervisor: users.coordinator.id, date: '2026-01-15', mode: 'onSite' } })
const visitOf = async (place: { organisation: number; region: number }, email?: string) => make('supervision-visits', await visitData(await personIn(place, email)))
/** A visit the actor reaches: in the supervisor's area for a supervisor, else one of which the actor is the person supervised. */
const reachedVisit = (actor: Exclude<Actor, 'anonymous'>) => (actor === 'supervisor' ? visitOf(ref.area) : visitOf(ref.elsewhere, users[actor].email))
const agreedAction = async (visit: Id) => ({ data: { activity: unique('Relire le plan d’action'), status: 'toDo', source: { relationTo: 'supervision-visits', value: visit } } })
const frameworkData = () => ({ data: { framework: { ...(ref.framework as Record<string, unknown>), version: `2099.${(counter += 1)}` } } })
/** Whose trainings an actor's "own" training records are: their own when they run trainings, else another trainer's. */
const runner = (actor: Actor) => (actor === 'trainer' ? users.trainer : strangerTrainer)

const resourceData = (status: 'draft' | 'published') => ({ data: { _status: status, title: unique('Ressource'), summary: 'Résumé de la ressource de test.', type: 'tool', documentStatus: 'validated', language: 'fr' }, draft: status === 'draft' })
const newsData = (status: 'draft' | 'published') => ({ data: { _status: status, title: unique('Actualité'), summary: 'Chapeau de test.', body: 'Texte de test.' }, draft: status === 'draft' })
const commentBy = (user: User) => make('consultation-comments', { data: { resource: ref.openResource, section: 'Introduction', comment: unique('Commentaire'), decision: 'pending' } }, user)
const progressOf = (user: User) => make('module-progress', { data: { user: user.id, module: ref.module, watchedRatio: 0.5 } })
const attemptData = (user: Id) => ({ data: { user, module: ref.module, attemptId: unique('tentative'), answers: {}, results: [], score: 100, passed: true } })
const certificateData = (user: Id) => ({ data: { user, holderName: 'Titulaire', codeId: unique('code'), issuedAt: '2026-01-15T00:00:00.000Z', modules: [] } })
const preferenceOf = (user: User) => make('payload-preferences', { data: { key: unique('pref'), value: { columns: [] }, user: { relationTo: 'users', value: user.id } } }, user)
const nextYear = new Date().getUTCFullYear() + 1
const meetingData = (invitedPeople: Id[]) => ({ data: { title: unique('Réunion'), kind: 'adHoc', status: 'planned', start: `${nextYear}-03-12T09:00:00.000Z`, end: `${nextYear}-03-12T12:00:00.000Z`, venue: 'DNPEF', invitedPeople } })
// A 1×1 PNG: what the screenshot policy checks from the bytes.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const supportRequestData = (requester: User, status: 'new' | 'resolved') => ({
  data: { reference: unique('AS'), category: 'site', urgency: 'normal', description: 'La page ne s’affiche pas.', requester: requester.id, requesterEmail: requester.email, status },
})
const faqData = (status: 'draft' | 'published') => ({ data: { _status: status, question: unique('Question'), answer: 'Réponse de test.', category: 'account' }, draft: status === 'draft' })
const lockData = (document: { relationTo: string; value: Id }, user: User) => ({ data: { document, user: { relationTo: 'users', value: user.id } } })

const FIXTURES: Record<MatrixCollection, Fixture> = {
  resources: { other: () => make('resources', resourceData('draft')), mine: () => make('resources', resourceData('published')), create: async () => resourceData('draft') },
  news: { other: () => make('news', newsData('draft')), mine: () => make('news', newsData('published')), create: async () => newsData('draft') },
  media: {
    other: () => make('media', { data: { visibility: 'private' }, file: file(pdf, 'application/pdf', 'pdf') }),
    mine: () => make('media', { data: { visibility: 'public' }, file: file(pdf, 'application/pdf', 'pdf') }),
    create: async () => ({ data: { visibility: 'private' }, file: file(pdf, 'application/pdf', 'pdf') }),
  },
  'consultation-comments': {
    other: () => commentBy(stranger),
    mine: (actor) => commentBy(users[actor]),
    create: async () => ({ data: { resource: ref.openResource, section: 'Introduction', comment: 'Proposition de reformulation.', decision: 'pending', author: stranger.id } }),
    ownerOf: (doc) => idOf(doc.author),
  },
  modules: {
    other: () => make('modules', { data: { ...ref.moduleData, slug: unique('module'), order: 900 + counter } }),
    create: async () => ({ data: { ...ref.moduleData, slug: unique('module'), order: 900 + counter } }),
  },
  videos: { other: () => make('videos', { data: {}, file: file(mp4, 'video/mp4', 'mp4') }), create: async () => ({ data: { description: 'Test' }, file: file(mp4, 'video/mp4', 'mp4') }) },
  'module-progress': {
    other: () => progressOf(stranger),
    mine: (actor) => progressOf(users[actor]),
    create: async () => ({ data: { user: stranger.id, module: ref.module, watchedRatio: 1, bestScore: 100, passed: true } }),
    ownerOf: (doc) => idOf(doc.user),
  },
  'quiz-attempts': {
    other: () => make('quiz-attempts', attemptData(stranger.id)),
    mine: (actor) => make('quiz-attempts', attemptData(users[actor].id)),
    create: async () => attemptData(stranger.id),
    ownerOf: (doc) => idOf(doc.user),
  },
  certificates: {
    other: () => make('certificates', certificateData(stranger.id)),
    mine: (actor) => make('certificates', certificateData(users[actor].id)),
    create: async (actor) => certificateData(idOfUser(actor) ?? stranger.id),
    ownerOf: (doc) => idOf(doc.user),
  },
  trainings: {
    other: () => trainingOf(strangerTrainer),
    mine: (actor) => trainingOf(runner(actor)),
    create: async () => ({ data: { title: unique('Formation'), kind: 'refresher', status: 'planned', startDate: '2026-07-01', endDate: '2026-07-02', venue: 'Kayes', region: ref.region, organiser: ref.organisation } }),
  },
  participants: {
    other: () => participantOf(strangerTrainer),
    mine: (actor) => participantOf(runner(actor)),
    create: async () => ({ data: { firstName: 'Issa', lastName: unique('Nouveau'), sex: 'M', function: 'Travailleur social', organisation: ref.organisation, region: ref.region, confirmedDistinct: true } }),
  },
  enrolments: {
    other: () => enrolmentOf(strangerTrainer),
    mine: (actor) => enrolmentOf(runner(actor)),
    create: async (actor) => ({ data: { training: await trainingOf(runner(actor)), participant: await participantOf(runner(actor)) } }),
    outside: async (actor) => [
      { data: { training: await trainingOf(strangerTrainer), participant: await participantOf(runner(actor)) } },
      { data: { training: await trainingOf(runner(actor)), participant: await participantOf(strangerTrainer) } },
    ],
  },
  'action-items': {
    other: () => nextStepOf(strangerTrainer),
    mine: async (actor) => (actor === 'trainer' || actor === 'admin' || actor === 'coordinator' ? nextStepOf(runner(actor)) : make('action-items', await agreedAction(await reachedVisit(actor)))),
    create: async (actor) =>
      actor === 'supervisor' ? agreedAction(await visitOf(ref.area)) : { data: { activity: 'Restituer', status: 'toDo', source: { relationTo: 'trainings', value: await trainingOf(runner(actor)) } } },
    outside: async (actor) =>
      actor === 'supervisor'
        ? [await agreedAction(await visitOf(ref.elsewhere)), { data: { activity: 'Restituer', status: 'toDo', source: { relationTo: 'trainings', value: await trainingOf(strangerTrainer) } } }, { data: { activity: 'Point de réunion', status: 'toDo', source: { relationTo: 'meetings', value: await make('meetings', meetingData([users.trainer.id])) } } }]
        : [{ data: { activity: 'Restituer', status: 'toDo', source: { relationTo: 'trainings', value: await trainingOf(strangerTrainer) } } }, await agreedAction(await visitOf(ref.area)), { data: { activity: 'Point de réunion', status: 'toDo', source: { relationTo: 'meetings', value: await make('meetings', meetingData([users.trainer.id])) } } }],
  },
  users: {
    other: () => make('users', { data: { email: `${unique('compte')}@example.org`, name: 'Compte de test', password: 'Baobab-sous-la-pluie-7', roles: ['learner'] } }),
    mine: async (actor) => users[actor].id,
    create: async () => ({ data: { email: `${unique('nouveau')}@example.org`, name: 'Nouveau compte', password: 'Baobab-sous-la-pluie-7', roles: ['learner'] } }),
  },
  regions: {
    other: () => make('regions', { data: { name: unique('Région'), code: unique('R'), kind: 'region' } }),
    create: async () => ({ data: { name: unique('Région'), code: unique('R'), kind: 'region' } }),
  },
  cercles: { other: () => make('cercles', { data: { name: unique('Cercle'), region: ref.region } }), create: async () => ({ data: { name: unique('Cercle'), region: ref.region } }) },
  organisations: {
    other: () => make('organisations', { data: { acronym: unique('ORG'), name: 'Structure de test', kind: 'nationalNgo' } }),
    create: async () => ({ data: { acronym: unique('ORG'), name: 'Structure de test', kind: 'nationalNgo' } }),
  },
  competencies: { other: () => make('competencies', frameworkData()), create: async () => frameworkData() },
  'supervision-visits': {
    other: () => visitOf(ref.elsewhere),
    mine: (actor) => reachedVisit(actor),
    create: async () => visitData(await personIn(ref.area)),
    outside: async () => [await visitData(await personIn(ref.elsewhere))],
  },
  'audit-log': { other: () => make('audit-log', { data: { action: 'login.success', actorEmail: 'x@example.org' } }), create: async () => ({ data: { action: 'login.success', actorEmail: 'forge@example.org' } }) },
  outbox: { other: () => make('outbox', { data: { to: 'x@example.org', subject: 'Test', text: 'Test', status: 'kept' } }), create: async () => ({ data: { to: 'x@example.org', subject: 'Forgé', text: 'Forgé', status: 'sent' } }) },
  'auth-tokens': {
    other: () => make('auth-tokens', { data: { tokenId: unique('t'), secretHash: 'x', purpose: 'reset', user: stranger.id, expiresAt: '2099-01-01T00:00:00.000Z' } }),
    create: async () => ({ data: { tokenId: unique('t'), secretHash: 'x', purpose: 'reset', user: stranger.id, expiresAt: '2099-01-01T00:00:00.000Z' } }),
  },
  'idempotency-keys': {
    other: () => make('idempotency-keys', { data: { key: unique(`${stranger.id}:k`), user: stranger.id } }),
    create: async () => ({ data: { key: unique(`${stranger.id}:k`), user: stranger.id } }),
  },
  // Region rows: one per region, so each fixture maps a region of its own.
  'dhis2-mappings': {
    other: async () => make('dhis2-mappings', { data: await regionMapping() }),
    create: async () => ({ data: await regionMapping() }),
  },
  'dhis2-sends': {
    other: () => make('dhis2-sends', { data: { period: '202503', values: 10, imported: 10, updated: 0 } }),
    create: async () => ({ data: { period: '202503', values: 10, imported: 10, updated: 0 } }),
  },
  'case-aggregates': {
    other: () => make('case-aggregates', { data: caseAggregate() }),
    create: async () => ({ data: caseAggregate() }),
  },
  'monthly-reports': {
    other: () => make('monthly-reports', { data: monthlyReport() }),
    create: async () => ({ data: monthlyReport() }),
  },
  // A queue nobody runs, so the jobs runner leaves these records alone.
  'payload-jobs': { other: () => make('payload-jobs', { data: { taskSlug: 'send-email', input: {}, queue: 'matrice' } }), create: async () => ({ data: { taskSlug: 'send-email', input: {}, queue: 'matrice' } }) },
  'payload-kv': { other: () => make('payload-kv', { data: { key: unique('kv'), data: {} } }), create: async () => ({ data: { key: unique('kv'), data: {} } }) },
  'payload-migrations': { other: () => make('payload-migrations', { data: { name: unique('migration'), batch: 999 } }), create: async () => ({ data: { name: unique('migration'), batch: 999 } }) },
  'payload-preferences': {
    other: () => preferenceOf(stranger),
    mine: (actor) => preferenceOf(users[actor]),
    create: async () => ({ data: { key: unique('pref'), value: {}, user: { relationTo: 'users', value: stranger.id } } }),
    ownerOf: (doc) => idOf((doc.user as { value?: unknown } | null)?.value),
  },
  'payload-locked-documents': {
    // A lock on a region, which only admins may update; the actor's own account, which everyone may update.
    other: async () => make('payload-locked-documents', lockData({ relationTo: 'regions', value: ref.region }, users.admin)),
    mine: (actor) => make('payload-locked-documents', lockData({ relationTo: 'users', value: users[actor].id }, users[actor])),
    create: async (actor) => lockData({ relationTo: 'users', value: idOfUser(actor) ?? stranger.id }, actor === 'anonymous' ? stranger : users[actor]),
    outside: async (actor) => [lockData({ relationTo: 'regions', value: ref.region }, users[actor])],
  },
  meetings: {
    other: () => make('meetings', meetingData([stranger.id])),
    mine: (actor) => make('meetings', meetingData([users[actor].id])),
    create: async () => meetingData([]),
  },
  'capacity-plan-items': {
    other: () => make('capacity-plan-items', { data: { activity: unique('Activité du plan'), status: 'notDone', period: '2026Q3' } }),
    create: async () => ({ data: { activity: unique('Activité du plan'), status: 'inProgress' } }),
  },
  'report-images': {
    other: () => make('report-images', { data: { trainers: [strangerTrainer.id] }, file: file(solidPng(4, 3, [200, 120, 40]), 'image/png', 'png') }),
    mine: (actor) => make('report-images', { data: { trainers: [runner(actor).id] }, file: file(solidPng(4, 3, [40, 120, 200]), 'image/png', 'png') }),
    create: async () => ({ data: { alt: 'Photo de groupe' }, file: file(solidPng(4, 3, [90, 90, 90]), 'image/png', 'png') }),
  },
  'support-requests': {
    other: () => make('support-requests', supportRequestData(stranger, 'new')),
    // Their own request; editors reach resolved ones.
    mine: (actor) => make('support-requests', supportRequestData(actor === 'editor' ? stranger : users[actor], actor === 'editor' ? 'resolved' : 'new')),
    create: async (actor) => supportRequestData(actor === 'anonymous' ? stranger : users[actor], 'new'),
    ownerOf: (doc) => idOf(doc.requester),
  },
  'support-screenshots': {
    other: () => make('support-screenshots', { data: {}, file: file(png, 'image/png', 'png') }),
    create: async () => ({ data: {}, file: file(png, 'image/png', 'png') }),
  },
  faq: { other: () => make('faq', faqData('draft')), mine: () => make('faq', faqData('published')), create: async () => faqData('draft') },
  'rate-limits': { other: () => make('rate-limits', { data: { key: unique('signIn:203.0.113.9'), at: new Date().toISOString() } }), create: async () => ({ data: { key: 'signIn:forgé', at: new Date().toISOString() } }) },
  'sandbox-workspaces': { other: () => make('sandbox-workspaces', sandboxWorkspaceData()), create: async () => sandboxWorkspaceData() },
  'sandbox-cases': { other: async () => make('sandbox-cases', await sandboxCaseData()), create: sandboxCaseData },
  'sandbox-transitions': { other: async () => make('sandbox-transitions', await sandboxTransitionData()), create: sandboxTransitionData },
  'sandbox-history': { other: async () => make('sandbox-history', await sandboxHistoryData()), create: sandboxHistoryData },
  'indicator-snapshots': {
    other: async () => make('indicator-snapshots', { data: { quarter: unique('2025Q'), lockedAt: '2025-04-02T10:00:00.000Z', lockedBy: stranger.id, figures: {} } }),
    create: async () => ({ data: { quarter: unique('2024Q'), lockedAt: '2024-04-02T10:00:00.000Z', lockedBy: stranger.id, figures: {} } }),
  },
}

/** Sandbox records of another person's personal workspace. */
function sandboxWorkspaceData() {
  return { data: { name: unique('Espace'), kind: 'personal', owner: stranger.id, organisationCode: 'TDH', scenarios: [], members: [{ memberId: 'm1', name: 'Gestionnaire', role: 'caseManager', user: stranger.id }] } }
}
let sandboxWorkspace: number | string | undefined
async function strangersWorkspace() {
  sandboxWorkspace ??= (await payload.create({ collection: 'sandbox-workspaces', ...sandboxWorkspaceData(), ...sys } as never) as { id: number | string }).id
  return sandboxWorkspace
}
async function sandboxCaseData() {
  return { data: { workspace: await strangersWorkspace(), caseId: unique('TDH'), status: 'open', stage: 'nouveau', owner: 'm1', assigned: [], forms: [], openedAt: '2026-11-20T09:00:00.000Z' } }
}
let sandboxCase: number | string | undefined
async function strangersCase() {
  sandboxCase ??= (await payload.create({ collection: 'sandbox-cases', ...(await sandboxCaseData()), ...sys } as never) as { id: number | string }).id
  return sandboxCase
}
async function sandboxTransitionData() {
  return { data: { workspace: await strangersWorkspace(), case: await strangersCase(), transitionId: unique('t'), kind: 'approval', approvalType: 'assessment', status: 'pending', from: 'm1', at: '2026-11-20T09:00:00.000Z' } }
}
async function sandboxHistoryData() {
  return { data: { workspace: await strangersWorkspace(), case: await strangersCase(), member: 'm1', action: 'form.save', at: '2026-11-20T09:00:00.000Z' } }
}

type Outcome = 'allowed' | 'refused'
/** Runs an operation: refused when access rules or a scope check say no (Forbidden, NotFound, a 4xx validation). */
async function attempt(operation: () => Promise<unknown>): Promise<Outcome> {
  try {
    await operation()
    return 'allowed'
  } catch (error) {
    const e = error as { name?: string; message?: string; status?: number }
    if (/Forbidden|NotFound|ValidationError|UnauthorizedError/.test(e.name ?? '') || (e.status !== undefined && e.status >= 400 && e.status < 500) || /not allowed|autorisé/i.test(e.message ?? '')) return 'refused'
    throw error
  }
}

const READ_REACHED: Answer[] = ['own', 'scope', 'published', 'public']
const rows = Object.entries(ACCESS_MATRIX) as [MatrixCollection, MatrixRow][]
const realActors = ACTORS.filter((a): a is Exclude<Actor, 'anonymous'> => a !== 'anonymous')

describe('the access matrix covers the whole config', () => {
  it('has one row per collection, Payload’s own included, and no row for a collection that does not exist', () => {
    expect(Object.keys(ACCESS_MATRIX).sort()).toEqual(Object.keys(payload.collections).sort())
  })
})

describe.each(rows)('%s', (collection, row) => {
  const fixture = FIXTURES[collection]
  const slug = collection as CollectionSlug
  const read = (actor: Actor, id: Id) => attempt(() => payload.findByID({ collection: slug, id, ...asActor(actor) }))
  const update = (actor: Actor, id: Id) => attempt(() => payload.update({ collection: slug, id, data: {}, ...asActor(actor) }))
  const remove = (actor: Actor, id: Id) => attempt(() => payload.delete({ collection: slug, id, ...asActor(actor) }))

  it.each(ACTORS)(`create as %s`, async (actor) => {
    const answer = row.create[actor]
    const args = await fixture.create(actor)
    let created: Record<string, unknown> | null = null
    const outcome = await attempt(async () => {
      created = (await payload.create({ collection: slug, data: args.data as never, file: args.file, draft: args.draft, ...asActor(actor) })) as unknown as Record<string, unknown>
    })
    expect(outcome, `${answer}`).toBe(answer === 'none' ? 'refused' : 'allowed')
    if (answer === 'own' && fixture.ownerOf) expect(String(fixture.ownerOf(created!)), 'owner comes from the session').toBe(String(idOfUser(actor)))
    if (answer === 'scope' && fixture.outside && actor !== 'anonymous') {
      for (const outside of await fixture.outside(actor)) {
        expect(await attempt(() => payload.create({ collection: slug, data: outside.data as never, ...asActor(actor) })), `outside the scope: ${JSON.stringify(outside.data)}`).toBe('refused')
      }
    }
  })

  it.each(ACTORS)(`read as %s`, async (actor) => {
    const answer = row.read[actor]
    expect(await read(actor, await fixture.other()), `another person's record (${answer})`).toBe(answer === 'all' ? 'allowed' : 'refused')
    if (READ_REACHED.includes(answer) && actor !== 'anonymous') expect(await read(actor, await fixture.mine!(actor)), `a record within reach (${answer})`).toBe('allowed')
    if (READ_REACHED.includes(answer) && actor === 'anonymous' && fixture.mine) expect(await read(actor, await fixture.mine('admin')), `published (${answer})`).toBe('allowed')
    if (answer === 'none') {
      let listed = 0
      await attempt(async () => {
        listed = (await payload.count({ collection: slug, user: asActor(actor).user, overrideAccess: false })).totalDocs
      })
      expect(listed, 'nothing listed').toBe(0)
    }
  })

  it.each(ACTORS)(`update as %s`, async (actor) => {
    const answer = row.update[actor]
    expect(await update(actor, await fixture.other()), `another person's record (${answer})`).toBe(answer === 'all' ? 'allowed' : 'refused')
    if ((answer === 'own' || answer === 'scope') && actor !== 'anonymous') expect(await update(actor, await fixture.mine!(actor)), `a record within reach (${answer})`).toBe('allowed')
    if (answer === 'none' && actor !== 'anonymous' && fixture.mine) expect(await update(actor, await fixture.mine(actor)), 'even their own').toBe('refused')
  })

  it.each(ACTORS)(`delete as %s`, async (actor) => {
    const answer = row.delete[actor]
    expect(await remove(actor, await fixture.other()), `another person's record (${answer})`).toBe(answer === 'all' ? 'allowed' : 'refused')
    if ((answer === 'own' || answer === 'scope') && actor !== 'anonymous') expect(await remove(actor, await fixture.mine!(actor)), `a record within reach (${answer})`).toBe('allowed')
    // Own accounts are not fresh records: never delete a demo account even when the cell is wrong.
    if (answer === 'none' && actor !== 'anonymous' && fixture.mine && collection !== 'users') expect(await remove(actor, await fixture.mine(actor)), 'even their own').toBe('refused')
  })

  const guarded = [...(row.serverSet ?? []).map((f) => [f, [] as readonly Actor[]] as const), ...Object.entries(row.restricted ?? {})]
  if (guarded.length === 0) return
  it.each(realActors.filter((a) => row.update[a] !== 'none' || row.create[a] !== 'none'))(`forged fields as %s`, async (actor) => {
    const fields = flatFields(payload.collections[slug].config.fields)
    for (const [name, writers] of guarded) {
      const field = fields.find((f) => 'name' in f && f.name === name)
      expect(field, `field ${name} exists`).toBeDefined()
      const mayWrite = writers.includes(actor)
      if (row.update[actor] !== 'none') {
        const id = row.update[actor] === 'all' ? await fixture.other() : await fixture.mine!(actor)
        const before = (await payload.findByID({ collection: slug, id, ...sys })) as unknown as Record<string, unknown>
        const forged = await forge(field!, before[name])
        const outcome = await attempt(() => payload.update({ collection: slug, id, data: { [name]: forged } as never, ...asActor(actor) }))
        const after = (await payload.findByID({ collection: slug, id, ...sys })) as unknown as Record<string, unknown>
        if (mayWrite) expect(outcome === 'allowed' && same(after[name], forged), `${actor} may write ${name}`).toBe(true)
        else expect(outcome === 'refused' || !same(after[name], forged), `${actor} may not write ${name} (update)`).toBe(true)
      }
      if (row.create[actor] !== 'none' && !mayWrite) {
        const args = await fixture.create(actor)
        // Forge something other than the field's default, or a refused value would look written.
        const fallback = 'defaultValue' in field! && typeof field.defaultValue !== 'function' ? field.defaultValue : undefined
        const forged = await forge(field!, fallback)
        let created: Record<string, unknown> | null = null
        const outcome = await attempt(async () => {
          created = (await payload.create({ collection: slug, data: { ...args.data, [name]: forged } as never, file: args.file, draft: args.draft, ...asActor(actor) })) as unknown as Record<string, unknown>
        })
        if (outcome === 'allowed') {
          const stored = (await payload.findByID({ collection: slug, id: created!.id as Id, ...sys })) as unknown as Record<string, unknown>
          expect(same(stored[name], forged), `${actor} may not write ${name} (create)`).toBe(false)
        }
      }
    }
  })
})

/** The named fields of a collection, rows and collapsibles flattened. */
function flatFields(fields: Field[]): Field[] {
  return fields.flatMap((f) => ('name' in f ? [f] : 'fields' in f ? flatFields(f.fields) : []))
}

/** A value an attacker would send for the field, different from the current one. */
async function forge(field: Field, current: unknown): Promise<unknown> {
  switch (field.type) {
    case 'relationship': {
      const relationTo = Array.isArray(field.relationTo) ? (field.relationTo.includes('users') ? 'users' : field.relationTo[0]!) : field.relationTo
      const held = ([] as unknown[]).concat(current ?? []).map((v) => String(idOf(v && typeof v === 'object' && 'value' in v ? v.value : v)))
      const candidates = relationTo === 'users' ? [stranger.id] : (await payload.find({ collection: relationTo, limit: 5, ...sys })).docs.map((d) => d.id)
      const target = candidates.find((id) => !held.includes(String(id)))!
      const value = Array.isArray(field.relationTo) ? { relationTo, value: target } : target
      return 'hasMany' in field && field.hasMany ? [value] : value
    }
    case 'select': {
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      const held = ([] as unknown[]).concat(current ?? [])
      const pick = field.name === 'roles' ? 'admin' : (options.find((o) => !held.includes(o)) ?? options[0])
      return field.hasMany ? [pick] : pick
    }
    case 'checkbox':
      return !current
    case 'date':
      return '2001-02-03T00:00:00.000Z'
    case 'array':
      return [{ title: 'Module forgé' }]
    case 'number':
      return 4242
    default:
      return `forgé-${randomBytes(3).toString('hex')}`
  }
}

/** Whether a stored value is the forged one (relations compared by id, dates by day). */
function same(stored: unknown, forged: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm)
    if (v && typeof v === 'object' && 'relationTo' in v) return `${(v as { relationTo: string }).relationTo}:${String(idOf((v as unknown as { value: unknown }).value))}`
    if (v && typeof v === 'object' && 'id' in v) return String(idOf(v))
    if (v && typeof v === 'object' && 'title' in v) return (v as { title: unknown }).title
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.slice(0, 10)
    return v === null || v === undefined ? null : String(v)
  }
  return JSON.stringify(norm(stored)) === JSON.stringify(norm(forged))
}

describe('field-level reads beyond the matrix', () => {
  it('shows an account’s phone and email to the person, admins and coordinators only', () => {
    const doc = { id: users.editor.id }
    const check = (actor: Actor) => personalFieldRead({ req: { user: actor === 'anonymous' ? null : users[actor] } as never, doc } as never)
    expect(ACTORS.filter(check)).toEqual(['admin', 'coordinator', 'editor'])
  })

  it('shows a participant’s phone and email to coordination and to the trainers of their trainings only', async () => {
    const participant = await participantOf(users.trainer)
    const read = async (actor: Actor) => (await payload.findByID({ collection: 'participants', id: participant, ...asActor(actor) }).catch(() => null))?.phone !== undefined
    const withPhone = await payload.update({ collection: 'participants', id: participant, data: { phone: '+223 70 00 00 09' }, ...sys })
    expect(withPhone.phone).toBe('70000009')
    const readers: Actor[] = []
    for (const actor of ACTORS) if (await read(actor)) readers.push(actor)
    expect(readers).toEqual(['admin', 'coordinator', 'trainer'])
  })

  it('shows other trainers’ accounts, names without contact details, to whoever runs trainings (choosing co-trainers)', async () => {
    const read = async (actor: Actor) => (await payload.findByID({ collection: 'users', id: strangerTrainer.id, ...asActor(actor) }).catch(() => null)) as Record<string, unknown> | null
    const readers: Actor[] = []
    for (const actor of ACTORS) if (await read(actor)) readers.push(actor)
    expect(readers).toEqual(['admin', 'coordinator', 'trainer'])
    expect(Object.keys((await read('trainer'))!).sort()).toEqual([...CO_TRAINER_FIELDS].sort())
  })

  it('opens the admin panel to staff only', () => {
    const adminAccess = payload.collections.users.config.access.admin!
    expect(realActors.filter((actor) => adminAccess({ req: { user: users[actor] } } as never))).toEqual(['admin', 'coordinator', 'trainer', 'supervisor', 'caseManager', 'editor'])
  })
})
