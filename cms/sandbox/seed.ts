import type { Payload } from 'payload'
import type { User } from '../payload-types.ts'
import { assignTrainee, createGroupWorkspace, openWorkspace } from './service.ts'

export const DEMO_WORKSPACE = 'Session de démonstration — bac à sable'
// Four scenarios keep the start of a fresh install (and of every test portal) short; a personal workspace gets all.
const DEMO_SCENARIOS = ['violence-domestique-bamako', 'mariage-precoce-segou', 'enfant-en-mobilite-gao', 'mendicite-talibe-bamako']

/**
 * With demo data, a group workspace run by the demo trainer with four scenario cases, the demo case manager and
 * supervisor in their accounts: the sandbox shows its cases on a fresh install. Idempotent (matched on its name
 * and trainer). Learners' personal workspaces are made on their first visit to /bac-a-sable.
 */
export async function seedSandbox(payload: Payload): Promise<number> {
  const byEmail = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as User | undefined
  const [trainer, manager, supervisor] = await Promise.all(['formateur@example.org', 'gestionnaire@example.org', 'superviseur@example.org'].map(byEmail))
  if (!trainer || !manager || !supervisor) return 0
  const existing = await payload.find({ collection: 'sandbox-workspaces', where: { and: [{ owner: { equals: trainer.id } }, { name: { equals: DEMO_WORKSPACE } }] }, limit: 1, depth: 0, overrideAccess: true })
  if (existing.docs[0]) return 0
  const ws = await createGroupWorkspace(payload, trainer, { name: DEMO_WORKSPACE, organisationCode: 'DNPEF', scenarios: DEMO_SCENARIOS }, new Date())
  await assignTrainee(payload, await openWorkspace(payload, trainer, ws.id), 'gestionnaire-1', manager)
  await assignTrainee(payload, await openWorkspace(payload, trainer, ws.id), 'superviseur-1', supervisor)
  return 1
}
