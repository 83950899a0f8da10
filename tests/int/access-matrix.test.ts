import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { personalFieldRead } from '#cms/access/index.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// Role × operation matrix for accounts, reference data and the append-only collections, through the Local API
// with `overrideAccess: false`: what the API and the admin enforce for every request.

const ACTORS = {
  anonymous: null,
  admin: 'admin@example.org',
  coordinator: 'coordination@example.org',
  trainer: 'formateur@example.org',
  supervisor: 'superviseur@example.org',
  caseManager: 'gestionnaire@example.org',
  learner: 'apprenant@example.org',
  editor: 'editeur@example.org',
} as const
type Actor = keyof typeof ACTORS

let payload: Payload
const users: Partial<Record<Actor, User>> = {}

beforeAll(async () => {
  payload = await testPortal()
  for (const [actor, email] of Object.entries(ACTORS)) if (email) users[actor as Actor] = await accountByEmail(payload, email)
})

const as = (actor: Actor) => ({ user: users[actor] ?? null, overrideAccess: false as const })
describe.each(['regions', 'cercles', 'organisations'] as const)('reference collection %s', (collection) => {
  const everyone = Object.keys(ACTORS) as Actor[]
  it.each(everyone)('is readable by %s (public reference data)', async (actor) => {
    const { totalDocs } = await payload.find({ collection, ...as(actor), limit: 1 })
    expect(totalDocs).toBeGreaterThan(0)
  })
  it.each(everyone)('can be changed by %s only if admin', async (actor) => {
    const existing = (await payload.find({ collection, limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
    const canUpdate = await allowed(() => payload.update({ collection, id: existing.id, data: {}, ...as(actor) }))
    const canDelete = await allowed(async () => {
      // Probe delete with an id that does not exist: access is checked before the lookup, nothing is removed.
      await payload.delete({ collection, where: { id: { equals: -1 } }, ...as(actor) })
    })
    expect(canUpdate, 'update').toBe(actor === 'admin')
    expect(canDelete, 'delete').toBe(actor === 'admin')
  })
  it('can be created by an admin and not by a coordinator', async () => {
    const region = (await payload.find({ collection: 'regions', limit: 1, overrideAccess: true })).docs[0]!
    const data =
      collection === 'regions'
        ? { name: 'Région test', code: 'TST', kind: 'region' as const }
        : collection === 'cercles'
          ? { name: 'Cercle test', region: region.id }
          : { acronym: 'TEST', name: 'Structure test', kind: 'nationalNgo' as const }
    expect(await allowed(() => payload.create({ collection, data: data as never, ...as('coordinator') }))).toBe(false)
    const created = await payload.create({ collection, data: data as never, ...as('admin') })
    await payload.delete({ collection, id: created.id, overrideAccess: true })
  })
})

describe('users', () => {
  it('refuses any account listing to anonymous visitors', async () => {
    expect(await allowed(() => payload.find({ collection: 'users', ...as('anonymous') }))).toBe(false)
  })

  it.each(Object.keys(ACTORS).filter((a) => a !== 'anonymous') as Actor[])('read scope for %s', async (actor) => {
    const { docs } = await payload.find({ collection: 'users', ...as(actor), limit: 100 })
    if (actor === 'admin' || actor === 'coordinator') expect(docs.length).toBeGreaterThanOrEqual(7)
    else expect(docs.map((d) => d.id)).toEqual([users[actor]!.id])
  })

  it.each(['coordinator', 'trainer', 'supervisor', 'caseManager', 'learner', 'editor', 'anonymous'] as Actor[])(
    '%s cannot create accounts',
    async (actor) => {
      const ok = await allowed(() =>
        payload.create({ collection: 'users', data: { email: `x-${actor}@example.org`, name: 'X', password: 'Baobab-sous-la-pluie-7', roles: ['learner'] }, ...as(actor) }),
      )
      expect(ok).toBe(false)
    },
  )

  it('lets people edit their own profile but not their roles, scope or activation', async () => {
    const learner = users.learner!
    const updated = await payload.update({
      collection: 'users',
      id: learner.id,
      data: { name: 'Oumar Cissé (modifié)', roles: ['admin'], active: false, passwordExpiryExempt: false },
      ...as('learner'),
    })
    expect(updated.name).toBe('Oumar Cissé (modifié)')
    expect(updated.roles).toEqual(['learner'])
    expect(updated.active).toBe(true)
    expect(updated.passwordExpiryExempt).toBe(true)
  })

  it('forbids editing someone else unless admin', async () => {
    for (const actor of ['coordinator', 'trainer', 'learner'] as Actor[]) {
      expect(await allowed(() => payload.update({ collection: 'users', id: users.editor!.id, data: { name: 'Piraté' }, ...as(actor) })), actor).toBe(false)
    }
    const byAdmin = await payload.update({ collection: 'users', id: users.editor!.id, data: { phone: '+223 70 00 00 01' }, ...as('admin') })
    expect(byAdmin.phone).toBe('+223 70 00 00 01')
  })

  it('lets only admins delete accounts', async () => {
    for (const actor of ['coordinator', 'trainer', 'learner', 'editor'] as Actor[]) {
      expect(await allowed(() => payload.delete({ collection: 'users', where: { id: { equals: -1 } }, ...as(actor) })), actor).toBe(false)
    }
    expect(await allowed(() => payload.delete({ collection: 'users', where: { id: { equals: -1 } }, ...as('admin') }))).toBe(true)
  })

  it('shows phone and email to the person, admins and coordinators only (field-level access)', () => {
    const doc = { id: users.editor!.id }
    const check = (actor: Actor) => personalFieldRead({ req: { user: users[actor] ?? null } as never, doc } as never)
    expect(check('editor')).toBe(true)
    expect(check('admin')).toBe(true)
    expect(check('coordinator')).toBe(true)
    expect(check('trainer')).toBe(false)
    expect(check('learner')).toBe(false)
    expect(check('anonymous')).toBe(false)
  })

  it('strips personal fields from populated accounts a reader may not see', async () => {
    // The audit log populates accounts for admins; an admin sees emails. Reading an account through a relation
    // as a trainer is impossible (row access), so the field rule is what protects it in other collections.
    const asCoordinator = await payload.findByID({ collection: 'users', id: users.editor!.id, ...as('coordinator') })
    expect(asCoordinator.email).toBe('editeur@example.org')
    expect(asCoordinator.phone).toBe('+223 70 00 00 01')
  })

  it('opens the admin panel to staff only', () => {
    const adminAccess = payload.collections.users.config.access.admin!
    for (const actor of ['admin', 'coordinator', 'trainer', 'supervisor', 'caseManager', 'editor'] as Actor[]) {
      expect(adminAccess({ req: { user: users[actor] } } as never), actor).toBe(true)
    }
    expect(adminAccess({ req: { user: users.learner } } as never)).toBe(false)
  })
})

describe.each(['audit-log', 'outbox', 'auth-tokens'] as const)('system collection %s', (collection) => {
  it('cannot be written by anyone through the API, admins included', async () => {
    for (const actor of ['admin', 'coordinator', 'anonymous'] as Actor[]) {
      expect(await allowed(() => payload.create({ collection, data: {} as never, ...as(actor) })), `create ${actor}`).toBe(false)
      expect(await allowed(() => payload.update({ collection, where: { id: { exists: true } }, data: {} as never, ...as(actor) })), `update ${actor}`).toBe(false)
      expect(await allowed(() => payload.delete({ collection, where: { id: { exists: true } }, ...as(actor) })), `delete ${actor}`).toBe(false)
    }
  })
  it('is readable by admins only (tokens by nobody)', async () => {
    for (const actor of ['coordinator', 'trainer', 'learner', 'anonymous'] as Actor[]) {
      expect(await allowed(() => payload.find({ collection, ...as(actor) })), actor).toBe(false)
    }
    expect(await allowed(() => payload.find({ collection, ...as('admin') }))).toBe(collection !== 'auth-tokens')
  })
})
