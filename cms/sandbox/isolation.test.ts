import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Sandbox records never feed the real portal: only the sandbox's own code names its collections. A statistic,
// report, export or search that started reading them would fail here (docs/sandbox.md, "Safety").

const root = path.resolve(import.meta.dirname, '../..')
const ALLOWED = [
  'cms/sandbox/',
  'cms/collections/Sandbox/',
  'cms/access/matrix.ts',
  'cms/access/server-only.ts',
  'cms/payload.config.ts',
  // The back-office menu declares who sees the sandbox settings, like the access matrix declares who reads them.
  'cms/rules/menus.ts',
  'cms/payload-types.ts',
  'cms/migrations/',
  'site/pages/bac-a-sable/',
  'site/lib/sandbox.ts',
  'tests/',
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) return []
    return statSync(full).isDirectory() ? files(full) : /\.(ts|astro)$/.test(name) ? [full] : []
  })
}

describe('sandbox isolation', () => {
  it('names the sandbox collections only in the sandbox code, its declarations and tests', () => {
    const offenders = [...files(path.join(root, 'cms')), ...files(path.join(root, 'site'))]
      .map((f) => path.relative(root, f))
      .filter((f) => !ALLOWED.some((a) => f.startsWith(a)))
      .filter((f) => /['"]sandbox-(workspaces|cases|transitions|history|settings)['"]/.test(readFileSync(path.join(root, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
