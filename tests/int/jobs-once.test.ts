import type { Payload, TaskConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { jobClaimKey, runOncePerJob } from '#cms/jobs/once.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// Two runners of the jobs queue at once (two portal processes on one tick, here two runs in one process): each
// job's work is done once. tests/e2e/two-processes.test.ts proves the same with two real processes and SMTP.
let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
})

/** A task whose handler counts its runs and can be made to wait or to fail. */
function countingTask(behaviour: { wait?: Promise<void>; fail?: boolean }) {
  const runs: string[] = []
  const task = runOncePerJob({
    slug: 'count',
    handler: async ({ job }: { job: { id: number | string } }) => {
      runs.push(String(job.id))
      await behaviour.wait
      if (behaviour.fail) throw new Error('serveur SMTP injoignable')
      return { output: {} }
    },
  } as unknown as TaskConfig)
  const run = (job: { id: number | string; createdAt: string }) => (task.handler as (args: unknown) => Promise<unknown>)({ job, req: { payload }, input: {} })
  return { runs, run }
}

describe('one run per job across runners', () => {
  it('runs a job claimed by two runners once; the other runner does nothing and says so', async () => {
    let release = () => {}
    const { runs, run } = countingTask({ wait: new Promise<void>((r) => (release = r)) })
    const job = { id: 900_001, createdAt: new Date().toISOString() }
    const first = run(job)
    const second = run(job)
    await expect(second).rejects.toThrow(/déjà prise par un autre processus/)
    release()
    await expect(first).resolves.toEqual({ output: {} })
    expect(runs).toEqual(['900001'])
    // Run again later (a runner that read the job before it was completed): still nothing done twice.
    await expect(run(job)).rejects.toThrow(/déjà prise/)
    expect(runs).toHaveLength(1)
  })

  it('lets a failed job be retried: the claim goes with the failure', async () => {
    const failing = countingTask({ fail: true })
    const job = { id: 900_002, createdAt: new Date().toISOString() }
    await expect(failing.run(job)).rejects.toThrow(/SMTP/)
    const working = countingTask({})
    await expect(working.run(job)).resolves.toEqual({ output: {} })
    expect([...failing.runs, ...working.runs]).toHaveLength(2)
  })

  it('tells apart a new job that reuses a deleted job’s id', async () => {
    const { runs, run } = countingTask({})
    await run({ id: 900_003, createdAt: '2026-03-01T10:00:00.000Z' })
    await run({ id: 900_003, createdAt: '2026-03-01T10:05:00.000Z' })
    expect(runs).toHaveLength(2)
    expect(jobClaimKey({ id: 3, createdAt: 'a' })).not.toBe(jobClaimKey({ id: 3, createdAt: 'b' }))
  })

  it('sends one reset link for one request when two runners pick up its job at once', async () => {
    const learner = await accountByEmail(payload, 'apprenant@example.org')
    const tokens = () => payload.count({ collection: 'auth-tokens', where: { user: { equals: learner.id } }, overrideAccess: true })
    const mails = () => payload.count({ collection: 'outbox', where: { to: { equals: learner.email } }, overrideAccess: true })
    const [tokensBefore, mailsBefore] = [(await tokens()).totalDocs, (await mails()).totalDocs]
    const { requestPasswordReset } = await import('#cms/auth/account.ts')
    await requestPasswordReset(payload, learner.email, '203.0.113.5')
    await Promise.all([payload.jobs.run({ queue: 'default', limit: 20 }), payload.jobs.run({ queue: 'default', limit: 20 })])
    // Later passes of the queue (the losing runner's retry included) change nothing.
    await new Promise((r) => setTimeout(r, 200))
    await payload.jobs.run({ queue: 'default', limit: 20 })
    expect((await tokens()).totalDocs - tokensBefore).toBe(1)
    expect((await mails()).totalDocs - mailsBefore).toBe(1)
  })
})
