import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

// A sandbox history line says whether it is a person's first for its case, action and form: the dashboard reads
// only those lines to know which exercises are done (cms/sandbox/exercises.ts) instead of every save. Existing lines
// are marked the same way: the first of each person, case, action and form in each workspace.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`sandbox_history\` ADD \`completes_exercise\` integer DEFAULT false;`)
  await db.run(sql`UPDATE sandbox_history SET completes_exercise = 1 WHERE id IN (
    SELECT min(id) FROM sandbox_history WHERE user_id IS NOT NULL GROUP BY workspace_id, user_id, case_id, action, coalesce(form, '')
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`sandbox_history\` DROP COLUMN \`completes_exercise\`;`)
}
