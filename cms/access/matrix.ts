import type { Role } from '../rules/roles.ts'

// The access matrix: for every collection of the Payload config (Payload's own included) × every role × every
// operation, the expected answer, and the fields that only some roles — or only the server — may write.
// Plain data, read by people (docs/access.md explains it) and by tests/int/access-matrix.test.ts, which tries
// every cell through the Local API as each role, on other people's records, with forged fields. A collection
// added to the config without a row here fails that test.

/** Who asks: nobody signed in, or a person holding one role. */
export const ACTORS = ['anonymous', 'admin', 'coordinator', 'trainer', 'supervisor', 'caseManager', 'learner', 'editor'] as const satisfies readonly ('anonymous' | Role)[]
export type Actor = (typeof ACTORS)[number]

export const OPERATIONS = ['create', 'read', 'update', 'delete'] as const
export type Operation = (typeof OPERATIONS)[number]

/**
 * The answer of one cell:
 * - `all`: every record (create: allowed);
 * - `none`: refused;
 * - `own`: the person's own records only (create: allowed, and the record is theirs whatever the input says);
 * - `scope`: the records the role's scope reaches (cms/rules/scope.ts; create: only inside that scope);
 * - `published`: published documents only (read);
 * - `public`: files attached to published content only (read).
 */
export type Answer = 'all' | 'none' | 'own' | 'scope' | 'published' | 'public'

/** One answer per actor, in ACTORS order: anonymous, admin, coordinator, trainer, supervisor, caseManager, learner, editor. */
type Answers = Record<Actor, Answer>
const row = (...answers: [Answer, Answer, Answer, Answer, Answer, Answer, Answer, Answer]): Answers => Object.fromEntries(ACTORS.map((actor, i) => [actor, answers[i]])) as Answers

export type MatrixRow = Record<Operation, Answers> & {
  /** Fields only the server writes: a client's value never sticks, on create or update, whoever sends it. */
  serverSet?: readonly string[]
  /** Fields only these roles may write; for everyone else a value sent is ignored or the write refused. */
  restricted?: Readonly<Record<string, readonly Actor[]>>
  /** Why the row is what it is, when not obvious. */
  note?: string
}

const nobody = row('none', 'none', 'none', 'none', 'none', 'none', 'none', 'none')
const everyone = row('all', 'all', 'all', 'all', 'all', 'all', 'all', 'all')
const adminOnly = row('none', 'all', 'none', 'none', 'none', 'none', 'none', 'none')
const editors = row('none', 'all', 'none', 'none', 'none', 'none', 'none', 'all')
const published = row('published', 'all', 'published', 'published', 'published', 'published', 'published', 'all')
const curriculum = row('none', 'all', 'all', 'all', 'none', 'none', 'none', 'all')
const coordination = row('none', 'all', 'all', 'none', 'none', 'none', 'none', 'none')
const trainingArea = row('none', 'all', 'all', 'scope', 'none', 'none', 'none', 'none')
const signedInOwn = row('none', 'own', 'own', 'own', 'own', 'own', 'own', 'own')
const followers = row('none', 'all', 'all', 'all', 'own', 'own', 'own', 'own')
const holderOrCoordination = row('none', 'all', 'all', 'own', 'own', 'own', 'own', 'own')
const referenceData = { create: adminOnly, read: everyone, update: adminOnly, delete: adminOnly }
const system = { create: nobody, read: nobody, update: nobody, delete: nobody }

export const ACCESS_MATRIX = {
  // Resource centre.
  resources: { create: editors, read: published, update: editors, delete: editors },
  news: { create: editors, read: published, update: editors, delete: editors },
  media: { create: editors, read: row('public', 'all', 'public', 'public', 'public', 'public', 'public', 'all'), update: editors, delete: editors },
  'consultation-comments': {
    create: signedInOwn,
    read: row('none', 'all', 'own', 'own', 'own', 'own', 'own', 'all'),
    update: row('none', 'all', 'own', 'own', 'own', 'own', 'own', 'all'),
    delete: adminOnly,
    serverSet: ['author', 'answeredBy', 'answeredAt'],
    restricted: { decision: ['admin', 'editor'], reply: ['admin', 'editor'] },
  },
  // Self-training.
  modules: { create: adminOnly, read: everyone, update: curriculum, delete: adminOnly },
  videos: { create: curriculum, read: everyone, update: curriculum, delete: curriculum },
  'module-progress': {
    create: nobody,
    read: followers,
    update: nobody,
    delete: adminOnly,
  },
  'quiz-attempts': {
    create: nobody,
    read: followers,
    update: nobody,
    delete: adminOnly,
  },
  certificates: {
    create: nobody,
    read: holderOrCoordination,
    update: coordination,
    delete: nobody,
    serverSet: ['user', 'holderName', 'codeId', 'issuedAt', 'modules'],
    restricted: { revoked: ['admin', 'coordinator'], revokedReason: ['admin', 'coordinator'] },
  },
  // Face-to-face trainings: coordination is national, a trainer reaches the trainings they run.
  trainings: { create: trainingArea, read: trainingArea, update: trainingArea, delete: coordination },
  participants: {
    create: trainingArea,
    read: trainingArea,
    update: trainingArea,
    delete: coordination,
    serverSet: ['registeredBy', 'trainers'],
  },
  enrolments: { create: trainingArea, read: trainingArea, update: trainingArea, delete: trainingArea, serverSet: ['trainers'] },
  'action-items': {
    create: row('none', 'all', 'all', 'scope', 'scope', 'none', 'none', 'none'),
    read: row('none', 'all', 'all', 'scope', 'scope', 'own', 'own', 'own'),
    update: row('none', 'all', 'all', 'scope', 'scope', 'none', 'none', 'none'),
    delete: coordination,
    serverSet: ['trainers'],
    note: 'Items follow their source: a training’s reach its trainers; a supervision visit’s agreed actions reach whoever reaches the visit, and the person supervised reads them.',
  },
  // Accounts and reference data.
  users: {
    create: adminOnly,
    read: row('none', 'all', 'all', 'scope', 'own', 'own', 'own', 'own'),
    update: row('none', 'all', 'own', 'own', 'own', 'own', 'own', 'own'),
    delete: adminOnly,
    serverSet: ['passwordChangedAt'],
    restricted: { roles: ['admin'], organisation: ['admin'], region: ['admin'], active: ['admin'], emailVerified: ['admin'], passwordExpiryExempt: ['admin'], onDuty: ['admin'] },
    note: 'People update their own name, phone and preferences; a password or email change also needs the current password (account operations). A trainer reads their own account and, to choose co-trainers, the trainer accounts — name, roles, organisation and region only (cms/access/co-trainers.ts).',
  },
  regions: referenceData,
  cercles: referenceData,
  organisations: { ...referenceData, create: coordination, update: coordination, note: 'Coordination keeps the list of organisations (and creates new ones from a participants import); deleting one stays with admins, as people and trainings point to it.' },
  // Formative supervision (docs/supervision.md): a supervisor reaches the visits they conduct and those of their
  // organisation and region; the person supervised reads their own; trainers see coverage only (an endpoint).
  competencies: { create: coordination, read: row('none', 'all', 'all', 'all', 'all', 'all', 'all', 'all'), update: coordination, delete: adminOnly },
  'supervision-visits': {
    create: row('none', 'all', 'all', 'none', 'scope', 'none', 'none', 'none'),
    read: row('none', 'all', 'all', 'own', 'scope', 'own', 'own', 'own'),
    update: row('none', 'all', 'all', 'none', 'scope', 'none', 'none', 'none'),
    delete: coordination,
    serverSet: ['personName', 'organisation', 'region', 'personAccount', 'frameworkVersion', 'revision'],
    restricted: { supervisor: ['admin', 'coordinator'] },
  },
  // Written by the server only (journal, email queue, tokens), read by admins where useful.
  'audit-log': { ...system, read: adminOnly },
  outbox: { ...system, read: adminOnly },
  'auth-tokens': system,
  'idempotency-keys': system,
  // Reports and data exchange: the DHIS2 correspondence is kept by coordination; sendings are written by the push.
  'dhis2-mappings': { create: coordination, read: coordination, update: coordination, delete: coordination },
  'dhis2-sends': { ...system, read: coordination },
  'case-aggregates': { ...system, read: coordination, note: 'Counts only, never a case; written by the CPIMS+ export import (coordination).' },
  'monthly-reports': {
    create: coordination,
    read: coordination,
    update: coordination,
    delete: coordination,
    serverSet: ['version', 'figures', 'submittedBy', 'submittedAt'],
    note: 'Coordination writes drafts; a submitted report is frozen for everyone (update and delete refused: tests/int/monthly-reports.test.ts).',
  },
  // Payload's own collections.
  'payload-jobs': { ...system, note: 'The queue is run by the server; admins run it through the jobs endpoints (administer).' },
  'payload-kv': system,
  'payload-migrations': { ...system, note: 'Migrations are applied by the server at start, never through the API.' },
  'payload-preferences': { create: signedInOwn, read: signedInOwn, update: signedInOwn, delete: signedInOwn, serverSet: ['user'] },
  'payload-locked-documents': {
    create: nobody,
    read: row('none', 'all', 'all', 'all', 'all', 'all', 'none', 'all'),
    update: row('none', 'all', 'scope', 'scope', 'scope', 'scope', 'scope', 'scope'),
    delete: row('none', 'all', 'scope', 'scope', 'scope', 'scope', 'scope', 'scope'),
    note: 'The admin takes a lock with the server’s authority when a document is opened; through the API nobody creates one. Back-office users see locks; taking one over or releasing it reaches the documents the person may update (their scope here).',
  },
  // Common framework: coordination writes; invitees (in person or through their organisation) read their meetings;
  // every back-office role reads the capacity-building plan; visitors and learners see nothing of it.
  meetings: {
    create: coordination,
    read: row('none', 'all', 'all', 'scope', 'scope', 'scope', 'scope', 'scope'),
    update: coordination,
    delete: coordination,
    serverSet: ['rsvps', 'icsSequence'],
  },
  'capacity-plan-items': { create: coordination, read: row('none', 'all', 'all', 'all', 'all', 'all', 'none', 'all'), update: coordination, delete: coordination, serverSet: ['history'] },
  'report-images': { create: trainingArea, read: trainingArea, update: trainingArea, delete: trainingArea, serverSet: ['trainers'], note: 'Training photos and letterhead logos: private files, the uploader’s (as its trainer) and national for coordination.' },
  // Support desk: reports are created by the site's form operation only; the desk (coordination, admins) works them,
  // the requester reads their own, editors read resolved ones to write the FAQ (without who asked: field access).
  'support-requests': {
    create: nobody,
    read: row('none', 'all', 'all', 'own', 'own', 'own', 'own', 'scope'),
    update: coordination,
    delete: adminOnly,
    serverSet: ['reference', 'description', 'pageUrl', 'browser', 'requester', 'requesterName', 'requesterEmail', 'region', 'firstAnsweredAt', 'resolvedAt'],
    note: 'Editors’ scope is the resolved requests (for the FAQ); requester, email, browser, screenshot, assignment and internal notes are hidden from them by field access.',
  },
  'support-screenshots': { create: nobody, read: coordination, update: nobody, delete: adminOnly, note: 'Private files stored by the report form’s operation, read by the desk.' },
  faq: { create: editors, read: published, update: editors, delete: editors },
  'rate-limits': { ...system, note: 'Attempts counted by the shared rate limits (cms/rate-limits.ts).' },
  // The sandbox: reached only through its operations, which check workspace membership (docs/sandbox.md).
  'sandbox-workspaces': system,
  'sandbox-cases': system,
  'sandbox-transitions': system,
  'sandbox-history': system,
  'indicator-snapshots': { ...system, read: coordination, note: 'A quarter’s frozen indicators, written by the lock endpoint (coordination); partners see their organisation’s figures through the dashboard page only.' },
} as const satisfies Record<string, MatrixRow>

export type MatrixCollection = keyof typeof ACCESS_MATRIX
