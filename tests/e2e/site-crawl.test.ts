import http from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../helpers/browser.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// A crawl of the public site in real Chromium, French and English: lists are lists, French text on English pages
// says it is French, and every button and toggle can be hit with a thumb on a phone.
let env: Awaited<ReturnType<typeof startE2E>>
let portal: PortalProcess
let browser: Browser
let publicPaths: string[] = []
beforeAll(async () => {
  env = await startE2E()
  ;({ portal, browser } = env)
  const sitemap = await (await fetch(`${portal.url}/sitemap.xml`)).text()
  publicPaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
}, 400_000)
afterAll(async () => {
  await env?.stop()
})

const PHONE = { width: 390, height: 844 }

async function withPage<T>(options: { phone?: boolean; signInAs?: string }, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL: portal.url, viewport: options.phone ? PHONE : { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    if (options.signInAs) await signIn(page, options.signInAs)
    return await use(page)
  } finally {
    await context.close()
  }
}

/** Paragraphs of the page's main content that start like a list item: a list that was not made a list. */
const dashParagraphs = (page: Page) =>
  page.$$eval('main p', (ps) => ps.map((p) => (p.textContent ?? '').trim()).filter((text) => /^[-–•*] /.test(text)))

/**
 * The text blocks of the main content, with the language that applies to each (the nearest `lang`). A block whose
 * text is the same on the French and the English page is French shown on the English page.
 */
const blocks = (page: Page) =>
  page.$$eval('main h1, main h2, main h3, main h4, main p, main li, main td, main th, main dd', (elements) =>
    elements
      .filter((el) => !el.querySelector('p, li, h1, h2, h3, h4, ul, ol, table'))
      .map((el) => ({ text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), lang: el.closest('[lang]')?.getAttribute('lang') ?? '' })),
  )

/** Texts that are the same in both languages by nature: codes, names, numbers, dates, addresses. */
const LANGUAGE_NEUTRAL = /^[\d\s.,:;/()–—+%-]*$|@|^https?:/

describe('crawl of the public pages', () => {
  it('finds every public page in the sitemap, resources and news included', () => {
    expect(publicPaths.filter((p) => p.startsWith('/ressources/')).length).toBeGreaterThanOrEqual(30)
    expect(publicPaths.filter((p) => p.startsWith('/actualites/')).length).toBeGreaterThanOrEqual(5)
  })

  it('shows lists as <ul>/<ol>, never as paragraphs starting with a dash, in French and English', async () => {
    const failures: string[] = []
    let lists = 0
    await withPage({}, async (page) => {
      for (const path of [...publicPaths, ...publicPaths.map((p) => (p === '/' ? '/en/' : `/en${p}`))]) {
        const res = await page.goto(path)
        if (res?.status() !== 200) failures.push(`${path}: ${res?.status()}`)
        for (const text of await dashParagraphs(page)) failures.push(`${path}: « ${text.slice(0, 60)} »`)
        if (path.startsWith('/ressources/')) lists += await page.locator('main .prose ul, main .prose ol').count()
      }
    })
    expect(failures).toEqual([])
    expect(lists).toBeGreaterThan(30)
  }, 900_000)

  it('marks every French-only block of an English page lang="fr", with a notice for untranslated bodies', async () => {
    const failures: string[] = []
    let frenchBlocks = 0
    await withPage({}, async (page) => {
      for (const path of publicPaths) {
        await page.goto(path)
        const french = new Set((await blocks(page)).map((b) => b.text))
        const english = path === '/' ? '/en/' : `/en${path}`
        await page.goto(english)
        expect(await page.getAttribute('html', 'lang')).toBe('en')
        for (const block of await blocks(page)) {
          // One word ("Consultation", "Version") is often the same in both languages: only sentences and titles count.
          if (block.text.length < 12 || !block.text.includes(' ') || LANGUAGE_NEUTRAL.test(block.text) || !french.has(block.text)) continue
          frenchBlocks += 1
          if (block.lang !== 'fr') failures.push(`${english}: « ${block.text.slice(0, 70)} » is French without lang="fr"`)
        }
        if ((await page.locator('main .prose[lang="fr"]').count()) > 0) {
          if ((await page.locator('main .french-only').count()) === 0) failures.push(`${english}: French sections without the "available in French" notice`)
        }
      }
    })
    expect(failures).toEqual([])
    // The seed translates titles and summaries, not the bodies: the check really met French blocks.
    expect(frenchBlocks).toBeGreaterThan(50)
  }, 900_000)

  it('gives every button, field and toggle at least 44 px of height on a 390 px wide phone', async () => {
    const measure = (page: Page) =>
      page.$$eval("button, input[type='submit'], input[type='button'], select, summary, a.button, .chips a, label:has(> input[type='radio']), label:has(> input[type='checkbox'])", (elements) =>
        elements
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => ({ what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} « ${(el.textContent ?? '').trim().slice(0, 30)} »`, height: el.getBoundingClientRect().height })),
      )
    const failures: string[] = []
    const check = async (page: Page, path: string) => {
      await page.goto(path)
      for (const target of await measure(page)) if (target.height < 43.5) failures.push(`${path}: ${target.what} is ${Math.round(target.height)} px high`)
    }
    const resourcePath = publicPaths.find((p) => p.startsWith('/ressources/'))!
    await withPage({ phone: true }, async (page) => {
      for (const path of ['/', '/ressources', resourcePath, '/recherche?q=evaluation', '/gestion-des-cas', '/actualites', '/connexion', '/inscription', '/contact', '/formation', '/en/ressources']) await check(page, path)
    })
    await withPage({ phone: true, signInAs: 'apprenant@example.org' }, async (page) => {
      const modulePath = '/formation/etape-1-identification-enregistrement'
      for (const path of ['/formation', modulePath, '/formation/mon-parcours', '/mon-compte']) await check(page, path)
      // The speed buttons appear once the video script runs: measured too.
      await page.goto(modulePath)
      await page.waitForSelector('.speeds:not([hidden]) button')
      for (const target of await measure(page)) if (target.height < 43.5) failures.push(`${modulePath} (script run): ${target.what} is ${Math.round(target.height)} px high`)
    })
    expect(failures).toEqual([])
  }, 600_000)

  it('folds the resource filters on a phone (results first) and shows them on a wide screen, without JavaScript', async () => {
    for (const [phone, visible] of [[true, false], [false, true]] as const) {
      const context = await browser.newContext({ baseURL: portal.url, viewport: phone ? PHONE : { width: 1280, height: 900 }, javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto('/ressources')
      expect(await page.locator('#filtre-type').isVisible(), phone ? 'phone' : 'wide').toBe(visible)
      if (phone) {
        const summary = await page.locator('details.filters-fold > summary').boundingBox()
        const firstResult = await page.locator('main article').first().boundingBox()
        expect(firstResult!.y).toBeLessThan(PHONE.height)
        expect(summary!.y).toBeLessThan(firstResult!.y)
        await page.click('details.filters-fold > summary')
        expect(await page.locator('#filtre-type').isVisible()).toBe(true)
        await page.selectOption('#filtre-type', 'form')
        await page.click('form.filters button[type=submit]')
        expect(page.url()).toMatch(/type=form/)
        expect(await page.locator('details.filters-fold > summary').textContent()).toMatch(/1 en vigueur/)
      }
      await context.close()
    }
  })
})

describe('a too-large post', () => {
  /** Sends only the headers of a post announcing `bytes` (the server refuses before reading any body). */
  const announce = (path: string, bytes: number, accept: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request(`${portal.url}${path}`, { method: 'POST', headers: { Origin: portal.url, Accept: accept, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(bytes) } }, (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }))
      })
      req.on('error', reject)
      req.flushHeaders()
    })

  it('shows a browser a French page, on the site and on the API, and keeps JSON for scripts', async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
    for (const [path, bytes] of [['/contact', 70_000], ['/api/consultation-comments', 25 * 1024 * 1024]] as const) {
      const page = await announce(path, bytes, browserAccept)
      expect(page.status, path).toBe(413)
      expect(page.type, path).toMatch(/^text\/html/)
      expect(page.body, path).toContain('<html lang="fr">')
      expect(page.body, path).toContain('Envoi trop volumineux')
    }
    const script = await announce('/api/consultation-comments', 25 * 1024 * 1024, 'application/json')
    expect(script.status).toBe(413)
    expect(script.type).toMatch(/^application\/json/)
  })
})
