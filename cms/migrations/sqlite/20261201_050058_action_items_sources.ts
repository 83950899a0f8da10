import { sql } from '@payloadcms/db-sqlite'
import type { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

// Action items for every source (docs in cms/rules/action-items.ts): a responsible person and organisation, a
// "carried over from" link, and one status vocabulary. The generated copy of the table is corrected by hand: the
// new columns start empty, and the old status "notDone" (Pas réalisé) becomes "toDo" (À faire); going down,
// "toDo" and "dropped" both become "notDone", the old vocabulary having nothing closer.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_action_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`activity\` text NOT NULL,
  	\`status\` text DEFAULT 'toDo' NOT NULL,
  	\`deadline\` text,
  	\`responsible_person_id\` integer,
  	\`responsible_organisation_id\` integer,
  	\`owner\` text,
  	\`comments\` text,
  	\`carried_over_from_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`responsible_person_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`responsible_organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`carried_over_from_id\`) REFERENCES \`action_items\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_action_items\`("id", "activity", "status", "deadline", "owner", "comments", "updated_at", "created_at") SELECT "id", "activity", CASE "status" WHEN 'notDone' THEN 'toDo' ELSE "status" END, "deadline", "owner", "comments", "updated_at", "created_at" FROM \`action_items\`;`)
  await db.run(sql`DROP TABLE \`action_items\`;`)
  await db.run(sql`ALTER TABLE \`__new_action_items\` RENAME TO \`action_items\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`action_items_deadline_idx\` ON \`action_items\` (\`deadline\`);`)
  await db.run(sql`CREATE INDEX \`action_items_responsible_person_idx\` ON \`action_items\` (\`responsible_person_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_responsible_organisation_idx\` ON \`action_items\` (\`responsible_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_carried_over_from_idx\` ON \`action_items\` (\`carried_over_from_id\`);`)
  await db.run(sql`CREATE INDEX \`action_items_updated_at_idx\` ON \`action_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`action_items_created_at_idx\` ON \`action_items\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_action_items\` (
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
  await db.run(sql`INSERT INTO \`__new_action_items\`("id", "activity", "status", "deadline", "owner", "comments", "updated_at", "created_at") SELECT "id", "activity", CASE "status" WHEN 'toDo' THEN 'notDone' WHEN 'dropped' THEN 'notDone' ELSE "status" END, "deadline", "owner", "comments", "updated_at", "created_at" FROM \`action_items\`;`)
  await db.run(sql`DROP TABLE \`action_items\`;`)
  await db.run(sql`ALTER TABLE \`__new_action_items\` RENAME TO \`action_items\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`action_items_updated_at_idx\` ON \`action_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`action_items_created_at_idx\` ON \`action_items\` (\`created_at\`);`)
}
