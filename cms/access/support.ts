import type { Access, FieldAccess, Where } from 'payload'
import { can, type RoleHolder } from '../rules/roles.ts'
import { idOf } from '../fields/relations.ts'

// Who reaches the support desk's records (matrix rows `support-requests`, `support-screenshots`, `faq`).

type Person = (RoleHolder & { id?: number | string }) | null
const userOf = (req: { user?: unknown }): Person => (req.user as Person | undefined) ?? null

/** The support desk (coordination and administrators). */
export const supportDesk: Access = ({ req }) => can(userOf(req), 'handleSupport')

/**
 * Difficulty reports: the desk reads all; editors read resolved ones (to build the FAQ), without who asked; a
 * signed-in person reads their own.
 */
export const supportRequestReaders: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'handleSupport')) return true
  const own: Where = { requester: { equals: user.id } }
  if (can(user, 'editContent')) return { or: [{ status: { equals: 'resolved' } }, own] }
  return own
}

/** Field-level: who asked (account, email, browser) — the desk and the requester, never editors building the FAQ. */
export const requesterFieldRead: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  if (!user) return false
  if (can(user, 'handleSupport')) return true
  return doc !== undefined && String(idOf(doc.requester)) === String(user.id)
}

/** Field-level: the desk's own working fields (internal notes, assignment): never shown to the requester. */
export const supportDeskField: FieldAccess = ({ req }) => can(userOf(req), 'handleSupport')
