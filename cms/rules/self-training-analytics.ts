// Self-training follow-up for trainers and coordinators: completion and pass rates per module, progress by
// organisation, region or role, and the questions learners miss most. Pure: records in, tables out.

export type TLearner = { id: string | number; name: string; organisation: string; region: string; roles: string[]; organisationId?: string | number | null; regionId?: string | number | null }
export type TModuleInfo = { id: string | number; title: string; questions: { id: string; prompt: string }[] }
/** `at`: when the record last changed (ISO timestamp), for the learner's last activity. */
export type TProgressRecord = { user: string | number; module: string | number; completed: boolean; at?: string | null }
export type TAttemptRecord = { user: string | number; module: string | number; passed: boolean; results: { questionId: string; correct: boolean }[]; at?: string | null }
/** Which learners a follow-up shows: one organisation, one region, one role (each optional). */
export type TFollowUpFilter = { organisation?: string | number; region?: string | number; role?: string }

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10)
const key = (v: string | number) => String(v)

/** Per module: learners who started, completed, completion rate among starters, attempts and pass rate. */
export function moduleRates(modules: TModuleInfo[], progress: TProgressRecord[], attempts: TAttemptRecord[]) {
  return modules.map((m) => {
    const started = progress.filter((p) => key(p.module) === key(m.id))
    const completed = started.filter((p) => p.completed).length
    const tries = attempts.filter((a) => key(a.module) === key(m.id))
    const passed = tries.filter((a) => a.passed).length
    return { module: m.title, learners: started.length, completed, completionRate: rate(completed, started.length), attempts: tries.length, passRate: rate(passed, tries.length) }
  })
}

/** Progress by organisation, region or role: learners, modules completed, and the share of all modules completed. */
export function progressBy(group: 'organisation' | 'region' | 'role', learners: TLearner[], modules: TModuleInfo[], progress: TProgressRecord[]) {
  const completedBy = new Map<string, number>()
  for (const p of progress) if (p.completed) completedBy.set(key(p.user), (completedBy.get(key(p.user)) ?? 0) + 1)
  const rows = new Map<string, { key: string; learners: number; completedModules: number }>()
  for (const learner of learners) {
    const values = group === 'role' ? (learner.roles.length ? learner.roles : ['—']) : [learner[group] || '—']
    for (const value of values) {
      const row = rows.get(value) ?? { key: value, learners: 0, completedModules: 0 }
      row.learners += 1
      row.completedModules += completedBy.get(key(learner.id)) ?? 0
      rows.set(value, row)
    }
  }
  return [...rows.values()]
    .map((r) => ({ ...r, completionRate: rate(r.completedModules, r.learners * modules.length) }))
    .sort((a, b) => b.learners - a.learners || a.key.localeCompare(b.key, 'fr'))
}

/** The questions most often answered wrong (at least `minAttempts` answers), worst first. */
export function mostFailedQuestions(modules: TModuleInfo[], attempts: TAttemptRecord[], limit = 10, minAttempts = 1) {
  const counts = new Map<string, { module: string; prompt: string; answers: number; failures: number }>()
  for (const attempt of attempts) {
    const module = modules.find((m) => key(m.id) === key(attempt.module))
    if (!module) continue
    for (const r of attempt.results) {
      const question = module.questions.find((q) => q.id === r.questionId)
      if (!question) continue
      const id = `${key(module.id)}:${r.questionId}`
      const row = counts.get(id) ?? { module: module.title, prompt: question.prompt, answers: 0, failures: 0 }
      row.answers += 1
      if (!r.correct) row.failures += 1
      counts.set(id, row)
    }
  }
  return [...counts.values()]
    .filter((r) => r.answers >= minAttempts && r.failures > 0)
    .map((r) => ({ ...r, failureRate: rate(r.failures, r.answers) }))
    .sort((a, b) => b.failureRate - a.failureRate || b.answers - a.answers)
    .slice(0, limit)
}

/** The learners a filter keeps (an empty filter keeps everyone). */
export function filterLearners(learners: TLearner[], filter: TFollowUpFilter): TLearner[] {
  return learners.filter(
    (l) =>
      (filter.organisation === undefined || key(l.organisationId ?? '') === key(filter.organisation)) &&
      (filter.region === undefined || key(l.regionId ?? '') === key(filter.region)) &&
      (filter.role === undefined || l.roles.includes(filter.role)),
  )
}

/**
 * One row per learner: modules completed and started (out of all modules), and the last activity (the latest
 * progress or quiz attempt). Most recently active first, then by name; never active last.
 */
export function learnerRows(learners: TLearner[], progress: TProgressRecord[], attempts: TAttemptRecord[]) {
  return learners
    .map((learner) => {
      const mine = progress.filter((p) => key(p.user) === key(learner.id))
      const times = [...mine.map((p) => p.at), ...attempts.filter((a) => key(a.user) === key(learner.id)).map((a) => a.at)].filter((t): t is string => Boolean(t))
      return {
        ...learner,
        modulesCompleted: mine.filter((p) => p.completed).length,
        modulesStarted: mine.length,
        lastActivity: times.length > 0 ? times.reduce((a, b) => (a > b ? a : b)) : null,
      }
    })
    .sort((a, b) => (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') || a.name.localeCompare(b.name, 'fr'))
}
