import type { Access, CollectionBeforeChangeHook, PayloadRequest, SanitizedConfig, Where } from 'payload'
import { isStaff, type RoleHolder } from '../rules/roles.ts'
import { serverOnly } from './server-only.ts'

// Payload's editing locks (`payload-locked-documents`). The admin's edit view creates a lock as the system when
// someone opens a document; through REST Payload lets any signed-in person create, change or remove one, so a
// learner could lock any document and the editor would get 423. Here: nobody creates a lock through REST; taking
// over or releasing a lock (what the admin does through REST) is for people who may edit the locked document;
// only back-office users see locks at all.

export const LOCKS_SLUG = 'payload-locked-documents'

type TLock = { document?: { relationTo: string; value: number | string } | null; globalSlug?: string | null }

/** Whether the requester may update the document (or global) a lock is about, by that collection's own rule. */
async function mayEditLocked(req: PayloadRequest, lock: TLock): Promise<boolean> {
  if (lock.globalSlug) {
    const global = req.payload.config.globals.find((g) => g.slug === lock.globalSlug)
    return Boolean(global && (await global.access.update?.({ req })))
  }
  if (!lock.document) return false
  const { relationTo, value } = lock.document
  const collection = req.payload.collections[relationTo as keyof typeof req.payload.collections]?.config
  if (!collection?.access.update) return false
  const result = await collection.access.update({ req, id: value as number })
  if (typeof result === 'boolean') return result
  const { totalDocs } = await req.payload.count({ collection: relationTo as never, where: { and: [result as Where, { id: { equals: value } }] }, overrideAccess: true })
  return totalDocs > 0
}

/** Update (take over) and delete (release) of one lock: by people who may edit the locked document. */
export const mayEditLockedDocument: Access = async ({ req, id }) => {
  if (!req.user || id === undefined) return false
  const lock = (await req.payload.findByID({ collection: LOCKS_SLUG as never, id, depth: 0, overrideAccess: true, disableErrors: true })) as TLock | null
  return lock !== null && mayEditLocked(req, lock)
}

/** Locks are shown in the back office only. */
const backOfficeUsers: Access = ({ req }) => isStaff(req.user as RoleHolder | null)

/** A lock taken over through REST is always held by the requester, whatever the body says. */
const holderIsRequester: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.user) data.user = { relationTo: req.user.collection, value: req.user.id }
  return data
}

/** Replaces the access of Payload's locks collection in the sanitised config (Payload adds it after plugins run). */
export function restrictDocumentLocks(config: SanitizedConfig): void {
  const locks = config.collections.find((c) => c.slug === LOCKS_SLUG)
  if (!locks) throw new Error(`Payload no longer defines ${LOCKS_SLUG}: review cms/access/locks.ts.`)
  locks.access = { ...locks.access, ...serverOnly(LOCKS_SLUG, { read: backOfficeUsers, update: mayEditLockedDocument, delete: mayEditLockedDocument }) }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), holderIsRequester]
}
