import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`trainings_programme\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`facilitators\` text,
  	\`modules\` text,
  	\`practised\` text,
  	\`opened_by\` text,
  	\`closed_by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`trainings_programme_order_idx\` ON \`trainings_programme\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`trainings_programme_parent_id_idx\` ON \`trainings_programme\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`trainings_photos\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` integer NOT NULL,
  	\`caption\` text NOT NULL,
  	\`on_cover\` integer DEFAULT false,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`report_images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`trainings_photos_order_idx\` ON \`trainings_photos\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`trainings_photos_parent_id_idx\` ON \`trainings_photos\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_photos_image_idx\` ON \`trainings_photos\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`dhis2_mappings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'indicator' NOT NULL,
  	\`indicator\` text,
  	\`disaggregation\` text,
  	\`data_element\` text,
  	\`category_option_combo\` text,
  	\`region_id\` integer,
  	\`org_unit\` text,
  	\`label\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`dhis2_mappings_region_idx\` ON \`dhis2_mappings\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`dhis2_mappings_updated_at_idx\` ON \`dhis2_mappings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`dhis2_mappings_created_at_idx\` ON \`dhis2_mappings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`dhis2_sends\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`period\` text NOT NULL,
  	\`values\` numeric NOT NULL,
  	\`imported\` numeric,
  	\`updated\` numeric,
  	\`sent_by_id\` integer,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`sent_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`dhis2_sends_period_idx\` ON \`dhis2_sends\` (\`period\`);`)
  await db.run(sql`CREATE INDEX \`dhis2_sends_sent_by_idx\` ON \`dhis2_sends\` (\`sent_by_id\`);`)
  await db.run(sql`CREATE INDEX \`dhis2_sends_updated_at_idx\` ON \`dhis2_sends\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`dhis2_sends_created_at_idx\` ON \`dhis2_sends\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`case_aggregates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`month\` text NOT NULL,
  	\`region\` text NOT NULL,
  	\`sex\` text NOT NULL,
  	\`age_group\` text NOT NULL,
  	\`dimension\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`imported_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`case_aggregates_month_idx\` ON \`case_aggregates\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`case_aggregates_region_idx\` ON \`case_aggregates\` (\`region\`);`)
  await db.run(sql`CREATE INDEX \`case_aggregates_updated_at_idx\` ON \`case_aggregates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`case_aggregates_created_at_idx\` ON \`case_aggregates\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`meetings_agenda\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_agenda_order_idx\` ON \`meetings_agenda\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_agenda_parent_id_idx\` ON \`meetings_agenda\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_attendance\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer,
  	\`name\` text,
  	\`organisation_id\` integer,
  	\`role\` text,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_attendance_order_idx\` ON \`meetings_attendance\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_attendance_parent_id_idx\` ON \`meetings_attendance\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_attendance_person_idx\` ON \`meetings_attendance\` (\`person_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_attendance_organisation_idx\` ON \`meetings_attendance\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_rsvps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer NOT NULL,
  	\`answer\` text NOT NULL,
  	\`answered_at\` text NOT NULL,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_rsvps_order_idx\` ON \`meetings_rsvps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rsvps_parent_id_idx\` ON \`meetings_rsvps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rsvps_person_idx\` ON \`meetings_rsvps\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`kind\` text DEFAULT 'quarterly' NOT NULL,
  	\`status\` text DEFAULT 'planned' NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	\`venue\` text,
  	\`online_link\` text,
  	\`organiser_id\` integer,
  	\`discussion\` text,
  	\`decisions\` text,
  	\`plan_review\` text,
  	\`ics_sequence\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organiser_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_status_idx\` ON \`meetings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`meetings_start_idx\` ON \`meetings\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`meetings_organiser_idx\` ON \`meetings\` (\`organiser_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_at_idx\` ON \`meetings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_created_at_idx\` ON \`meetings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`meetings_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_rels_order_idx\` ON \`meetings_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_parent_idx\` ON \`meetings_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_path_idx\` ON \`meetings_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_organisations_id_idx\` ON \`meetings_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_users_id_idx\` ON \`meetings_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_media_id_idx\` ON \`meetings_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`capacity_plan_items_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`by_id\` integer,
  	\`changes\` text,
  	\`snapshot\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`capacity_plan_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_history_order_idx\` ON \`capacity_plan_items_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_history_parent_id_idx\` ON \`capacity_plan_items_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_history_by_idx\` ON \`capacity_plan_items_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`capacity_plan_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`activity\` text NOT NULL,
  	\`target_group\` text,
  	\`region_id\` integer,
  	\`responsible\` text,
  	\`period\` text,
  	\`budget\` numeric,
  	\`funding_source\` text,
  	\`status\` text DEFAULT 'notDone' NOT NULL,
  	\`deadline\` text,
  	\`comments\` text,
  	\`visits\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_region_idx\` ON \`capacity_plan_items\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_updated_at_idx\` ON \`capacity_plan_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_created_at_idx\` ON \`capacity_plan_items\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`capacity_plan_items_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`trainings_id\` integer,
  	\`meetings_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`capacity_plan_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_rels_order_idx\` ON \`capacity_plan_items_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_rels_parent_idx\` ON \`capacity_plan_items_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_rels_path_idx\` ON \`capacity_plan_items_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_rels_trainings_id_idx\` ON \`capacity_plan_items_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`capacity_plan_items_rels_meetings_id_idx\` ON \`capacity_plan_items_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE TABLE \`report_images\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`report_images_updated_at_idx\` ON \`report_images\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`report_images_created_at_idx\` ON \`report_images\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`report_images_filename_idx\` ON \`report_images\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`report_images_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`report_images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`report_images_rels_order_idx\` ON \`report_images_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`report_images_rels_parent_idx\` ON \`report_images_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`report_images_rels_path_idx\` ON \`report_images_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`report_images_rels_users_id_idx\` ON \`report_images_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`support_requests_replies\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`message\` text NOT NULL,
  	\`sent_at\` text,
  	\`sent_by_id\` integer,
  	FOREIGN KEY (\`sent_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`support_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`support_requests_replies_order_idx\` ON \`support_requests_replies\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_replies_parent_id_idx\` ON \`support_requests_replies\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_replies_sent_by_idx\` ON \`support_requests_replies\` (\`sent_by_id\`);`)
  await db.run(sql`CREATE TABLE \`support_requests_internal_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`note\` text NOT NULL,
  	\`written_at\` text,
  	\`written_by_id\` integer,
  	FOREIGN KEY (\`written_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`support_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`support_requests_internal_notes_order_idx\` ON \`support_requests_internal_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_internal_notes_parent_id_idx\` ON \`support_requests_internal_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_internal_notes_written_by_idx\` ON \`support_requests_internal_notes\` (\`written_by_id\`);`)
  await db.run(sql`CREATE TABLE \`support_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`urgency\` text DEFAULT 'normal' NOT NULL,
  	\`description\` text NOT NULL,
  	\`screenshot_id\` integer,
  	\`page_url\` text,
  	\`browser\` text,
  	\`requester_id\` integer,
  	\`requester_name\` text,
  	\`requester_email\` text NOT NULL,
  	\`region_id\` integer,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`assignee_id\` integer,
  	\`first_answered_at\` text,
  	\`resolved_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`screenshot_id\`) REFERENCES \`support_screenshots\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requester_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`support_requests_reference_idx\` ON \`support_requests\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_screenshot_idx\` ON \`support_requests\` (\`screenshot_id\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_requester_idx\` ON \`support_requests\` (\`requester_id\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_region_idx\` ON \`support_requests\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_status_idx\` ON \`support_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_assignee_idx\` ON \`support_requests\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_updated_at_idx\` ON \`support_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`support_requests_created_at_idx\` ON \`support_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`support_screenshots\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`support_screenshots_updated_at_idx\` ON \`support_screenshots\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`support_screenshots_created_at_idx\` ON \`support_screenshots\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`support_screenshots_filename_idx\` ON \`support_screenshots\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`faq\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`source_request_id\` integer,
  	\`category\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`source_request_id\`) REFERENCES \`support_requests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`faq_source_request_idx\` ON \`faq\` (\`source_request_id\`);`)
  await db.run(sql`CREATE INDEX \`faq_updated_at_idx\` ON \`faq\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`faq_created_at_idx\` ON \`faq\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`faq__status_idx\` ON \`faq\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`faq_locales\` (
  	\`question\` text,
  	\`answer\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`faq_locales_locale_parent_id_unique\` ON \`faq_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_faq_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_source_request_id\` integer,
  	\`version_category\` text,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`faq\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_request_id\`) REFERENCES \`support_requests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_faq_v_parent_idx\` ON \`_faq_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_source_request_idx\` ON \`_faq_v\` (\`version_source_request_id\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_updated_at_idx\` ON \`_faq_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version_created_at_idx\` ON \`_faq_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_version_version__status_idx\` ON \`_faq_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_created_at_idx\` ON \`_faq_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_updated_at_idx\` ON \`_faq_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_snapshot_idx\` ON \`_faq_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_published_locale_idx\` ON \`_faq_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_faq_v_latest_idx\` ON \`_faq_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_faq_v_locales\` (
  	\`version_question\` text,
  	\`version_answer\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_faq_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_faq_v_locales_locale_parent_id_unique\` ON \`_faq_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`rate_limits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`rate_limits_key_idx\` ON \`rate_limits\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_at_idx\` ON \`rate_limits\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_updated_at_idx\` ON \`rate_limits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_created_at_idx\` ON \`rate_limits\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`cpims_mapping_sex_values\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cpims_mapping\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cpims_mapping_sex_values_order_idx\` ON \`cpims_mapping_sex_values\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cpims_mapping_sex_values_parent_id_idx\` ON \`cpims_mapping_sex_values\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`cpims_mapping_region_values\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cpims_mapping\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cpims_mapping_region_values_order_idx\` ON \`cpims_mapping_region_values\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cpims_mapping_region_values_parent_id_idx\` ON \`cpims_mapping_region_values\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`cpims_mapping_concern_values\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cpims_mapping\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cpims_mapping_concern_values_order_idx\` ON \`cpims_mapping_concern_values\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cpims_mapping_concern_values_parent_id_idx\` ON \`cpims_mapping_concern_values\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`cpims_mapping_service_values\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cpims_mapping\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cpims_mapping_service_values_order_idx\` ON \`cpims_mapping_service_values\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cpims_mapping_service_values_parent_id_idx\` ON \`cpims_mapping_service_values\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`cpims_mapping_status_values\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cpims_mapping\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cpims_mapping_status_values_order_idx\` ON \`cpims_mapping_status_values\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cpims_mapping_status_values_parent_id_idx\` ON \`cpims_mapping_status_values\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`cpims_mapping\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`columns_registration_date\` text DEFAULT 'registration_date' NOT NULL,
  	\`columns_region\` text DEFAULT 'location_current' NOT NULL,
  	\`columns_sex\` text DEFAULT 'sex' NOT NULL,
  	\`columns_age\` text DEFAULT 'age' NOT NULL,
  	\`columns_concerns\` text DEFAULT 'protection_concerns' NOT NULL,
  	\`columns_services\` text DEFAULT 'services_provided' NOT NULL,
  	\`columns_referrals\` text DEFAULT 'referrals' NOT NULL,
  	\`columns_status\` text DEFAULT 'status' NOT NULL,
  	\`separator\` text DEFAULT ';' NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`letterhead_lines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`letterhead\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`letterhead_lines_order_idx\` ON \`letterhead_lines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`letterhead_lines_parent_id_idx\` ON \`letterhead_lines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`letterhead\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`signatory_name\` text,
  	\`signatory_title\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`letterhead_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`report_images_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`letterhead\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_images_id\`) REFERENCES \`report_images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`letterhead_rels_order_idx\` ON \`letterhead_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`letterhead_rels_parent_idx\` ON \`letterhead_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`letterhead_rels_path_idx\` ON \`letterhead_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`letterhead_rels_report_images_id_idx\` ON \`letterhead_rels\` (\`report_images_id\`);`)
  await db.run(sql`CREATE TABLE \`sandbox_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`exercises_count_for_certificate\` integer DEFAULT false,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`trainings\` ADD \`specific_objectives\` text;`)
  await db.run(sql`ALTER TABLE \`trainings\` ADD \`methodology\` text;`)
  await db.run(sql`ALTER TABLE \`trainings\` ADD \`conclusion\` text;`)
  await db.run(sql`ALTER TABLE \`action_items_rels\` ADD \`supervision_visits_id\` integer REFERENCES supervision_visits(id);`)
  await db.run(sql`ALTER TABLE \`action_items_rels\` ADD \`meetings_id\` integer REFERENCES meetings(id);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_supervision_visits_id_idx\` ON \`action_items_rels\` (\`supervision_visits_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_rels_meetings_id_idx\` ON \`action_items_rels\` (\`meetings_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`on_duty\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`dhis2_mappings_id\` integer REFERENCES dhis2_mappings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`dhis2_sends_id\` integer REFERENCES dhis2_sends(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`case_aggregates_id\` integer REFERENCES case_aggregates(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`competencies_id\` integer REFERENCES competencies(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`supervision_visits_id\` integer REFERENCES supervision_visits(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`meetings_id\` integer REFERENCES meetings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`capacity_plan_items_id\` integer REFERENCES capacity_plan_items(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`report_images_id\` integer REFERENCES report_images(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`support_requests_id\` integer REFERENCES support_requests(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`support_screenshots_id\` integer REFERENCES support_screenshots(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`faq_id\` integer REFERENCES faq(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rate_limits_id\` integer REFERENCES rate_limits(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_workspaces_id\` integer REFERENCES sandbox_workspaces(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_cases_id\` integer REFERENCES sandbox_cases(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_transitions_id\` integer REFERENCES sandbox_transitions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sandbox_history_id\` integer REFERENCES sandbox_history(id);`)
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

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`trainings_programme\`;`)
  await db.run(sql`DROP TABLE \`trainings_photos\`;`)
  await db.run(sql`DROP TABLE \`dhis2_mappings\`;`)
  await db.run(sql`DROP TABLE \`dhis2_sends\`;`)
  await db.run(sql`DROP TABLE \`case_aggregates\`;`)
  await db.run(sql`DROP TABLE \`competencies\`;`)
  await db.run(sql`DROP TABLE \`supervision_visits_steps_observed\`;`)
  await db.run(sql`DROP TABLE \`supervision_visits_ratings\`;`)
  await db.run(sql`DROP TABLE \`supervision_visits\`;`)
  await db.run(sql`DROP TABLE \`meetings_agenda\`;`)
  await db.run(sql`DROP TABLE \`meetings_attendance\`;`)
  await db.run(sql`DROP TABLE \`meetings_rsvps\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`DROP TABLE \`meetings_rels\`;`)
  await db.run(sql`DROP TABLE \`capacity_plan_items_history\`;`)
  await db.run(sql`DROP TABLE \`capacity_plan_items\`;`)
  await db.run(sql`DROP TABLE \`capacity_plan_items_rels\`;`)
  await db.run(sql`DROP TABLE \`report_images\`;`)
  await db.run(sql`DROP TABLE \`report_images_rels\`;`)
  await db.run(sql`DROP TABLE \`support_requests_replies\`;`)
  await db.run(sql`DROP TABLE \`support_requests_internal_notes\`;`)
  await db.run(sql`DROP TABLE \`support_requests\`;`)
  await db.run(sql`DROP TABLE \`support_screenshots\`;`)
  await db.run(sql`DROP TABLE \`faq\`;`)
  await db.run(sql`DROP TABLE \`faq_locales\`;`)
  await db.run(sql`DROP TABLE \`_faq_v\`;`)
  await db.run(sql`DROP TABLE \`_faq_v_locales\`;`)
  await db.run(sql`DROP TABLE \`rate_limits\`;`)
  await db.run(sql`DROP TABLE \`sandbox_workspaces_members\`;`)
  await db.run(sql`DROP TABLE \`sandbox_workspaces\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases_attachments\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases_flags\`;`)
  await db.run(sql`DROP TABLE \`sandbox_cases\`;`)
  await db.run(sql`DROP TABLE \`sandbox_transitions\`;`)
  await db.run(sql`DROP TABLE \`sandbox_history\`;`)
  await db.run(sql`DROP TABLE \`cpims_mapping_sex_values\`;`)
  await db.run(sql`DROP TABLE \`cpims_mapping_region_values\`;`)
  await db.run(sql`DROP TABLE \`cpims_mapping_concern_values\`;`)
  await db.run(sql`DROP TABLE \`cpims_mapping_service_values\`;`)
  await db.run(sql`DROP TABLE \`cpims_mapping_status_values\`;`)
  await db.run(sql`DROP TABLE \`cpims_mapping\`;`)
  await db.run(sql`DROP TABLE \`letterhead_lines\`;`)
  await db.run(sql`DROP TABLE \`letterhead\`;`)
  await db.run(sql`DROP TABLE \`letterhead_rels\`;`)
  await db.run(sql`DROP TABLE \`sandbox_settings\`;`)
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
  await db.run(sql`ALTER TABLE \`trainings\` DROP COLUMN \`specific_objectives\`;`)
  await db.run(sql`ALTER TABLE \`trainings\` DROP COLUMN \`methodology\`;`)
  await db.run(sql`ALTER TABLE \`trainings\` DROP COLUMN \`conclusion\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`on_duty\`;`)
}
