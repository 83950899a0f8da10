import type { Payload } from 'payload'

/** Health answer: 200 when the database answers a query, 503 otherwise (for load balancers and monitors). */
export async function healthz(payload: Payload | undefined, version: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const started = performance.now()
  try {
    if (!payload) throw new Error('Payload is not initialised yet')
    await payload.count({ collection: 'regions', overrideAccess: true })
    return { status: 200, body: { status: 'ok', database: 'ok', version, latencyMs: Math.round(performance.now() - started) } }
  } catch (error) {
    // The reason goes to the server log, not to the public answer (it may name files or hosts).
    console.error('healthz: database check failed:', error)
    return { status: 503, body: { status: 'error', database: 'unreachable', version } }
  }
}
