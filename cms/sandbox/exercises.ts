import type { Payload, Where } from 'payload'
import type { SandboxHistory, User } from '../payload-types.ts'
import type { TCaseRecord } from './service.ts'
import { sandboxScenarios, type TExercise } from './scenarios.ts'

// Exercises: the actions a scenario expects (content/sandbox-scenarios/…, `exercises`). One is done when the
// trainee's own history on that case has the action (on that form, when named) since the workspace was last
// reset; the seeded history is nobody's, so a scenario never starts with an exercise done.

export type TExerciseState = { caseId: string; scenario: string; exercise: TExercise; done: boolean }

/** Pure: which exercises of these cases the history lines of one person complete. */
export function exerciseStates(cases: readonly Pick<TCaseRecord, 'doc'>[], lines: readonly Pick<SandboxHistory, 'case' | 'action' | 'form'>[]): TExerciseState[] {
  const scenarios = sandboxScenarios()
  const byCase = new Map<string, Set<string>>()
  for (const line of lines) {
    const key = String(typeof line.case === 'object' && line.case ? line.case.id : line.case)
    const set = byCase.get(key) ?? new Set<string>()
    set.add(line.action)
    set.add(`${line.action}@${line.form ?? ''}`)
    byCase.set(key, set)
  }
  return cases.flatMap(({ doc }) => {
    const scenario = doc.scenario ? scenarios.get(doc.scenario) : undefined
    if (!scenario) return []
    const seen = byCase.get(String(doc.id)) ?? new Set<string>()
    return scenario.exercises.map((exercise) => ({ caseId: doc.caseId, scenario: scenario.title, exercise, done: seen.has(exercise.form ? `${exercise.action}@${exercise.form}` : exercise.action) }))
  })
}

let actions: Set<string> | undefined

/** Every action an exercise looks for: the only history lines that can complete one (the scenarios are read once). */
function exerciseActions(): Set<string> {
  actions ??= new Set([...sandboxScenarios().values()].flatMap((scenario) => scenario.exercises.map((exercise) => exercise.action)))
  return actions
}

/** Whether a history line of this action can complete an exercise (cms/sandbox/service.ts marks the first one). */
export function isExerciseAction(action: string): boolean {
  return exerciseActions().has(action)
}

/**
 * The history lines of these people in the workspace since its last reset that can complete an exercise: each
 * person's first line for a case, action and form (marked when written, cms/sandbox/service.ts). The others (every
 * later save of the same form, every field) are left in the database: the dashboard reads these at every view, and
 * a busy training room writes hundreds of the others an hour.
 */
export async function linesOf(payload: Payload, workspace: number, users: readonly (number | string)[], since: string | null | undefined) {
  if (!users.length) return []
  const where: Where = { and: [{ workspace: { equals: workspace } }, { user: { in: [...users] } }, { completesExercise: { equals: true } }, { action: { in: [...exerciseActions()] } }, ...(since ? [{ at: { greater_than_equal: since } }] : [])] }
  // Straight to the database adapter, as the sandbox's own reads (cms/sandbox/service.ts): a busy dashboard reads these.
  return (await payload.db.find<Pick<SandboxHistory, 'id' | 'case' | 'action' | 'form' | 'user'>>({ collection: 'sandbox-history', where, limit: 10000, pagination: false, select: { case: true, action: true, form: true, user: true } })).docs
}

/**
 * True when the learner has done every exercise of their personal workspace (the coordinator's setting makes
 * this a condition of the self-training certificate, cms/self-training/progress.ts).
 */
export async function personalExercisesDone(payload: Payload, user: Pick<User, 'id'>): Promise<boolean> {
  const ws = (await payload.find({ collection: 'sandbox-workspaces', where: { and: [{ owner: { equals: user.id } }, { kind: { equals: 'personal' } }] }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!ws) return false
  const cases = (await payload.find({ collection: 'sandbox-cases', where: { workspace: { equals: ws.id } }, limit: 500, pagination: false, depth: 0, select: { caseId: true, scenario: true }, overrideAccess: true })).docs
  const states = exerciseStates(cases.map((doc) => ({ doc: doc as TCaseRecord['doc'] })), await linesOf(payload, ws.id, [user.id], ws.resetAt))
  return states.length > 0 && states.every((s) => s.done)
}

/** The coordinator's setting: whether the sandbox exercises count toward the self-training certificate. */
export async function exercisesCountForCertificate(payload: Payload): Promise<boolean> {
  const settings = await payload.findGlobal({ slug: 'sandbox-settings', depth: 0, overrideAccess: true })
  return settings.exercisesCountForCertificate === true
}
