import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

// A sandbox case's attachments and flags become JSON fields (cms/collections/Sandbox/index.ts). MongoDB already
// keeps them inside the case document, in the same shape, so only the row ids that array fields added are removed.
// Going down, Payload gives array rows without an id a new one when the case is next saved.
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const cases = payload.db.collections['sandbox-cases']!.collection
  await cases.updateMany({ 'flags.id': { $exists: true } }, { $unset: { 'flags.$[].id': '' } }, { session })
  await cases.updateMany({ 'attachments.id': { $exists: true } }, { $unset: { 'attachments.$[].id': '' } }, { session })
}

export async function down(_: MigrateDownArgs): Promise<void> {}
