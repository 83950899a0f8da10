import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { stageOf, type TMember } from '../rules/sandbox-workflow.ts'
import { readScenarios, replayScenario, STARTING_MEMBERS } from './scenarios.ts'

const scenarios = readScenarios(path.resolve(import.meta.dirname, '../../content/sandbox-scenarios'))
const members: TMember[] = STARTING_MEMBERS.map((m) => ({ id: m.memberId, name: m.name, role: m.role }))
const now = new Date('2026-12-01T10:00:00Z')
let n = 0
const newId = () => `id${(n += 1)}`

describe('scenario cases in content/sandbox-scenarios', () => {
  it('holds at least eight situations covering the main risks', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8)
    const concerns = new Set(scenarios.flatMap((s) => replayScenario(s, members, now, newId).state.forms.find((f) => f.code === '1.B')!.values['protection_concerns'] as string[]))
    for (const risk of ['separe', 'mobilite', 'violence_physique', 'travail', 'mariage', 'eafga']) expect(concerns).toContain(risk)
  })

  it.each(scenarios.map((s) => [s.slug, s] as const))('%s replays through the workflow rules and has exercises', (_slug, scenario) => {
    const played = replayScenario(scenario, members, now, newId)
    expect(played.history[0]?.action).toBe('case.create')
    expect(scenario.exercises.length).toBeGreaterThan(0)
  })

  it('practises every approval, referral and transfer state, rejections with a reason and revocation included', () => {
    const seen = new Set<string>()
    const stages = new Set<string>()
    for (const scenario of scenarios) {
      const played = replayScenario(scenario, members, now, newId)
      stages.add(stageOf(played.state))
      for (const t of played.transitions) {
        seen.add(`${t.kind}:${t.status}`)
        if (t.status === 'rejected') expect(t.comment, `${scenario.slug}: a rejection says why`).toBeTruthy()
      }
    }
    for (const state of ['approval:pending', 'approval:approved', 'approval:rejected', 'referral:pending', 'referral:rejected', 'referral:done', 'referral:revoked', 'transfer:pending', 'transfer:accepted', 'transfer:rejected'])
      expect(seen, state).toContain(state)
    // Accepted referrals become done in the scenarios; the accepted state is practised by the trainee (exercise).
    expect(scenarios.some((s) => s.exercises.some((e) => e.action === 'referral.accept'))).toBe(true)
    expect(stages).toContain('cloture')
    expect(stages).toContain('evaluation')
  })
})
