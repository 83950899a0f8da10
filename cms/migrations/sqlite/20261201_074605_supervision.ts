import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`competencies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version\` text,
  	\`title\` text,
  	\`framework\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`competencies_version_idx\` ON \`competencies\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`competencies_updated_at_idx\` ON \`competencies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`competencies_created_at_idx\` ON \`competencies\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`supervision_visits_steps_observed\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`supervision_visits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`supervision_visits_steps_observed_order_idx\` ON \`supervision_visits_steps_observed\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_steps_observed_parent_idx\` ON \`supervision_visits_steps_observed\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`supervision_visits_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`behaviour\` text NOT NULL,
  	\`rating\` text NOT NULL,
  	\`observation\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`supervision_visits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`supervision_visits_ratings_order_idx\` ON \`supervision_visits_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_ratings_parent_id_idx\` ON \`supervision_visits_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`supervision_visits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`person_id\` integer NOT NULL,
  	\`supervisor_id\` integer,
  	\`date\` text NOT NULL,
  	\`mode\` text DEFAULT 'onSite' NOT NULL,
  	\`strengths\` text,
  	\`gaps\` text,
  	\`next_follow_up\` text,
  	\`person_name\` text,
  	\`organisation_id\` integer,
  	\`region_id\` integer,
  	\`person_account_id\` integer,
  	\`framework_version\` text,
  	\`revision\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`participants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supervisor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`person_account_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`supervision_visits_person_idx\` ON \`supervision_visits\` (\`person_id\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_supervisor_idx\` ON \`supervision_visits\` (\`supervisor_id\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_date_idx\` ON \`supervision_visits\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_next_follow_up_idx\` ON \`supervision_visits\` (\`next_follow_up\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_person_name_idx\` ON \`supervision_visits\` (\`person_name\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_organisation_idx\` ON \`supervision_visits\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_region_idx\` ON \`supervision_visits\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_person_account_idx\` ON \`supervision_visits\` (\`person_account_id\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_framework_version_idx\` ON \`supervision_visits\` (\`framework_version\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_updated_at_idx\` ON \`supervision_visits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`supervision_visits_created_at_idx\` ON \`supervision_visits\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`action_items_rels\` ADD \`supervision_visits_id\` integer REFERENCES supervision_visits(id);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_supervision_visits_id_idx\` ON \`action_items_rels\` (\`supervision_visits_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`competencies_id\` integer REFERENCES competencies(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`supervision_visits_id\` integer REFERENCES supervision_visits(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_competencies_id_idx\` ON \`payload_locked_documents_rels\` (\`competencies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_supervision_visits_id_idx\` ON \`payload_locked_documents_rels\` (\`supervision_visits_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`competencies\`;`)
  await db.run(sql`DROP TABLE \`supervision_visits_steps_observed\`;`)
  await db.run(sql`DROP TABLE \`supervision_visits_ratings\`;`)
  await db.run(sql`DROP TABLE \`supervision_visits\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_action_items_rels\` (
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
  await db.run(sql`INSERT INTO \`__new_action_items_rels\`("id", "order", "parent_id", "path", "trainings_id", "users_id") SELECT "id", "order", "parent_id", "path", "trainings_id", "users_id" FROM \`action_items_rels\`;`)
  await db.run(sql`DROP TABLE \`action_items_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_action_items_rels\` RENAME TO \`action_items_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`action_items_rels_order_idx\` ON \`action_items_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_parent_idx\` ON \`action_items_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_path_idx\` ON \`action_items_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_trainings_id_idx\` ON \`action_items_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_users_id_idx\` ON \`action_items_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`resources_id\` integer,
  	\`news_id\` integer,
  	\`media_id\` integer,
  	\`consultation_comments_id\` integer,
  	\`modules_id\` integer,
  	\`videos_id\` integer,
  	\`module_progress_id\` integer,
  	\`quiz_attempts_id\` integer,
  	\`certificates_id\` integer,
  	\`trainings_id\` integer,
  	\`participants_id\` integer,
  	\`enrolments_id\` integer,
  	\`action_items_id\` integer,
  	\`users_id\` integer,
  	\`regions_id\` integer,
  	\`cercles_id\` integer,
  	\`organisations_id\` integer,
  	\`audit_log_id\` integer,
  	\`outbox_id\` integer,
  	\`auth_tokens_id\` integer,
  	\`idempotency_keys_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resources_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultation_comments_id\`) REFERENCES \`consultation_comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`module_progress_id\`) REFERENCES \`module_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`quiz_attempts_id\`) REFERENCES \`quiz_attempts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`certificates_id\`) REFERENCES \`certificates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`participants_id\`) REFERENCES \`participants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`enrolments_id\`) REFERENCES \`enrolments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`action_items_id\`) REFERENCES \`action_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cercles_id\`) REFERENCES \`cercles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`auth_tokens_id\`) REFERENCES \`auth_tokens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`idempotency_keys_id\`) REFERENCES \`idempotency_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "resources_id", "news_id", "media_id", "consultation_comments_id", "modules_id", "videos_id", "module_progress_id", "quiz_attempts_id", "certificates_id", "trainings_id", "participants_id", "enrolments_id", "action_items_id", "users_id", "regions_id", "cercles_id", "organisations_id", "audit_log_id", "outbox_id", "auth_tokens_id", "idempotency_keys_id") SELECT "id", "order", "parent_id", "path", "resources_id", "news_id", "media_id", "consultation_comments_id", "modules_id", "videos_id", "module_progress_id", "quiz_attempts_id", "certificates_id", "trainings_id", "participants_id", "enrolments_id", "action_items_id", "users_id", "regions_id", "cercles_id", "organisations_id", "audit_log_id", "outbox_id", "auth_tokens_id", "idempotency_keys_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resources_id_idx\` ON \`payload_locked_documents_rels\` (\`resources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultation_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`consultation_comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_modules_id_idx\` ON \`payload_locked_documents_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_module_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`module_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_quiz_attempts_id_idx\` ON \`payload_locked_documents_rels\` (\`quiz_attempts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_certificates_id_idx\` ON \`payload_locked_documents_rels\` (\`certificates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_trainings_id_idx\` ON \`payload_locked_documents_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_participants_id_idx\` ON \`payload_locked_documents_rels\` (\`participants_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_enrolments_id_idx\` ON \`payload_locked_documents_rels\` (\`enrolments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_action_items_id_idx\` ON \`payload_locked_documents_rels\` (\`action_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cercles_id_idx\` ON \`payload_locked_documents_rels\` (\`cercles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_auth_tokens_id_idx\` ON \`payload_locked_documents_rels\` (\`auth_tokens_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_idempotency_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`idempotency_keys_id\`);`)
}
