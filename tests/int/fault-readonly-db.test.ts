import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerUnwritableDatabase, errorAnswer } from '#cms/endpoints/errors.ts'
import { healthz } from '../../site/server/healthz.ts'
import { testPortal } from '../helpers/portal.ts'

// Fault test: the database file becomes read-only under a running portal. Permissions do not bind root (the test
// user here) nor a file already open, so the file and its write-ahead log are made immutable (`chattr +i`, ext4),
// which refuses every write to them, root's included, as a read-only or failing disk does. The shared-memory
// index (`-wal` beside `-shm`) is left alone: SQLite maps it in memory and the process could not even read.
// Expected: /healthz says 503 "read-only" with a French reason, a write fails with the portal's French 503 (no
// detail, no stack), reads go on, and everything works again once the file is writable, without a restart.
let payload: Payload
const file = process.env.DATABASE_URL!.replace(/^file:/, '')
const protectedFiles = [file, `${file}-wal`]
const immutable = (on: boolean) => execFileSync('chattr', [on ? '+i' : '-i', ...protectedFiles.filter((f) => fs.existsSync(f))])

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('This fault test makes the database file immutable with chattr: run it as root (as the test machine does).')
  payload = await testPortal()
}, 900_000)
afterAll(() => immutable(false))

describe('read-only database file', () => {
  it('reports it on /healthz, refuses writes in French, keeps reads, and recovers without a restart', async () => {
    expect(await healthz(payload, '1.0.0')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok', writable: true } })
    expect(fs.existsSync(`${file}-wal`)).toBe(true)

    immutable(true)
    const health = await healthz(payload, '1.0.0')
    expect(health).toMatchObject({ status: 503, body: { status: 'error', database: 'read-only', writable: false } })
    expect(health.body.reason).toMatch(/^La base de données refuse les écritures/)
    expect(JSON.stringify(health.body)).not.toMatch(/\/tmp|\.db|SQLITE/)

    // A write, as any form or endpoint makes one: the database refuses it, and the portal says so in French.
    const { queueEmail } = await import('#cms/email/adapter.ts')
    const error = await queueEmail(payload, { to: 'lecture-seule@example.org', subject: 'Essai', text: 'x' }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    const quiet = { error: () => {} } as unknown as Payload['logger']
    const answer = errorAnswer(error, { log: quiet })
    expect(answer.status).toBe(503)
    expect(answer.body.errors[0]).toMatchObject({ code: 'databaseUnwritable' })
    expect(answer.body.errors[0]!.message).toMatch(/^Enregistrement impossible pour le moment : la base de données du portail refuse les écritures/)
    expect(JSON.stringify(answer.body)).not.toMatch(/SQLITE|\/tmp|\.db|at .*\.(ts|js):\d+/)
    // Payload's own REST routes (/api/<collection>) answer the same French 503 through the afterError hook.
    const rest = await answerUnwritableDatabase({ error: error as Error, result: {}, req: {} as never, context: {}, collection: undefined } as never)
    expect(rest).toMatchObject({ status: 503, response: { errors: [{ code: 'databaseUnwritable' }] } })

    // Reads go on: the public pages stay available.
    expect((await payload.find({ collection: 'regions', limit: 1, overrideAccess: true })).docs).toHaveLength(1)

    // Writable again: the next health check and the next write succeed, without restarting the portal.
    immutable(false)
    expect(await healthz(payload, '1.0.0')).toMatchObject({ status: 200, body: { writable: true } })
    await queueEmail(payload, { to: 'lecture-seule@example.org', subject: 'Après la panne', text: 'x' })
    const kept = await payload.find({ collection: 'outbox', where: { to: { equals: 'lecture-seule@example.org' } }, overrideAccess: true })
    expect(kept.docs.map((d) => d.subject)).toEqual(['Après la panne'])
  })
})
