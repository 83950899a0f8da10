import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import * as actionItemsStatuses from './20261201_action_items_statuses.ts'
import * as resourceRichText from './20261201_resource_rich_text.ts'
import * as participantFullNames from './20261201_participant_full_names.ts'
import * as sandboxCaseLists from './20261201_sandbox_case_lists.ts'
import * as sandboxExerciseMarks from './20261201_sandbox_exercise_marks.ts'

// MongoDB needs no schema migrations: collections and indexes are created by the adapter.
// Data migrations for MongoDB go here, created with `npm run migrate:create` while DATABASE_URL names MongoDB.
export const migrations: { name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateDownArgs) => Promise<void> }[] = [
  { name: '20261201_action_items_statuses', up: actionItemsStatuses.up, down: actionItemsStatuses.down },
  { name: '20261201_resource_rich_text', up: resourceRichText.up, down: resourceRichText.down },
  { name: '20261201_participant_full_names', up: participantFullNames.up, down: participantFullNames.down },
  { name: '20261201_sandbox_case_lists', up: sandboxCaseLists.up, down: sandboxCaseLists.down },
  { name: '20261201_sandbox_exercise_marks', up: sandboxExerciseMarks.up, down: sandboxExerciseMarks.down },
]
