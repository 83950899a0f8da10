import { describe, expect, it } from 'vitest'
import { seed } from '#cms/seed/index.ts'
import { DEMO_PASSWORD, testPortal } from '../helpers/portal.ts'

describe('reference data and seed', () => {
  it('seeds Bamako district and the 19 regions, new ones included', async () => {
    const payload = await testPortal()
    const { docs } = await payload.find({ collection: 'regions', limit: 100, overrideAccess: true })
    expect(docs).toHaveLength(20)
    const names = docs.map((r) => r.name)
    for (const name of ['District de Bamako', 'Kayes', 'Taoudénit', 'Ménaka', 'Nioro', 'Kita', 'Dioïla', 'Nara', 'Bougouni', 'Koutiala', 'San', 'Douentza', 'Bandiagara']) {
      expect(names).toContain(name)
    }
  })

  it('seeds the cercles of Bamako, Kayes, Sikasso, Mopti, Gao and Tombouctou', async () => {
    const payload = await testPortal()
    for (const code of ['BKO', 'KAY', 'SIK', 'MOP', 'GAO', 'TBT']) {
      const region = (await payload.find({ collection: 'regions', where: { code: { equals: code } }, overrideAccess: true })).docs[0]!
      const cercles = await payload.count({ collection: 'cercles', where: { region: { equals: region.id } }, overrideAccess: true })
      expect(cercles.totalDocs, code).toBeGreaterThanOrEqual(4)
    }
  })

  it('seeds the organisations of the system with their kind', async () => {
    const payload = await testPortal()
    const { docs } = await payload.find({ collection: 'organisations', limit: 100, overrideAccess: true })
    const byAcronym = new Map(docs.map((o) => [o.acronym, o.kind]))
    expect(byAcronym.get('DNPEF')).toBe('state')
    expect(byAcronym.get('UNICEF')).toBe('unAgency')
    expect(byAcronym.get('Tdh')).toBe('internationalNgo')
    expect(byAcronym.get('ENDA Mali')).toBe('nationalNgo')
    for (const acronym of ['DNAPE', 'IRC', 'SAMU SOCIAL Mali', 'Kanuya', 'GARDL']) expect(byAcronym.has(acronym), acronym).toBe(true)
  })

  it('creates one demo account per role, exempt from expiry', async () => {
    const payload = await testPortal()
    const { docs } = await payload.find({ collection: 'users', limit: 100, overrideAccess: true })
    const roles = new Set(docs.flatMap((u) => u.roles ?? []))
    expect([...roles].sort()).toEqual(['admin', 'caseManager', 'coordinator', 'editor', 'learner', 'supervisor', 'trainer'])
    expect(docs.every((u) => u.passwordExpiryExempt)).toBe(true)
  })

  it('is idempotent: a second run creates and changes nothing', async () => {
    const payload = await testPortal()
    const snapshot = async () => {
      const out: Record<string, string[]> = {}
      for (const collection of ['regions', 'cercles', 'organisations', 'users'] as const) {
        const { docs } = await payload.find({ collection, limit: 1000, overrideAccess: true, sort: 'id', depth: 0 })
        out[collection] = docs.map((d) => `${d.id}@${d.updatedAt}`)
      }
      return out
    }
    const before = await snapshot()
    const second = await seed(payload, { demo: true, demoPassword: DEMO_PASSWORD })
    expect(second.created).toBe(0)
    expect(await snapshot()).toEqual(before)
  })

  it('keeps an admin’s edit of reference data across seeds', async () => {
    const payload = await testPortal()
    const kayes = (await payload.find({ collection: 'regions', where: { code: { equals: 'KAY' } }, overrideAccess: true })).docs[0]!
    await payload.update({ collection: 'regions', id: kayes.id, data: { name: 'Kayes (modifiée)' }, overrideAccess: true })
    await seed(payload, { demo: true, demoPassword: DEMO_PASSWORD })
    expect((await payload.findByID({ collection: 'regions', id: kayes.id, overrideAccess: true })).name).toBe('Kayes (modifiée)')
  })
})
