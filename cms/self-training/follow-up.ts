import type { Payload } from 'payload'
import type { User } from '../payload-types.ts'
import type { TQuiz } from '../../training/schema.ts'
import { idOf, relatedText as nameOf } from '../fields/relations.ts'
import { moduleRates, mostFailedQuestions, progressBy, type TAttemptRecord, type TLearner, type TModuleInfo, type TProgressRecord } from '../rules/self-training-analytics.ts'


/** The follow-up tables for a trainer, coordinator or admin (access rules decide what they read). */
export async function followUp(payload: Payload, user: User) {
  const [modulesFound, progressFound, attemptsFound] = await Promise.all([
    // Questions' prompts for the "most missed" table: read as the system (the answers are not shown).
    payload.find({ collection: 'modules', sort: 'order', limit: 50, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'module-progress', limit: 0, pagination: false, depth: 0, user, overrideAccess: false }),
    payload.find({ collection: 'quiz-attempts', limit: 0, pagination: false, depth: 0, user, overrideAccess: false }),
  ])
  const userIds = [...new Set(progressFound.docs.map((p) => idOf(p.user)))]
  // Learners' names and scope are read for people who follow them (trainers included), within this report only.
  const people = userIds.length
    ? (await payload.find({ collection: 'users', where: { id: { in: userIds } }, limit: userIds.length, depth: 1, overrideAccess: true, select: { name: true, organisation: true, region: true, roles: true } })).docs
    : []
  const learners: TLearner[] = people.map((p) => ({ id: p.id, name: p.name, organisation: nameOf(p.organisation, 'acronym'), region: nameOf(p.region, 'name'), roles: p.roles ?? [] }))
  const modules: TModuleInfo[] = modulesFound.docs.map((m) => ({ id: m.id, title: m.title, questions: (m.quiz as TQuiz).questions.map((q) => ({ id: q.id, prompt: q.prompt })) }))
  const progress: TProgressRecord[] = progressFound.docs.map((p) => ({ user: idOf(p.user)!, module: idOf(p.module)!, completed: Boolean(p.completedAt) }))
  const attempts: TAttemptRecord[] = attemptsFound.docs.map((a) => ({ user: idOf(a.user)!, module: idOf(a.module)!, passed: a.passed, results: a.results as TAttemptRecord['results'] }))
  return {
    modules: moduleRates(modules, progress, attempts),
    byOrganisation: progressBy('organisation', learners, modules, progress),
    byRegion: progressBy('region', learners, modules, progress),
    byRole: progressBy('role', learners, modules, progress),
    failed: mostFailedQuestions(modules, attempts),
    // One row per learner and module, for the (journalled) export.
    rows: progressFound.docs.map((p) => {
      const learner = learners.find((l) => String(l.id) === String(idOf(p.user)))
      const module = modules.find((m) => String(m.id) === String(idOf(p.module)))
      return [learner?.name ?? '', learner?.organisation ?? '', learner?.region ?? '', (learner?.roles ?? []).join(', '), module?.title ?? '', String(Math.round((p.watchedRatio ?? 0) * 100)), p.bestScore === null || p.bestScore === undefined ? '' : String(p.bestScore), p.completedAt ? p.completedAt.slice(0, 10) : '']
    }),
  }
}

/** Column headings of the progress export. */
export const FOLLOW_UP_HEADERS = ['Apprenant', 'Structure', 'Région', 'Rôles', 'Module', 'Vidéo regardée (%)', 'Meilleur score (%)', 'Terminé le']
