import type { Payload } from 'payload'
import type { User } from '#cms/payload-types.ts'
import type { Role } from '#cms/rules/roles.ts'

let started: Promise<Payload> | undefined

/** The test file's Payload (migrations + seed with demo accounts), started once per file. */
export function testPortal(): Promise<Payload> {
  started ??= import('#cms/portal.ts').then(({ startPortal }) => startPortal())
  return started
}

/** Demo password used by the seed in tests. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Portail-2026!'

/** Loads a demo (or any) account by email, as the system. */
export async function accountByEmail(payload: Payload, email: string): Promise<User> {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, limit: 1, depth: 0 })
  if (!docs[0]) throw new Error(`No account ${email} in the test database: is the demo seed on?`)
  return docs[0]
}

/**
 * Whether an operation is allowed: true when it succeeds, false when the access rules refuse it — Forbidden, or
 * NotFound when a row-level rule hides the document; any other error is a real failure and is thrown.
 */
export async function allowed(operation: () => Promise<unknown>): Promise<boolean> {
  try {
    await operation()
    return true
  } catch (error) {
    if (error instanceof Error && /not allowed|Forbidden|NotFound|autorisé|not authorized/i.test(`${error.name} ${error.message}`)) return false
    throw error
  }
}

/** The demo account of each role (one role each), from the seed's own list. */
export async function demoEmailOf(role: Role): Promise<string> {
  const { DEMO_ACCOUNTS } = await import('#cms/seed/index.ts')
  const account = DEMO_ACCOUNTS.find((a) => a.roles.length === 1 && a.roles[0] === role)
  if (!account) throw new Error(`No demo account holds the single role ${role}.`)
  return account.email
}
