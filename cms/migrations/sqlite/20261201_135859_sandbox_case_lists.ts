import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

// A sandbox case's attachments and flags move from array tables to JSON columns, like its forms: the case is read
// and written whole on every page and action, and each array table was a join at every read and a delete and
// re-insert of every row at every save (docs/sandbox.md, "Speed"). The rows are copied in order before the tables
// go; going down copies them back.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`sandbox_cases\` ADD \`attachments\` text;`)
  await db.run(sql`ALTER TABLE \`sandbox_cases\` ADD \`flags\` text;`)
  await db.run(sql`UPDATE sandbox_cases SET attachments = (
    SELECT json_group_array(json_object('attachmentId', attachment_id, 'fileName', file_name, 'mimeType', mime_type, 'size', size, 'kind', coalesce(kind, CASE WHEN mime_type = 'application/pdf' THEN 'document' ELSE 'photo' END), 'addedBy', coalesce(added_by, ''), 'addedAt', coalesce(added_at, '')))
    FROM (SELECT * FROM sandbox_cases_attachments a WHERE a._parent_id = sandbox_cases.id ORDER BY a._order)
  ) WHERE id IN (SELECT _parent_id FROM sandbox_cases_attachments);`)
  await db.run(sql`UPDATE sandbox_cases SET flags = (
    SELECT json_group_array(json_object('message', message, 'by', coalesce(by, ''), 'at', coalesce(at, ''), 'removed', json(CASE WHEN removed THEN 'true' ELSE 'false' END)))
    FROM (SELECT * FROM sandbox_cases_flags f WHERE f._parent_id = sandbox_cases.id ORDER BY f._order)
  ) WHERE id IN (SELECT _parent_id FROM sandbox_cases_flags);`)
  await db.run(sql`DROP TABLE \`sandbox_cases_attachments\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases_flags\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sandbox_cases_attachments\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`attachment_id\` text NOT NULL,
  	\`file_name\` text NOT NULL,
  	\`mime_type\` text NOT NULL,
  	\`size\` numeric NOT NULL,
  	\`kind\` text,
  	\`added_by\` text,
  	\`added_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sandbox_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_cases_attachments_order_idx\` ON \`sandbox_cases_attachments\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_cases_attachments_parent_id_idx\` ON \`sandbox_cases_attachments\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`sandbox_cases_flags\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`message\` text NOT NULL,
  	\`by\` text,
  	\`at\` text,
  	\`removed\` integer DEFAULT false,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sandbox_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_cases_flags_order_idx\` ON \`sandbox_cases_flags\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_cases_flags_parent_id_idx\` ON \`sandbox_cases_flags\` (\`_parent_id\`);`)
  await db.run(sql`INSERT INTO sandbox_cases_attachments (_order, _parent_id, id, attachment_id, file_name, mime_type, size, kind, added_by, added_at)
    SELECT CAST(j.key AS integer) + 1, c.id, lower(hex(randomblob(12))), j.value ->> 'attachmentId', j.value ->> 'fileName', j.value ->> 'mimeType', j.value ->> 'size', j.value ->> 'kind', j.value ->> 'addedBy', j.value ->> 'addedAt'
    FROM sandbox_cases c, json_each(c.attachments) j WHERE c.attachments IS NOT NULL;`)
  await db.run(sql`INSERT INTO sandbox_cases_flags (_order, _parent_id, id, message, by, at, removed)
    SELECT CAST(j.key AS integer) + 1, c.id, lower(hex(randomblob(12))), j.value ->> 'message', j.value ->> 'by', j.value ->> 'at', coalesce(j.value ->> 'removed', 0)
    FROM sandbox_cases c, json_each(c.flags) j WHERE c.flags IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`sandbox_cases\` DROP COLUMN \`attachments\`;`)
  await db.run(sql`ALTER TABLE \`sandbox_cases\` DROP COLUMN \`flags\`;`)
}
