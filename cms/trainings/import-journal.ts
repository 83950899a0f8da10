import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { Payload } from 'payload'
import { z } from 'zod'
import { isImportAbandoned, type TImportOwner } from '../rules/import-journal.ts'

// The journal of a spreadsheet import, written in the database (Payload's key-value store) before the import
// writes anything, and removed once it has written everything. A process killed in the middle (power cut, OOM
// killer, `kill -9`) cannot run the import's in-process undo: the next start of any portal process finds the
// journal and takes back what it describes (`recoverImports`, called by cms/portal.ts). On MongoDB the import is
// also one transaction, so there the journal finds nothing left to take back. docs/operations.md explains it.

const PREFIX = 'import-journal:'

/** This process, as the owner of the imports it runs (the instance id tells it from a later process with its pid). */
const HERE: TImportOwner = { host: os.hostname(), pid: process.pid, instance: randomUUID() }

const ZId = z.union([z.number(), z.string()])
const ZMarks = z.object({
  attendance: z.array(z.object({ date: z.string(), status: z.enum(['present', 'absent', 'late', 'excused']) })),
  preTest: z.number().nullable(),
  postTest: z.number().nullable(),
})
/** Everything needed to find and take back an import's writes without the process that made them. */
export const ZImportJournal = z.object({
  training: ZId,
  startedAt: z.iso.datetime(),
  owner: z.object({ host: z.string(), pid: z.number().int(), instance: z.string() }),
  /** Acronyms of the organisations the import creates. */
  organisations: z.array(z.string()),
  /** The new people it registers, by the names it writes. */
  people: z.array(z.object({ firstName: z.string(), lastName: z.string() })),
  /** Registry people it enrols (or whose marks it updates). */
  reused: z.array(ZId),
  /** Enrolments of the training it updates, with their marks before the import. */
  updated: z.array(z.object({ id: ZId, before: ZMarks })),
})
export type TImportJournal = z.infer<typeof ZImportJournal>
export type TImportPlan = Omit<TImportJournal, 'startedAt' | 'owner'>

/** Writes the journal of an import about to start; returns its key, to close it once everything is written. */
export async function openImportJournal(payload: Payload, plan: TImportPlan, now = new Date()): Promise<string> {
  const key = `${PREFIX}${randomUUID()}`
  await payload.kv.set(key, ZImportJournal.parse({ ...plan, startedAt: now.toISOString(), owner: HERE }))
  return key
}

/** Removes the journal of an import that is complete, or whose writes were taken back in-process. */
export async function closeImportJournal(payload: Payload, key: string): Promise<void> {
  await payload.kv.delete(key)
}

const processRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes back every abandoned import (its process gone, cms/rules/import-journal.ts): enrolments it created,
 * people and organisations it registered (found by name among the records created since it started), and the
 * marks it overwrote. Returns how many imports were undone; each is logged. Safe to run again after a crash of
 * its own: every step finds what is left.
 */
export async function recoverImports(payload: Payload, now = new Date()): Promise<number> {
  let undone = 0
  for (const key of (await payload.kv.keys()).filter((k) => k.startsWith(PREFIX))) {
    const parsed = ZImportJournal.safeParse(await payload.kv.get(key))
    if (!parsed.success) {
      payload.logger.error({ msg: `Journal d’import illisible (${key}) : supprimé sans rien défaire. Vérifiez les inscriptions récentes.`, err: parsed.error })
      await payload.kv.delete(key)
      continue
    }
    const journal = parsed.data
    if (!isImportAbandoned(journal, HERE, journal.owner.host === HERE.host && processRunning(journal.owner.pid), now)) continue
    let counts: Awaited<ReturnType<typeof undoImport>>
    try {
      counts = await undoImport(payload, journal)
    } catch (error) {
      // The journal stays: the next start tries again. The portal still starts, the problem is in its log.
      payload.logger.error({ err: error, msg: `Import interrompu de la formation ${journal.training} : la remise en état a échoué, elle sera retentée au prochain démarrage.` })
      continue
    }
    await payload.kv.delete(key)
    undone += 1
    payload.logger.warn(
      `Import interrompu de la formation ${journal.training} (commencé ${journal.startedAt} par le processus ${journal.owner.pid} sur ${journal.owner.host}) : défait au démarrage — ${counts.enrolments} inscription(s), ${counts.people} personne(s), ${counts.organisations} structure(s) supprimées, ${counts.restored} inscription(s) remises en l’état.`,
    )
  }
  return undone
}

async function undoImport(payload: Payload, journal: TImportJournal) {
  const since = { greater_than_equal: journal.startedAt }
  // The people it registered: its names among the records created since it started (its own, as the duplicate
  // check refuses a second person with the same name unless confirmed distinct). Matched here, not in SQL: a
  // condition per name would exceed SQLite's expression depth for a large file.
  const names = new Set(journal.people.map((p) => `${p.firstName}\u0000${p.lastName}`))
  const people = names.size
    ? (
        await payload.find({
          collection: 'participants',
          where: { createdAt: since },
          select: { firstName: true, lastName: true },
          limit: 0,
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs
        .filter((p) => names.has(`${p.firstName}\u0000${p.lastName}`))
        .map((p) => p.id)
    : []
  const participants = [...people, ...journal.reused]
  const enrolments = participants.length
    ? await payload.delete({
        collection: 'enrolments',
        where: { and: [{ training: { equals: journal.training } }, { createdAt: since }, { participant: { in: participants } }] },
        depth: 0,
        overrideAccess: true,
      })
    : { docs: [], errors: [] }
  for (const { id, before } of journal.updated) {
    await payload.update({ collection: 'enrolments', id, data: before, depth: 0, overrideAccess: true })
  }
  const removedPeople = people.length ? await payload.delete({ collection: 'participants', where: { id: { in: people } }, depth: 0, overrideAccess: true }) : { docs: [], errors: [] }
  const organisations = journal.organisations.length
    ? await payload.delete({ collection: 'organisations', where: { and: [{ createdAt: since }, { acronym: { in: journal.organisations } }] }, depth: 0, overrideAccess: true })
    : { docs: [], errors: [] }
  const failures = [...enrolments.errors, ...removedPeople.errors, ...organisations.errors]
  if (failures.length > 0) throw new Error(`Import interrompu de la formation ${journal.training} : ${failures.length} enregistrement(s) n’ont pas pu être supprimés (${failures.map((f) => f.message).join(' ; ')}).`)
  return { enrolments: enrolments.docs.length, people: removedPeople.docs.length, organisations: organisations.docs.length, restored: journal.updated.length }
}
