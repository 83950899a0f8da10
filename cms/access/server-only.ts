import type { Access, CollectionConfig, FieldAccess } from 'payload'
import { nobody } from './index.ts'

// Records the server computes are written by the server only. Each one results from a named server operation
// that validates its input and writes with the server's authority (`overrideAccess: true`); no client — REST,
// admin, any role — may create or update them. The list is declared once here: collections use `serverOnly()`,
// and the tests read the list to try every role against every one of them (docs: README, "Accounts and
// security rules").

type TServerOnly = {
  /** The server operation that writes the records. */
  writtenBy: string
  /** The one client update allowed, if any (what, by whom); without it every client update is refused. */
  clientUpdate?: string
}

export const SERVER_ONLY_COLLECTIONS = {
  'module-progress': { writtenBy: 'recordPosition, submitQuiz (cms/self-training/progress.ts)' },
  'quiz-attempts': { writtenBy: 'submitQuiz (cms/self-training/progress.ts)' },
  certificates: {
    writtenBy: 'certificateFor (cms/self-training/progress.ts)',
    clientUpdate: 'revocation (revoked, revokedReason) by coordinators and admins; every other field is server-set',
  },
  'audit-log': { writtenBy: 'audit (cms/auth/audit.ts)' },
  outbox: { writtenBy: 'the email adapter (cms/email/adapter.ts) and the send-email job (cms/jobs/sendEmail.ts)' },
  'auth-tokens': { writtenBy: 'issueToken, consumeToken (cms/auth/tokens.ts)' },
  'idempotency-keys': { writtenBy: 'once (cms/offline/idempotency.ts)' },
  'dhis2-sends': { writtenBy: 'pushToDhis2 (cms/dhis2/exchange.ts)' },
  'case-aggregates': { writtenBy: 'importCaseExport (cms/imports/case-export.ts)' },
  'payload-locked-documents': {
    writtenBy: 'the admin’s edit view (Payload form state, written as the system)',
    clientUpdate: 'take over or release a lock, by people who may edit the locked document (cms/access/locks.ts)',
  },
  'support-screenshots': { writtenBy: 'submitSupportRequest (cms/support/requests.ts)' },
  'rate-limits': { writtenBy: 'takePoint (cms/rate-limits.ts)' },
  'sandbox-workspaces': { writtenBy: 'the sandbox operations (cms/sandbox/service.ts)' },
  'sandbox-cases': { writtenBy: 'the sandbox operations (cms/sandbox/service.ts)' },
  'sandbox-transitions': { writtenBy: 'the sandbox operations (cms/sandbox/service.ts)' },
  'sandbox-history': { writtenBy: 'the sandbox operations (cms/sandbox/service.ts)' },
  'indicator-snapshots': { writtenBy: 'lockQuarter (cms/indicators/lock.ts)' },
} as const satisfies Record<string, TServerOnly>

export type ServerOnlySlug = keyof typeof SERVER_ONLY_COLLECTIONS

/**
 * Access of a server-only collection: reads and deletes as given, create refused to every client, update
 * refused unless the declaration above names the one client update (then `update` says who).
 */
export function serverOnly(slug: ServerOnlySlug, access: { read: Access; delete: Access; update?: Access }): NonNullable<CollectionConfig['access']> {
  const declared: TServerOnly = SERVER_ONLY_COLLECTIONS[slug]
  if (access.update && !declared.clientUpdate) throw new Error(`${slug} is server-only: declare its client update in SERVER_ONLY_COLLECTIONS before allowing one.`)
  if (!access.update && declared.clientUpdate) throw new Error(`${slug} declares a client update (${declared.clientUpdate}) but gives no access function for it.`)
  return { read: access.read, delete: access.delete, create: nobody, update: access.update ?? nobody }
}

/** Field-level: a value the server sets (hooks, operations); ignored when a client sends it, on create and update. */
export const serverSetField: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }
