// `npm test`: lint and typecheck, every suite (unit, integration, browser), then one closing line
// `tests: N passed, N failed`. `npm test -- unit int` runs only the named suites.
// Builds the portal first when the sources changed (the browser tests run against the built portal), and installs
// Debian's Chromium when it is missing and we are root on Debian.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildIfNeeded } from '../site/server/build.ts'
import { CHROMIUM_PATH } from './helpers/browser.ts'

const root = path.resolve(import.meta.dirname, '..')
const resultsDir = path.join(root, '.tmp', 'test-results')
fs.rmSync(resultsDir, { recursive: true, force: true })
fs.mkdirSync(resultsDir, { recursive: true })

/** Debian packages the tests use: Chromium (browser tests) and ffmpeg (the video tooling's tests). */
function ensureSystemTools(): void {
  const missing = [
    ['chromium', fs.existsSync(CHROMIUM_PATH)],
    ['ffmpeg', fs.existsSync('/usr/bin/ffmpeg')],
  ].flatMap(([name, present]) => (present ? [] : [name as string]))
  if (missing.length === 0) return
  const isRootOnDebian = process.getuid?.() === 0 && fs.existsSync('/etc/debian_version')
  if (!isRootOnDebian) {
    console.error(`Missing for the tests: ${missing.join(', ')}. Install with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`)
    process.exit(1)
  }
  console.log(`Installing ${missing.join(', ')} (Debian) for the tests…`)
  execFileSync('apt-get', ['update'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

const only = process.argv.slice(2)
const projects = only.length > 0 ? only : ['unit', 'int', 'e2e']
ensureSystemTools()
if (projects.includes('e2e')) buildIfNeeded()

// Static checks first: a type or lint error fails the run like a failing test.
if (only.length === 0) {
  for (const script of ['lint', 'typecheck']) {
    const check = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', env: process.env })
    if (check.status !== 0) {
      console.error(`npm run ${script} failed: fix it before the tests run.`)
      console.log('tests: 0 passed, 1 failed')
      process.exit(1)
    }
  }
}

type Report = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[]
}

// How long each suite may run before it is stopped and counted as failed: about three times a normal run on two
// cores, so that a test stuck for good (a hook waiting on a process that never answers, a loop that never yields)
// fails with its name in the log well inside CI's 90 minutes instead of the run ending on CI's own limit, unexplained.
const DEADLINE_MINUTES: Record<string, number> = { unit: 5, int: 20, e2e: 40 }

/** Runs one suite; past its deadline, stops it (its whole process group) and says what was still running. */
async function runSuite(project: string, output: string): Promise<{ status: number | null; stuck: string[] | null }> {
  const progress = path.join(resultsDir, `${project}.running`)
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'vitest'),
    ['run', '--config', 'tests/vitest.config.ts', '--project', project, '--reporter=default', '--reporter=json', '--reporter=./tests/helpers/progress-reporter.ts', `--outputFile.json=${output}`],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TEST_PROGRESS_FILE: progress }, detached: true },
  )
  const minutes = DEADLINE_MINUTES[project] ?? 30
  // What was running when the deadline stopped the suite; null when it ended by itself.
  let stuck: string[] | null = null
  const deadline = setTimeout(() => {
    const running = fs.existsSync(progress) ? fs.readFileSync(progress, 'utf8').split('\n').filter(Boolean) : []
    console.error(`The ${project} suite did not finish within ${minutes} minutes: stopped. Still running:\n${running.map((s) => `  ${s}`).join('\n') || '  (nothing reported)'}`)
    stuck = running
    process.kill(-child.pid!, 'SIGKILL')
  }, minutes * 60_000)
  // The suite runs in its own process group (so that the deadline can stop all of it): a Ctrl-C or a CI's SIGTERM
  // sent to `npm test` is passed on to that group, or the suite would go on running after the runner had ended.
  const passOn = (signal: NodeJS.Signals) => {
    process.kill(-child.pid!, signal)
    process.exit(1)
  }
  process.once('SIGINT', passOn).once('SIGTERM', passOn)
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(deadline)
  process.off('SIGINT', passOn).off('SIGTERM', passOn)
  return { status, stuck }
}

let passed = 0
let failed = 0
let exitCode = 0
// Listed again just above the totals, so that a failure deep in a long log is named in its last lines.
const failures: string[] = []
for (const project of projects) {
  const output = path.join(resultsDir, `${project}.json`)
  const run = await runSuite(project, output)
  if (run.stuck) {
    const what = run.stuck.length > 0 ? run.stuck : ['(no test reported as running)']
    for (const line of what) failures.push(`${project} ${line}\n    still running at the suite's deadline`)
    failed += what.length
    continue
  }
  if (run.status !== 0) exitCode = 1
  if (!fs.existsSync(output)) {
    console.error(`The ${project} suite produced no results (exit ${run.status}).`)
    failed += 1
    continue
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Report
  for (const file of report.testResults) {
    for (const test of file.assertionResults.filter((result) => result.status === 'failed')) {
      const reason = (test.failureMessages[0] ?? '').split('\n')[0]?.slice(0, 300)
      failures.push(`${project} ${path.relative(root, file.name)} › ${test.fullName}\n    ${reason}`)
    }
  }
  passed += report.numPassedTests
  failed += report.numFailedTests
  if (report.numPendingTests + report.numTodoTests > 0) {
    console.error(`The ${project} suite skipped ${report.numPendingTests + report.numTodoTests} test(s): nothing may be skipped.`)
    exitCode = 1
  }
}
if (failures.length > 0) console.log(`Failed:\n${failures.map((line) => `  ${line}`).join('\n')}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : exitCode)
