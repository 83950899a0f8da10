import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Module, User } from '#cms/payload-types.ts'
import { codeOf, findByCode, renderCertificatePdf } from '#cms/self-training/certificates.ts'
import { certificateFor, learnerOverview, recordPosition, submitQuiz } from '#cms/self-training/progress.ts'
import { QuizAnswerError } from '../../training/rules/completion.ts'
import type { TQuiz } from '../../training/schema.ts'
import { pdfText } from '../helpers/pdf.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

let payload: Payload
let learner: User
let modules: Module[]
beforeAll(async () => {
  payload = await testPortal()
  learner = await accountByEmail(payload, 'apprenant@example.org')
  modules = (await payload.find({ collection: 'modules', sort: 'order', limit: 20, overrideAccess: true })).docs
})
const rightAnswers = (m: Module) => Object.fromEntries((m.quiz as TQuiz).questions.map((q) => [q.id, q.correct]))
const wrongAnswers = (m: Module) => Object.fromEntries((m.quiz as TQuiz).questions.map((q) => [q.id, [q.options.find((o) => !q.correct.includes(o.id))!.id]]))
const duration = (m: Module) => (m.media as { durationSeconds: number }).durationSeconds

describe('the curriculum in the database', () => {
  it('has the ten modules, six steps and four complementary, each with a quiz of 5+ questions and two renditions', () => {
    expect(modules).toHaveLength(10)
    expect(modules.filter((m) => m.kind === 'step').map((m) => m.step)).toEqual(['1', '2', '3', '4', '5', '6'])
    for (const m of modules) {
      expect((m.quiz as TQuiz).questions.length, m.slug).toBeGreaterThanOrEqual(5)
      expect((m.media as { small: { kbps: number } }).small.kbps, m.slug).toBeLessThanOrEqual(250)
    }
  })

  it('never hands the quiz answers to learners or visitors (the server scores)', async () => {
    for (const user of [learner, null]) {
      const read = await payload.findByID({ collection: 'modules', id: modules[0]!.id, user, overrideAccess: false })
      expect(read.title).toBeTruthy()
      expect(read.quiz).toBeUndefined()
    }
  })

  it('lets trainers edit a module’s texts, refuses a broken quiz in French, and forbids learners', async () => {
    const trainer = await accountByEmail(payload, 'formateur@example.org')
    const m = modules[0]!
    const updated = await payload.update({ collection: 'modules', id: m.id, data: { summary: `${m.summary} (revu)` }, user: trainer, overrideAccess: false })
    expect(updated.summary).toMatch(/\(revu\)$/)
    await expect(payload.update({ collection: 'modules', id: m.id, data: { quiz: { passMark: 80, questions: [] } }, user: trainer, overrideAccess: false })).rejects.toMatchObject({
      data: { errors: [{ path: 'quiz', message: expect.stringMatching(/^Quiz invalide/) }] },
    })
    await expect(payload.update({ collection: 'modules', id: m.id, data: { summary: 'piraté' }, user: learner, overrideAccess: false })).rejects.toThrow()
  })
})

describe('progress and quizzes', () => {
  it('counts the furthest position only, and completes a module once watched 90 % and passed', async () => {
    const m = modules[1]!
    await recordPosition(payload, learner, m, duration(m) * 0.5)
    const back = await recordPosition(payload, learner, m, 3)
    expect(back.lastPosition).toBe(3)
    expect(back.watchedRatio).toBeCloseTo(0.5, 1)
    const failed = await submitQuiz(payload, learner, m, wrongAnswers(m), crypto.randomUUID())
    expect(failed.passed).toBe(false)
    expect(failed.score).toBe(0)
    const passed = await submitQuiz(payload, learner, m, rightAnswers(m), crypto.randomUUID())
    expect(passed).toMatchObject({ passed: true, score: 100, replayed: false })
    // Passed but only half watched: still in progress.
    let overview = await learnerOverview(payload, learner, 'fr')
    expect(overview.rows.find((r) => r.module.id === m.id)?.state).toBe('inProgress')
    await recordPosition(payload, learner, m, duration(m))
    overview = await learnerOverview(payload, learner, 'fr')
    expect(overview.rows.find((r) => r.module.id === m.id)?.state).toBe('completed')
    expect(overview.rows.find((r) => r.module.id === m.id)?.progress?.completedAt).toBeTruthy()
  })

  it('records a replayed attempt once and answers its first result', async () => {
    const m = modules[2]!
    const attemptId = crypto.randomUUID()
    const first = await submitQuiz(payload, learner, m, wrongAnswers(m), attemptId)
    const replay = await submitQuiz(payload, learner, m, rightAnswers(m), attemptId)
    expect(replay).toMatchObject({ replayed: true, passed: first.passed, score: first.score })
    expect((await payload.count({ collection: 'quiz-attempts', where: { attemptId: { equals: attemptId } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('refuses tampered answers', async () => {
    const m = modules[3]!
    await expect(submitQuiz(payload, learner, m, { 'question-inventee': ['a'] }, crypto.randomUUID())).rejects.toBeInstanceOf(QuizAnswerError)
    const q = (m.quiz as TQuiz).questions[0]!
    await expect(submitQuiz(payload, learner, m, { [q.id]: ['option-inventee'] }, crypto.randomUUID())).rejects.toBeInstanceOf(QuizAnswerError)
  })

  it('keeps learners’ records private to them and to those who follow them', async () => {
    const other = await accountByEmail(payload, 'gestionnaire@example.org')
    expect((await payload.find({ collection: 'quiz-attempts', user: other, overrideAccess: false })).docs).toHaveLength(0)
    expect((await payload.find({ collection: 'module-progress', user: other, overrideAccess: false })).docs).toHaveLength(0)
    const trainer = await accountByEmail(payload, 'formateur@example.org')
    expect((await payload.find({ collection: 'quiz-attempts', user: trainer, overrideAccess: false })).totalDocs).toBeGreaterThan(0)
    // Progress is written by the server only (see tests/int/server-only.test.ts): a learner cannot write any.
    await expect(payload.create({ collection: 'module-progress', data: { user: trainer.id, module: modules[9]!.id, maxPosition: 999, watchedRatio: 1 }, user: learner, overrideAccess: false })).rejects.toThrow(/autorisé|not allowed/i)
  })
})

describe('certificates', () => {
  it('is issued only when every required module is complete, verifiable by code, and revocable', async () => {
    const holder = await payload.create({ collection: 'users', data: { email: 'certifie@example.org', name: 'Kadidia Certifiée', password: 'Fleuve-Niger-en-crue-2026', roles: ['learner'] }, overrideAccess: true })
    expect(await certificateFor(payload, holder)).toBeNull()
    for (const m of modules) {
      await recordPosition(payload, holder, m, duration(m))
      await submitQuiz(payload, holder, m, rightAnswers(m), crypto.randomUUID())
    }
    const certificate = (await certificateFor(payload, holder))!
    expect(certificate.modules).toHaveLength(10)
    expect((await certificateFor(payload, holder))!.id).toBe(certificate.id)
    const code = codeOf(certificate)
    expect((await findByCode(payload, code))?.id).toBe(certificate.id)
    expect(await findByCode(payload, `${certificate.codeId}.${'a'.repeat(32)}`)).toBeNull()
    expect(await findByCode(payload, 'nimportequoi')).toBeNull()
    const text = await pdfText(await renderCertificatePdf(certificate))
    expect(text).toContain('Kadidia Certifiée')
    expect(text).toContain(`Code de vérification : ${code}`)
    // The printed address may wrap: compare it without spaces.
    expect(text.replace(/\s/g, '')).toContain(`/attestations/verifier/${code}`)
    expect(JSON.stringify(certificate)).not.toContain(code.split('.')[1])
    const coordinator = await accountByEmail(payload, 'coordination@example.org')
    await payload.update({ collection: 'certificates', id: certificate.id, data: { revoked: true, revokedReason: 'Erreur de saisie' }, user: coordinator, overrideAccess: false })
    expect((await findByCode(payload, code))?.revoked).toBe(true)
    await expect(payload.update({ collection: 'certificates', id: certificate.id, data: { revoked: false }, user: holder, overrideAccess: false })).rejects.toThrow()
  })
})

describe('uploaded videos', () => {
  it('refuses a file that is not a video, in French', async () => {
    const editor = await accountByEmail(payload, 'editeur@example.org')
    const fake = Buffer.from('pas une vidéo')
    await expect(payload.create({ collection: 'videos', data: {}, file: { data: fake, mimetype: 'video/mp4', name: 'faux.mp4', size: fake.length }, user: editor, overrideAccess: false })).rejects.toMatchObject({
      data: { errors: [{ path: 'file', message: expect.stringMatching(/MP4 ou WebM/) }] },
    })
  })
})
