import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`trainings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text DEFAULT 'planned' NOT NULL,
  	\`start_date\` text NOT NULL,
  	\`end_date\` text NOT NULL,
  	\`venue\` text NOT NULL,
  	\`region_id\` integer NOT NULL,
  	\`cercle_id\` integer,
  	\`organiser_id\` integer NOT NULL,
  	\`funder_id\` integer,
  	\`objectives\` text,
  	\`expected_results\` text,
  	\`context\` text,
  	\`agenda\` text,
  	\`evaluation_notes\` text,
  	\`recommendations\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cercle_id\`) REFERENCES \`cercles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organiser_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`funder_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`trainings_start_date_idx\` ON \`trainings\` (\`start_date\`);`)
  await db.run(sql`CREATE INDEX \`trainings_region_idx\` ON \`trainings\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_cercle_idx\` ON \`trainings\` (\`cercle_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_organiser_idx\` ON \`trainings\` (\`organiser_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_funder_idx\` ON \`trainings\` (\`funder_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_updated_at_idx\` ON \`trainings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`trainings_created_at_idx\` ON \`trainings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`trainings_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`trainings_rels_order_idx\` ON \`trainings_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`trainings_rels_parent_idx\` ON \`trainings_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_rels_path_idx\` ON \`trainings_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`trainings_rels_users_id_idx\` ON \`trainings_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`participants\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`full_name\` text,
  	\`first_name\` text NOT NULL,
  	\`last_name\` text NOT NULL,
  	\`sex\` text NOT NULL,
  	\`function\` text NOT NULL,
  	\`organisation_id\` integer NOT NULL,
  	\`region_id\` integer NOT NULL,
  	\`phone\` text,
  	\`email\` text,
  	\`confirmed_distinct\` integer DEFAULT false,
  	\`registered_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`registered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`participants_full_name_idx\` ON \`participants\` (\`full_name\`);`)
  await db.run(sql`CREATE INDEX \`participants_last_name_idx\` ON \`participants\` (\`last_name\`);`)
  await db.run(sql`CREATE INDEX \`participants_organisation_idx\` ON \`participants\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`participants_region_idx\` ON \`participants\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`participants_registered_by_idx\` ON \`participants\` (\`registered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`participants_updated_at_idx\` ON \`participants\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`participants_created_at_idx\` ON \`participants\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`participants_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`participants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`participants_rels_order_idx\` ON \`participants_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`participants_rels_parent_idx\` ON \`participants_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`participants_rels_path_idx\` ON \`participants_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`participants_rels_users_id_idx\` ON \`participants_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`enrolments_attendance\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`status\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`enrolments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`enrolments_attendance_order_idx\` ON \`enrolments_attendance\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_attendance_parent_id_idx\` ON \`enrolments_attendance\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`enrolments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`training_id\` integer NOT NULL,
  	\`participant_id\` integer NOT NULL,
  	\`pre_test\` numeric,
  	\`post_test\` numeric,
  	\`evaluation_organisation\` numeric,
  	\`evaluation_content\` numeric,
  	\`evaluation_methods\` numeric,
  	\`evaluation_trainers\` numeric,
  	\`evaluation_usefulness\` numeric,
  	\`evaluation_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`training_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`participant_id\`) REFERENCES \`participants\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`enrolments_training_idx\` ON \`enrolments\` (\`training_id\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_participant_idx\` ON \`enrolments\` (\`participant_id\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_updated_at_idx\` ON \`enrolments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_created_at_idx\` ON \`enrolments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`enrolments_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`enrolments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`enrolments_rels_order_idx\` ON \`enrolments_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_rels_parent_idx\` ON \`enrolments_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_rels_path_idx\` ON \`enrolments_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`enrolments_rels_users_id_idx\` ON \`enrolments_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`action_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`activity\` text NOT NULL,
  	\`status\` text DEFAULT 'notDone' NOT NULL,
  	\`deadline\` text,
  	\`owner\` text,
  	\`comments\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`action_items_updated_at_idx\` ON \`action_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`action_items_created_at_idx\` ON \`action_items\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`action_items_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`trainings_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`action_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`action_items_rels_order_idx\` ON \`action_items_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_parent_idx\` ON \`action_items_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_path_idx\` ON \`action_items_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_trainings_id_idx\` ON \`action_items_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_users_id_idx\` ON \`action_items_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`trainings_id\` integer REFERENCES trainings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`participants_id\` integer REFERENCES participants(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`enrolments_id\` integer REFERENCES enrolments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`action_items_id\` integer REFERENCES action_items(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_trainings_id_idx\` ON \`payload_locked_documents_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_participants_id_idx\` ON \`payload_locked_documents_rels\` (\`participants_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_enrolments_id_idx\` ON \`payload_locked_documents_rels\` (\`enrolments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_action_items_id_idx\` ON \`payload_locked_documents_rels\` (\`action_items_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`trainings\`;`)
  await db.run(sql`DROP TABLE \`trainings_rels\`;`)
  await db.run(sql`DROP TABLE \`participants\`;`)
  await db.run(sql`DROP TABLE \`participants_rels\`;`)
  await db.run(sql`DROP TABLE \`enrolments_attendance\`;`)
  await db.run(sql`DROP TABLE \`enrolments\`;`)
  await db.run(sql`DROP TABLE \`enrolments_rels\`;`)
  await db.run(sql`DROP TABLE \`action_items\`;`)
  await db.run(sql`DROP TABLE \`action_items_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`resources_id\` integer,
  	\`news_id\` integer,
  	\`media_id\` integer,
  	\`consultation_comments_id\` integer,
  	\`users_id\` integer,
  	\`regions_id\` integer,
  	\`cercles_id\` integer,
  	\`organisations_id\` integer,
  	\`audit_log_id\` integer,
  	\`outbox_id\` integer,
  	\`auth_tokens_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resources_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultation_comments_id\`) REFERENCES \`consultation_comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cercles_id\`) REFERENCES \`cercles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`auth_tokens_id\`) REFERENCES \`auth_tokens\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "resources_id", "news_id", "media_id", "consultation_comments_id", "users_id", "regions_id", "cercles_id", "organisations_id", "audit_log_id", "outbox_id", "auth_tokens_id") SELECT "id", "order", "parent_id", "path", "resources_id", "news_id", "media_id", "consultation_comments_id", "users_id", "regions_id", "cercles_id", "organisations_id", "audit_log_id", "outbox_id", "auth_tokens_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resources_id_idx\` ON \`payload_locked_documents_rels\` (\`resources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultation_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`consultation_comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cercles_id_idx\` ON \`payload_locked_documents_rels\` (\`cercles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_auth_tokens_id_idx\` ON \`payload_locked_documents_rels\` (\`auth_tokens_id\`);`)
}
