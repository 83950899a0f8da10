import { getPayload, type Payload } from 'payload'
import { assertSafeForProduction, env } from './config/env.ts'
import { migrations } from './db.ts'
import { registerPayload } from './instance.ts'
import { markJobsReady } from './jobs/ready.ts'
import config from './payload.config.ts'
import { seed } from './seed/index.ts'
import { recoverImports } from './trainings/import-journal.ts'

/**
 * Starts the one Payload instance of this process: connect, apply pending migrations, undo imports a killed
 * process left unfinished (cms/trainings/import-journal.ts), run the idempotent seed,
 * then let the jobs queue run. The site and the admin both use the instance this returns (getPayload caches it).
 */
export async function startPortal(options: { seed?: boolean } = {}): Promise<Payload> {
  assertSafeForProduction(env)
  const payload = await getPayload({ config, cron: true })
  await payload.db.migrate({ migrations })
  // Spreadsheet imports left half-written by a killed process are taken back before anyone reads them.
  await recoverImports(payload)
  if (options.seed !== false) await seed(payload, { demo: env.seedDemo, demoPassword: env.DEMO_PASSWORD })
  markJobsReady()
  registerPayload(payload)
  return payload
}
