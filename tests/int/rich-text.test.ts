import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Resource, User } from '#cms/payload-types.ts'
import { markdownToSectionBody, type TSectionBody } from '#cms/rich-text/editor.ts'
import { isSafeHref, richTextToHtml, richTextToPlainText, sanitiseHtml } from '#cms/rich-text/html.ts'
import { searchResources } from '#cms/search/store.ts'
import * as migration from '#cms/migrations/sqlite/20261201_074136_resource_rich_text.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

let payload: Payload
let editor: User
beforeAll(async () => {
  payload = await testPortal()
  editor = await accountByEmail(payload, 'editeur@example.org')
  // Booting, migrating and seeding a portal takes minutes on a loaded machine.
}, 600_000)

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: null, format: '', indent: 0, textFormat: 0, version: 1 })
const link = (url: string, label: string) => ({ type: 'link', children: [text(label)], fields: { linkType: 'custom', url, newTab: false }, direction: null, format: '', indent: 0, version: 3, id: 'x' })
const state = (...children: unknown[]) => ({ root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } }) as unknown as TSectionBody

async function seeded(slug: string): Promise<Resource> {
  const doc = (await payload.find({ collection: 'resources', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!doc) throw new Error(`The seed has no resource ${slug}.`)
  return doc
}

describe('seed: Markdown content to rich text', () => {
  it('turns the Markdown "- " lines of a content file into a real list, rendered as <ul><li>', async () => {
    const doc = await seeded('formulaire-1a-consentement-partage-informations')
    const contenu = doc.sections!.find((s) => s.heading === 'Contenu')!
    const list = contenu.body.root.children.find((n) => n.type === 'list') as { tag: string; children: unknown[] } | undefined
    expect(list?.tag).toBe('ul')
    expect(list?.children).toHaveLength(5)
    const html = richTextToHtml(contenu.body)
    expect(html.match(/<li>/g)).toHaveLength(5)
    expect(html).toMatch(/^<ul><li>Les explications données/)
    expect(html).not.toMatch(/<p>\s*- /)
  })

  it('leaves no seeded section with a paragraph that starts with a dash', async () => {
    const { docs } = await payload.find({ collection: 'resources', limit: 0, pagination: false, depth: 0, overrideAccess: true })
    const dashed = docs.flatMap((d) => (d.sections ?? []).filter((s) => /<p>\s*[-–] /.test(richTextToHtml(s.body))).map((s) => `${d.slug} › ${s.heading}`))
    expect(dashed).toEqual([])
    expect(docs.filter((d) => (d.sections ?? []).some((s) => richTextToHtml(s.body).includes('<ul>'))).length).toBeGreaterThan(20)
  })

  it('converts emphasis, links, numbered lists and tables, and the table is shown as a table', async () => {
    const body = await markdownToSectionBody(payload.config, 'Un **point** et *un autre*, voir [le guide](https://example.org/guide).\n\n1. un\n2. deux\n\n| Étape | Délai |\n|---|---|\n| Évaluation initiale | 72 heures |')
    const html = richTextToHtml(body)
    expect(html).toContain('<strong>point</strong>')
    expect(html).toContain('<em>un autre</em>')
    expect(html).toContain('<a href="https://example.org/guide">le guide</a>')
    expect(html).toMatch(/<ol><li>un<\/li><li>deux<\/li><\/ol>/)
    expect(html).toMatch(/<table>.*<th>.*Étape.*<\/th>.*<td>.*72 heures.*<\/td>.*<\/table>/)
    expect(html).not.toContain('style=')
    expect(richTextToPlainText(body)).toContain('Évaluation initiale')
  })
})

describe('rich text to HTML is sanitised', () => {
  it('neutralises a javascript: link and keeps web, mail and relative links', () => {
    const html = richTextToHtml(state(paragraph(link('javascript:alert(1)', 'piège'), text(' '), link('JaVaScRiPt:alert(1)', 'piège 2'), text(' '), link('java\tscript:alert(1)', 'piège 3'), text(' '), link('data:text/html,<script>alert(1)</script>', 'data'), text(' '), link('//autre-site.example', 'ailleurs'), text(' '), link('https://example.org/a?b=1&c=2', 'web'), text(' '), link('mailto:dnpef@example.org', 'mail'), text(' '), link('/ressources/guide', 'interne'))))
    expect(html).not.toMatch(/javascript|data:|autre-site/i)
    expect(html.match(/href="#"/g)).toHaveLength(5)
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2"')
    expect(html).toContain('href="mailto:dnpef@example.org"')
    expect(html).toContain('href="/ressources/guide"')
  })

  it('shows an <img onerror> typed in the content as text, and strips one in HTML', () => {
    const html = richTextToHtml(state(paragraph(text('<img src=x onerror=alert(1)>'))))
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>')
    expect(sanitiseHtml('<p>a<img src=x onerror="alert(1)">b</p><script>alert(2)</script><p style="color:red" onclick="x()">c</p><a href="javascript:alert(3)" onmouseover="y()">d</a>')).toBe('<p>ab</p><p>c</p><a href="#">d</a>')
    expect(sanitiseHtml('<a href="&#106;avascript:alert(1)">e</a><a href="jav&#x09;ascript:alert(1)">f</a>')).toBe('<a href="#">e</a><a href="#">f</a>')
  })

  it('drops node types it does not know (raw HTML, uploads) instead of trusting them', () => {
    const html = richTextToHtml(state(paragraph(text('avant')), { type: 'upload', fields: null, relationTo: 'media', value: { url: 'javascript:alert(1)', mimeType: 'image/png', alt: '"><script>alert(1)</script>' }, version: 3, format: '' }))
    expect(html).not.toMatch(/<img|<script|javascript/i)
    expect(html).toContain('<p>avant</p>')
  })

  it('accepts only http(s), mailto and relative addresses', () => {
    expect(['https://a.org', 'http://a.org', 'mailto:a@b.org', '/x', '#y', '?z=1', 'page'].every(isSafeHref)).toBe(true)
    expect(['javascript:x', 'vbscript:x', 'data:x', 'file:///etc', '//a.org', '\\\\a', '', 'java\nscript:x'].some(isSafeHref)).toBe(false)
  })

  it('is applied to what an editor saves through the API', async () => {
    const doc = await payload.create({
      collection: 'resources',
      draft: true,
      data: { _status: 'draft', title: 'Texte piégé', slug: 'texte-piege', summary: 'Un document dont le texte contient un lien et une image piégés.', type: 'tool', documentStatus: 'draft', language: 'fr', sections: [{ heading: 'Section', body: state(paragraph(link('javascript:alert(document.cookie)', 'cliquer'), text('<img src=x onerror=alert(1)>'))) }] },
      user: editor,
      overrideAccess: false,
    })
    const html = richTextToHtml(doc.sections![0]!.body)
    expect(html).toBe('<p><a href="#">cliquer</a>&lt;img src=x onerror=alert(1)&gt;</p>')
  })
})

describe('search indexes the sections’ plain text', () => {
  it('finds a document by a word that appears only in a section body', async () => {
    const doc = await seeded('formulaire-1a-consentement-partage-informations')
    expect(`${doc.title} ${doc.summary} ${(doc.tags ?? []).join(' ')}`).not.toMatch(/empreintes/i)
    const hits = await searchResources(payload, 'empreintes', 'fr')
    expect(hits.map((h) => h.doc.slug)).toContain('formulaire-1a-consentement-partage-informations')
  })
})

describe('data migration of plain-text bodies', () => {
  it('converts a former plain-text body (documents and versions), twice without harm, and back to Markdown going down', async () => {
    const db = payload.db.drizzle
    const doc = await seeded('formulaire-1b-enregistrement-du-cas')
    const plain = 'Premier paragraphe.\n\n- premier point\n- second point\n\nDernier paragraphe.'
    await db.run(sql`UPDATE resources_sections SET body = ${plain} WHERE _parent_id = ${doc.id} AND _locale = 'fr' AND _order = 1`)
    await db.run(sql`UPDATE _resources_v_version_sections SET body = ${plain} WHERE _order = 1 AND _parent_id IN (SELECT id FROM _resources_v WHERE parent_id = ${doc.id})`)
    const args = { db, payload, req: {} } as unknown as Parameters<typeof migration.up>[0]

    await migration.up(args)
    const after = await seeded('formulaire-1b-enregistrement-du-cas')
    expect(richTextToHtml(after.sections![0]!.body)).toBe('<p>Premier paragraphe.</p><ul><li>premier point</li><li>second point</li></ul><p>Dernier paragraphe.</p>')
    const versions = await db.all<{ body: string }>(sql`SELECT body FROM _resources_v_version_sections WHERE _parent_id IN (SELECT id FROM _resources_v WHERE parent_id = ${doc.id})`)
    expect(versions.length).toBeGreaterThan(0)
    expect(versions.every((v) => JSON.parse(v.body).root)).toBe(true)

    const rows = () => db.all<{ id: string; body: string }>(sql`SELECT id, body FROM resources_sections ORDER BY id`)
    const once = await rows()
    await migration.up(args)
    expect(await rows()).toEqual(once)

    await migration.down(args)
    const [down] = await db.all<{ body: string }>(sql`SELECT body FROM resources_sections WHERE _parent_id = ${doc.id} AND _locale = 'fr' AND _order = 1`)
    expect(down!.body).toMatch(/^Premier paragraphe\.\n\n- premier point\n- second point\n\nDernier paragraphe\.$/)
    await migration.up(args)
    expect(richTextToHtml((await seeded('formulaire-1b-enregistrement-du-cas')).sections![0]!.body)).toContain('<li>second point</li>')
  })
})
