import type { Access, FieldAccess } from 'payload'
import { can, hasRole, isStaff, type RoleHolder } from '../rules/roles.ts'
import { trainersOf } from '../collections/Trainings/shared.ts'
import { idOf } from '../fields/relations.ts'

// Small named access functions; collections list them by name (DESIGN.md §4).
// Row-level rules return a `where` query so lists are filtered by the database, not after the fact.

const userOf = (req: { user?: unknown }): (RoleHolder & { id?: number | string }) | null =>
  (req.user as (RoleHolder & { id?: number | string }) | null | undefined) ?? null

/** Everyone, signed in or not (public reference data). */
export const anyone: Access = () => true

/** Nobody through the API or admin; the system writes with overrideAccess (audit log, outbox, tokens). */
export const nobody: Access = () => false

/** National administrators only. */
export const adminsOnly: Access = ({ req }) => can(userOf(req), 'administer')

/** Anyone who may open the back office (every role but learner). */
export const staffOnly = ({ req }: { req: { user?: unknown } }): boolean => isStaff(userOf(req))

/** Admins and coordinators see every account; everyone else sees their own. */
export const adminsCoordinatorsOrSelf: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'readAllAccounts')) return true
  return { id: { equals: user.id } }
}

/** Admins update any account; everyone else only their own (field access guards the privileged fields). */
export const adminsOrSelf: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'administer')) return true
  return { id: { equals: user.id } }
}

/** Field-level: only admins may set or change the field (roles, scope, activation…). */
export const adminsOnlyField: FieldAccess = ({ req }) => can(userOf(req), 'administer')

/** Field-level: personal contact details are readable by the person, admins and coordinators. */
export const personalFieldRead: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'readAllAccounts')) return true
  return doc !== undefined && String((doc as { id?: unknown }).id) === String(user.id)
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
 * Training records: coordinators and admins see all; a trainer sees the records of the trainings they run
 * (their id is copied onto each record's `trainers` field); nobody else sees anything.
 */
export const ownTrainingsOrCoordinators: Access = ({ req }) => {
  const user = userOf(req)
  if (can(user, 'coordinate')) return true
  if (hasRole(user, 'trainer')) return { trainers: { in: [user!.id] } }
  return false
}

/** Field-level: participants' phone and email, for coordinators, admins and the trainers of their trainings. */
export const participantContactRead: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  if (can(user, 'coordinate')) return true
  if (!hasRole(user, 'trainer') || !doc) return false
  const trainers = ((doc as { trainers?: unknown[] }).trainers ?? []).map((t) => String(t && typeof t === 'object' ? (t as { id: unknown }).id : t))
  return trainers.includes(String(user!.id))
}

/** People who follow learners: trainers, coordinators and admins read every learner's records. */
export const ownOrFollowers: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'followLearners')) return true
  return { user: { equals: user.id } }
}

/** A person's own records (progress, attempts) only, whatever their role. */
export const ownRecords: Access = ({ req }) => {
  const user = userOf(req)
  return user ? { user: { equals: user.id } } : false
}

/** Certificates: the holder, coordinators and admins. */
export const ownOrCoordinators: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'coordinate')) return true
  return { user: { equals: user.id } }
}

/** Module texts are edited by trainers, editors, coordinators and admins. */
export const curriculumEditors: Access = ({ req }) => can(userOf(req), 'editCurriculum')

/**
 * Writing an action item follows its source: coordination and admins for any source; a trainer for the trainings
 * they run. Without data (the admin asking whether to show "Create"), trainers may; the source is checked on save.
 */
export const actionItemSourceStaff: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (can(user, 'coordinate')) return true
  if (!hasRole(user, 'trainer')) return false
  const source = (data as { source?: { relationTo?: string; value?: unknown } } | undefined)?.source
  if (!source) return true
  if (source.relationTo !== 'trainings') return false
  const trainingId = idOf(source.value)
  return trainingId !== null && (await trainersOf(req.payload, trainingId, req)).some((t) => String(t) === String(user!.id))
}
