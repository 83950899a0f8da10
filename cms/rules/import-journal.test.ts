import { describe, expect, it } from 'vitest'
import { IMPORT_ABANDONED_AFTER_MS, isImportAbandoned, type TImportOwner } from './import-journal.ts'

const now = new Date('2026-12-01T10:00:00Z')
const here: TImportOwner = { host: 'portail-1', pid: 4242, instance: 'aaaa' }
const startedAgo = (ms: number) => new Date(now.getTime() - ms).toISOString()

describe('isImportAbandoned', () => {
  it('never abandons an import of this very process', () => {
    expect(isImportAbandoned({ owner: here, startedAt: startedAgo(2 * IMPORT_ABANDONED_AFTER_MS) }, here, true, now)).toBe(false)
  })

  it('abandons an import whose process on this machine is no longer running', () => {
    const owner = { host: 'portail-1', pid: 1234, instance: 'bbbb' }
    expect(isImportAbandoned({ owner, startedAt: startedAgo(5_000) }, here, false, now)).toBe(true)
  })

  it('abandons an import whose process id this new process now holds (restart in a container, pid reused)', () => {
    const owner = { host: 'portail-1', pid: 4242, instance: 'bbbb' }
    expect(isImportAbandoned({ owner, startedAt: startedAgo(5_000) }, here, true, now)).toBe(true)
  })

  it('leaves a running import of another process on this machine alone', () => {
    const owner = { host: 'portail-1', pid: 1234, instance: 'bbbb' }
    expect(isImportAbandoned({ owner, startedAt: startedAgo(5_000) }, here, true, now)).toBe(false)
  })

  it('leaves a recent import of another machine alone, and abandons it once an hour old', () => {
    const owner = { host: 'portail-2', pid: 77, instance: 'cccc' }
    expect(isImportAbandoned({ owner, startedAt: startedAgo(IMPORT_ABANDONED_AFTER_MS - 1) }, here, false, now)).toBe(false)
    expect(isImportAbandoned({ owner, startedAt: startedAgo(IMPORT_ABANDONED_AFTER_MS) }, here, false, now)).toBe(true)
  })

  it('abandons an hour-old import on this machine even if a process holds its id', () => {
    const owner = { host: 'portail-1', pid: 1234, instance: 'bbbb' }
    expect(isImportAbandoned({ owner, startedAt: startedAgo(IMPORT_ABANDONED_AFTER_MS + 1) }, here, true, now)).toBe(true)
  })

  it('treats an unreadable start date as abandoned rather than keeping the journal for ever', () => {
    const owner = { host: 'portail-2', pid: 77, instance: 'cccc' }
    expect(isImportAbandoned({ owner, startedAt: 'pas une date' }, here, true, now)).toBe(true)
  })
})
