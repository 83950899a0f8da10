// Which unfinished spreadsheet imports are abandoned (their process is gone) and must be undone at start-up.
// docs/operations.md "Import interrupted by a crash" describes the journal this rule reads.

/** The process that runs an import: machine name, process id, and a random id drawn once per process start. */
export type TImportOwner = { host: string; pid: number; instance: string }

/**
 * Beyond this age an unfinished import is abandoned whatever its owner looks like: an import of the largest file
 * allowed (2,000 rows) takes minutes, not an hour.
 */
export const IMPORT_ABANDONED_AFTER_MS = 60 * 60 * 1000

/**
 * Whether an unfinished import was abandoned by its process (killed, crashed, machine restarted), so that its
 * writes must be taken back. On the same machine the owner's process id tells: not running, or running as this
 * very process (the id was reused after a restart), means abandoned. An import of another machine, or whose id a
 * foreign program now holds, is left to run until it is an hour old.
 */
export function isImportAbandoned(
  journal: { owner: TImportOwner; startedAt: string },
  here: TImportOwner,
  ownerProcessRunning: boolean,
  now: Date,
): boolean {
  if (journal.owner.instance === here.instance) return false
  const age = now.getTime() - new Date(journal.startedAt).getTime()
  if (!(age < IMPORT_ABANDONED_AFTER_MS)) return true
  if (journal.owner.host !== here.host) return false
  return journal.owner.pid === here.pid || !ownerProcessRunning
}
