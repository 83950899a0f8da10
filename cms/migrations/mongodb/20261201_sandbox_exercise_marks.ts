import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

// A sandbox history line says whether it may complete an exercise (cms/sandbox/exercises.ts reads only those).
// Existing lines of a person are all marked: the dashboard reads them as before, and new lines are marked by the
// server, only the first of each person, case, action and form.
export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const history = payload.db.collections['sandbox-history']!.collection
  await history.updateMany({ user: { $ne: null }, completesExercise: { $exists: false } }, { $set: { completesExercise: true } }, { session })
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  await payload.db.collections['sandbox-history']!.collection.updateMany({}, { $unset: { completesExercise: '' } }, { session })
}
