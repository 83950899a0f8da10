// Completion rules of the self-training: quiz scoring, "watched enough", module state and certificate eligibility.
// Pure functions on plain data: the API routes and pages call them, and the server re-scores every quiz here
// rather than trusting a score sent by the browser.
import type { TQuiz } from '../schema.ts'

/** Share of a video a learner must have watched before the module can count as completed. */
export const WATCH_THRESHOLD = 0.9

/** A learner's answers: question id → selected option ids. */
export type TQuizAnswers = Record<string, string[]>

/** Outcome of a quiz attempt, per question and overall (score in whole percent). */
export type TQuizResult = { score: number; passed: boolean; results: { questionId: string; correct: boolean }[] }

/** The progress states a module goes through for one learner. */
export type TModuleState = 'notStarted' | 'inProgress' | 'watched' | 'completed'

/** Raised when submitted answers cannot come from the quiz form (unknown question or option): the server refuses them. */
export class QuizAnswerError extends Error {
  readonly questionId: string
  readonly optionId: string | undefined

  constructor(message: string, questionId: string, optionId?: string) {
    super(message)
    this.name = 'QuizAnswerError'
    this.questionId = questionId
    this.optionId = optionId
  }
}

/**
 * Scores a quiz attempt. A multiple-choice question is right only when the selected set equals the correct set;
 * a missing or empty answer is wrong. Unknown question or option ids, or several options on a single-choice
 * question, throw a QuizAnswerError because the quiz form cannot produce them.
 */
export function scoreQuiz(quiz: TQuiz, answers: TQuizAnswers): TQuizResult {
  const questions = new Map(quiz.questions.map((question) => [question.id, question]))
  for (const [questionId, selected] of Object.entries(answers)) {
    const question = questions.get(questionId)
    if (!question) throw new QuizAnswerError(`Réponse refusée : la question « ${questionId} » n’existe pas dans ce quiz. Rechargez la page et recommencez.`, questionId)
    if (!Array.isArray(selected) || selected.some((id) => typeof id !== 'string')) {
      throw new QuizAnswerError(`Réponse refusée : la réponse à la question « ${questionId} » doit être une liste d’options.`, questionId)
    }
    const optionIds = new Set(question.options.map((option) => option.id))
    const unknown = selected.find((id) => !optionIds.has(id))
    if (unknown !== undefined) throw new QuizAnswerError(`Réponse refusée : l’option « ${unknown} » n’existe pas pour la question « ${questionId} ».`, questionId, unknown)
    if (question.kind === 'single' && new Set(selected).size > 1) {
      throw new QuizAnswerError(`Réponse refusée : la question « ${questionId} » n’accepte qu’une seule réponse.`, questionId)
    }
  }
  const results = quiz.questions.map((question) => {
    const selected = new Set(answers[question.id] ?? [])
    const correct = selected.size === question.correct.length && question.correct.every((id) => selected.has(id))
    return { questionId: question.id, correct }
  })
  const right = results.filter((result) => result.correct).length
  const total = results.length
  // The score shown is the score compared with the pass mark (passed = score ≥ passMark), so moduleState, which
  // keeps only the best score, always agrees with what the learner was told.
  const score = wholePercent(right, total)
  return { score, passed: total > 0 && score >= quiz.passMark, results }
}

/**
 * A share as a whole percentage, rounded half up: 1 of 6 is 17 %, 1 of 8 is 13 %, nothing of nothing 0 %. The one
 * rounding of the self-training (quiz scores, share of a video watched, follow-up tables); `whole` is 1 for a ratio.
 */
export function wholePercent(part: number, whole = 1): number {
  if (!(whole > 0) || !Number.isFinite(part)) return 0
  // The small epsilon absorbs binary fractions (0.145 × 100 = 14.499…) so that a half rounds up as written.
  return Math.floor((100 * part) / whole + 0.5 + 1e-9)
}

/** Whether `watchedSeconds` covers at least `threshold` of the video. */
export function watchedEnough(watchedSeconds: number, durationSeconds: number, threshold: number = WATCH_THRESHOLD): boolean {
  if (!(durationSeconds > 0)) return false
  return watchedSeconds >= threshold * durationSeconds
}

/** Adds a watched interval to a list of intervals, returning them sorted and merged (touching intervals join). */
export function mergeWatched(ranges: [number, number][], added: [number, number]): [number, number][] {
  const all = [...ranges, added]
    .map(([start, end]): [number, number] => [Math.min(start, end), Math.max(start, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [start, end] of all) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** Seconds really watched according to merged intervals, clipped to the video. */
export function watchedSecondsFromRanges(ranges: [number, number][], durationSeconds: number): number {
  return ranges.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, durationSeconds) - Math.max(start, 0)), 0)
}

/**
 * Seconds counted as watched from the furthest position reached. This is the rule the portal applies: it is
 * deliberately lenient, because learners on 2G/3G often download the small rendition and watch it offline, or skip
 * ahead in a video they have already seen; a seek to the end therefore counts. mergeWatched and
 * watchedSecondsFromRanges measure real viewing when a stricter report is wanted.
 */
export function watchedSecondsFromPosition(maxPosition: number, durationSeconds: number): number {
  if (!Number.isFinite(maxPosition) || !(durationSeconds > 0)) return 0
  return Math.min(Math.max(maxPosition, 0), durationSeconds)
}

/**
 * A module's state for one learner: completed when the video is watched (ratio ≥ 0.9) and the best quiz score
 * reaches the pass mark; watched when only the video is done; inProgress once anything has started.
 */
export function moduleState(input: { watchedRatio: number; bestScore?: number | null | undefined; passMark: number }): TModuleState {
  const watched = input.watchedRatio >= WATCH_THRESHOLD
  const attempted = input.bestScore !== null && input.bestScore !== undefined
  const passed = attempted && (input.bestScore ?? 0) >= input.passMark
  if (watched && passed) return 'completed'
  if (watched) return 'watched'
  if (input.watchedRatio > 0 || attempted) return 'inProgress'
  return 'notStarted'
}

/** The required module slugs not yet completed, in the order given. */
export function missingForCertificate(states: Record<string, TModuleState | undefined>, required: string[]): string[] {
  if (required.length === 0) throw new Error('Aucun module requis pour l’attestation : indiquez la liste des modules obligatoires.')
  return required.filter((slug) => states[slug] !== 'completed')
}

/** Whether every required module is completed, so the certificate may be issued. */
export function certificateEligible(states: Record<string, TModuleState | undefined>, required: string[]): boolean {
  return missingForCertificate(states, required).length === 0
}
