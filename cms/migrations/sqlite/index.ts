import * as migration_20261125_152048_initial from './20261125_152048_initial.ts';
import * as migration_20261125_155225_resource_centre from './20261125_155225_resource_centre.ts';
import * as migration_20261125_161103_home_page from './20261125_161103_home_page.ts';
import * as migration_20261125_162803_trainings from './20261125_162803_trainings.ts';
import * as migration_20261125_164246_self_training from './20261125_164246_self_training.ts';
import * as migration_20261201_050058_action_items_sources from './20261201_050058_action_items_sources.ts';
import * as migration_20261201_052711_idempotency_keys from './20261201_052711_idempotency_keys.ts';
import * as migration_20261201_061742_accounts_outbox_tokens from './20261201_061742_accounts_outbox_tokens.ts';
import * as migration_20261201_073337_daily_routine from './20261201_073337_daily_routine.ts';
import * as migration_20261201_074136_resource_rich_text from './20261201_074136_resource_rich_text.ts';
import * as migration_20261201_080000_participant_full_names from './20261201_080000_participant_full_names.ts';
import * as migration_20261201_091931_capabilities from './20261201_091931_capabilities.ts';
import * as migration_20261201_120423_reports_indicators from './20261201_120423_reports_indicators.ts';
import * as migration_20261201_135859_sandbox_case_lists from './20261201_135859_sandbox_case_lists.ts';
import * as migration_20261201_214243_sandbox_exercise_marks from './20261201_214243_sandbox_exercise_marks.ts';

export const migrations = [
  {
    up: migration_20261125_152048_initial.up,
    down: migration_20261125_152048_initial.down,
    name: '20261125_152048_initial',
  },
  {
    up: migration_20261125_155225_resource_centre.up,
    down: migration_20261125_155225_resource_centre.down,
    name: '20261125_155225_resource_centre',
  },
  {
    up: migration_20261125_161103_home_page.up,
    down: migration_20261125_161103_home_page.down,
    name: '20261125_161103_home_page',
  },
  {
    up: migration_20261125_162803_trainings.up,
    down: migration_20261125_162803_trainings.down,
    name: '20261125_162803_trainings',
  },
  {
    up: migration_20261125_164246_self_training.up,
    down: migration_20261125_164246_self_training.down,
    name: '20261125_164246_self_training',
  },
  {
    up: migration_20261201_050058_action_items_sources.up,
    down: migration_20261201_050058_action_items_sources.down,
    name: '20261201_050058_action_items_sources',
  },
  {
    up: migration_20261201_052711_idempotency_keys.up,
    down: migration_20261201_052711_idempotency_keys.down,
    name: '20261201_052711_idempotency_keys',
  },
  {
    up: migration_20261201_061742_accounts_outbox_tokens.up,
    down: migration_20261201_061742_accounts_outbox_tokens.down,
    name: '20261201_061742_accounts_outbox_tokens',
  },
  {
    up: migration_20261201_073337_daily_routine.up,
    down: migration_20261201_073337_daily_routine.down,
    name: '20261201_073337_daily_routine',
  },
  {
    up: migration_20261201_074136_resource_rich_text.up,
    down: migration_20261201_074136_resource_rich_text.down,
    name: '20261201_074136_resource_rich_text',
  },
  {
    up: migration_20261201_080000_participant_full_names.up,
    down: migration_20261201_080000_participant_full_names.down,
    name: '20261201_080000_participant_full_names',
  },
  {
    up: migration_20261201_091931_capabilities.up,
    down: migration_20261201_091931_capabilities.down,
    name: '20261201_091931_capabilities',
  },
  {
    up: migration_20261201_120423_reports_indicators.up,
    down: migration_20261201_120423_reports_indicators.down,
    name: '20261201_120423_reports_indicators',
  },
  {
    up: migration_20261201_135859_sandbox_case_lists.up,
    down: migration_20261201_135859_sandbox_case_lists.down,
    name: '20261201_135859_sandbox_case_lists',
  },
  {
    up: migration_20261201_214243_sandbox_exercise_marks.up,
    down: migration_20261201_214243_sandbox_exercise_marks.down,
    name: '20261201_214243_sandbox_exercise_marks'
  },
];
