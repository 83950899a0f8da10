import type { Config, TaskConfig, TaskHandler } from 'payload'
import { claimOnce } from '../offline/idempotency.ts'

// Payload's queue claims a job in two statements: it reads the pending jobs, then marks each one as processing.
// Two portal processes polling on the same tick (their crons fire on the same wall-clock seconds) can both read a
// job before either marks it, and both run it: two emails for one message, two reset links for one request. So
// every task's work is claimed once more, atomically, with a unique key per job in the shared database (claimOnce,
// cms/offline/idempotency.ts, the kit the daily routine and the offline queue use). See docs/operations.md.

/** The claim of one job: its id and creation time (SQLite may give a deleted job's id to the next one). */
export function jobClaimKey(job: { id: number | string; createdAt: string }): string {
  return `job:${job.id}:${job.createdAt}`
}

/**
 * The task, its handler run at most once per job across every process sharing the database. The process that loses
 * the claim runs nothing and throws: Payload records the attempt on the job and looks at it again after the task's
 * backoff, when the winner has completed it (nothing left to run) or failed (the claim is released with the
 * failure, so the retry runs). A job's work is never done twice at once, and never lost.
 */
export function runOncePerJob<T extends TaskConfig>(task: T): T {
  const handler = task.handler
  // A handler given as a file path is loaded by Payload itself; the portal's tasks are all functions.
  if (typeof handler !== 'function') throw new Error(`La tâche ${task.slug} doit avoir une fonction pour handler (cms/jobs/once.ts).`)
  const once: TaskHandler<never> = async (args) => {
    const outcome = await claimOnce(args.req.payload, jobClaimKey(args.job), null, () => Promise.resolve((handler as TaskHandler<never>)(args)))
    if (outcome.replayed) {
      throw new Error(`Tâche « ${task.slug} » (travail ${args.job.id}) déjà prise par un autre processus du portail : rien n’est fait ici, le travail sera revu après le délai de reprise.`)
    }
    return outcome.value
  }
  return { ...task, handler: once }
}

/** The configuration with every task of its jobs queue run once per job (applied to the portal's whole config). */
export function everyJobOnce(config: Config): Config {
  const tasks = config.jobs?.tasks
  if (!tasks) return config
  return { ...config, jobs: { ...config.jobs, tasks: tasks.map((task) => runOncePerJob(task)) } }
}
