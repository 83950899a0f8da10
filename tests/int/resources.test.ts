import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { MEDIA_DIR } from '#cms/collections/Media.ts'
import { searchResources } from '#cms/search/store.ts'
import { renderResourcePdf } from '#cms/seed/content.ts'
import { accountByEmail, allowed, demoEmailOf, testPortal } from '../helpers/portal.ts'
import { pdfText } from '../helpers/pdf.ts'

let payload: Payload
let editor: User
let learner: User
let admin: User
beforeAll(async () => {
  payload = await testPortal()
  editor = await accountByEmail(payload, 'editeur@example.org')
  learner = await accountByEmail(payload, 'apprenant@example.org')
  admin = await accountByEmail(payload, 'admin@example.org')
})

const pdf = (text: string) => renderResourcePdf({ title: text, summary: 'Résumé.', sections: [], lines: [] })
const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
const as = (user: User | null) => ({ user, overrideAccess: false as const })
const publicFind = (collection: 'resources' | 'media' | 'news', where: Record<string, unknown>) =>
  payload.find({ collection, where: where as never, ...as(null), depth: 0 })

async function draftWithFile(slug: string, title: string) {
  const data = await pdf(title)
  const file = await payload.create({ collection: 'media', data: { alt: title, visibility: 'private' }, file: { data, mimetype: 'application/pdf', name: `${slug}.pdf`, size: data.length }, ...as(editor) })
  const doc = await payload.create({
    collection: 'resources',
    draft: true,
    data: { _status: 'draft', title, slug, summary: `Résumé de ${title}, assez long pour être utile.`, type: 'tool', documentStatus: 'validated', language: 'fr', file: file.id },
    ...as(editor),
  })
  return { doc, file }
}

describe('seed corpus', () => {
  it('ships at least 20 published resources covering every type and step, and 5 news items', async () => {
    const { docs } = await payload.find({ collection: 'resources', where: { _status: { equals: 'published' } }, limit: 200, overrideAccess: true, depth: 0 })
    expect(docs.length).toBeGreaterThanOrEqual(20)
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set(['form', 'guideline', 'sop', 'protocol', 'competency', 'training', 'report', 'tool']))
    expect(new Set(docs.flatMap((d) => d.steps ?? []))).toEqual(new Set(['1', '2', '3', '4', '5', '6', 'annex']))
    expect((await payload.count({ collection: 'news', overrideAccess: true })).totalDocs).toBeGreaterThanOrEqual(5)
  })

  it('gives each resource a real PDF whose text is the resource', async () => {
    const doc = (await payload.find({ collection: 'resources', where: { slug: { equals: 'formulaire-1c-evaluation-initiale' } }, depth: 1, overrideAccess: true })).docs[0]!
    const file = doc.file as { filename: string; mimeType: string; filesize: number }
    expect(file.mimeType).toBe('application/pdf')
    expect(file.filesize).toBeGreaterThan(1500)
    const text = await pdfText(fs.readFileSync(path.join(MEDIA_DIR, file.filename)))
    expect(text).toContain('Évaluation initiale')
    expect(text).toContain(doc.sections![0]!.heading)
  })

  it('links a new version to the one it replaces', async () => {
    const archived = (await payload.find({ collection: 'resources', where: { slug: { equals: 'lignes-directrices-gestion-des-cas-2023' } }, depth: 1, overrideAccess: true })).docs[0]!
    expect(archived.documentStatus).toBe('archived')
    expect((archived.supersededBy as { slug: string }).slug).toBe('lignes-directrices-gestion-des-cas')
  })
})

describe('the public reads only published items', () => {
  it('hides drafts and their files from anonymous visitors and learners, shows them to editors', async () => {
    const { doc, file } = await draftWithFile('brouillon-interne', 'Brouillon interne')
    expect((await publicFind('resources', { slug: { equals: 'brouillon-interne' } })).docs).toHaveLength(0)
    expect((await payload.find({ collection: 'resources', where: { slug: { equals: 'brouillon-interne' } }, ...as(learner) })).docs).toHaveLength(0)
    expect((await payload.find({ collection: 'resources', where: { slug: { equals: 'brouillon-interne' } }, draft: true, ...as(editor) })).docs).toHaveLength(1)
    expect((await publicFind('media', { id: { equals: file.id } })).docs).toHaveLength(0)

    await payload.update({ collection: 'resources', id: doc.id, data: { _status: 'published' }, ...as(editor) })
    expect((await publicFind('resources', { slug: { equals: 'brouillon-interne' } })).docs).toHaveLength(1)
    expect((await publicFind('media', { id: { equals: file.id } })).docs).toHaveLength(1)
  })

  it('keeps archived versions public (they are the history)', async () => {
    expect((await publicFind('resources', { slug: { equals: 'lignes-directrices-gestion-des-cas-2023' } })).docs).toHaveLength(1)
  })

  it('hides unpublished news', async () => {
    await payload.create({ collection: 'news', draft: true, data: { _status: 'draft', title: 'Annonce en préparation', slug: 'annonce-en-preparation', summary: 'Pas encore publiée, pas encore visible.', body: 'Texte.' }, ...as(editor) })
    expect((await publicFind('news', { slug: { equals: 'annonce-en-preparation' } })).docs).toHaveLength(0)
  })
})

describe('scheduled publication', () => {
  it('publishes a draft at its scheduled time through the jobs queue, as the editor who scheduled it', async () => {
    const { doc } = await draftWithFile('publication-programmee', 'Note à publication programmée')
    // What the admin's "Planifier la publication" does: a schedulePublish job waiting until the chosen time.
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'resources', value: String(doc.id) }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() + 1500),
    } as never)
    expect((await publicFind('resources', { slug: { equals: 'publication-programmee' } })).docs).toHaveLength(0)
    const deadline = Date.now() + 15_000
    let published = 0
    while (published === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500))
      published = (await publicFind('resources', { slug: { equals: 'publication-programmee' } })).docs.length
    }
    expect(published).toBe(1)
  })
})

describe('search follows the database', () => {
  it('finds a document as soon as it is published, never before', async () => {
    expect(await searchResources(payload, 'hydrographie', 'fr')).toHaveLength(0)
    const { doc } = await draftWithFile('fiche-hydrographie', 'Fiche hydrographie des zones inondables')
    expect((await searchResources(payload, 'hydrographie', 'fr')).map((h) => h.doc.slug)).not.toContain('fiche-hydrographie')
    await payload.update({ collection: 'resources', id: doc.id, data: { _status: 'published' }, ...as(editor) })
    expect((await searchResources(payload, 'hydrographie', 'fr'))[0]?.doc.slug).toBe('fiche-hydrographie')
    await payload.delete({ collection: 'resources', id: doc.id, ...as(editor) })
    expect(await searchResources(payload, 'hydrographie', 'fr')).toHaveLength(0)
  })

  it('is accent-insensitive over the shipped corpus and finds forms by code', async () => {
    expect((await searchResources(payload, 'evaluation initiale', 'fr'))[0]?.doc.formCode).toBe('1.C')
    expect((await searchResources(payload, '4.E', 'fr'))[0]?.doc.formCode).toBe('4.E')
  })
})

describe('uploads', () => {
  it('refuses a .pdf that is not a PDF, with a French message, and stores nothing', async () => {
    const before = (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs
    const fake = Buffer.from('Ceci est du texte, pas un PDF.')
    await expect(
      payload.create({ collection: 'media', data: { visibility: 'private' }, file: { data: fake, mimetype: 'application/pdf', name: 'faux.pdf', size: fake.length }, ...as(editor) }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'file', message: expect.stringMatching(/n’est pas un fichier/) }] } })
    expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('stores a safe file name', async () => {
    const data = await pdf('x')
    const file = await payload.create({ collection: 'media', data: { visibility: 'private' }, file: { data, mimetype: 'application/pdf', name: '../../etc/mot passe<script>.pdf', size: data.length }, ...as(editor) })
    expect(file.filename).not.toMatch(/[/\\<>]/)
    expect(fs.existsSync(path.join(MEDIA_DIR, file.filename!))).toBe(true)
  })

  it('lets only editors and admins upload', async () => {
    const data = await pdf('y')
    await expect(payload.create({ collection: 'media', data: { visibility: 'private' }, file: { data, mimetype: 'application/pdf', name: 'y.pdf', size: data.length }, ...as(learner) })).rejects.toThrow()
  })
})

describe('consultation comments', () => {
  const sopSlug = 'pos-interet-superieur-enfants-en-deplacement'
  const sop = async () => (await payload.find({ collection: 'resources', where: { slug: { equals: sopSlug } }, overrideAccess: true, depth: 0 })).docs[0]!

  it('lets a signed-in practitioner comment a section while open, never set the decision, and only read their own', async () => {
    const doc = await sop()
    const comment = await payload.create({
      collection: 'consultation-comments',
      data: { resource: doc.id, section: doc.sections![0]!.heading, comment: 'Préciser le rôle des services de l’État.', decision: 'accepted', reply: 'auto-validé' },
      ...as(learner),
    })
    expect(idOf(comment.author)).toBe(learner.id)
    expect(comment.decision).toBe('pending')
    expect(comment.reply ?? null).toBeNull()
    const trainer = await accountByEmail(payload, 'formateur@example.org')
    expect((await payload.find({ collection: 'consultation-comments', ...as(trainer) })).docs).toHaveLength(0)
    expect((await payload.find({ collection: 'consultation-comments', ...as(learner) })).docs.map((c) => c.id)).toContain(comment.id)
    await expect(payload.create({ collection: 'consultation-comments', data: { resource: doc.id, section: 'x', comment: 'anonyme', decision: 'pending' }, ...as(null) })).rejects.toThrow()
  })

  it('records who answered and when', async () => {
    const doc = await sop()
    const c = await payload.create({ collection: 'consultation-comments', data: { resource: doc.id, section: doc.sections![1]!.heading, comment: 'Ajouter un schéma du processus.', decision: 'pending' }, ...as(learner) })
    const answered = await payload.update({ collection: 'consultation-comments', id: c.id, data: { decision: 'rejected', reply: 'Le schéma figure en annexe.' }, ...as(editor) })
    expect(answered).toMatchObject({ decision: 'rejected', reply: 'Le schéma figure en annexe.' })
    expect(idOf(answered.answeredBy)).toBe(editor.id)
    expect(answered.answeredAt).toBeTruthy()
  })

  it('makes comments read-only once the consultation has closed', async () => {
    const doc = await sop()
    const c = await payload.create({ collection: 'consultation-comments', data: { resource: doc.id, section: doc.sections![0]!.heading, comment: 'Avant la clôture.', decision: 'pending' }, ...as(learner) })
    await payload.update({ collection: 'resources', id: doc.id, data: { consultationClosesAt: '2020-01-01T00:00:00.000Z' }, ...as(admin) })
    await expect(payload.create({ collection: 'consultation-comments', data: { resource: doc.id, section: 'x', comment: 'Trop tard.', decision: 'pending' }, ...as(learner) })).rejects.toMatchObject({ message: expect.stringMatching(/consultation .* close/) })
    await expect(payload.update({ collection: 'consultation-comments', id: c.id, data: { comment: 'Modifié après clôture.' }, ...as(learner) })).rejects.toMatchObject({ message: expect.stringMatching(/close/) })
    // The drafting team can still answer after closing.
    expect((await payload.update({ collection: 'consultation-comments', id: c.id, data: { decision: 'accepted', reply: 'Retenu.' }, ...as(editor) })).decision).toBe('accepted')
    await payload.update({ collection: 'resources', id: doc.id, data: { consultationClosesAt: '2099-12-31T00:00:00.000Z' }, ...as(admin) })
  })
})

describe('content access matrix', () => {
  const roles = ['admin', 'coordinator', 'trainer', 'supervisor', 'caseManager', 'learner', 'editor'] as const
  it.each(roles)('%s may write resources and news only if editor or admin', async (role) => {
    const user = await accountByEmail(payload, await demoEmailOf(role))
    const writer = role === 'editor' || role === 'admin'
    const slug = `essai-${role.toLowerCase()}`
    expect(await allowed(() => payload.create({ collection: 'resources', data: { title: `Essai ${role}`, slug, summary: 'Un résumé suffisant pour le test.', type: 'tool', documentStatus: 'draft', language: 'fr' }, ...as(user) }))).toBe(writer)
    expect(await allowed(() => payload.create({ collection: 'news', data: { title: `Essai ${role}`, slug, summary: 'Un chapeau suffisant.', body: 'Texte.' }, ...as(user) }))).toBe(writer)
    expect(await allowed(() => payload.delete({ collection: 'resources', where: { id: { equals: -1 } }, ...as(user) }))).toBe(writer)
    expect(await allowed(() => payload.delete({ collection: 'consultation-comments', where: { id: { equals: -1 } }, ...as(user) }))).toBe(role === 'admin')
  })
})
