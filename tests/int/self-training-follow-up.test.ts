import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { followUp } from '#cms/self-training/follow-up.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// The trainers' follow-up of self-training: learners by name with organisation, region, modules done and last
// activity; filters checked with zod; exports with French role names and headings that say what they count.
let payload: Payload
let trainer: User
let admin: User
const ids: Record<string, number> = {}
beforeAll(async () => {
  payload = await testPortal()
  trainer = await accountByEmail(payload, 'formateur@example.org')
  admin = await accountByEmail(payload, 'admin@example.org')
  const find = async (collection: 'organisations' | 'regions', field: string, value: string) => (await payload.find({ collection, where: { [field]: { equals: value } }, limit: 1, overrideAccess: true })).docs[0]!.id as number
  ids.irc = await find('organisations', 'acronym', 'IRC')
  ids.tdh = await find('organisations', 'acronym', 'Tdh')
  ids.gao = await find('regions', 'code', 'GAO')
  ids.mopti = await find('regions', 'code', 'MOP')
  const modules = (await payload.find({ collection: 'modules', sort: 'order', limit: 3, overrideAccess: true })).docs
  const learner = (email: string, name: string, organisation: number, region: number, roles: ('learner' | 'caseManager')[]) =>
    payload.create({ collection: 'users', data: { email, name, password: 'Fleuve-Niger-en-crue-2026', roles, organisation, region, passwordExpiryExempt: true }, overrideAccess: true })
  const awa = await learner('awa.suivi@example.org', 'Awa Suivi', ids.irc, ids.gao, ['learner', 'caseManager'])
  const issa = await learner('issa.suivi@example.org', 'Issa Suivi', ids.tdh, ids.mopti, ['learner'])
  for (const m of modules.slice(0, 2)) await payload.create({ collection: 'module-progress', data: { user: awa.id, module: m.id, watchedRatio: 1, bestScore: 100, passed: true, completedAt: '2026-03-02T10:00:00.000Z' }, overrideAccess: true })
  await payload.create({ collection: 'module-progress', data: { user: issa.id, module: modules[0]!.id, watchedRatio: 1 / 6 }, overrideAccess: true })

  // Booting the portal (migrations and seed) takes minutes on a loaded machine.
}, 600_000)

async function exportAs(user: User, query: string): Promise<Response> {
  const { GET } = await import('../../site/pages/formation/suivi/export.ts')
  const url = new URL(`http://localhost:4321/formation/suivi/export?${query}`)
  return GET({ url, request: new Request(url), locals: { payload, user, lang: 'fr' } } as never) as Promise<Response>
}

describe('learners by name', () => {
  it('lists each learner with organisation, region, modules completed and started, and last activity', async () => {
    const data = await followUp(payload, trainer)
    const awa = data.learners.find((l) => l.name === 'Awa Suivi')
    const issa = data.learners.find((l) => l.name === 'Issa Suivi')
    expect(awa).toMatchObject({ organisation: 'IRC', region: expect.stringMatching(/Gao/), modulesCompleted: 2, modulesStarted: 2 })
    expect(issa).toMatchObject({ organisation: 'Tdh', modulesCompleted: 0, modulesStarted: 1 })
    expect(awa?.lastActivity).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(data.totalModules).toBeGreaterThanOrEqual(10)
    expect(data.choices.role.map((r) => r.label)).toEqual(expect.arrayContaining(['Apprenant', 'Gestionnaire de cas']))
  })

  it('filters by organisation, region and role', async () => {
    const names = async (filters: Parameters<typeof followUp>[2]) => (await followUp(payload, trainer, filters)).learners.map((l) => l.name)
    expect(await names({ structure: String(ids.irc) })).toEqual(['Awa Suivi'])
    expect(await names({ region: String(ids.mopti) })).toEqual(['Issa Suivi'])
    expect(await names({ role: 'caseManager' })).toEqual(['Awa Suivi'])
    expect(await names({ structure: String(ids.tdh), role: 'caseManager' })).toEqual([])
  })
})

describe('the progress export', () => {
  it('names roles in French, heads its columns with what they count, rounds half up and applies the filters', async () => {
    const response = await exportAs(admin, `format=csv&structure=${ids.tdh}`)
    expect(response.status).toBe(200)
    const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    expect(header).toContain('Part de la vidéo regardée (%)')
    expect(header).toContain('Meilleur score au quiz (%)')
    expect(header).toContain('Dernière activité le')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('Issa Suivi')
    expect(rows[0]).toContain('Apprenant')
    expect(rows[0]).not.toMatch(/\blearner\b/)
    // 1/6 of the video: 17 %, the same rounding as quiz scores.
    expect(rows[0]).toMatch(/[;,]"?17"?[;,]/)
  })

  it('refuses a filter that is not in the lists with a French 400, instead of exporting everyone', async () => {
    const response = await exportAs(admin, 'format=csv&role=superhero')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { message: string; path?: string }[] }
    expect(JSON.stringify(body)).toContain('Rôle inconnu : choisissez-en un dans la liste.')
  })
})
