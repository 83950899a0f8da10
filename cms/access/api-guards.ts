import type { SanitizedConfig } from 'payload'
import { refuseMalformedId } from '../fields/ids.ts'
import { restrictDocumentLocks } from './locks.ts'

/**
 * What every REST collection gets, Payload's own ones included (locks, preferences, jobs are added while Payload
 * sanitises the config, after plugins run, so this edits the sanitised config):
 * `export default guardApi(buildConfig({…}))`. The limits on queries are in cms/rules/api-limits.ts.
 */
export async function guardApi(built: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const config = await built
  for (const collection of config.collections) collection.hooks.beforeOperation = [refuseMalformedId, ...(collection.hooks.beforeOperation ?? [])]
  restrictDocumentLocks(config)
  return config
}
