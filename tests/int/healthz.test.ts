import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { healthz } from '../../site/server/healthz.ts'
import { testPortal } from '../helpers/portal.ts'

let payload: Payload
// Started before the test, not inside it: a boot on a busy machine takes longer than one test may.
beforeAll(async () => {
  payload = await testPortal()
}, 600_000)

describe('/healthz', () => {
  it('reports the database reachable and writable, then 503 once the connection is gone', async () => {
    expect(await healthz(payload, '1.2.3')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok', writable: true, version: '1.2.3' } })
    await payload.db.destroy?.()
    const down = await healthz(payload, '1.2.3')
    expect(down).toMatchObject({ status: 503, body: { status: 'error', database: 'unreachable', version: '1.2.3' } })
    expect(JSON.stringify(down.body)).not.toMatch(/\/tmp|\.db/)
  })
})
