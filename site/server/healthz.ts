import type { Payload } from 'payload'
import { isDatabaseUnwritable } from '#cms/endpoints/database-errors.ts'

/** The key /healthz rewrites on each call to prove the database still takes writes (Payload's key-value store). */
export const WRITE_PROBE_KEY = 'healthz:write-probe'

/**
 * Health answer for load balancers and monitors: 200 when the database answers a query and takes a write; 503
 * otherwise, saying which (`unreachable`, or `read-only` with a French reason: the portal still serves pages then,
 * but every save fails). The write is real — one small row rewritten — because a read-only or full disk lets
 * SQLite begin a write and only fails when it writes a page.
 */
export async function healthz(payload: Payload | undefined, version: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const started = performance.now()
  try {
    if (!payload) throw new Error('Payload is not initialised yet')
    await payload.count({ collection: 'regions', overrideAccess: true })
  } catch (error) {
    // The reason goes to the server log, not to the public answer (it may name files or hosts).
    console.error('healthz: database check failed:', error)
    return { status: 503, body: { status: 'error', database: 'unreachable', version } }
  }
  try {
    await payload.kv.set(WRITE_PROBE_KEY, { at: new Date().toISOString() })
  } catch (error) {
    console.error('healthz: the database refuses writes:', error)
    const reason = isDatabaseUnwritable(error)
      ? 'La base de données refuse les écritures (fichier ou disque en lecture seule, disque plein) : les pages restent consultables, mais rien ne peut être enregistré.'
      : 'L’écriture de contrôle dans la base de données a échoué : voir le journal du serveur.'
    return { status: 503, body: { status: 'error', database: 'read-only', writable: false, reason, version } }
  }
  return { status: 200, body: { status: 'ok', database: 'ok', writable: true, version, latencyMs: Math.round(performance.now() - started) } }
}
