import type { Access, FieldAccess, PayloadRequest } from 'payload'
import { can, isStaff, type RoleHolder } from '../rules/roles.ts'
import { inScope, scopeOf, scopeWhere, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../rules/scope.ts'

// Small named access functions; collections list them by name. Who reaches which records is the scope model of
// cms/rules/scope.ts (table in docs/access.md); row-level rules return its `where` query so lists are filtered by
// the database, not after the fact. Every collection's expected answers are in ./matrix.ts.

const userOf = (req: { user?: unknown }): (RoleHolder & ScopeHolder & { id?: number | string }) | null =>
  (req.user as (RoleHolder & { id?: number | string }) | null | undefined) ?? null

/** Everyone, signed in or not (public reference data). */
export const anyone: Access = () => true

/** Nobody through the API or admin; the system writes with overrideAccess (audit log, outbox, tokens). */
export const nobody: Access = () => false

/** National administrators only. */
export const adminsOnly: Access = ({ req }) => can(userOf(req), 'administer')

/** Anyone who may open the back office (every role but learner). */
export const staffOnly = ({ req }: { req: { user?: unknown } }): boolean => isStaff(userOf(req))

/** Admins update any account; everyone else only their own (field access guards the privileged fields). */
export const adminsOrSelf: Access = ({ req }) => {
  const user = userOf(req)
  return scopeWhere(user, scopeOf(user, 'accountsWrite'), { own: 'id' })
}

/** Field-level: no client reads or writes the field; the server sets it with overrideAccess. */
export const nobodyField: FieldAccess = () => false

/** Field-level: anyone signed in. */
export const signedInField: FieldAccess = ({ req }) => userOf(req) !== null

/** Field-level: only admins may set or change the field (roles, scope, activation…). */
export const adminsOnlyField: FieldAccess = ({ req }) => can(userOf(req), 'administer')

/** Field-level: personal contact details are readable by the person, admins and coordinators. */
export const personalFieldRead: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  return inScope(user, scopeOf(user, 'accounts'), doc, { own: 'id' })
}

/** Content editors and admins (resources, news, files, the home page). */
export const editorsOnly: Access = ({ req }) => can(userOf(req), 'editContent')

/** Anyone signed in (any role). */
export const signedIn: Access = ({ req }) => userOf(req) !== null

/** Editors and admins read drafts too; everyone else reads published versions only. */
export const publishedOrEditors: Access = ({ req }) => {
  if (can(userOf(req), 'editContent')) return true
  return { _status: { equals: 'published' } }
}

/** Files: editors and admins see all; everyone else only files attached to published content. */
export const publicFilesOrEditors: Access = ({ req }) => {
  if (can(userOf(req), 'editContent')) return true
  return { visibility: { equals: 'public' } }
}

/** Editors and admins read every comment; a commenter reads their own. */
export const editorsOrAuthor: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'editContent')) return true
  return { author: { equals: user.id } }
}

/** Trainers, coordinators and admins: who plans and runs face-to-face trainings. */
export const trainingStaff: Access = ({ req }) => can(userOf(req), 'runTrainings')

/** Coordinators and admins. */
export const coordinatorsOrAdmins: Access = ({ req }) => can(userOf(req), 'coordinate')

/**
 * Training records (trainings, participants, enrolments, next steps): coordinators and admins see all; a trainer
 * sees the records of the trainings they run (who runs a training is kept on each record's `trainers` field,
 * recomputed whenever an enrolment or a training's trainers change); nobody else sees anything.
 */
export const ownTrainingsOrCoordinators: Access = ({ req }) => {
  const user = userOf(req)
  return scopeWhere(user, scopeOf(user, 'trainings'), TRAINING_SCOPE_FIELDS)
}

/**
 * Field-level: participants' phone and email, for coordinators, admins and the trainers of their trainings now.
 * Without a stored record (the admin's blank form, or its permissions before the record is read) the answer is
 * the collection's: whoever may create a person may type their contacts, or the form hides them and a save
 * sends them empty.
 */
export const participantContactRead: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  if (doc?.id === undefined || doc?.id === null) return can(user, 'runTrainings')
  return inScope(user, scopeOf(user, 'trainings'), doc, TRAINING_SCOPE_FIELDS)
}

/** People who follow learners: trainers, coordinators and admins read every learner's records. */
export const ownOrFollowers: Access = ({ req }) => {
  const user = userOf(req)
  return scopeWhere(user, scopeOf(user, 'learningRecords'), { own: 'user' })
}

/** Certificates: the holder, coordinators and admins. */
export const ownOrCoordinators: Access = ({ req }) => {
  const user = userOf(req)
  return scopeWhere(user, scopeOf(user, 'certificates'), { own: 'user' })
}

/**
 * Whether the writer's scope reaches a record of the trainings area, read as the system: the check every
 * relationship that feeds access goes through (an enrolment's training and participant, a next step's source),
 * so that nobody can attach a record to a training or a person they may not write. System writes (no user) pass.
 */
export async function trainingRecordWritable(req: Pick<PayloadRequest, 'payload' | 'user'> & Partial<PayloadRequest>, collection: 'trainings' | 'participants', id: number | string | null): Promise<boolean> {
  const user = userOf(req)
  if (!req.user) return true
  const scope = scopeOf(user, 'trainings')
  if (scope === 'national') return true
  if (id === null || scope === 'none') return false
  const record = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, req, disableErrors: true })
  return inScope(user, scope, record as Record<string, unknown> | null, TRAINING_SCOPE_FIELDS)
}

/** Module texts are edited by trainers, editors, coordinators and admins. */
export const curriculumEditors: Access = ({ req }) => can(userOf(req), 'editCurriculum')
