import { describe, expect, it } from 'vitest'
import { healthz } from '../../site/server/healthz.ts'
import { testPortal } from '../helpers/portal.ts'

describe('/healthz', () => {
  it('reports the database reachable, then 503 once the connection is gone', async () => {
    const payload = await testPortal()
    expect(await healthz(payload, '1.2.3')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok', version: '1.2.3' } })
    await payload.db.destroy?.()
    const down = await healthz(payload, '1.2.3')
    expect(down).toMatchObject({ status: 503, body: { status: 'error', database: 'unreachable', version: '1.2.3' } })
    expect(JSON.stringify(down.body)).not.toMatch(/\/tmp|\.db/)
  })
})
