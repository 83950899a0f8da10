import { sql } from '@payloadcms/db-sqlite'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'
import { fullNameOf } from '../../rules/duplicates.ts'

// Data repair: people imported while a request-wide flag skipped the participants' hook (every new person of an
// import after the first) have no full name; it is derived here as the hook derives it (cms/rules/duplicates.ts).
// No schema change. Going down leaves the names: they are right either way.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  const rows = (await db.all(sql`SELECT id, first_name, last_name FROM participants WHERE full_name IS NULL OR trim(full_name) = ''`)) as { id: number; first_name: string | null; last_name: string | null }[]
  for (const row of rows) {
    await db.run(sql`UPDATE participants SET full_name = ${fullNameOf({ firstName: row.first_name, lastName: row.last_name })} WHERE id = ${row.id}`)
  }
}

export async function down(_: MigrateDownArgs): Promise<void> {}
