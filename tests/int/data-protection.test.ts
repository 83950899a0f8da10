import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// Data-protection requests on a real portal: one person's data exported as a file (audited), a participant
// anonymised with the aggregate figures unchanged (audited).

let payload: Payload
let admin: User
let learner: User
const sys = { overrideAccess: true, depth: 0 } as const
const by = () => ({ payload, user: admin, headers: new Headers({ 'x-portal-client-ip': '192.0.2.10' }) })

beforeAll(async () => {
  payload = await testPortal()
  admin = await accountByEmail(payload, 'admin@example.org')
  learner = await accountByEmail(payload, 'apprenant@example.org')
}, 600_000)

describe('data-protection requests', () => {
  it('exports everything held about one person as an audited JSON file', async () => {
    const { exportPersonalData } = await import('#cms/data-protection/person.ts')
    const { submitSupportRequest } = await import('#cms/support/requests.ts')
    await submitSupportRequest(payload, { category: 'account', urgency: 'normal', description: 'Mon mot de passe ne marche plus.', pageUrl: '/', browser: 'x' }, learner)
    const region = (await payload.find({ collection: 'regions', limit: 1, ...sys })).docs[0]!.id
    const organisation = (await payload.find({ collection: 'organisations', limit: 1, ...sys })).docs[0]!.id
    await payload.create({ collection: 'participants', data: { firstName: 'Oumar', lastName: 'Cissé', sex: 'M', function: 'Travailleur social', organisation, region, email: learner.email, confirmedDistinct: true }, ...sys })
    const response = await exportPersonalData(by(), 'Apprenant@Example.org')
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const file = (await response.json()) as { email: string; rows: number; sections: Record<string, Record<string, unknown>[]> }
    expect(file.email).toBe('apprenant@example.org')
    expect(file.sections.compte).toHaveLength(1)
    expect(file.sections.compte![0]).not.toHaveProperty('hash')
    expect(file.sections.compte![0]).not.toHaveProperty('sessions')
    expect(file.sections.demandes_assistance!.length).toBeGreaterThanOrEqual(1)
    expect(file.sections.participant).toHaveLength(1)
    const entry = (await payload.find({ collection: 'audit-log', where: { action: { equals: 'export.personalData' } }, sort: '-createdAt', limit: 1, ...sys })).docs[0]!
    expect(entry).toMatchObject({ actorEmail: 'admin@example.org', ip: '192.0.2.10', details: { what: 'data-subject-export', rows: file.rows, subjectEmail: 'apprenant@example.org', format: 'json' } })
  })

  it('anonymises a participant: name, phone and email gone, figures unchanged, audited', async () => {
    const { anonymiseParticipant } = await import('#cms/data-protection/person.ts')
    const region = (await payload.find({ collection: 'regions', limit: 1, ...sys })).docs[0]!.id
    const organisation = (await payload.find({ collection: 'organisations', limit: 1, ...sys })).docs[0]!.id
    const person = await payload.create({ collection: 'participants', data: { firstName: 'Kadiatou', lastName: 'Diarra', sex: 'F', function: 'Éducatrice', organisation, region, phone: '+223 70 11 22 33', email: 'kadiatou@example.org', confirmedDistinct: true }, ...sys })
    const figures = async () => {
      const all = (await payload.find({ collection: 'participants', ...sys, pagination: false })).docs
      const key = (p: (typeof all)[number]) => `${p.sex}|${p.region}|${p.organisation}|${p.function}`
      return all.reduce<Record<string, number>>((acc, p) => ({ ...acc, [key(p)]: (acc[key(p)] ?? 0) + 1 }), {})
    }
    const before = await figures()
    await anonymiseParticipant(by(), person.id)
    const after = await payload.findByID({ collection: 'participants', id: person.id, ...sys })
    expect(after).toMatchObject({ firstName: 'Anonyme', lastName: `Participant ${person.id}`, sex: 'F', function: 'Éducatrice', region, organisation })
    expect(after.phone ?? null).toBeNull()
    expect(after.email ?? null).toBeNull()
    expect(JSON.stringify(after)).not.toMatch(/Kadiatou|Diarra|70112233|kadiatou@/)
    expect(await figures()).toEqual(before)
    const entry = (await payload.find({ collection: 'audit-log', where: { action: { equals: 'participant.anonymised' } }, limit: 1, ...sys })).docs[0]!
    expect(entry).toMatchObject({ actorEmail: 'admin@example.org', details: { participant: person.id } })
    expect(JSON.stringify(entry)).not.toMatch(/Kadiatou|Diarra/)
  })

  it('answers an unknown participant with a French 404', async () => {
    const { anonymiseParticipant } = await import('#cms/data-protection/person.ts')
    await expect(anonymiseParticipant(by(), 999_999)).rejects.toMatchObject({ status: 404, message: 'Fiche introuvable.' })
  })
})
