import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import * as z from 'zod/mini'
import { civilDay } from '../rules/periods.ts'
import { APPROVAL_TYPES, SANDBOX_ROLES, type TMember, type TTransition } from '../rules/sandbox-workflow.ts'
import { act, type TCaseAction, type TCaseState, type THistoryLine } from './engine.ts'

// Scenario cases as data (content/sandbox-scenarios/, one JSON file each): a fictitious child's situation told as
// the steps that brought the case to its starting point (forms saved, approvals asked and decided, referrals,
// transfers), replayed through the workflow rules when a workspace is created or reset, so a seeded case is
// always one the rules could have produced. Dates are written relative to the load (`J-10` = ten days before).
// Exercises name the actions a trainee is expected to do on the case. See docs/sandbox.md.

const ZMemberRef = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, { error: 'Compte inconnu : un identifiant de compte de l’espace est attendu (ex. gestionnaire-1).' }))

export const ZScenarioStep = z.discriminatedUnion('do', [
  z.object({ do: z.literal('form'), as: ZMemberRef, form: z.string(), values: z.record(z.string(), z.unknown()), day: z.optional(z.number()) }),
  z.object({ do: z.literal('request'), as: ZMemberRef, approval: z.enum(Object.keys(APPROVAL_TYPES) as [keyof typeof APPROVAL_TYPES]), day: z.optional(z.number()) }),
  z.object({ do: z.enum(['approve', 'reject']), as: ZMemberRef, approval: z.enum(Object.keys(APPROVAL_TYPES) as [keyof typeof APPROVAL_TYPES]), comment: z.optional(z.string()), day: z.optional(z.number()) }),
  z.object({ do: z.literal('refer'), as: ZMemberRef, to: ZMemberRef, service: z.string(), day: z.optional(z.number()) }),
  z.object({ do: z.literal('transfer'), as: ZMemberRef, to: ZMemberRef, day: z.optional(z.number()) }),
  z.object({ do: z.enum(['accept', 'decline', 'done', 'revoke']), as: ZMemberRef, kind: z.enum(['referral', 'transfer']), reason: z.optional(z.string()), day: z.optional(z.number()) }),
  z.object({ do: z.literal('close'), as: ZMemberRef, day: z.optional(z.number()) }),
  z.object({ do: z.literal('reopen'), as: ZMemberRef, values: z.record(z.string(), z.unknown()), day: z.optional(z.number()) }),
  z.object({ do: z.literal('flag'), as: ZMemberRef, message: z.string(), day: z.optional(z.number()) }),
])
export type TScenarioStep = z.infer<typeof ZScenarioStep>

/** An expected action: done when the trainee's history on the case has this action (on this form, if given). */
export const ZExercise = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,60}$/)),
  label: z.string().check(z.minLength(5)),
  action: z.string().check(z.regex(/^[a-z]+\.[a-z]+$/)),
  form: z.optional(z.string()),
})
export type TExercise = z.infer<typeof ZExercise>

export const ZScenario = z.object({
  slug: z.string().check(z.regex(/^[a-z0-9-]{3,60}$/, { error: 'Identifiant de scénario invalide.' })),
  title: z.string().check(z.minLength(5)),
  risk: z.string().check(z.minLength(3)),
  summary: z.string().check(z.minLength(20)),
  steps: z.array(ZScenarioStep).check(z.minLength(1, { error: 'Un scénario commence au moins par l’enregistrement (1.B).' })),
  exercises: z.array(ZExercise),
})
export type TScenario = z.infer<typeof ZScenario>

/** The accounts every workspace starts with; scenarios and trainers refer to them by id. */
export const STARTING_MEMBERS: readonly { memberId: string; name: string; role: keyof typeof SANDBOX_ROLES }[] = [
  { memberId: 'gestionnaire-1', name: 'Aïssata Konaté (gestionnaire de cas)', role: 'caseManager' },
  { memberId: 'gestionnaire-2', name: 'Ibrahim Maïga (gestionnaire de cas, prestataire)', role: 'caseManager' },
  { memberId: 'superviseur-1', name: 'Fatoumata Diarra (superviseure)', role: 'supervisor' },
  { memberId: 'admin-org', name: 'Seydou Keïta (administrateur de l’organisation)', role: 'orgAdmin' },
]

export const SCENARIOS_DIR = path.resolve(process.cwd(), 'content', 'sandbox-scenarios')

/** Reads and checks every scenario file; throws naming the file and what is wrong in it. */
export function readScenarios(dir = SCENARIOS_DIR): TScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = ZScenario.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
      if (!parsed.success) throw new Error(`content/sandbox-scenarios/${file} is invalid: ${z.prettifyError(parsed.error)}`)
      if (`${parsed.data.slug}.json` !== file) throw new Error(`content/sandbox-scenarios/${file}: its slug must be the file name (${parsed.data.slug}).`)
      return parsed.data
    })
}

let cache: Map<string, TScenario> | undefined
export function sandboxScenarios(): Map<string, TScenario> {
  cache ??= new Map(readScenarios().map((s) => [s.slug, s]))
  return cache
}

/** Replaces `J-10`, `J+3`, `J` in string values with the civil day that many days from `today` (YYYY-MM-DD). */
export function datedValues(values: Record<string, unknown>, today: string): Record<string, unknown> {
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = /^J([+-]\d+)?$/.exec(value)
      if (!match) return value
      return new Date(Date.parse(`${today}T00:00:00Z`) + Number(match[1] ?? 0) * 86_400_000).toISOString().slice(0, 10)
    }
    if (Array.isArray(value)) return value.map(shift)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]))
    return value
  }
  return shift(values) as Record<string, unknown>
}

/** The engine's action for a scenario step (a reply or revocation applies to the latest open one of its kind). */
function actionOf(step: TScenarioStep, today: string, latest: (kind: 'referral' | 'transfer') => TTransition | undefined): TCaseAction {
  switch (step.do) {
    case 'form':
      return { do: 'form', form: step.form, values: datedValues(step.values, today) }
    case 'request':
      return { do: 'request', approval: step.approval }
    case 'approve':
    case 'reject':
      return { do: step.do, approval: step.approval, comment: step.comment }
    case 'refer':
      return { do: 'refer', to: step.to, service: step.service }
    case 'transfer':
      return { do: 'transfer', to: step.to }
    case 'close':
      return { do: 'close' }
    case 'reopen':
      return { do: 'reopen', values: datedValues(step.values, today) }
    case 'flag':
      return { do: 'flag', message: step.message }
    default:
      return { do: step.do, transition: latest(step.kind)?.id ?? '', reason: step.reason }
  }
}

/**
 * Plays a scenario's steps through the workflow rules in memory: the case it ends with, its transitions and its
 * history. Throws naming the scenario and the step when a step is refused, so a scenario file that no longer
 * fits the rules (or the forms) fails its test and the seed instead of producing an impossible case.
 */
export function replayScenario(scenario: TScenario, members: readonly TMember[], now: Date, newId: () => string): { state: TCaseState; transitions: TTransition[]; history: THistoryLine[]; openedAt: string } {
  const today = civilDay(now)
  const member = (id: string) => {
    const m = members.find((x) => x.id === id)
    if (!m) throw new Error(`Scenario ${scenario.slug}: account « ${id} » is not in the workspace.`)
    return m
  }
  const stepTime = (i: number) => new Date(Date.parse(`${today}T08:00:00Z`) + (scenario.steps[i]!.day ?? 0) * 86_400_000 + i * 60_000)
  const first = scenario.steps[0]!
  if (first.do !== 'form' || first.form !== '1.B') throw new Error(`Scenario ${scenario.slug}: the first step must save form 1.B.`)
  const openedAt = stepTime(0).toISOString()
  let state: TCaseState = { status: 'open', owner: first.as, assigned: [], forms: [], createdAt: openedAt, transitions: [], flags: [] }
  const transitions = new Map<string, TTransition>()
  const history: THistoryLine[] = []
  scenario.steps.forEach((step, index) => {
    const latest = (kind: 'referral' | 'transfer') => [...state.transitions].reverse().find((t) => t.kind === kind && (t.status === 'pending' || t.status === 'accepted'))
    const action = actionOf(step, today, latest)
    const outcome = act(state, member(step.as), members, action, stepTime(index), newId)
    if (!outcome.ok) throw new Error(`Scenario ${scenario.slug}, step ${index + 1} (${step.do}) refused: ${outcome.why} ${'fields' in outcome ? JSON.stringify(outcome.fields) : ''}`)
    state = outcome.state
    if (outcome.transition) transitions.set(outcome.transition.id, outcome.transition)
    // A replayed step keeps one history line (its action and form), not one per field: the starting state is
    // what the trainee reads; field-by-field history starts with their own changes.
    const line = { ...outcome.history[0]!, field: undefined, before: undefined, after: undefined }
    history.push(...(index === 0 ? [{ ...line, action: 'case.create' }] : []), line)
  })
  return { state, transitions: [...transitions.values()], history, openedAt }
}
