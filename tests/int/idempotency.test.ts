import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { idempotencyKeyOf, once } from '#cms/offline/idempotency.ts'
import { runDailyChecks } from '#cms/jobs/daily.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// "Send it once" on a real database: what the offline queue relies on when an item is sent again.
let payload: Payload
let trainer: User
let learner: User
beforeAll(async () => {
  payload = await testPortal()
  trainer = await accountByEmail(payload, 'formateur@example.org')
  learner = await accountByEmail(payload, 'apprenant@example.org')
})

describe('idempotency keys', () => {
  it('applies an item once: the same key again is a replay, another key or another person is not', async () => {
    const key = crypto.randomUUID()
    let applied = 0
    const apply = async () => ++applied
    expect(await once(payload, trainer.id, key, apply)).toEqual({ replayed: false, value: 1 })
    expect(await once(payload, trainer.id, key, apply)).toEqual({ replayed: true })
    expect(await once(payload, trainer.id, crypto.randomUUID(), apply)).toEqual({ replayed: false, value: 2 })
    // A key only matches the requests of the person who sent it.
    expect(await once(payload, learner.id, key, apply)).toEqual({ replayed: false, value: 3 })
    expect(applied).toBe(3)
  })

  it('applies two copies arriving together once', async () => {
    const key = crypto.randomUUID()
    let applied = 0
    const apply = async () => {
      applied += 1
      return applied
    }
    const outcomes = await Promise.all([once(payload, trainer.id, key, apply), once(payload, trainer.id, key, apply), once(payload, trainer.id, key, apply)])
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1)
    expect(applied).toBe(1)
  })

  it('releases the key when applying fails, so the item can be sent again', async () => {
    const key = crypto.randomUUID()
    await expect(once(payload, trainer.id, key, () => Promise.reject(new Error('base indisponible')))).rejects.toThrow('base indisponible')
    expect(await once(payload, trainer.id, key, async () => 'ok')).toEqual({ replayed: false, value: 'ok' })
  })

  it('runs without a key (a plain form post), every time', async () => {
    let applied = 0
    await once(payload, trainer.id, null, async () => ++applied)
    await once(payload, trainer.id, null, async () => ++applied)
    expect(applied).toBe(2)
  })

  it('reads the header: absent is fine, a UUID is the key, anything else is refused in French', () => {
    expect(idempotencyKeyOf(new Headers())).toEqual({ ok: true, key: null })
    const key = crypto.randomUUID()
    expect(idempotencyKeyOf(new Headers({ 'Idempotency-Key': key }))).toEqual({ ok: true, key })
    expect(idempotencyKeyOf(new Headers({ 'Idempotency-Key': '1; DROP TABLE' }))).toEqual({ ok: false, message: 'En-tête Idempotency-Key invalide : un UUID est attendu.' })
  })
})

describe('the daily routine', () => {
  const at = (iso: string) => new Date(iso)

  it('runs each check once per day in Bamako, again the next day, and reports a failing check without stopping the others', async () => {
    const calls: string[] = []
    let failing = true
    const name = `essai-${crypto.randomUUID()}`
    const checks = [
      { name: `${name}-a`, run: async (_: Payload, now: Date) => void calls.push(`a ${now.toISOString()}`) },
      {
        name: `${name}-b`,
        run: async () => {
          if (failing) throw new Error('SMTP indisponible')
          calls.push('b')
        },
      },
    ]
    const first = await runDailyChecks(payload, at('2026-03-02T07:00:00Z'), checks)
    expect(first.ran).toEqual([`${name}-a`])
    expect(first.failed).toEqual([{ name: `${name}-b`, error: 'SMTP indisponible' }])
    // Later the same day: a is not run again; b failed, so its day was released and it runs now.
    failing = false
    const second = await runDailyChecks(payload, at('2026-03-02T18:00:00Z'), checks)
    expect(second).toEqual({ ran: [`${name}-b`], skipped: [`${name}-a`], failed: [] })
    // 23:59 Bamako is still the same day; midnight is the next one.
    expect((await runDailyChecks(payload, at('2026-03-02T23:59:00Z'), checks)).ran).toEqual([])
    expect((await runDailyChecks(payload, at('2026-03-03T00:00:00Z'), checks)).ran).toEqual([`${name}-a`, `${name}-b`])
    expect(calls).toEqual(['a 2026-03-02T07:00:00.000Z', 'b', 'a 2026-03-03T00:00:00.000Z', 'b'])
  })

  it('runs a check once when two processes start the routine together', async () => {
    let runs = 0
    const checks = [{ name: `essai-${crypto.randomUUID()}`, run: async () => void (runs += 1) }]
    await Promise.all([1, 2, 3].map(() => runDailyChecks(payload, at('2026-04-01T07:00:00Z'), checks)))
    expect(runs).toBe(1)
  })

  it('keeps the scheduler’s own record closed to every signed-in person', async () => {
    const admin = await accountByEmail(payload, 'admin@example.org')
    for (const user of [learner, admin]) {
      expect(await allowed(() => payload.findGlobal({ slug: 'payload-jobs-stats', user, overrideAccess: false }))).toBe(false)
      expect(await allowed(() => payload.updateGlobal({ slug: 'payload-jobs-stats', data: { stats: {} }, user, overrideAccess: false }))).toBe(false)
    }
  })
})
