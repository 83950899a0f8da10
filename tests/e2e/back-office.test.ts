import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, launchBrowser, signIn } from '../helpers/browser.ts'
import { startPortalProcess, type PortalProcess } from '../helpers/server.ts'

// The back office as each role meets it in Chromium: where they land, their menu, their dashboard's figures
// checked against records they create, the coordinator's three questions answered by following links, axe on
// the main screens, scheduling a publication in French, and the trainer's phone pages.
let portal: PortalProcess
let browser: Browser
const tokens: Record<string, string> = {}
beforeAll(async () => {
  portal = await startPortalProcess()
  browser = await launchBrowser()
  for (const email of ['coordination@example.org', 'formateur@example.org', 'editeur@example.org', 'apprenant@example.org']) tokens[email] = await apiToken(portal.url, email)
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await portal?.stop()
})

async function as(email: string, options: { next?: string; phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.url, ...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 900 } }) })
  const page = await context.newPage()
  await signIn(page, email, { next: options.next })
  return page
}
async function rest<T>(email: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${portal.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `JWT ${tokens[email]}`, 'Content-Type': 'application/json', Origin: portal.url },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}
const idOf = async (email: string, collection: string, field: string, value: string) => (await rest<{ docs: { id: number }[] }>(email, `/api/${collection}?where[${field}][equals]=${encodeURIComponent(value)}&limit=1&depth=0`)).docs[0]!.id
const menuOf = async (page: Page) => (await page.locator('nav a[id^="nav-"]').evaluateAll((links) => links.map((a) => a.id.replace(/^nav-(global-)?/, '')))).sort()
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
}
const cellsOf = async (page: Page, region: string) => {
  const row = page.locator('[data-section="people-trained"] tbody tr', { has: page.locator('th', { hasText: region }) })
  if ((await row.count()) === 0) return { women: 0, men: 0, total: 0 }
  const [women, men, total] = (await row.locator('td').allTextContents()).map(Number)
  return { women: women!, men: men!, total: total! }
}

describe('landing after sign-in', () => {
  it('brings staff to their dashboard and learners to self-training, even when sent from the back office', async () => {
    for (const email of ['coordination@example.org', 'formateur@example.org', 'editeur@example.org']) {
      const page = await as(email)
      expect(new URL(page.url()).pathname, email).toBe('/admin')
      await page.waitForSelector('.portal-dashboard h1')
      expect(await page.textContent('.portal-dashboard h1')).toMatch(/^Bonjour /)
      await page.context().close()
    }
    const learner = await as('apprenant@example.org')
    expect(new URL(learner.url()).pathname).toBe('/formation')
    await learner.goto('/admin')
    await learner.waitForURL(/\/formation$/)
    await learner.context().close()
  })
})

describe('menus cut to the job', () => {
  const expected: Record<string, string[]> = {
    'editeur@example.org': ['consultation-comments', 'faq', 'home', 'media', 'modules', 'news', 'resources', 'videos'],
    'formateur@example.org': ['action-items', 'modules', 'participants', 'trainings'],
    'coordination@example.org': [
      'action-items',
      'capacity-plan-items',
      'case-aggregates',
      'certificates',
      'competencies',
      'cpims-mapping',
      'dhis2-mappings',
      'dhis2-sends',
      'enrolments',
      'indicator-snapshots',
      'letterhead',
      'meetings',
      'module-progress',
      'modules',
      'monthly-reports',
      'participants',
      'quiz-attempts',
      'sandbox-settings',
      'supervision-visits',
      'support-requests',
      'trainings',
      'users',
    ],
  }
  const pages: Record<string, string[]> = {
    'editeur@example.org': [],
    'formateur@example.org': ['/presentiel', '/presentiel/statistiques', '/formation/suivi', '/bac-a-sable', '/rapports/indicateurs'],
    'coordination@example.org': ['/presentiel', '/presentiel/statistiques', '/formation/suivi', '/suivi-formatif', '/reunions', '/bac-a-sable', '/rapports/cpims', '/rapports/dhis2', '/rapports/indicateurs'],
  }
  it.each(Object.entries(expected))('%s sees only what they work with, and the portal pages of their role', async (email, menu) => {
    const page = await as(email)
    await page.waitForSelector('.portal-dashboard')
    expect(await menuOf(page)).toEqual(menu)
    const portalPages = await page.locator('nav .portal-nav-pages a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(portalPages).toEqual(pages[email])
    await page.context().close()
  })
  it('hides without forbidding: a trainer opens the enrolments list by its address, an editor never gets the API tab', async () => {
    const trainer = await as('formateur@example.org', { next: '/admin/collections/enrolments' })
    await trainer.waitForSelector('table tbody tr')
    expect(await trainer.locator('table tbody tr').count()).toBeGreaterThan(0)
    // Names, not "Sans titre - ID".
    expect(await trainer.textContent('table')).not.toMatch(/Sans titre|<Pas de/)
    await trainer.context().close()
    const editor = await as('editeur@example.org', { next: '/admin/collections/resources' })
    await editor.locator('table tbody tr a').first().click()
    await editor.waitForSelector('.doc-tabs')
    expect(await editor.locator('.doc-tab', { hasText: 'API' }).count()).toBe(0)
    await editor.context().close()
  })
})

describe('the coordinator’s dashboard', () => {
  it('counts a training added in a region in that region’s figure, by sex, and opens the enrolments behind it', async () => {
    const coordinator = 'coordination@example.org'
    const page = await as(coordinator)
    await page.waitForSelector('[data-section="people-trained"]')
    const before = await cellsOf(page, 'Mopti')
    const mopti = await idOf(coordinator, 'regions', 'name', 'Mopti')
    const dnpef = await idOf(coordinator, 'organisations', 'acronym', 'DNPEF')
    const year = new Date().getUTCFullYear()
    const training = await rest<{ doc: { id: number } }>(coordinator, '/api/trainings', { method: 'POST', body: { title: 'Recyclage gestion des cas — Mopti', kind: 'refresher', status: 'done', startDate: `${year}-01-12`, endDate: `${year}-01-13`, venue: 'Mopti', region: mopti, organiser: dnpef } })
    const people = [
      { firstName: 'Aïssata', lastName: 'TRAORÉ-TEST', sex: 'F' },
      { firstName: 'Boubacar', lastName: 'SANGARÉ-TEST', sex: 'M' },
    ]
    for (const person of people) {
      // Registered in Kayes: the figure follows the region of the training, not the person's home.
      const participant = await rest<{ doc: { id: number } }>(coordinator, '/api/participants', { method: 'POST', body: { ...person, function: 'Gestionnaire de cas', organisation: dnpef, region: await idOf(coordinator, 'regions', 'name', 'Kayes') } })
      await rest(coordinator, '/api/enrolments', { method: 'POST', body: { training: training.doc.id, participant: participant.doc.id } })
    }
    await page.reload()
    await page.waitForSelector('[data-section="people-trained"] tbody')
    expect(await cellsOf(page, 'Mopti')).toEqual({ women: before.women + 1, men: before.men + 1, total: before.total + 2 })
    // Question 1 — how many were trained in Mopti this year, by sex: on the dashboard; one click lists them.
    const row = page.locator('[data-section="people-trained"] tbody tr', { has: page.locator('th', { hasText: 'Mopti' }) })
    await row.locator('td').first().locator('a').click()
    await page.waitForSelector('table tbody tr')
    expect(page.url()).toContain('/admin/collections/enrolments')
    const listed = await page.textContent('table')
    expect(listed).toContain('TRAORÉ-TEST')
    expect(listed).not.toContain('SANGARÉ-TEST')
    await page.context().close()
  })

  it('answers who has not finished self-training, by name, in one click', async () => {
    // The learner starts the first module and stops.
    const modules = await rest<{ docs: { slug: string }[] }>('apprenant@example.org', '/api/modules?limit=1&depth=0&sort=order')
    const saved = await fetch(`${portal.url}/formation/${modules.docs[0]!.slug}/progression.json`, { method: 'POST', headers: { Cookie: `payload-token=${tokens['apprenant@example.org']}`, 'Sec-Fetch-Site': 'same-origin', Origin: portal.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ position: 30 }) })
    expect(saved.status).toBe(200)
    const page = await as('coordination@example.org')
    const figure = page.locator('[data-section="self-training"] .portal-figure', { hasText: 'sans terminer' })
    expect(Number(await figure.locator('strong').textContent())).toBeGreaterThanOrEqual(1)
    await figure.locator('a').click()
    await page.waitForSelector('.portal-table')
    expect(await page.textContent('.portal-table tbody')).toContain('Oumar Cissé')
    await page.context().close()
  })

  it('answers which next steps are overdue in one click, each marked late', async () => {
    const page = await as('coordination@example.org')
    const figure = page.locator('[data-section="overdue-next-steps"] .portal-figure')
    const count = Number(await figure.locator('strong').textContent())
    expect(count).toBeGreaterThan(0)
    await figure.locator('a').click()
    await page.waitForSelector('table tbody tr')
    expect(await page.locator('table tbody tr').count()).toBe(Math.min(count, 10))
    expect(await page.locator('table tbody tr .portal-overdue').count()).toBe(Math.min(count, 10))
    expect(await page.locator('.portal-overdue').first().textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} — en retard$/)
    await page.context().close()
  })
})

describe('accessibility of the main screens (axe: no serious or critical violation)', () => {
  const screens: Record<string, string[]> = {
    'coordination@example.org': ['/admin', '/admin/collections/action-items'],
    'formateur@example.org': ['/admin', '/admin/collections/participants'],
    'editeur@example.org': ['/admin', '/admin/collections/resources'],
  }
  it.each(Object.entries(screens))('%s: dashboard and a list', async (email, paths) => {
    const page = await as(email)
    for (const path of paths) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      expect(await seriousViolations(page), `${email} ${path}`).toEqual([])
    }
    await page.context().close()
  })

  // Payload's form widgets (select boxes, date pickers, pop-up buttons, the rich-text toolbar) are completed by
  // cms/admin/accessible-names.ts; one form per role, opened from its list as a person would.
  const forms: Record<string, string> = {
    'coordination@example.org': 'trainings',
    'formateur@example.org': 'participants',
    'editeur@example.org': 'resources',
    'admin@example.org': 'users',
    'superviseur@example.org': 'supervision-visits',
  }
  it.each(Object.entries(forms))('%s: the edit form of a record of %s', async (email, collection) => {
    const page = await as(email, { next: `/admin/collections/${collection}` })
    // Opened by its address rather than by a click: a click landing while the list hydrates can be lost, and the
    // form never opens (seen once in CI). What is checked is the form, not the list's link.
    const first = await page.locator('table tbody tr a').first().getAttribute('href')
    expect(first, `${email}: a first record in the ${collection} list`).toMatch(new RegExp(`^/admin/collections/${collection}/\\d+`))
    await page.goto(first!)
    await page.waitForSelector('.doc-controls', { timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page), `${email} ${page.url()}`).toEqual([])
    await page.context().close()
  })

  it('keeps the select boxes usable from the keyboard once named', async () => {
    const page = await as('coordination@example.org', { next: '/admin/collections/trainings/create' })
    const input = page.locator('#field-kind .rs__input')
    await input.waitFor()
    // Named by the field's visible label.
    expect(await input.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent)).toMatch(/^Type/)
    await input.focus()
    await page.keyboard.press('ArrowDown')
    await page.waitForSelector('#field-kind .rs__menu')
    const first = await page.textContent('#field-kind .rs__option--is-focused')
    await page.keyboard.press('ArrowDown')
    expect(await page.textContent('#field-kind .rs__option--is-focused')).not.toBe(first)
    await page.keyboard.press('Enter')
    expect(await page.locator('#field-kind .rs__menu').count()).toBe(0)
    expect(await page.textContent('#field-kind .rs__single-value')).not.toBe(first)
    // Tab leaves the select box for the next field, not for its hidden clear and open icons.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('.rs__indicators') === null)).toBe(true)
    await page.context().close()
  })
})

describe('every invalid field at once, in French, untruncated', () => {
  it('answers a REST save with three bad fields with the three field errors', async () => {
    const coordinator = 'coordination@example.org'
    const res = await fetch(`${portal.url}/api/trainings`, {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens[coordinator]}`, 'Content-Type': 'application/json', Origin: portal.url },
      body: JSON.stringify({ title: '', kind: 'initial', status: 'planned', startDate: '2026-03-12', endDate: '2026-03-10', region: await idOf(coordinator, 'regions', 'name', 'Mopti'), organiser: await idOf(coordinator, 'organisations', 'acronym', 'DNPEF') }),
    })
    expect(res.status).toBe(400)
    const { errors } = (await res.json()) as { errors: { data: { errors: { path: string; message: string }[] } }[] }
    expect(Object.fromEntries(errors[0]!.data.errors.map((e) => [e.path, e.message]))).toEqual({
      title: 'Ce champ est requis.',
      venue: 'Ce champ est requis.',
      endDate: 'La date de fin (10 mars 2026) précède la date de début (12 mars 2026) : corrigez les dates de la formation.',
    })
  })

  it('shows both errors of a form saved with two bad fields, each on its field, whole', async () => {
    const coordinator = 'coordination@example.org'
    const year = new Date().getUTCFullYear() + 1
    const training = await rest<{ doc: { id: number } }>(coordinator, '/api/trainings', { method: 'POST', body: { title: 'Formation à corriger', kind: 'refresher', status: 'planned', startDate: `${year}-03-12`, endDate: `${year}-03-13`, venue: 'Mopti', region: await idOf(coordinator, 'regions', 'name', 'Mopti'), organiser: await idOf(coordinator, 'organisations', 'acronym', 'DNPEF') } })
    const page = await as(coordinator, { next: `/admin/collections/trainings/${training.doc.id}` })
    await page.waitForSelector('#field-title:not([disabled])')
    await page.fill('#field-title', '')
    await page.fill('#field-endDate input', `01/03/${year}`)
    await page.keyboard.press('Escape')
    // Payload re-reads the form's state from the server after each change; its answer, if it came after the save's,
    // would replace the save's field errors. Save once the form has settled, as a person would.
    await page.waitForTimeout(1500)
    await page.waitForLoadState('networkidle')
    await page.click('#action-save')
    await page.waitForSelector('.field-error')
    // The error shown nearest to each field's input.
    const errorOf = (id: string) =>
      page.evaluate((id) => {
        let node = document.getElementById(id)?.parentElement ?? null
        while (node && !node.querySelector('.field-error')) node = node.parentElement
        const error = node?.querySelector<HTMLElement>('.field-error')
        return error ? { text: error.textContent, whole: error.scrollWidth <= error.clientWidth + 1 && getComputedStyle(error).whiteSpace === 'normal' } : null
      }, id)
    await page.waitForFunction(() => document.querySelectorAll('.field-error').length >= 2)
    expect(await errorOf('field-title')).toEqual({ text: 'Ce champ est requis.', whole: true })
    expect(await errorOf('field-endDate')).toEqual({ text: `La date de fin (1er mars ${year}) précède la date de début (12 mars ${year}) : corrigez les dates de la formation.`, whole: true })
    await page.context().close()
  })
})

describe('lists that open on what staff work with', () => {
  it('opens next steps by deadline and offers the open ones in the menu, filtered in the list’s own filter bar', async () => {
    const page = await as('coordination@example.org')
    await page.waitForSelector('.portal-nav-views')
    expect(await page.locator('.portal-nav-views a').allTextContents()).toEqual(['Formations prévues ou en cours', 'Suites à donner non réalisées', 'Demandes d’assistance non résolues'])
    // Followed by its address: the menu may be folded away (inert) on this screen.
    await page.goto((await page.getAttribute('.portal-nav-views a[data-list-view="action-items"]', 'href'))!)
    await page.waitForSelector('table tbody tr')
    expect(page.url()).toContain('sort=deadline')
    const statuses = await page.locator('table tbody tr .cell-status').allTextContents()
    expect(statuses.length).toBeGreaterThan(0)
    for (const status of statuses) expect(['À faire', 'En cours']).toContain(status.trim())
    await page.context().close()
  })
})

describe('scheduling a publication, in French', () => {
  it('schedules a resource for a day and a 24-hour time, shows the date in the list and on the dashboard, then cancels', async () => {
    const page = await as('editeur@example.org', { next: '/admin/collections/resources' })
    await page.locator('table tbody tr a').first().click()
    await page.waitForSelector('.portal-schedule')
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await page.fill('#portal-schedule-day', tomorrow)
    await page.selectOption('#portal-schedule-time', '14:30')
    await page.click('.portal-schedule button.btn')
    const expectedDate = `${tomorrow.slice(8, 10)}/${tomorrow.slice(5, 7)}/${tomorrow.slice(0, 4)} 14:30`
    await page.waitForSelector(`.portal-schedule [role=status]:has-text("${expectedDate}")`)
    const sidebar = await page.textContent('.portal-schedule')
    expect(sidebar).toContain(`Publication le ${expectedDate}`)
    expect(sidebar).not.toMatch(/\bAM\b|\bPM\b|Time|\{\{/)
    // Payload's drawer, whose picker said "Time" and "AM", is not offered.
    expect(await page.locator('#schedule-publish').isVisible()).toBe(false)
    await page.goto('/admin/collections/resources')
    expect(await page.textContent('table')).toContain(`Publication : ${expectedDate}`)
    await page.goto('/admin')
    expect(await page.textContent('[data-section="drafts-and-schedule"]')).toContain(`publication programmée le ${expectedDate}`)
    await page.goBack()
    await page.goBack()
    await page.waitForSelector('.portal-schedule li')
    await page.click('.portal-schedule li button')
    await page.waitForSelector('.portal-schedule [role=status]:has-text("Programmation annulée")')
    expect(await page.locator('.portal-schedule li').count()).toBe(0)
    await page.context().close()
  })
})

describe('the trainer’s daily work on a phone, without the back office', () => {
  it('fits a 390 px screen, with tap targets of at least 44 px', async () => {
    const trainings = await rest<{ docs: { id: number; startDate: string }[] }>('formateur@example.org', '/api/trainings?limit=1&depth=0')
    const { id, startDate } = trainings.docs[0]!
    const page = await as('formateur@example.org', { phone: true, next: `/presentiel/${id}` })
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    expect(await fits()).toBe(true)
    for (const box of await page.locator('ul.chips a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44)
    await page.goto(`/presentiel/${id}/scores`)
    expect(await fits()).toBe(true)
    for (const box of await page.locator('table.data input').evaluateAll((inputs) => inputs.map((i) => i.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44)
    await page.goto(`/presentiel/${id}/presence/${startDate.slice(0, 10)}`)
    expect(await fits()).toBe(true)
    await page.goto('/presentiel/statistiques')
    expect(await fits()).toBe(true)
    await page.context().close()
  })
})
