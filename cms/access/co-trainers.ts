import type { Access, CollectionAfterReadHook, Where } from 'payload'
import { can, type Role } from '../rules/roles.ts'
import { scopeOf, scopeWhere, type ScopeHolder } from '../rules/scope.ts'

// Choosing co-trainers (docs/access.md "Co-trainers"). A training's `trainers` field points at accounts, and a
// trainer may read only their own account: the picker of /admin would be empty. Whoever runs trainings may
// therefore read the accounts that can be named co-trainer — and of those only what picking someone needs.

/**
 * The roles offered as co-trainers: trainers only. Coordinators and administrators already reach every training
 * nationally (naming them would give them nothing), and who facilitated each day, coordinators included, is
 * written in the day-by-day programme's "Facilitateurs".
 */
export const CO_TRAINER_ROLES: readonly Role[] = ['trainer']

/** What a colleague may read of a co-trainer's account: enough to tell people apart, no contact detail. */
export const CO_TRAINER_FIELDS = ['id', 'name', 'roles', 'organisation', 'region'] as const

const userOf = (req: { user?: unknown }): ScopeHolder => (req.user as ScopeHolder) ?? null

/**
 * Accounts: admins and coordinators read every account, everyone reads their own, and whoever runs trainings
 * also reads the accounts that hold a co-trainer role; every field beyond CO_TRAINER_FIELDS is read with
 * `personalFieldRead` (the person, admins and coordinators), so a colleague sees, filters and sorts on those only.
 */
export const accountsOrCoTrainers: Access = ({ req }) => {
  const user = userOf(req)
  const own = scopeWhere(user, scopeOf(user, 'accounts'), { own: 'id' })
  if (own === true || own === false || !can(user, 'runTrainings')) return own
  return { or: [own, { roles: { in: [...CO_TRAINER_ROLES] } }] } as Where
}

/**
 * After a read that applies access rules: an account reached only as a possible co-trainer (not one's own, and
 * the reader does not read every account) is cut down to CO_TRAINER_FIELDS. Field rules already hide the
 * portal's fields; this also drops what Payload adds to every account (timestamps, session list), so the
 * picker's answer is exactly what picking someone needs, whether listed or populated in a training.
 */
export const onlyPickerFields: CollectionAfterReadHook = ({ doc, req, overrideAccess }) => {
  if (overrideAccess) return doc
  const user = userOf(req)
  if (scopeOf(user, 'accounts') === 'national' || String(doc?.id) === String(user?.id)) return doc
  return Object.fromEntries(CO_TRAINER_FIELDS.filter((field) => field in doc).map((field) => [field, doc[field]]))
}
