import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`sandbox_workspaces_members\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`member_id\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text NOT NULL,
  	\`user_id\` integer,
  	\`active\` integer DEFAULT true,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`sandbox_workspaces\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_members_order_idx\` ON \`sandbox_workspaces_members\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_members_parent_id_idx\` ON \`sandbox_workspaces_members\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_members_user_idx\` ON \`sandbox_workspaces_members\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`sandbox_workspaces\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`owner_id\` integer NOT NULL,
  	\`training_id\` integer,
  	\`organisation_code\` text NOT NULL,
  	\`scenarios\` text NOT NULL,
  	\`reset_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`training_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_owner_idx\` ON \`sandbox_workspaces\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_training_idx\` ON \`sandbox_workspaces\` (\`training_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_updated_at_idx\` ON \`sandbox_workspaces\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_workspaces_created_at_idx\` ON \`sandbox_workspaces\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`sandbox_cases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`workspace_id\` integer NOT NULL,
  	\`case_id\` text NOT NULL,
  	\`scenario\` text,
  	\`child_name\` text,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`stage\` text NOT NULL,
  	\`risk_level\` text,
  	\`consent_services\` integer DEFAULT false,
  	\`consent_sharing\` integer DEFAULT false,
  	\`owner\` text NOT NULL,
  	\`assigned\` text NOT NULL,
  	\`forms\` text NOT NULL,
  	\`opened_at\` text NOT NULL,
  	\`closed_at\` text,
  	\`reopened_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`workspace_id\`) REFERENCES \`sandbox_workspaces\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_cases_workspace_idx\` ON \`sandbox_cases\` (\`workspace_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_cases_case_id_idx\` ON \`sandbox_cases\` (\`case_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_cases_updated_at_idx\` ON \`sandbox_cases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_cases_created_at_idx\` ON \`sandbox_cases\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sandbox_transitions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`workspace_id\` integer NOT NULL,
  	\`case_id\` integer NOT NULL,
  	\`transition_id\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`approval_type\` text,
  	\`status\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text,
  	\`service\` text,
  	\`at\` text NOT NULL,
  	\`decided_at\` text,
  	\`decided_by\` text,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`workspace_id\`) REFERENCES \`sandbox_workspaces\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`case_id\`) REFERENCES \`sandbox_cases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_transitions_workspace_idx\` ON \`sandbox_transitions\` (\`workspace_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_transitions_case_idx\` ON \`sandbox_transitions\` (\`case_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_transitions_transition_id_idx\` ON \`sandbox_transitions\` (\`transition_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_transitions_to_idx\` ON \`sandbox_transitions\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_transitions_updated_at_idx\` ON \`sandbox_transitions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_transitions_created_at_idx\` ON \`sandbox_transitions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sandbox_history\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`workspace_id\` integer NOT NULL,
  	\`case_id\` integer,
  	\`member\` text NOT NULL,
  	\`member_name\` text,
  	\`user_id\` integer,
  	\`action\` text NOT NULL,
  	\`form\` text,
  	\`field\` text,
  	\`before\` text,
  	\`after\` text,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`workspace_id\`) REFERENCES \`sandbox_workspaces\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`case_id\`) REFERENCES \`sandbox_cases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`sandbox_history_workspace_idx\` ON \`sandbox_history\` (\`workspace_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_history_case_idx\` ON \`sandbox_history\` (\`case_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_history_user_idx\` ON \`sandbox_history\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_history_action_idx\` ON \`sandbox_history\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_history_updated_at_idx\` ON \`sandbox_history\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sandbox_history_created_at_idx\` ON \`sandbox_history\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sandbox_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`exercises_count_for_certificate\` integer DEFAULT false,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_workspaces_id\` integer REFERENCES sandbox_workspaces(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_cases_id\` integer REFERENCES sandbox_cases(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_transitions_id\` integer REFERENCES sandbox_transitions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_history_id\` integer REFERENCES sandbox_history(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_workspaces_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_workspaces_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_cases_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_cases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_transitions_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_transitions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_history_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_history_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`sandbox_workspaces_members\`;`)
  await db.run(sql`DROP TABLE \`sandbox_workspaces\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases_attachments\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases_flags\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases\`;`)
  await db.run(sql`DROP TABLE \`sandbox_transitions\`;`)
  await db.run(sql`DROP TABLE \`sandbox_history\`;`)
  await db.run(sql`DROP TABLE \`sandbox_settings\`;`)
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
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
