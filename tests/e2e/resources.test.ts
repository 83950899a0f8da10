import AxeBuilder from '@axe-core/playwright'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, signIn } from '../helpers/browser.ts'
import { pdfText } from '../helpers/pdf.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// The resource centre in real Chromium, against the built portal with the shipped corpus.
let env: Awaited<ReturnType<typeof startE2E>>
let portal: PortalProcess
let browser: Browser
beforeAll(async () => {
  env = await startE2E()
  ;({ portal, browser } = env)
})
afterAll(async () => {
  await env?.stop()
})

const newPage = async (javaScript = true): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: portal.url, javaScriptEnabled: javaScript, acceptDownloads: true })
  return { context, page: await context.newPage() }
}
async function signInAs(email: string, use: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(false)
  await signIn(page, email)
  await use(page)
  await context.close()
}

describe('browse, filter, search and download without JavaScript', () => {
  it('filters by type and step with a GET form, searches accent-insensitively and downloads a real PDF', async () => {
    const { context, page } = await newPage(false)
    await page.goto('/ressources')
    await page.selectOption('#filtre-type', 'form')
    await page.selectOption('#filtre-etape', '4')
    await page.click('form.filters button[type=submit]')
    expect(page.url()).toMatch(/type=form/)
    const titles = await page.locator('main article h2').allTextContents()
    expect(titles).toHaveLength(5)
    for (const title of titles) expect(title).toMatch(/Formulaire 4\.[A-E]/)

    await page.goto('/ressources?etape=1&tri=titre')
    const sorted = await page.locator('main article h2').allTextContents()
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'fr')))

    await page.goto('/recherche')
    await page.fill('#q', 'evaluation initiale')
    await page.click('form.search button[type=submit]')
    expect(await page.locator('main article h2').first().textContent()).toContain('Évaluation initiale')
    expect(await page.locator('main article h2 mark').count()).toBeGreaterThan(0)

    await page.locator('main article h2 a').first().click()
    const button = page.locator('a.download')
    expect(await button.textContent()).toMatch(/PDF · \d+(,\d)? ko/)
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    const bytes = await (await download.createReadStream()).toArray()
    expect(await pdfText(Buffer.concat(bytes))).toContain('Évaluation initiale')
    await context.close()
  })

  it('answers as the person types when JavaScript is on', async () => {
    const { context, page } = await newPage(true)
    await page.goto('/recherche')
    await page.fill('#q', 'reunificaton')
    await page.waitForFunction(() => document.querySelector('#resultats article h2')?.textContent?.includes('Réunification'))
    expect(page.url()).toContain('q=reunificaton')
    await context.close()
  })

  it('gives a French 404 with a search box for an unknown document, and survives bad query strings', async () => {
    const res = await fetch(`${portal.url}/ressources/document-inexistant`)
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('Page introuvable')
    expect(html).toContain('name="q"')
    // Node itself answers 431 above 16 KB of headers; below that, every odd value gets a normal page.
    for (const q of ['?page=-4&type=%3Cscript%3E&annee=abc', `?type=${'é'.repeat(1500)}`, '?etape=9&page=99999&tri=DROP', '?type=form&type=sop']) {
      expect((await fetch(`${portal.url}/ressources${q}`)).status, q).toBe(200)
    }
    expect((await fetch(`${portal.url}/recherche?q=${'%F0%9F%98%80'.repeat(500)}`)).status).toBe(200)
    expect((await fetch(`${portal.url}/recherche?q=%E0%A4%A`)).status).toBe(200)
  })
})

describe('editors publish without a rebuild', () => {
  it('an editor creates and publishes a resource in /admin; it shows in the list and in search within 5 seconds', async () => {
    // Seen before the change, so a cached copy exists: it must not outlive the publication.
    expect(await (await fetch(`${portal.url}/ressources?type=tool`)).text()).not.toContain('médiation familiale')
    const { context, page } = await newPage(true)
    await signIn(page, 'editeur@example.org', { next: '/admin/collections/resources/create' })
    await page.waitForURL(/\/admin\/collections\/resources\/create/)
    await page.fill('#field-title', 'Guide de terrain sur la médiation familiale')
    await page.fill('#field-summary', 'Conseils pratiques pour conduire une médiation familiale dans le respect de l’intérêt supérieur de l’enfant.')
    await page.click('#field-type')
    await page.getByText('Outil', { exact: true }).click()
    await page.click('#field-documentStatus')
    await page.getByRole('option', { name: 'Validé' }).click()
    await page.getByRole('button', { name: 'Publier les modifications' }).click()
    await page.waitForURL(/\/admin\/collections\/resources\/\d+/)
    const published = Date.now()

    const within5s = async (path: string, expected: string) => {
      for (;;) {
        const html = await (await fetch(`${portal.url}${path}`)).text()
        if (html.includes(expected)) return html
        if (Date.now() - published > 5000) throw new Error(`${path} still lacks "${expected}" 5 s after publication`)
        await new Promise((r) => setTimeout(r, 250))
      }
    }
    await within5s('/ressources?type=tool', 'Guide de terrain sur la médiation familiale')
    const search = await within5s('/recherche?q=mediaton%20familiale', 'médiation familiale')
    expect(search).toContain('<mark>')
    await context.close()
  })

  it('escapes markup in titles (a <script> title renders as text)', async () => {
    const token = await apiToken(portal.url, 'editeur@example.org')
    const res = await fetch(`${portal.url}/api/resources`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ _status: 'published', title: '<script>alert("x")</script> Note', slug: 'note-test-echappement', summary: 'Un résumé <b>gras</b> qui doit rester du texte.', type: 'tool', documentStatus: 'validated' }),
    })
    expect(res.status).toBe(201)
    const html = await (await fetch(`${portal.url}/ressources/note-test-echappement`)).text()
    // Inside a quoted attribute (og:title) the text is inert; everywhere else it must be escaped.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert')
    expect(html).toMatch(/<h1>&lt;script&gt;alert/)
    expect(html).toContain('&lt;b&gt;gras&lt;/b&gt;')
  })
})

describe('editor preview and home page', () => {
  it('shows a draft to its editor in preview, and to nobody else', async () => {
    const token = await apiToken(portal.url, 'editeur@example.org')
    const created = await fetch(`${portal.url}/api/resources?draft=true`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ _status: 'draft', title: 'Note interne en préparation', slug: 'note-interne-preparation', summary: 'Une note qui n’est pas encore publiée.', type: 'tool', documentStatus: 'draft' }),
    })
    expect(created.status).toBe(201)
    expect((await fetch(`${portal.url}/ressources/note-interne-preparation?apercu=1`)).status).toBe(404)
    const { context, page } = await newPage(false)
    await signIn(page, 'editeur@example.org', { next: '/ressources/note-interne-preparation?apercu=1' })
    expect(await page.textContent('h1')).toBe('Note interne en préparation')
    expect(await page.textContent('main')).toContain('Aperçu : cette version n’est pas publiée.')
    await context.close()
    await signInAs('apprenant@example.org', async (learnerPage) => {
      const res = await learnerPage.goto('/ressources/note-interne-preparation?apercu=1')
      expect(res?.status()).toBe(404)
    })
  })

  it('lets editors change the home page introduction and featured documents', async () => {
    const token = await apiToken(portal.url, 'editeur@example.org')
    const form = ((await (await fetch(`${portal.url}/api/resources?where[formCode][equals]=4.E`)).json()) as { docs: { id: number }[] }).docs[0]!
    const res = await fetch(`${portal.url}/api/globals/home`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ intro: 'Bienvenue sur le portail : la boîte à outils de la gestion des cas est en ligne.', featured: [form.id] }),
    })
    expect(res.status).toBe(200)
    const deadline = Date.now() + 5000
    let html = ''
    while (Date.now() < deadline && !html.includes('la boîte à outils de la gestion des cas est en ligne')) {
      html = await (await fetch(`${portal.url}/`)).text()
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(html).toContain('la boîte à outils de la gestion des cas est en ligne')
    expect(html).toContain('À la une')
    expect(html).toContain('Formulaire 4.E')
    const learner = await fetch(`${portal.url}/api/globals/home`, {
      method: 'POST',
      headers: { Authorization: `JWT ${await apiToken(portal.url, 'apprenant@example.org')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ intro: 'Piraté' }),
    })
    expect(learner.status).toBe(403)
  })
})

describe('consultation on a draft SOP', () => {
  it('a practitioner comments a section; the editor answers in the back office and exports the table', async () => {
    const { context, page } = await newPage(false)
    await signIn(page, 'gestionnaire@example.org', { next: '/ressources/pos-interet-superieur-enfants-en-deplacement' })
    expect(await page.textContent('#consultation')).toContain('soumis à consultation')
    const firstSection = page.locator('#section-1')
    const heading = (await firstSection.locator('h3').textContent())!
    await firstSection.locator('textarea').fill('Ajouter les délais de l’évaluation de l’intérêt supérieur pour les enfants en transit.')
    await firstSection.locator('button[type=submit]').click()
    expect(await page.textContent('main')).toContain('Commentaire enregistré')
    expect(await page.textContent('#consultation')).toContain('En attente de réponse')

    const token = await apiToken(portal.url, 'editeur@example.org')
    const list = (await (await fetch(`${portal.url}/api/consultation-comments?where[section][equals]=${encodeURIComponent(heading)}`, { headers: { Authorization: `JWT ${token}` } })).json()) as { docs: { id: number }[] }
    expect(list.docs).toHaveLength(1)
    const patch = await fetch(`${portal.url}/api/consultation-comments/${list.docs[0]!.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'accepted', reply: 'Délais ajoutés à la section 3.' }),
    })
    expect(patch.status).toBe(200)

    await page.reload()
    expect(await page.textContent('#consultation')).toContain('Retenu')
    expect(await page.textContent('#consultation')).toContain('Délais ajoutés à la section 3.')

    const resourceId = ((await (await fetch(`${portal.url}/api/resources?where[slug][equals]=pos-interet-superieur-enfants-en-deplacement`)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const csv = await fetch(`${portal.url}/api/consultation-comments/export?resource=${resourceId}&format=csv`, { headers: { Authorization: `JWT ${token}` } })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const text = await csv.text()
    expect(text).toContain('Ajouter les délais')
    expect(text).toContain('Retenu')
    expect(text).toContain('Awa Sangaré')
    const xlsx = await fetch(`${portal.url}/api/consultation-comments/export?resource=${resourceId}&format=xlsx`, { headers: { Authorization: `JWT ${token}` } })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const rows = workbook.getWorksheet('Commentaires')!.getSheetValues().flat().map(String)
    expect(rows.join(' ')).toContain('Délais ajoutés à la section 3.')
    const forbidden = await fetch(`${portal.url}/api/consultation-comments/export?resource=${resourceId}&format=csv`, { headers: { Authorization: `JWT ${await apiToken(portal.url, 'gestionnaire@example.org')}` } })
    expect(forbidden.status).toBe(403)
    const audit = (await (await fetch(`${portal.url}/api/audit-log?where[action][equals]=export.personalData`, { headers: { Authorization: `JWT ${await apiToken(portal.url, 'admin@example.org')}` } })).json()) as { totalDocs: number }
    expect(audit.totalDocs).toBe(2)
    await context.close()
  })
})

describe('quality: accessibility, SEO, news', () => {
  it('has no serious or critical axe violation on the home, list, document and search pages', async () => {
    const { context, page } = await newPage(true)
    for (const path of ['/', '/ressources', '/ressources/formulaire-1c-evaluation-initiale', '/recherche?q=consentement', '/gestion-des-cas', '/actualites', '/connexion']) {
      await page.goto(path)
      const { violations } = await new AxeBuilder({ page: page as never }).analyze()
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.help}`), path).toEqual([])
    }
    await context.close()
  })

  it('lets a keyboard user skip to the content', async () => {
    const { context, page } = await newPage(true)
    await page.goto('/ressources')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu')
    await context.close()
  })

  it('publishes canonical URLs, hreflang, Open Graph, a sitemap, robots.txt and an RSS feed', async () => {
    const html = await (await fetch(`${portal.url}/ressources/formulaire-1c-evaluation-initiale`)).text()
    expect(html).toContain(`<link rel="canonical" href="${portal.url}/ressources/formulaire-1c-evaluation-initiale">`)
    expect(html).toContain('hreflang="en"')
    expect(html).toContain('property="og:title"')
    const sitemap = await (await fetch(`${portal.url}/sitemap.xml`)).text()
    expect(sitemap).toContain('/ressources/formulaire-1c-evaluation-initiale</loc>')
    expect(sitemap).not.toContain('brouillon')
    expect(await (await fetch(`${portal.url}/robots.txt`)).text()).toContain('Disallow: /admin')
    const rss = await (await fetch(`${portal.url}/actualites/rss.xml`)).text()
    expect(rss).toContain('<rss version="2.0">')
    expect((rss.match(/<item>/g) ?? []).length).toBeGreaterThanOrEqual(5)
    // Every seeded title and summary has its English; the sections are French, marked so and announced.
    const en = await (await fetch(`${portal.url}/en/ressources/formulaire-1b-enregistrement-du-cas`)).text()
    expect(en).toContain('<h1>Form 1.B — Case registration</h1>')
    expect(en).toContain('<p class="french-only">Available in French only.</p>')
    expect(en).toContain('<div class="prose" lang="fr">')
    const enTranslated = await (await fetch(`${portal.url}/en/ressources/formulaire-1c-evaluation-initiale`)).text()
    expect(enTranslated).toContain('Form 1.C')
    expect(enTranslated).not.toContain('not translated into English yet')
  })

  it('explains the six steps with every form code linked to its document', async () => {
    const html = await (await fetch(`${portal.url}/gestion-des-cas`)).text()
    for (const code of ['1.A', '1.E', '2.A', '3.B', '4.E', '5.C', '6.C', 'A.3', 'B.1']) expect(html, code).toMatch(new RegExp(`<a href="/ressources/[a-z0-9-]+">${code.replace('.', '\\.')} — `))
    expect(html).not.toContain('document à venir')
  })
})
