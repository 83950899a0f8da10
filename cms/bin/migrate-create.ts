// Creates a migration for the adapter DATABASE_URL selects, then makes the generated files loadable by plain
// Node 24 (type stripping): `.ts` extensions on relative imports and `import type` for types (docs/architecture.md, trap 3).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseDatabaseUrl } from '../config/database.ts'

const name = process.argv[2]
if (!name || !/^[a-z0-9-_]+$/.test(name)) {
  console.error('Usage: npm run migrate:create -- <name>   (lowercase letters, digits, - and _)')
  process.exit(1)
}
const root = path.resolve(import.meta.dirname, '..', '..')
const kind = parseDatabaseUrl(process.env.DATABASE_URL, root).kind
// Generate against a throw-away SQLite file: the schema diff comes from the committed snapshots, not the live data.
const envForCli = kind === 'sqlite' ? { ...process.env, DATABASE_URL: `file:${path.join(root, '.tmp', 'migrate-create.db')}` } : process.env
execFileSync(path.join(root, 'node_modules', '.bin', 'payload'), ['migrate:create', name], { cwd: path.join(root, 'cms'), stdio: 'inherit', env: envForCli })

const dir = path.join(root, 'cms', 'migrations', kind)
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
  const full = path.join(dir, file)
  const source = fs.readFileSync(full, 'utf8')
  const fixed = source
    .replace(/from '(\.\/[^']+?)(?<!\.ts)'/g, "from '$1.ts'")
    .replace(
      /^import \{ (MigrateUpArgs), (MigrateDownArgs), sql \} from '(@payloadcms\/db-[a-z]+)'$/m,
      "import { sql } from '$3'\nimport type { $1, $2 } from '$3'",
    )
    .replace(/^import \{ (MigrateUpArgs), (MigrateDownArgs) \} from '(@payloadcms\/db-[a-z]+)'$/m, "import type { $1, $2 } from '$3'")
  if (fixed !== source) fs.writeFileSync(full, fixed)
}
console.log(`Migration "${name}" created in cms/migrations/${kind}/ and patched for Node type stripping.`)
