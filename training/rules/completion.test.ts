import { describe, expect, it } from 'vitest'
import type { TQuiz } from '../schema.ts'
import {
  certificateEligible,
  mergeWatched,
  missingForCertificate,
  moduleState,
  QuizAnswerError,
  scoreQuiz,
  watchedEnough,
  watchedSecondsFromPosition,
  watchedSecondsFromRanges,
  wholePercent,
} from './completion.ts'

const options = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
  { id: 'd', text: 'D' },
]
const quiz: TQuiz = {
  passMark: 80,
  questions: [
    { id: 'q1', kind: 'single', prompt: '1', options, correct: ['a'], explanation: '.' },
    { id: 'q2', kind: 'single', prompt: '2', options, correct: ['b'], explanation: '.' },
    { id: 'q3', kind: 'multiple', prompt: '3', options, correct: ['a', 'c'], explanation: '.' },
    { id: 'q4', kind: 'multiple', prompt: '4', options, correct: ['b', 'c', 'd'], explanation: '.' },
    { id: 'q5', kind: 'single', prompt: '5', options, correct: ['d'], explanation: '.' },
  ],
}
const allRight = { q1: ['a'], q2: ['b'], q3: ['c', 'a'], q4: ['d', 'b', 'c'], q5: ['d'] }

describe('scoreQuiz', () => {
  it('gives 100 % for all right answers, in any option order', () => {
    expect(scoreQuiz(quiz, allRight)).toEqual({
      score: 100,
      passed: true,
      results: ['q1', 'q2', 'q3', 'q4', 'q5'].map((questionId) => ({ questionId, correct: true })),
    })
  })

  it('counts a multiple-choice question right only when the sets are equal', () => {
    const subset = scoreQuiz(quiz, { ...allRight, q3: ['a'] })
    const superset = scoreQuiz(quiz, { ...allRight, q4: ['a', 'b', 'c', 'd'] })
    expect(subset.results.find((result) => result.questionId === 'q3')?.correct).toBe(false)
    expect(superset.results.find((result) => result.questionId === 'q4')?.correct).toBe(false)
    expect(subset).toMatchObject({ score: 80, passed: true })
  })

  it('counts missing and empty answers as wrong', () => {
    expect(scoreQuiz(quiz, { q1: ['a'], q2: [] })).toMatchObject({ score: 20, passed: false })
    expect(scoreQuiz(quiz, {})).toMatchObject({ score: 0, passed: false })
  })

  it('fails below the pass mark and never rounds a fail into a pass', () => {
    expect(scoreQuiz(quiz, { ...allRight, q1: ['b'], q2: ['a'] })).toMatchObject({ score: 60, passed: false })
    const seven: TQuiz = { passMark: 70, questions: [...quiz.questions, { ...quiz.questions[0]!, id: 'q6' }, { ...quiz.questions[0]!, id: 'q7' }] }
    // 5 of 7 = 71.4 % passes a 70 % mark; 4 of 7 = 57.1 % does not.
    expect(scoreQuiz(seven, { ...allRight, q5: ['a'], q6: ['a'] })).toMatchObject({ score: 71, passed: true })
    expect(scoreQuiz(seven, { ...allRight, q4: [], q5: ['a'], q6: ['a'] })).toMatchObject({ score: 57, passed: false })
    // The score compared with the pass mark is the one shown: 2 of 3 is 67 %, a pass at 67 %, a fail at 68 %.
    const three: TQuiz = { passMark: 67, questions: quiz.questions.slice(0, 3) }
    expect(scoreQuiz(three, { q1: ['a'], q2: ['b'] })).toMatchObject({ score: 67, passed: true })
    expect(scoreQuiz({ ...three, passMark: 68 }, { q1: ['a'], q2: ['b'] })).toMatchObject({ score: 67, passed: false })
  })

  it('rounds a score half up: 1 of 6 shows 17 %, not 16 %', () => {
    const six: TQuiz = { passMark: 80, questions: [...quiz.questions, { ...quiz.questions[0]!, id: 'q6' }] }
    expect(scoreQuiz(six, { q1: ['a'] })).toMatchObject({ score: 17, passed: false })
    expect(wholePercent(1, 6)).toBe(17)
    expect(wholePercent(5, 6)).toBe(83)
    expect(wholePercent(1, 8)).toBe(13)
    expect(wholePercent(0.145)).toBe(15)
    expect(wholePercent(0.904)).toBe(90)
    expect(wholePercent(3, 0)).toBe(0)
    expect(wholePercent(0, 6)).toBe(0)
  })

  it('refuses tampered answers with a French QuizAnswerError', () => {
    expect(() => scoreQuiz(quiz, { ...allRight, q9: ['a'] })).toThrow(QuizAnswerError)
    expect(() => scoreQuiz(quiz, { ...allRight, q9: ['a'] })).toThrow(/la question « q9 » n’existe pas/)
    expect(() => scoreQuiz(quiz, { ...allRight, q1: ['z'] })).toThrow(/l’option « z » n’existe pas pour la question « q1 »/)
    expect(() => scoreQuiz(quiz, { ...allRight, q1: ['a', 'b'] })).toThrow(/n’accepte qu’une seule réponse/)
    expect(() => scoreQuiz(quiz, { ...allRight, q1: 'a' as unknown as string[] })).toThrow(QuizAnswerError)
    try {
      scoreQuiz(quiz, { q2: ['x'] })
    } catch (error) {
      expect(error).toMatchObject({ name: 'QuizAnswerError', questionId: 'q2', optionId: 'x' })
    }
  })

  it('does not let a forged "correct" key or prototype name through', () => {
    expect(() => scoreQuiz(quiz, { ...allRight, constructor: ['a'] })).toThrow(QuizAnswerError)
    expect(() => scoreQuiz(quiz, JSON.parse('{"__proto__": ["a"]}') as Record<string, string[]>)).toThrow(QuizAnswerError)
  })
})

describe('watching', () => {
  it('needs 90 % of the duration by default', () => {
    expect(watchedEnough(90, 100)).toBe(true)
    expect(watchedEnough(89.9, 100)).toBe(false)
    expect(watchedEnough(50, 100, 0.5)).toBe(true)
    expect(watchedEnough(10, 0)).toBe(false)
  })

  it('merges overlapping and touching intervals, in any order', () => {
    expect(mergeWatched([[0, 10], [20, 30]], [10, 20])).toEqual([[0, 30]])
    expect(mergeWatched([[50, 60], [0, 5]], [3, 8])).toEqual([[0, 8], [50, 60]])
    expect(mergeWatched([], [12, 4])).toEqual([[4, 12]])
    expect(mergeWatched([[0, 5]], [7, 7])).toEqual([[0, 5]])
  })

  it('does not count a seek to the end as watching when measuring intervals', () => {
    const ranges = mergeWatched(mergeWatched([], [0, 5]), [95, 100])
    expect(watchedEnough(watchedSecondsFromRanges(ranges, 100), 100)).toBe(false)
    expect(watchedSecondsFromRanges([[-5, 10], [90, 130]], 100)).toBe(20)
  })

  it('counts the furthest position reached, leniently, clipped to the video', () => {
    expect(watchedEnough(watchedSecondsFromPosition(100, 100), 100)).toBe(true)
    expect(watchedSecondsFromPosition(250, 100)).toBe(100)
    expect(watchedSecondsFromPosition(-3, 100)).toBe(0)
    expect(watchedSecondsFromPosition(Number.NaN, 100)).toBe(0)
  })
})

describe('moduleState', () => {
  it('goes from notStarted to completed', () => {
    expect(moduleState({ watchedRatio: 0, passMark: 80 })).toBe('notStarted')
    expect(moduleState({ watchedRatio: 0.3, bestScore: null, passMark: 80 })).toBe('inProgress')
    expect(moduleState({ watchedRatio: 0, bestScore: 40, passMark: 80 })).toBe('inProgress')
    expect(moduleState({ watchedRatio: 0.95, bestScore: 60, passMark: 80 })).toBe('watched')
    expect(moduleState({ watchedRatio: 0.9, bestScore: 80, passMark: 80 })).toBe('completed')
  })

  it('is not completed when the quiz is passed but the video is not watched', () => {
    expect(moduleState({ watchedRatio: 0.5, bestScore: 100, passMark: 80 })).toBe('inProgress')
  })

  it('treats a best score of 0 as an attempt', () => {
    expect(moduleState({ watchedRatio: 0, bestScore: 0, passMark: 80 })).toBe('inProgress')
  })
})

describe('certificate', () => {
  const required = ['etape-1', 'etape-2', 'protection-des-donnees']
  it('is eligible only when every required module is completed', () => {
    expect(certificateEligible({ 'etape-1': 'completed', 'etape-2': 'completed', 'protection-des-donnees': 'completed', autre: 'inProgress' }, required)).toBe(true)
    expect(certificateEligible({ 'etape-1': 'completed', 'etape-2': 'watched', 'protection-des-donnees': 'completed' }, required)).toBe(false)
  })
  it('lists the missing modules in the required order', () => {
    expect(missingForCertificate({ 'etape-2': 'completed' }, required)).toEqual(['etape-1', 'protection-des-donnees'])
  })
  it('refuses an empty list of required modules', () => {
    expect(() => certificateEligible({}, [])).toThrow(/Aucun module requis/)
  })
})
