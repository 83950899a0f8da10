import { createClient } from '@libsql/client'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testPortal } from '../helpers/portal.ts'

// Fault test: a portal process is killed (SIGKILL: no handler, no in-process undo) in the middle of a large
// participants import. The database then holds part of the import and its journal; the next start of a portal
// on the same database takes all of it back (cms/trainings/import-journal.ts): same people, same enrolments, same
// organisations, the overwritten marks restored, no journal left. Real Payload processes on one SQLite file.
const root = path.resolve(import.meta.dirname, '..', '..')

type TState = { training: number; participants: number; enrolments: number; organisations: number; known: { enrolment: number; attendance: unknown; preTest: number | null; postTest: number | null } }

/** Runs the import worker on this file's database and SIGKILLs it once `killAt` rows are written. */
function importUntilKilled(killAt: number): Promise<{ state: TState; progress: number; code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tests/helpers/import-worker.ts'], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let buffered = ''
    let state: TState | undefined
    let progress = 0
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        const event = JSON.parse(line) as { state?: TState; progress?: number; outcome?: unknown }
        if (event.state) state = event.state
        if (event.outcome) reject(new Error(`The import ended before it could be killed: ${JSON.stringify(event.outcome).slice(0, 500)}`))
        if (event.progress !== undefined) {
          progress = event.progress
          if (progress >= killAt) child.kill('SIGKILL')
        }
      }
    })
    child.once('exit', (code, signal) => (state ? resolve({ state, progress, code, signal, output }) : reject(new Error(`The worker exited (${code ?? signal}) before starting the import:\n${output}`))))
  })
}

describe('process killed during a spreadsheet import', () => {
  it('leaves part of the import behind, and the next start takes all of it back', async () => {
    const killed = await importUntilKilled(30)
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.progress).toBeGreaterThanOrEqual(30)
    expect(killed.progress).toBeLessThan(1200)

    // Before any restart, read the file directly: the killed import did write rows, and left its journal.
    const db = createClient({ url: process.env.DATABASE_URL! })
    const count = async (sql: string, args: (string | number)[] = []) => Number((await db.execute({ sql, args })).rows[0]![0])
    expect(await count('SELECT count(*) FROM participants')).toBeGreaterThan(killed.state.participants + 20)
    expect(await count('SELECT count(*) FROM enrolments WHERE training_id = ?', [killed.state.training])).toBeGreaterThan(killed.state.enrolments + 20)
    expect(await count('SELECT count(*) FROM organisations')).toBe(killed.state.organisations + 1)
    expect(await count("SELECT count(*) FROM payload_kv WHERE key LIKE 'import-journal:%'")).toBe(1)
    db.close()

    // The restart on the same database (what `npm start` runs): the abandoned import is undone before it serves.
    const payload = await testPortal()
    expect((await payload.count({ collection: 'participants', overrideAccess: true })).totalDocs).toBe(killed.state.participants)
    expect((await payload.count({ collection: 'enrolments', where: { training: { equals: killed.state.training } }, overrideAccess: true })).totalDocs).toBe(killed.state.enrolments)
    expect((await payload.count({ collection: 'organisations', overrideAccess: true })).totalDocs).toBe(killed.state.organisations)
    expect((await payload.find({ collection: 'organisations', where: { acronym: { equals: 'NOUVELLE-STRUCTURE' } }, overrideAccess: true })).totalDocs).toBe(0)
    const known = await payload.findByID({ collection: 'enrolments', id: killed.state.known.enrolment, depth: 0, overrideAccess: true })
    const marks = (attendance: unknown) => (attendance as { date: string; status: string }[]).map(({ date, status }) => ({ date, status }))
    expect({ attendance: marks(known.attendance), preTest: known.preTest, postTest: known.postTest }).toEqual({
      attendance: marks(killed.state.known.attendance),
      preTest: killed.state.known.preTest,
      postTest: killed.state.known.postTest,
    })
    expect((await payload.kv.keys()).filter((k) => k.startsWith('import-journal:'))).toEqual([])
  }, 1_200_000)
})
