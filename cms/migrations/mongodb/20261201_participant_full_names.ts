import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import { fullNameOf } from '../../rules/duplicates.ts'

// Data repair: people imported while a request-wide flag skipped the participants' hook (every new person of an
// import after the first) have no full name; it is derived here as the hook derives it (cms/rules/duplicates.ts).
// Going down leaves the names: they are right either way.
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const participants = payload.db.collections.participants!.collection
  const missing = await participants.find({ $or: [{ fullName: null }, { fullName: { $exists: false } }, { fullName: '' }] }, { session, projection: { firstName: 1, lastName: 1 } }).toArray()
  for (const person of missing) {
    await participants.updateOne({ _id: person._id }, { $set: { fullName: fullNameOf({ firstName: person.firstName as string, lastName: person.lastName as string }) } }, { session })
  }
}

export async function down(_: MigrateDownArgs): Promise<void> {}
