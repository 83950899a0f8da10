import type { Payload, TaskConfig } from 'payload'
import { env } from '../config/env.ts'
import { claimOnce } from '../offline/idempotency.ts'
import { civilDay } from '../rules/periods.ts'
import { DAILY_CHECKS } from './daily-checks.ts'

/**
 * The daily routine: once a day the jobs queue runs every check of DAILY_CHECKS (reminders, monthly alerts on the
 * first working day, backups, security checks…). Each check decides for itself whether today is its day (a pure
 * rule with `now` passed in) and runs at most once per civil day in Bamako, whatever the number of portal processes
 * and however often the routine is started: the day is claimed in the database before the check runs, and released
 * if it fails so that the next run tries again.
 */
export type TDailyCheck = {
  /** Stable name, part of the once-a-day key: renaming a check runs it again the same day. */
  name: string
  run: (payload: Payload, now: Date) => Promise<void>
}

export type TRoutineResult = { ran: string[]; skipped: string[]; failed: { name: string; error: string }[] }

/** Runs each check not yet run today; one failing check does not stop the others (its error is logged and returned). */
export async function runDailyChecks(payload: Payload, now: Date, checks: readonly TDailyCheck[] = DAILY_CHECKS): Promise<TRoutineResult> {
  const result: TRoutineResult = { ran: [], skipped: [], failed: [] }
  const day = civilDay(now)
  for (const check of checks) {
    try {
      const outcome = await claimOnce(payload, `routine:${check.name}:${day}`, null, () => check.run(payload, now))
      ;(outcome.replayed ? result.skipped : result.ran).push(check.name)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      payload.logger.error({ err: error }, `Routine quotidienne : la vérification « ${check.name} » a échoué (${message}) ; elle sera relancée au prochain passage.`)
      result.failed.push({ name: check.name, error: message })
    }
  }
  return result
}

/** Hour (Bamako = UTC, no daylight saving) at which the routine is queued; it is queued again every hour after, so a
 * portal started later in the day or a failed check still runs that day (the once-a-day claim makes repeats free). */
export const DAILY_ROUTINE_CRON = '0 0 * * * *'

export const dailyRoutineTask: TaskConfig<{ input: Record<string, never>; output: { ran: number; failed: number } }> = {
  slug: 'daily-routine',
  label: 'Routine quotidienne (rappels, alertes, sauvegardes, contrôles)',
  inputSchema: [],
  outputSchema: [
    { name: 'ran', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  schedule: env.DAILY_ROUTINE ? [{ cron: DAILY_ROUTINE_CRON, queue: 'daily' }] : [],
  handler: async ({ req }) => {
    const result = await runDailyChecks(req.payload, new Date())
    return { output: { ran: result.ran.length, failed: result.failed.length } }
  },
}
