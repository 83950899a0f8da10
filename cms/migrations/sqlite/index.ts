import * as migration_20261125_152048_initial from './20261125_152048_initial.ts';

export const migrations = [
  {
    up: migration_20261125_152048_initial.up,
    down: migration_20261125_152048_initial.down,
    name: '20261125_152048_initial'
  },
];
