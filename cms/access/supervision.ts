import type { Access, PayloadRequest, Where } from 'payload'
import { can, type RoleHolder } from '../rules/roles.ts'
import { scopeOf, scopeWhere, TRAINING_SCOPE_FIELDS, type ScopeHolder } from '../rules/scope.ts'
import { visitsReach } from '../rules/supervision.ts'

// Access of formative supervision (docs/access.md, "suivi formatif"): the reach of visits is the rule
// `visitsReach` of cms/rules/supervision.ts; action items follow their source, training or visit.

const userOf = (req: { user?: unknown }) => (req.user as (RoleHolder & ScopeHolder) | null | undefined) ?? null

/** Supervisors, coordinators and admins record visits (the person's scope is checked by the visit's hook). */
export const supervisors: Access = ({ req }) => can(userOf(req), 'supervise')

/** Visits a person reads: coordination all, a supervisor their own and their area's, anyone the visits of which they are the subject. */
export const visitsReadable: Access = ({ req }) => visitsReach(userOf(req), 'read') as boolean | Where

/** Visits a person may change: coordination all, a supervisor their own and their area's. */
export const visitsWritable: Access = ({ req }) => visitsReach(userOf(req), 'write') as boolean | Where

/** Whether the writer may write a given visit, read as the system (an action item pointed at it). System writes pass. */
export async function visitWritable(req: Pick<PayloadRequest, 'payload' | 'user'> & Partial<PayloadRequest>, id: number | string | null): Promise<boolean> {
  if (!req.user) return true
  const reach = visitsReach(userOf(req), 'write')
  if (reach === true) return true
  if (reach === false || id === null) return false
  const found = await req.payload.count({ collection: 'supervision-visits', where: { and: [{ id: { equals: id } }, reach as Where] }, overrideAccess: true, req })
  return found.totalDocs > 0
}

/** The action items of the visits in a reach, as a `where` on the item's source. */
async function visitItems(req: PayloadRequest, operation: 'read' | 'write'): Promise<boolean | Where> {
  const reach = visitsReach(userOf(req), operation)
  if (typeof reach === 'boolean') return reach ? { 'source.relationTo': { equals: 'supervision-visits' } } : false
  const { docs } = await req.payload.find({ collection: 'supervision-visits', where: reach as Where, pagination: false, depth: 0, select: {}, overrideAccess: true, req })
  if (docs.length === 0) return false
  return { and: [{ 'source.relationTo': { equals: 'supervision-visits' } }, { 'source.value': { in: docs.map((d) => d.id) } }] }
}

function either(a: boolean | Where, b: boolean | Where): boolean | Where {
  if (a === true || b === true) return true
  if (a === false) return b
  if (b === false) return a
  return { or: [a, b] }
}

/**
 * Action items follow their source: a training's items reach coordination and the training's trainers; a visit's
 * agreed actions reach whoever reaches the visit (to read: the person supervised too; to write: not them).
 */
export const actionItemsReadable: Access = async ({ req }) => {
  const user = userOf(req)
  return either(scopeWhere(user, scopeOf(user, 'trainings'), TRAINING_SCOPE_FIELDS) as boolean | Where, await visitItems(req, 'read'))
}

export const actionItemsWritable: Access = async ({ req }) => {
  const user = userOf(req)
  return either(scopeWhere(user, scopeOf(user, 'trainings'), TRAINING_SCOPE_FIELDS) as boolean | Where, await visitItems(req, 'write'))
}

/** Who may create action items: training staff (on their trainings) and supervisors (on visits they reach). */
export const actionItemWriters: Access = ({ req }) => can(userOf(req), 'runTrainings') || can(userOf(req), 'supervise')
