import { idOf } from '../fields/relations.ts'
import { can, type RoleHolder } from './roles.ts'

// The scope model, written once (docs/access.md is its table): a capability says WHAT a person may do
// (`can(user, 'runTrainings')`), a scope says WHICH RECORDS it reaches. Access functions (cms/access/), hooks,
// endpoints and pages ask `scopeOf(user, area)` and turn it into a database `where` (scopeWhere) or a check on
// one record (inScope); they never compare roles or ids themselves.

/** How far a person's reach extends over the records of an area, from nothing to the whole country. */
export const SCOPES = ['none', 'own', 'trainingsRun', 'organisation', 'region', 'national'] as const
export type Scope = (typeof SCOPES)[number]

/**
 * The areas of records that scope applies to:
 * - `trainings`: trainings and what hangs from them (participants registry, enrolments, next steps);
 * - `learningRecords`: self-training progress and quiz attempts (read);
 * - `certificates`: self-training certificates;
 * - `accounts`: user accounts (read);
 * - `accountsWrite`: user accounts (update: own profile, or any account for administrators).
 */
export const AREAS = ['trainings', 'learningRecords', 'certificates', 'accounts', 'accountsWrite'] as const
export type Area = (typeof AREAS)[number]

/** The smallest view of a person that scope rules need. */
export type ScopeHolder = (RoleHolder & { id?: number | string | null; organisation?: unknown; region?: unknown }) | null | undefined

/**
 * The scope of a person over an area. Decisions (docs/access.md):
 * - coordination and administrators are national for trainings and certificates; people who follow learners
 *   (trainers included) read every learner's self-training records, since self-training is open nationally;
 * - a trainer reaches the trainings they run (as lead or co-trainer) and what hangs from them: the participants
 *   enrolled in those trainings or registered by the trainer, their enrolments and next steps;
 * - supervisors, case managers, editors and learners reach no training record;
 * - everyone signed in reaches their own account and their own self-training records;
 * - `organisation` and `region` are scopes the model supports (a regional supervision or a partner's own staff);
 *   no current role is given one: a trainer may run a training in any region, so the trainings run are the
 *   tighter rule.
 */
export function scopeOf(user: ScopeHolder, area: Area): Scope {
  if (!user || user.active === false || user.id === undefined || user.id === null) return 'none'
  switch (area) {
    case 'trainings':
      if (can(user, 'coordinate')) return 'national'
      return can(user, 'runTrainings') ? 'trainingsRun' : 'none'
    case 'learningRecords':
      return can(user, 'followLearners') ? 'national' : 'own'
    case 'certificates':
      return can(user, 'coordinate') ? 'national' : 'own'
    case 'accounts':
      return can(user, 'readAllAccounts') ? 'national' : 'own'
    case 'accountsWrite':
      return can(user, 'administer') ? 'national' : 'own'
  }
}

/**
 * Which field of a record carries each dimension of scope: `own` (the owner's id, or `id` for accounts),
 * `trainers` (the ids of who runs the training the record belongs to), `organisation`, `region`.
 * A dimension a collection does not name is never reached through it.
 */
export type ScopeFields = { own?: string; trainers?: string; organisation?: string; region?: string }

/** A database query in Payload's `where` shape (plain data: the rules do not import Payload). */
export type TScopeWhere = Record<string, { equals: number | string } | { in: (number | string)[] }>

/** The records of a scope as a database query: true (all), false (none) or a `where` on one field. */
export function scopeWhere(user: ScopeHolder, scope: Scope, fields: ScopeFields): boolean | TScopeWhere {
  if (scope === 'national') return true
  const dimension = dimensionOf(user, scope, fields)
  if (!dimension) return false
  return dimension.kind === 'in' ? { [dimension.field]: { in: [dimension.value] } } : { [dimension.field]: { equals: dimension.value } }
}

/** Whether one record is within the scope: the same rule as scopeWhere, on a record already read. */
export function inScope(user: ScopeHolder, scope: Scope, record: Record<string, unknown> | null | undefined, fields: ScopeFields): boolean {
  if (scope === 'national') return true
  const dimension = dimensionOf(user, scope, fields)
  if (!dimension || !record) return false
  const value = record[dimension.field]
  if (dimension.kind === 'in') return Array.isArray(value) && value.some((v) => String(idOf(v)) === String(dimension.value))
  return value !== undefined && value !== null && String(idOf(value)) === String(dimension.value)
}

/** Shorthand: whether the person's scope over an area reaches the record. */
export function reaches(user: ScopeHolder, area: Area, record: Record<string, unknown> | null | undefined, fields: ScopeFields): boolean {
  return inScope(user, scopeOf(user, area), record, fields)
}

type Dimension = { field: string; value: number | string; kind: 'equals' | 'in' }

function dimensionOf(user: ScopeHolder, scope: Scope, fields: ScopeFields): Dimension | null {
  if (!user || user.id === undefined || user.id === null) return null
  switch (scope) {
    case 'own':
      return fields.own ? { field: fields.own, value: user.id, kind: 'equals' } : null
    case 'trainingsRun':
      return fields.trainers ? { field: fields.trainers, value: user.id, kind: 'in' } : null
    case 'organisation': {
      const organisation = idOf(user.organisation)
      return fields.organisation && organisation !== null ? { field: fields.organisation, value: organisation, kind: 'equals' } : null
    }
    case 'region': {
      const region = idOf(user.region)
      return fields.region && region !== null ? { field: fields.region, value: region, kind: 'equals' } : null
    }
    default:
      return null
  }
}

/** Where each collection of the trainings area keeps its scope dimension (the trainers, denormalised). */
export const TRAINING_SCOPE_FIELDS: ScopeFields = { trainers: 'trainers' }
