import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTable } from '#cms/imports/participants.ts'
import { signIn } from '../helpers/browser.ts'
import { pdfText } from '../helpers/pdf.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// The indicators dashboard in Chromium: a coordinator filters by region and sees that region's figures; the CSV
// export carries exactly the figures the page shows; the monthly report downloaded from the page carries the
// figures on screen; a partner's trainer sees their organisation only, whatever the address asks. The demo
// training (Bamako, September 2024) is the data.
let env: Awaited<ReturnType<typeof startE2E>>
let portal: PortalProcess
beforeAll(async () => {
  env = await startE2E()
  portal = env.portal
}, 600_000)
afterAll(async () => {
  await env?.stop()
})

const Q3_2024 = 'from=2024-07-01&to=2024-09-30'
const figure = async (page: Page, key: string) => (await page.textContent(`[data-figure="${key}"] [data-value]`))?.trim()
/** The figures on screen, as [label, value] in page order. */
const screenRows = (page: Page) => page.locator('[data-figure]').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('[data-value]')!.textContent!.trim()]))

describe('the indicators dashboard', () => {
  it('filters by region, and its CSV export equals the screen', async () => {
    const context = await env.browser.newContext({ baseURL: portal.url })
    const page = await context.newPage()
    await signIn(page, 'coordination@example.org', { next: `/rapports/indicateurs?${Q3_2024}` })
    await page.waitForSelector('[data-figure="trainings.people"]')
    const national = Number(await figure(page, 'trainings.people'))
    expect(national).toBeGreaterThan(0)
    expect(await figure(page, 'trainings.held')).toBe('1')
    // Charts: accessible SVG with a title, the same figures in the table next to them.
    expect(await page.locator('svg[role="img"] title').count()).toBeGreaterThan(0)
    expect(await page.getAttribute('[data-monthly-report]', 'href')).toBe('/api/reports/monthly?month=2024-07&format=pdf')

    // Export equals screen, for the same filters, in both formats (read back by the portal's own spreadsheet reader).
    const screen = await screenRows(page)
    for (const format of ['csv', 'xlsx']) {
      const exportHref = (await page.getAttribute(`[data-export="${format}"]`, 'href'))!
      const file = await context.request.get(exportHref, { headers: { 'Sec-Fetch-Site': 'same-origin' } })
      expect(file.status()).toBe(200)
      const table = await readTable(await file.body())
      if (!table.ok) throw new Error(JSON.stringify(table.errors))
      const header = table.rows.findIndex((r) => r.cells[0] === 'Rubrique')
      expect(table.rows.slice(header + 1).map((r) => [r.cells[1], r.cells[2]])).toEqual(screen)
    }

    // Another region: that region's figures, not the national ones.
    const regions = await page.locator('#f-region option').evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })))
    const bamako = regions.find((r) => /bamako/i.test(r.text))!
    const other = regions.find((r) => r.value && !/bamako/i.test(r.text))!
    await page.selectOption('#f-region', other.value)
    await page.click('[data-filters] button[type=submit]')
    await page.waitForURL(new RegExp(`region=${other.value}`))
    expect(await figure(page, 'trainings.people')).toBe('0')
    expect(await figure(page, 'trainings.held')).toBe('0')
    expect(await page.textContent('[data-title]')).toContain(other.text)
    await page.selectOption('#f-region', bamako.value)
    await page.click('[data-filters] button[type=submit]')
    await page.waitForURL(new RegExp(`region=${bamako.value}`))
    expect(Number(await figure(page, 'trainings.people'))).toBe(national)

    // The month's activity report, downloaded from the dashboard filtered on Bamako for September 2024 (the demo
    // training's month): its extracted text carries the figures the screen shows.
    await page.goto(`/rapports/indicateurs?from=2024-09-01&to=2024-09-30&region=${bamako.value}`)
    const shown = { held: await figure(page, 'trainings.held'), women: await figure(page, 'trainings.women'), men: await figure(page, 'trainings.men'), people: await figure(page, 'trainings.people') }
    expect(Number(shown.people)).toBe(national)
    const reportHref = (await page.getAttribute('[data-monthly-report]', 'href'))!
    expect(reportHref).toBe('/api/reports/monthly?month=2024-09&format=pdf')
    const report = await context.request.get(reportHref, { headers: { 'Sec-Fetch-Site': 'same-origin' } })
    expect(report.status()).toBe(200)
    const text = await pdfText(await report.body())
    expect(text).toContain(`Formations en présentiel tenues ${shown.held}`)
    expect(text).toContain(`Personnes formées — femmes ${shown.women}`)
    expect(text).toContain(`Personnes formées — hommes ${shown.men}`)
    expect(text).toContain(`Personnes formées — total ${shown.people}`)

    // Light enough for a slow link: the whole HTML of the page, charts included, stays small.
    const html = await page.evaluate(() => document.documentElement.outerHTML.length)
    expect(html).toBeLessThan(120_000)
    await context.close()
  }, 180_000)

  it('shows a partner’s trainer their own organisation only, whatever the address asks', async () => {
    const context = await env.browser.newContext({ baseURL: portal.url })
    const page = await context.newPage()
    await signIn(page, 'formateur@example.org', { next: `/rapports/indicateurs?${Q3_2024}` })
    await page.waitForSelector('[data-figure="trainings.people"]')
    const own = await figure(page, 'trainings.people')
    expect(await page.textContent('[data-partner]')).toContain('Tdh')
    expect(await page.locator('#f-organisation').count()).toBe(0)
    // Asking for another organisation changes nothing.
    await page.goto(`/rapports/indicateurs?${Q3_2024}&organisation=1`)
    expect(await figure(page, 'trainings.people')).toBe(own)
    const api = await page.evaluate(async (q) => (await fetch(`/api/indicators?${q}&organisation=1`, { credentials: 'same-origin' })).json(), Q3_2024)
    expect(api.organisation.name).toBe('Tdh')
    expect(String(api.trainings.people)).toBe(own)
    await context.close()
  }, 120_000)
})
