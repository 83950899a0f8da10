import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`monthly_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`month\` text NOT NULL,
  	\`version\` numeric,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`summary\` text,
  	\`difficulties\` text,
  	\`planned_next_month\` text,
  	\`figures\` text,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`monthly_reports_month_idx\` ON \`monthly_reports\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`monthly_reports_version_idx\` ON \`monthly_reports\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`monthly_reports_submitted_by_idx\` ON \`monthly_reports\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`monthly_reports_updated_at_idx\` ON \`monthly_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`monthly_reports_created_at_idx\` ON \`monthly_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`indicator_snapshots\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`quarter\` text NOT NULL,
  	\`locked_at\` text NOT NULL,
  	\`locked_by_id\` integer NOT NULL,
  	\`meeting_id\` integer,
  	\`figures\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`locked_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meeting_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`indicator_snapshots_quarter_idx\` ON \`indicator_snapshots\` (\`quarter\`);`)
  await db.run(sql`CREATE INDEX \`indicator_snapshots_locked_by_idx\` ON \`indicator_snapshots\` (\`locked_by_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_snapshots_meeting_idx\` ON \`indicator_snapshots\` (\`meeting_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_snapshots_updated_at_idx\` ON \`indicator_snapshots\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicator_snapshots_created_at_idx\` ON \`indicator_snapshots\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`monthly_reports_id\` integer REFERENCES monthly_reports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`indicator_snapshots_id\` integer REFERENCES indicator_snapshots(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_monthly_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`monthly_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_snapshots_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`monthly_reports\`;`)
  await db.run(sql`DROP TABLE \`indicator_snapshots\`;`)
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
  	\`dhis2_mappings_id\` integer,
  	\`dhis2_sends_id\` integer,
  	\`case_aggregates_id\` integer,
  	\`competencies_id\` integer,
  	\`supervision_visits_id\` integer,
  	\`meetings_id\` integer,
  	\`capacity_plan_items_id\` integer,
  	\`report_images_id\` integer,
  	\`support_requests_id\` integer,
  	\`support_screenshots_id\` integer,
  	\`faq_id\` integer,
  	\`rate_limits_id\` integer,
  	\`sandbox_workspaces_id\` integer,
  	\`sandbox_cases_id\` integer,
  	\`sandbox_transitions_id\` integer,
  	\`sandbox_history_id\` integer,
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
  	FOREIGN KEY (\`idempotency_keys_id\`) REFERENCES \`idempotency_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`dhis2_mappings_id\`) REFERENCES \`dhis2_mappings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`dhis2_sends_id\`) REFERENCES \`dhis2_sends\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_aggregates_id\`) REFERENCES \`case_aggregates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`competencies_id\`) REFERENCES \`competencies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`supervision_visits_id\`) REFERENCES \`supervision_visits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`capacity_plan_items_id\`) REFERENCES \`capacity_plan_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_images_id\`) REFERENCES \`report_images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`support_requests_id\`) REFERENCES \`support_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`support_screenshots_id\`) REFERENCES \`support_screenshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faq_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_limits_id\`) REFERENCES \`rate_limits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sandbox_workspaces_id\`) REFERENCES \`sandbox_workspaces\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sandbox_cases_id\`) REFERENCES \`sandbox_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sandbox_transitions_id\`) REFERENCES \`sandbox_transitions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sandbox_history_id\`) REFERENCES \`sandbox_history\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "resources_id", "news_id", "media_id", "consultation_comments_id", "modules_id", "videos_id", "module_progress_id", "quiz_attempts_id", "certificates_id", "trainings_id", "participants_id", "enrolments_id", "action_items_id", "users_id", "regions_id", "cercles_id", "organisations_id", "audit_log_id", "outbox_id", "auth_tokens_id", "idempotency_keys_id", "dhis2_mappings_id", "dhis2_sends_id", "case_aggregates_id", "competencies_id", "supervision_visits_id", "meetings_id", "capacity_plan_items_id", "report_images_id", "support_requests_id", "support_screenshots_id", "faq_id", "rate_limits_id", "sandbox_workspaces_id", "sandbox_cases_id", "sandbox_transitions_id", "sandbox_history_id") SELECT "id", "order", "parent_id", "path", "resources_id", "news_id", "media_id", "consultation_comments_id", "modules_id", "videos_id", "module_progress_id", "quiz_attempts_id", "certificates_id", "trainings_id", "participants_id", "enrolments_id", "action_items_id", "users_id", "regions_id", "cercles_id", "organisations_id", "audit_log_id", "outbox_id", "auth_tokens_id", "idempotency_keys_id", "dhis2_mappings_id", "dhis2_sends_id", "case_aggregates_id", "competencies_id", "supervision_visits_id", "meetings_id", "capacity_plan_items_id", "report_images_id", "support_requests_id", "support_screenshots_id", "faq_id", "rate_limits_id", "sandbox_workspaces_id", "sandbox_cases_id", "sandbox_transitions_id", "sandbox_history_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_dhis2_mappings_id_idx\` ON \`payload_locked_documents_rels\` (\`dhis2_mappings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_dhis2_sends_id_idx\` ON \`payload_locked_documents_rels\` (\`dhis2_sends_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_aggregates_id_idx\` ON \`payload_locked_documents_rels\` (\`case_aggregates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_competencies_id_idx\` ON \`payload_locked_documents_rels\` (\`competencies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_supervision_visits_id_idx\` ON \`payload_locked_documents_rels\` (\`supervision_visits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_capacity_plan_items_id_idx\` ON \`payload_locked_documents_rels\` (\`capacity_plan_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_images_id_idx\` ON \`payload_locked_documents_rels\` (\`report_images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_support_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`support_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_support_screenshots_id_idx\` ON \`payload_locked_documents_rels\` (\`support_screenshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_faq_id_idx\` ON \`payload_locked_documents_rels\` (\`faq_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_limits_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_workspaces_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_workspaces_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_cases_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_cases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_transitions_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_transitions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sandbox_history_id_idx\` ON \`payload_locked_documents_rels\` (\`sandbox_history_id\`);`)
}
