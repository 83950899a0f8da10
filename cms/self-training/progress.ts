import type { Payload } from 'payload'
import { z } from 'zod'
import type { Certificate, Module, ModuleProgress, User } from '../payload-types.ts'
import { certificateEligible, missingForCertificate, moduleState, scoreQuiz, watchedSecondsFromPosition, type TModuleState, type TQuizAnswers, type TQuizResult } from '../../training/rules/completion.ts'
import type { TQuiz } from '../../training/schema.ts'
import { newCertificateCode } from './certificates.ts'
import { exercisesCountForCertificate, personalExercisesDone } from '../sandbox/exercises.ts'

// What a learner does on the self-training pages. Progress, attempts and certificates are server-only records
// (cms/access/server-only.ts): these named operations read as the signed-in person, compute the values themselves
// (position clamped to the video, quiz scored here) and write with the server's authority, for that person only.

/**
 * A module's quiz, read as the system: its answers are hidden from learners by field access, and only the
 * server scores. Pages render questions and options from it, never the `correct` lists.
 */
export async function loadQuiz(payload: Payload, module: Pick<Module, 'id'>): Promise<TQuiz> {
  const full = await payload.findByID({ collection: 'modules', id: module.id, depth: 0, overrideAccess: true, select: { quiz: true } })
  return full.quiz as TQuiz
}

/** The duration the portal knows for a module's video, in seconds. */
export function durationOf(module: Module): number {
  return Number((module.media as { durationSeconds?: number } | null)?.durationSeconds ?? 0)
}

async function progressOf(payload: Payload, user: User, module: Module): Promise<ModuleProgress | null> {
  const { docs } = await payload.find({ collection: 'module-progress', where: { and: [{ user: { equals: user.id } }, { module: { equals: module.id } }] }, limit: 1, depth: 0, user, overrideAccess: false })
  return docs[0] ?? null
}

/** What the module page sends to save a position: seconds from the start of the video (10 hours at most). */
export const ZPosition = z.object({
  position: z.number({ error: 'Position invalide : un nombre de secondes est attendu.' }).finite().min(0, { error: 'Position invalide : elle ne peut pas être négative.' }).max(36000, { error: 'Position invalide : au plus 36 000 secondes.' }),
}, { error: 'Position invalide : un objet { "position": <secondes> } est attendu.' })

/**
 * Saves where the learner is in the video; the furthest position only grows (a replay or a late upload is
 * harmless) and never goes past the video's known duration.
 */
export async function recordPosition(payload: Payload, user: User, module: Module, position: number): Promise<ModuleProgress> {
  const checked = ZPosition.parse({ position }).position
  const duration = durationOf(module)
  const clamped = duration > 0 ? Math.min(checked, duration) : checked
  const current = await progressOf(payload, user, module)
  const maxPosition = Math.max(current?.maxPosition ?? 0, clamped)
  const watchedRatio = duration > 0 ? Math.min(1, watchedSecondsFromPosition(maxPosition, duration) / duration) : 0
  return saveProgress(payload, user, module, (await loadQuiz(payload, module)).passMark, current, { lastPosition: clamped, maxPosition, watchedRatio })
}

async function saveProgress(payload: Payload, user: User, module: Module, passMark: number, current: ModuleProgress | null, data: Partial<ModuleProgress>): Promise<ModuleProgress> {
  const merged = { ...current, ...data }
  const state = moduleState({ watchedRatio: merged.watchedRatio ?? 0, bestScore: merged.bestScore, passMark })
  const completedAt = state === 'completed' ? (current?.completedAt ?? new Date().toISOString()) : null
  const values = { ...data, passed: Boolean(merged.passed), completedAt }
  if (current) return payload.update({ collection: 'module-progress', id: current.id, data: values, overrideAccess: true })
  return payload.create({ collection: 'module-progress', data: { ...values, user: user.id, module: module.id }, overrideAccess: true })
}

/**
 * Scores a quiz attempt on the server and records it. The same attempt sent twice (a double click, a replay
 * after a dropped connection, the offline queue) is recorded once and answers the first result.
 * Throws QuizAnswerError for answers the form cannot produce.
 */
export async function submitQuiz(payload: Payload, user: User, module: Module, answers: TQuizAnswers, attemptId: string): Promise<TQuizResult & { replayed: boolean }> {
  const previous = await payload.find({ collection: 'quiz-attempts', where: { and: [{ attemptId: { equals: attemptId } }, { user: { equals: user.id } }] }, limit: 1, depth: 0, user, overrideAccess: false })
  const earlier = previous.docs[0]
  if (earlier) return { score: earlier.score, passed: earlier.passed, results: earlier.results as TQuizResult['results'], replayed: true }
  const quiz = await loadQuiz(payload, module)
  const result = scoreQuiz(quiz, answers)
  await payload.create({ collection: 'quiz-attempts', data: { user: user.id, module: module.id, attemptId, answers, results: result.results, score: result.score, passed: result.passed }, overrideAccess: true })
  const current = await progressOf(payload, user, module)
  await saveProgress(payload, user, module, quiz.passMark, current, { bestScore: Math.max(current?.bestScore ?? 0, result.score), passed: Boolean(current?.passed) || result.passed })
  return { ...result, replayed: false }
}

/** The modules as a learner's overview needs them, in order; the same for every learner (the site keeps it per content version). */
export type TModuleCatalogue = { id: number; slug: string; title: string; required?: boolean | null; passMark: number }[]

/** Reads the module catalogue: the fields the overview shows and each quiz's pass mark (the answers stay on the server). */
export async function moduleCatalogue(payload: Payload, lang: 'fr' | 'en'): Promise<TModuleCatalogue> {
  const { docs } = await payload.find({ collection: 'modules', sort: 'order', limit: 50, depth: 0, locale: lang, fallbackLocale: 'fr', select: { slug: true, title: true, required: true, quiz: true }, pagination: false, overrideAccess: true })
  return docs.map((m) => ({ id: m.id, slug: m.slug, title: m.title, required: m.required, passMark: (m.quiz as TQuiz).passMark }))
}

/** Every module with the learner's state, and what the certificate still needs. */
export async function learnerOverview(payload: Payload, user: User, lang: 'fr' | 'en', catalogue?: TModuleCatalogue) {
  const [modules, progress] = await Promise.all([
    catalogue ?? moduleCatalogue(payload, lang),
    payload.find({ collection: 'module-progress', where: { user: { equals: user.id } }, limit: 100, pagination: false, depth: 0, user, overrideAccess: false }),
  ])
  const byModule = new Map(progress.docs.map((p) => [String(typeof p.module === 'object' ? p.module.id : p.module), p]))
  const rows = modules.map((module) => {
    const p = byModule.get(String(module.id))
    const state: TModuleState = p ? moduleState({ watchedRatio: p.watchedRatio ?? 0, bestScore: p.bestScore, passMark: module.passMark }) : 'notStarted'
    return { module, progress: p ?? null, state }
  })
  const states = Object.fromEntries(rows.map((r) => [r.module.slug, r.state]))
  const required = rows.filter((r) => r.module.required !== false).map((r) => r.module.slug)
  const missing = missingForCertificate(states, required)
  // Coordination may make the sandbox exercises a condition of the certificate (docs/sandbox.md).
  if ((await exercisesCountForCertificate(payload)) && !(await personalExercisesDone(payload, user))) missing.push(SANDBOX_EXERCISES)
  return { rows, eligible: certificateEligible(states, required) && missing.length === 0, missing }
}

/** How the sandbox exercises are named among the missing modules. */
export const SANDBOX_EXERCISES = 'exercices du bac à sable'

/** The learner's valid certificate, issued now if they just became eligible; null while modules are missing. */
export async function certificateFor(payload: Payload, user: User): Promise<Certificate | null> {
  const existing = await payload.find({ collection: 'certificates', where: { and: [{ user: { equals: user.id } }, { revoked: { not_equals: true } }] }, sort: '-issuedAt', limit: 1, depth: 0, user, overrideAccess: false })
  if (existing.docs[0]) return existing.docs[0]
  const overview = await learnerOverview(payload, user, 'fr')
  if (!overview.eligible) return null
  const { id } = newCertificateCode()
  return payload.create({
    collection: 'certificates',
    overrideAccess: true,
    data: {
      user: user.id,
      holderName: user.name,
      codeId: id,
      issuedAt: new Date().toISOString(),
      modules: overview.rows.filter((r) => r.state === 'completed').map((r) => ({ title: r.module.title, completedAt: r.progress?.completedAt ?? null })),
    },
  })
}
