// Builds both sides of the portal: Payload's admin (Next.js, cms/) and the public site (Astro, site/).
// `npm start` calls buildIfNeeded(), which skips the ~30 s build when the sources did not change.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const stampFile = path.join(root, 'dist', '.build-stamp')
const SKIP = new Set(['node_modules', '.next', 'dist', 'data', '.astro', '.tmp'])

/** Hash of everything a build depends on (sources, config, lock file); changes when a rebuild is needed. */
export function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(entry.name) || entry.name.endsWith('.test.ts')) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        hash.update(path.relative(root, full))
        hash.update(fs.readFileSync(full))
      }
    }
  }
  for (const dir of ['site', 'cms', 'public', 'content', 'training']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir))
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json']) hash.update(fs.readFileSync(path.join(root, file)))
  return hash.digest('hex')
}

/** Runs the full build and records the source hash it was made from. */
export function build(): void {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' }
  const run = (cmd: string, args: string[], cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit', env })
  console.log('Construction du portail (back-office Next.js puis site Astro)…')
  run(bin('payload'), ['generate:importmap'], path.join(root, 'cms'))
  run(bin('next'), ['build', 'cms'])
  run(bin('astro'), ['build'])
  fs.writeFileSync(stampFile, sourceHash())
}

/** Builds only when the sources changed since the last build (or nothing was built yet). */
export function buildIfNeeded(): void {
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : ''
  if (current === sourceHash() && fs.existsSync(path.join(root, 'cms', '.next', 'BUILD_ID'))) return
  build()
}

if (import.meta.main) build()
