import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

// One status vocabulary for action items (cms/rules/action-items.ts): "notDone" (Pas réalisé) becomes "toDo"
// (À faire). The new fields (responsible person and organisation, carried over from) need nothing in MongoDB.
// Going down, "toDo" and "dropped" both become "notDone", the old vocabulary having nothing closer.
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  await payload.db.collections['action-items']!.collection.updateMany({ status: 'notDone' }, { $set: { status: 'toDo' } }, { session })
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  await payload.db.collections['action-items']!.collection.updateMany({ status: { $in: ['toDo', 'dropped'] } }, { $set: { status: 'notDone' } }, { session })
}
