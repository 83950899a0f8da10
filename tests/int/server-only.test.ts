import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Module, User } from '#cms/payload-types.ts'
import { LOCKS_SLUG } from '#cms/access/locks.ts'
import { SERVER_ONLY_COLLECTIONS, type ServerOnlySlug } from '#cms/access/server-only.ts'
import { recordPosition, submitQuiz } from '#cms/self-training/progress.ts'
import { ROLES, type Role } from '#cms/rules/roles.ts'
import type { TQuiz } from '../../training/schema.ts'
import { accountByEmail, allowed, demoEmailOf, testPortal } from '../helpers/portal.ts'

// Server-computed records are written by the server only (issue 9, findings 1, 8 and 10), through the Local API
// with `overrideAccess: false`: exactly what REST and the admin enforce for every request.

let payload: Payload
const users = {} as Record<Role, User>
let modules: Module[]
beforeAll(async () => {
  payload = await testPortal()
  for (const role of ROLES) users[role] = await accountByEmail(payload, await demoEmailOf(role))
  modules = (await payload.find({ collection: 'modules', sort: 'order', limit: 20, overrideAccess: true })).docs
}, 300_000)
const as = (role: Role | 'anonymous') => ({ user: role === 'anonymous' ? null : users[role], overrideAccess: false as const })
const everyone = [...ROLES, 'anonymous'] as const
const serverOnly = Object.keys(SERVER_ONLY_COLLECTIONS) as ServerOnlySlug[]
const duration = (m: Module) => (m.media as { durationSeconds: number }).durationSeconds

describe('the server-only list', () => {
  it('names collections that exist, each refusing create even to an administrator', async () => {
    for (const slug of serverOnly) {
      const collection = payload.collections[slug as keyof typeof payload.collections]
      expect(collection, slug).toBeDefined()
      expect(await collection.config.access.create!({ req: { user: users.admin, payload } as never }), slug).toBe(false)
    }
  })
})

describe.each(serverOnly)('server-only collection %s', (slug) => {
  it.each(everyone)('refuses create to %s', async (role) => {
    const self = role === 'anonymous' ? undefined : users[role].id
    const data = { user: self, module: modules[0]!.id, watchedRatio: 1, bestScore: 100, passed: true, score: 100, attemptId: crypto.randomUUID(), answers: {}, results: [] }
    expect(await allowed(() => payload.create({ collection: slug as never, data: data as never, ...as(role) }))).toBe(false)
  })

  it.each(everyone)('refuses any update to %s unless the one declared client update applies', async (role) => {
    const declared = SERVER_ONLY_COLLECTIONS[slug] as { clientUpdate?: string }
    if (declared.clientUpdate) return // certificates and locks: tested below, field by field
    expect(await allowed(() => payload.update({ collection: slug as never, where: { id: { exists: true } }, data: { passed: true } as never, ...as(role) }))).toBe(false)
  })
})

describe('finding 1: a learner cannot forge progress, attempts or a certificate', () => {
  it('refuses the forged progress, and an update of their own record, whatever the fields', async () => {
    const learner = users.learner
    const m = modules[0]!
    expect(await allowed(() => payload.create({ collection: 'module-progress', data: { user: learner.id, module: m.id, watchedRatio: 1, bestScore: 100, passed: true }, ...as('learner') }))).toBe(false)
    const own = await recordPosition(payload, learner, m, 5)
    expect(await allowed(() => payload.update({ collection: 'module-progress', id: own.id, data: { passed: true, watchedRatio: 1, bestScore: 100 }, ...as('learner') }))).toBe(false)
    const after = await payload.findByID({ collection: 'module-progress', id: own.id, overrideAccess: true })
    expect(after.passed).toBe(false)
    expect(after.watchedRatio).toBeLessThan(0.9)
  })

  it('saves progress and quiz results through the server operations, with values the server computed', async () => {
    const learner = users.learner
    const m = modules[1]!
    const saved = await recordPosition(payload, learner, m, 36_000)
    expect(saved.maxPosition).toBe(duration(m))
    expect(saved.watchedRatio).toBe(1)
    await expect(recordPosition(payload, learner, m, -3)).rejects.toThrow(/négative/)
    await expect(recordPosition(payload, learner, m, Number.NaN)).rejects.toThrow(/Position invalide/)
    const quiz = m.quiz as TQuiz
    const result = await submitQuiz(payload, learner, m, Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct])), crypto.randomUUID())
    expect(result.passed).toBe(true)
    const { docs } = await payload.find({ collection: 'module-progress', where: { and: [{ user: { equals: learner.id } }, { module: { equals: m.id } }] }, overrideAccess: true })
    expect(docs[0]).toMatchObject({ passed: true, bestScore: result.score })
  })

  it('lets coordinators revoke a certificate and nothing else: the holder, name and code stay the server’s', async () => {
    const holder = users.learner
    const certificate = await payload.create({ collection: 'certificates', data: { user: holder.id, holderName: 'Oumar Cissé', codeId: `test-${crypto.randomUUID()}`, issuedAt: new Date().toISOString() }, overrideAccess: true })
    const updated = await payload.update({ collection: 'certificates', id: certificate.id, data: { revoked: true, revokedReason: 'Erreur', holderName: 'Faussaire', codeId: 'forge', user: users.admin.id }, ...as('coordinator') })
    expect(updated).toMatchObject({ revoked: true, revokedReason: 'Erreur', holderName: 'Oumar Cissé', codeId: certificate.codeId })
    expect((updated.user as User).id ?? updated.user).toBe(holder.id)
    for (const role of ['learner', 'trainer', 'editor'] as const) {
      expect(await allowed(() => payload.update({ collection: 'certificates', id: certificate.id, data: { revoked: false }, ...as(role) })), role).toBe(false)
    }
  })
})

describe('finding 8: editing locks', () => {
  const lockOn = async (resource: number) =>
    payload.db.create({ collection: LOCKS_SLUG, data: { document: { relationTo: 'resources', value: resource }, user: { relationTo: 'users', value: users.editor.id } } }) as Promise<{ id: number }>

  it('refuses lock creation through the API to every role (the admin’s edit view writes locks as the system)', async () => {
    const resource = (await payload.find({ collection: 'resources', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
    for (const role of everyone) {
      const data = { document: { relationTo: 'resources', value: resource.id }, user: { relationTo: 'users', value: role === 'anonymous' ? users.admin.id : users[role].id } }
      expect(await allowed(() => payload.create({ collection: LOCKS_SLUG as never, data: data as never, ...as(role) })), role).toBe(false)
    }
  })

  it('lets only people who may edit the document take over or release its lock, always in their own name', async () => {
    const resource = (await payload.find({ collection: 'resources', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
    const lock = await lockOn(resource.id)
    for (const role of ['learner', 'trainer', 'caseManager'] as const) {
      expect(await allowed(() => payload.update({ collection: LOCKS_SLUG as never, id: lock.id, data: {} as never, ...as(role) })), role).toBe(false)
      expect(await allowed(() => payload.delete({ collection: LOCKS_SLUG as never, id: lock.id, ...as(role) })), role).toBe(false)
    }
    expect(await allowed(() => payload.find({ collection: LOCKS_SLUG as never, ...as('learner') }))).toBe(false)
    const taken = (await payload.update({ collection: LOCKS_SLUG as never, id: lock.id, data: { user: { relationTo: 'users', value: users.learner.id } } as never, ...as('admin'), depth: 0 })) as unknown as { user: { value: number } }
    expect(taken.user.value).toBe(users.admin.id)
    expect(await allowed(() => payload.delete({ collection: LOCKS_SLUG as never, id: lock.id, ...as('editor') }))).toBe(true)
  })
})

describe('finding 10: server-set fields are read-only to clients', () => {
  it('ignores a forged answeredBy / answeredAt on a comment, and stamps the editor who answers', async () => {
    const sop = (await payload.find({ collection: 'resources', where: { consultationClosesAt: { greater_than: new Date().toISOString() } }, overrideAccess: true, depth: 0, limit: 1 })).docs[0]!
    const forged = { answeredBy: users.admin.id, answeredAt: '2020-01-01T00:00:00.000Z' }
    const comment = await payload.create({ collection: 'consultation-comments', data: { resource: sop.id, section: 'Introduction', comment: 'Un avis.', decision: 'pending', ...forged }, ...as('learner'), depth: 0 })
    expect(comment.answeredBy ?? null).toBeNull()
    expect(comment.answeredAt ?? null).toBeNull()
    const edited = await payload.update({ collection: 'consultation-comments', id: comment.id, data: { comment: 'Un avis précisé.', ...forged }, ...as('learner'), depth: 0 })
    expect(edited.answeredBy ?? null).toBeNull()
    const answered = await payload.update({ collection: 'consultation-comments', id: comment.id, data: { decision: 'accepted', reply: 'Merci.', answeredBy: users.admin.id }, ...as('editor'), depth: 0 })
    expect(answered.answeredBy).toBe(users.editor.id)
    expect(answered.answeredAt).not.toBe(forged.answeredAt)
  })

  it('sets registeredBy from the session, never from the request', async () => {
    const [organisation, region] = await Promise.all([
      payload.find({ collection: 'organisations', limit: 1, overrideAccess: true }).then((r) => r.docs[0]!),
      payload.find({ collection: 'regions', limit: 1, overrideAccess: true }).then((r) => r.docs[0]!),
    ])
    const person = { firstName: 'Test', function: 'Agent', sex: 'F' as const, organisation: organisation.id, region: region.id, registeredBy: users.admin.id, confirmedDistinct: true }
    const byTrainer = await payload.create({ collection: 'participants', data: { ...person, lastName: 'ENREGISTREMENT-UN' }, ...as('trainer'), depth: 0 })
    expect(byTrainer.registeredBy).toBe(users.trainer.id)
    const byCoordinator = await payload.create({ collection: 'participants', data: { ...person, lastName: 'ENREGISTREMENT-DEUX' }, ...as('coordinator'), depth: 0 })
    expect(byCoordinator.registeredBy ?? null).toBeNull()
    const updated = await payload.update({ collection: 'participants', id: byTrainer.id, data: { registeredBy: users.coordinator.id }, ...as('coordinator'), depth: 0 })
    expect(updated.registeredBy).toBe(users.trainer.id)
  })
})
