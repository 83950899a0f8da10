let ready = false

/** Called once migrations are applied: the jobs queue must not poll tables that do not exist yet. */
export function markJobsReady(): void {
  ready = true
}

/** Whether the cron may run queued jobs in this process. */
export function jobsReady(): boolean {
  return ready
}
