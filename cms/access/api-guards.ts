import { NotFound, type PayloadHandler, type SanitizedConfig, type Where } from 'payload'
import { refuseMalformedId } from '../fields/ids.ts'
import { nobody } from './index.ts'
import { restrictDocumentLocks } from './locks.ts'

/**
 * DELETE /api/payload-preferences/:key of a key the person does not have: Payload's SQL adapter, when nothing
 * matches a `where` on a relationship (`user`), retries with a query naming a join it did not make, and the
 * database error became a 500. Nothing to delete is a 404, answered before that query.
 */
function preferenceDeleteFindsFirst(handler: PayloadHandler): PayloadHandler {
  return async (req) => {
    if (req.user) {
      const where: Where = { and: [{ key: { equals: String(req.routeParams?.key ?? '') } }, { 'user.value': { equals: req.user.id } }, { 'user.relationTo': { equals: req.user.collection } }] }
      const { totalDocs } = await req.payload.count({ collection: 'payload-preferences', where, overrideAccess: true })
      if (totalDocs === 0) throw new NotFound(req.t)
    }
    return handler(req)
  }
}

/**
 * Payload's own `payload-migrations` collection comes without access rules, so any signed-in person could
 * read or write it through the Local API; migrations are applied by the server alone (overrideAccess).
 */
function closeMigrations(config: SanitizedConfig): void {
  const migrations = config.collections.find((c) => c.slug === 'payload-migrations')
  if (!migrations) throw new Error('payload-migrations is missing from the config: check cms/access/matrix.ts against the Payload version.')
  Object.assign(migrations.access, { create: nobody, read: nobody, update: nobody, delete: nobody })
}

/**
 * The jobs scheduler's global (`payload-jobs-stats`, added because the daily routine has a schedule) comes without
 * access rules, so any signed-in person could read or rewrite it; the scheduler writes it through the database
 * adapter, never through access-checked operations.
 */
function closeJobStats(config: SanitizedConfig): void {
  const stats = config.globals.find((g) => g.slug === 'payload-jobs-stats')
  if (!stats) throw new Error('payload-jobs-stats is missing from the config: a task with a schedule adds it; review cms/access/api-guards.ts.')
  Object.assign(stats.access, { read: nobody, update: nobody, readVersions: nobody, readDrafts: nobody })
}

/**
 * What every REST collection gets, Payload's own ones included (locks, preferences, jobs are added while Payload
 * sanitises the config, after plugins run, so this edits the sanitised config):
 * `export default guardApi(buildConfig({…}))`. The limits on queries are in cms/rules/api-limits.ts.
 */
export async function guardApi(built: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const config = await built
  for (const collection of config.collections) collection.hooks.beforeOperation = [refuseMalformedId, ...(collection.hooks.beforeOperation ?? [])]
  restrictDocumentLocks(config)
  closeMigrations(config)
  closeJobStats(config)
  const preferences = config.collections.find((c) => c.slug === 'payload-preferences')
  const remove = preferences && Array.isArray(preferences.endpoints) ? preferences.endpoints.find((e) => e.method === 'delete' && e.path === '/:key') : undefined
  if (!remove) throw new Error('Payload no longer defines DELETE /api/payload-preferences/:key: review cms/access/api-guards.ts.')
  remove.handler = preferenceDeleteFindsFirst(remove.handler)
  return config
}
