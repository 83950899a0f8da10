import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { User } from '#cms/payload-types.ts'
import { renderResourcePdf } from '#cms/seed/content.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// A file is public exactly while a published document uses it (issue 9, finding 13): publishing makes it public,
// unpublishing, replacing or deleting the document makes it private again, and nobody sets it by hand.
let payload: Payload
let editor: User
beforeAll(async () => {
  payload = await testPortal()
  editor = await accountByEmail(payload, 'editeur@example.org')
})

const as = (user: User | null) => ({ user, overrideAccess: false as const })
const visibilityOf = async (id: number) => (await payload.findByID({ collection: 'media', id, overrideAccess: true, depth: 0 })).visibility
const anonymousSees = async (id: number) => (await payload.find({ collection: 'media', where: { id: { equals: id } }, ...as(null), depth: 0 })).totalDocs === 1

// `visibility` is in the data only because the type requires it: the server decides (see the last test).
async function upload(name: string, visibility: 'private' | 'public' = 'private') {
  const data = await renderResourcePdf({ title: name, summary: 'Résumé.', sections: [], lines: [] })
  return payload.create({ collection: 'media', data: { alt: name, visibility }, file: { data, mimetype: 'application/pdf', name: `${name}.pdf`, size: data.length }, ...as(editor) })
}

async function draftWith(slug: string, file: number) {
  return payload.create({
    collection: 'resources',
    draft: true,
    data: { _status: 'draft', title: `Fiche ${slug}`, slug, summary: 'Un résumé assez long pour la fiche de test.', type: 'tool', documentStatus: 'validated', language: 'fr', file },
    ...as(editor),
  })
}

describe('file visibility follows publication', () => {
  it('makes a file public on publication and private again when the document is unpublished', async () => {
    const file = await upload('va-et-vient')
    const doc = await draftWith('va-et-vient', file.id)
    expect(await visibilityOf(file.id)).toBe('private')
    await payload.update({ collection: 'resources', id: doc.id, data: { _status: 'published' }, ...as(editor) })
    expect(await visibilityOf(file.id)).toBe('public')
    expect(await anonymousSees(file.id)).toBe(true)

    // A draft saved over the published version changes nothing public yet.
    await payload.update({ collection: 'resources', id: doc.id, draft: true, data: { _status: 'draft', summary: 'Un autre résumé, en brouillon seulement.' }, ...as(editor) })
    expect(await visibilityOf(file.id)).toBe('public')

    // What the admin's "Dépublier" does.
    await payload.update({ collection: 'resources', id: doc.id, data: { _status: 'draft' }, ...as(editor) })
    expect(await visibilityOf(file.id)).toBe('private')
    expect(await anonymousSees(file.id)).toBe(false)

    await payload.update({ collection: 'resources', id: doc.id, data: { _status: 'published' }, ...as(editor) })
    expect(await visibilityOf(file.id)).toBe('public')
  })

  it('makes the replaced file private and keeps a file public while another published document uses it', async () => {
    const shared = await upload('partage')
    const replacement = await upload('remplacement')
    const first = await draftWith('partage-un', shared.id)
    const second = await draftWith('partage-deux', shared.id)
    await payload.update({ collection: 'resources', id: first.id, data: { _status: 'published' }, ...as(editor) })
    await payload.update({ collection: 'resources', id: second.id, data: { _status: 'published' }, ...as(editor) })

    await payload.update({ collection: 'resources', id: first.id, data: { file: replacement.id, _status: 'published' }, ...as(editor) })
    expect(await visibilityOf(replacement.id)).toBe('public')
    expect(await visibilityOf(shared.id)).toBe('public')

    await payload.delete({ collection: 'resources', id: second.id, ...as(editor) })
    expect(await visibilityOf(shared.id)).toBe('private')
  })

  it('never lets anyone set visibility by hand', async () => {
    const file = await upload('a-la-main')
    await payload.update({ collection: 'media', id: file.id, data: { visibility: 'public' }, ...as(editor) })
    expect(await visibilityOf(file.id)).toBe('private')
    expect((await upload('publie-d-office', 'public')).visibility).toBe('private')
  })
})
