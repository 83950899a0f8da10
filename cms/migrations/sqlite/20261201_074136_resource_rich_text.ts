import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'
import { plainBodyToRichText, sectionBodyToMarkdown } from '../../rich-text/editor.ts'

// Section bodies of the toolkit documents become rich text (Lexical). The column stays `text` (no schema change);
// its content changes from plain text to a Lexical editor state in JSON, for the documents and their versions, in
// every locale, so an installed portal keeps its text and its "- " lists become real lists.
// Going down, each body becomes Markdown text again (lists as "- " lines, which the old page showed as such).

const TABLES = ['resources_sections', '_resources_v_version_sections'] as const

type TRow = { id: string | number; body: string | null }

export async function up({ db, payload }: MigrateUpArgs): Promise<void> {
  for (const table of TABLES) {
    const rows = await db.all<TRow>(sql`SELECT id, body FROM ${sql.identifier(table)}`)
    for (const row of rows) {
      const rich = await plainBodyToRichText(payload.config, row.body)
      if (rich) await db.run(sql`UPDATE ${sql.identifier(table)} SET body = ${JSON.stringify(rich)} WHERE id = ${row.id}`)
    }
  }
}

export async function down({ db, payload }: MigrateDownArgs): Promise<void> {
  for (const table of TABLES) {
    const rows = await db.all<TRow>(sql`SELECT id, body FROM ${sql.identifier(table)}`)
    for (const row of rows) {
      if (!row.body || !row.body.trim().startsWith('{')) continue
      const markdown = await sectionBodyToMarkdown(payload.config, JSON.parse(row.body))
      await db.run(sql`UPDATE ${sql.identifier(table)} SET body = ${markdown} WHERE id = ${row.id}`)
    }
  }
}
