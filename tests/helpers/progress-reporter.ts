import fs from 'node:fs'
import type { Reporter, TestCase, TestModule } from 'vitest/node'

/**
 * Writes what is running right now (test files, and the test or `beforeAll`/`afterAll` hook inside each) to the file
 * named by TEST_PROGRESS_FILE, on every start and end. `npm test` (tests/run.ts) reads it when a suite outlives its
 * deadline, so that a test stuck for good is named in the log instead of the whole run ending silently on the CI
 * machine's own time limit.
 */
export default class ProgressReporter implements Reporter {
  private readonly file = process.env.TEST_PROGRESS_FILE
  private readonly running = new Map<string, string>()

  private write(): void {
    if (this.file) fs.writeFileSync(this.file, [...this.running.values()].join('\n'))
  }

  private set(key: string, what: string | null): void {
    if (what === null) this.running.delete(key)
    else this.running.set(key, what)
    this.write()
  }

  // Queued: handed to a worker. A worker sends its progress in batches, so a test that never yields (a loop) is
  // named by its file only; one that waits is named with its test or hook.
  onTestModuleQueued(module: TestModule): void {
    this.set(module.moduleId, `${module.relativeModuleId} (loading)`)
  }

  onTestModuleEnd(module: TestModule): void {
    this.set(module.moduleId, null)
  }

  onHookStart(hook: Parameters<NonNullable<Reporter['onHookStart']>>[0]): void {
    const module = hook.entity.type === 'module' ? hook.entity : hook.entity.module
    const where = hook.entity.type === 'module' ? '' : ` of « ${hook.entity.fullName} »`
    this.set(module.moduleId, `${module.relativeModuleId} › ${hook.name}${where}`)
  }

  onTestCaseReady(test: TestCase): void {
    this.set(test.module.moduleId, `${test.module.relativeModuleId} › ${test.fullName}`)
  }
}
