import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`outbox_attachments\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`file_name\` text NOT NULL,
  	\`content_type\` text NOT NULL,
  	\`encoding\` text DEFAULT 'utf8' NOT NULL,
  	\`content\` text NOT NULL,
  	\`size\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`outbox_attachments_order_idx\` ON \`outbox_attachments\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`outbox_attachments_parent_id_idx\` ON \`outbox_attachments\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`pending_email\` text;`)
  await db.run(sql`ALTER TABLE \`outbox\` ADD \`sealed_secrets\` text;`)
  await db.run(sql`ALTER TABLE \`auth_tokens\` ADD \`subject\` text;`)
  await db.run(sql`CREATE INDEX \`auth_tokens_subject_idx\` ON \`auth_tokens\` (\`subject\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`outbox_attachments\`;`)
  await db.run(sql`DROP INDEX \`auth_tokens_subject_idx\`;`)
  await db.run(sql`ALTER TABLE \`auth_tokens\` DROP COLUMN \`subject\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`pending_email\`;`)
  await db.run(sql`ALTER TABLE \`outbox\` DROP COLUMN \`sealed_secrets\`;`)
}
