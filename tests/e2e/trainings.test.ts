import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, signIn } from '../helpers/browser.ts'
import { pdfText } from '../helpers/pdf.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// A trainer's day in Chromium: create the training, import participants, mark attendance on a phone (offline
// included), enter scores, download the report.
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

async function newPage(options: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: portal.url, acceptDownloads: true, ...(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}) })
  return { context, page: await context.newPage() }
}
async function chooseOption(page: Page, field: string, text: string): Promise<void> {
  await page.click(`#field-${field} .rs__control`)
  await page.keyboard.type(text)
  await page.locator('.rs__option', { hasText: text }).first().click()
}

const DAYS = ['2026-12-07', '2026-12-08', '2026-12-09']

describe('a trainer runs a training from start to report', () => {
  it('creates, imports, marks attendance (also offline), enters scores and downloads a report with the right counts', async () => {
    // 1. Create the training in the back office.
    const { context, page } = await newPage()
    await signIn(page, 'formateur@example.org', { next: '/admin/collections/trainings/create' })
    await page.waitForURL(/\/admin\/collections\/trainings\/create/)
    await page.fill('#field-title', 'Formation initiale des gestionnaires de cas — Mopti')
    await chooseOption(page, 'kind', 'Formation initiale')
    // Enter validates the typed date and closes its picker, which would otherwise cover the fields below.
    await page.fill('#field-startDate input', '07/12/2026')
    await page.keyboard.press('Enter')
    await page.fill('#field-endDate input', '09/12/2026')
    await page.keyboard.press('Enter')
    await page.fill('#field-venue', 'Mopti, centre social')
    await chooseOption(page, 'region', 'Mopti')
    await chooseOption(page, 'organiser', 'GARDL')
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await page.waitForURL(/\/admin\/collections\/trainings\/\d+/)
    const id = /trainings\/(\d+)/.exec(page.url())![1]!
    await context.close()

    // 2. Import participants from a spreadsheet, on the trainer page (progress shown while it runs).
    const workbook = new ExcelJS.Workbook()
    const ws = workbook.addWorksheet('Participants')
    ws.addRow(['Prénom', 'Nom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Téléphone', 'E-mail', 'Pré-test', 'Post-test', ...DAYS])
    const people = [
      ['Assa', 'Kassogué', 'F', 'Gestionnaire de cas', 'GARDL', 'Mopti'],
      ['Hama', 'Cissé', 'M', 'Gestionnaire de cas', 'GARDL', 'Mopti'],
      ['Oumou', 'Tembély', 'F', 'Superviseure', 'Tdh', 'Mopti'],
      ['Yaya', 'Guindo', 'M', 'Travailleur social', 'DNPEF', 'Mopti'],
    ]
    people.forEach((p, i) => ws.addRow([...p, `+223 66 00 00 0${i}`, '', '', '', '', '', '']))
    const file = path.join(os.tmpdir(), `import-${Date.now()}.xlsx`)
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))

    const trainer = await newPage({ mobile: true })
    await signIn(trainer.page, 'formateur@example.org', { next: `/presentiel/${id}` })
    await trainer.page.setInputFiles('#import-file', file)
    // The preview comes first: four new people, nobody like them in the registry.
    await trainer.page.getByRole('button', { name: 'Afficher l’aperçu' }).click()
    expect(await trainer.page.locator('form[data-import] tbody tr').count()).toBe(4)
    await trainer.page.click('form[data-import] button[type=submit]')
    await trainer.page.waitForSelector('#import-result .alert.ok')
    expect(await trainer.page.textContent('#import-result')).toContain('4 inscription(s), dont 4 nouvelle(s) personne(s)')

    // 3. Attendance, one tap per person and per day; day 2 is marked with the network cut.
    const marks = [['present', 'present', 'late', 'absent'], ['present', 'excused', 'present', 'present'], ['present', 'present', 'present', 'present']]
    // Every answer of the attendance endpoint, with the idempotency key of the item it answers.
    const answers: { key: string; status: number; body: string }[] = []
    trainer.page.on('response', (r) => {
      if (r.url().endsWith('/presence.json')) answers.push({ key: r.request().headers()['idempotency-key'] ?? '', status: r.status(), body: r.request().postData() ?? '' })
    })
    const checked = () => trainer.page.locator('ul.attendance input:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    const counter = () => trainer.page.textContent('[data-offline-queue-count]')
    for (const [d, day] of DAYS.entries()) {
      await trainer.page.goto(`/presentiel/${id}/presence/${day}`)
      // The service worker (registered by the first attendance page) keeps the next ones for an offline reload.
      if (d === 0) await trainer.page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      if (d === 1) await trainer.context.setOffline(true)
      const rows = trainer.page.locator('ul.attendance li')
      expect(await rows.count()).toBe(4)
      for (let i = 0; i < 4; i++) await rows.nth(i).locator(`label.tap.${marks[d]![i]}`).click()
      if (d !== 1) await trainer.page.waitForResponse((r) => r.url().endsWith('/presence.json') && r.ok())
      if (d === 1) {
        await trainer.page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('en attente'))
        expect(await counter()).toContain('4 en attente d’envoi')
        // A reload without network: the page comes from the service worker, the marks from the phone.
        await trainer.page.reload()
        expect(await checked()).toEqual(marks[1])
        expect(await counter()).toContain('4 en attente d’envoi')
        await trainer.context.setOffline(false)
      }
      await trainer.page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('Toutes les présences sont enregistrées'))
    }
    // A reload shows what the server holds, day 2 included.
    await trainer.page.goto(`/presentiel/${id}/presence/${DAYS[1]}`)
    expect(await checked()).toEqual(marks[1])
    // Each of the 12 marks reached the server under its own key and was applied once: never two successful answers
    // for one key (a copy sent again after a lost answer gets 409, "already stored")…
    const stored = answers.filter((a) => a.status === 200)
    expect(new Set(stored.map((a) => a.key)).size, JSON.stringify(answers)).toBe(stored.length)
    expect(new Set(answers.filter((a) => a.status === 200 || a.status === 409).map((a) => a.key)).size, JSON.stringify(answers)).toBe(12)
    // …and the same item sent again is recognised and not applied twice.
    const replay = await trainer.page.request.post(`/presentiel/${id}/presence.json`, { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': stored[5]!.key, Origin: portal.url }, data: stored[5]!.body })
    expect(replay.status()).toBe(409)

    // 4. Test scores.
    await trainer.page.goto(`/presentiel/${id}/scores`)
    const scores = [[40, 75], [50, 70], [35, 80], [60, 65]]
    const inputs = trainer.page.locator('table.data tbody tr')
    for (let i = 0; i < 4; i++) {
      await inputs.nth(i).locator('input[name^=pre]').fill(String(scores[i]![0]))
      await inputs.nth(i).locator('input[name^=post]').fill(String(scores[i]![1]))
    }
    await trainer.page.click('main form button[type=submit]')
    expect(await trainer.page.textContent('main')).toContain('Scores enregistrés.')

    // 5. The report, downloaded from the trainer page.
    await trainer.page.goto(`/presentiel/${id}`)
    const [download] = await Promise.all([trainer.page.waitForEvent('download'), trainer.page.click('a[href$="report?format=pdf"]')])
    const text = await pdfText(Buffer.concat(await (await download.createReadStream()).toArray()))
    expect(text).toContain('4 participants, dont 2 femmes et 2 hommes')
    expect(text).toContain('GARDL')
    // Day 1: 3 of 4 attended (present or late); the averages of the scores entered.
    expect(text).toMatch(/75\s%/)
    // Pre-test average (40 + 50 + 35 + 60) / 4 = 46.25 → 46,3; post-test (75 + 70 + 80 + 65) / 4 = 72,5.
    expect(text).toContain('46,3')
    expect(text).toContain('72,5')
    const sheet = await fetch(`${portal.url}/api/trainings/${id}/attendance-sheet`, { headers: { Authorization: `JWT ${await apiToken(portal.url, 'formateur@example.org')}` } })
    expect(sheet.headers.get('content-type')).toBe('application/pdf')
    expect(await pdfText(Buffer.from(await sheet.arrayBuffer()))).toContain('KASSOGUÉ Assa')
    await trainer.context.close()
  })
})

describe('what others may not do', () => {
  it('keeps a learner and another trainer away from a training', async () => {
    const trainerToken = await apiToken(portal.url, 'formateur@example.org')
    const list = (await (await fetch(`${portal.url}/api/trainings`, { headers: { Authorization: `JWT ${trainerToken}` } })).json()) as { docs: { id: number }[] }
    const id = list.docs[0]!.id
    const learner = await newPage()
    await signIn(learner.page, 'apprenant@example.org', { next: '/' })
    expect((await learner.page.goto(`/presentiel/${id}`))?.status()).toBe(404)
    expect((await learner.page.goto('/presentiel'))?.status()).toBe(403)
    const report = await fetch(`${portal.url}/api/trainings/${id}/report`, { headers: { Authorization: `JWT ${await apiToken(portal.url, 'apprenant@example.org')}` } })
    expect(report.status).toBe(403)
    await learner.context.close()
    const editor = await fetch(`${portal.url}/api/trainings/${id}/report`, { headers: { Authorization: `JWT ${await apiToken(portal.url, 'editeur@example.org')}` } })
    expect(editor.status).toBe(403)
  })

  it('lets the coordination merge two records of the same person, and journals exports of people trained', async () => {
    const token = await apiToken(portal.url, 'coordination@example.org')
    const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
    const org = ((await (await fetch(`${portal.url}/api/organisations?where[acronym][equals]=IRC`)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const region = ((await (await fetch(`${portal.url}/api/regions?where[code][equals]=GAO`)).json()) as { docs: { id: number }[] }).docs[0]!.id
    const create = async (firstName: string) =>
      ((await (await fetch(`${portal.url}/api/participants`, { method: 'POST', headers, body: JSON.stringify({ firstName, lastName: 'Fusion', sex: 'M', function: 'Éducateur', organisation: org, region, confirmedDistinct: true }) })).json()) as { doc: { id: number } }).doc.id
    const a = await create('Adama')
    const b = await create('Adamaa')
    const merged = await fetch(`${portal.url}/api/participants/${b}/merge`, { method: 'POST', headers, body: JSON.stringify({ into: a }) })
    expect(merged.status).toBe(200)
    expect((await fetch(`${portal.url}/api/participants/${b}`, { headers })).status).toBe(404)
    const trainerMerge = await fetch(`${portal.url}/api/participants/${a}/merge`, { method: 'POST', headers: { Authorization: `JWT ${await apiToken(portal.url, 'formateur@example.org')}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ into: a }) })
    expect(trainerMerge.status).toBe(403)

    const people = await fetch(`${portal.url}/api/trainings/statistics?format=xlsx&contenu=personnes`, { headers })
    expect(people.headers.get('content-type')).toContain('spreadsheetml')
    const aggregates = await (await fetch(`${portal.url}/api/trainings/statistics?format=csv`, { headers })).text()
    expect(aggregates).toContain('Personnes formées')
    const audit = (await (await fetch(`${portal.url}/api/audit-log?where[action][equals]=export.personalData`, { headers: { Authorization: `JWT ${await apiToken(portal.url, 'admin@example.org')}` } })).json()) as { docs: { details: { what: string } }[] }
    expect(audit.docs.map((d) => d.details.what)).toContain('people-trained')
  })

  it('serves an import template that lists the organisations and the training days', async () => {
    const token = await apiToken(portal.url, 'formateur@example.org')
    const list = (await (await fetch(`${portal.url}/api/trainings`, { headers: { Authorization: `JWT ${token}` } })).json()) as { docs: { id: number }[] }
    const res = await fetch(`${portal.url}/api/trainings/import-template?training=${list.docs[0]!.id}`, { headers: { Authorization: `JWT ${token}` } })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await res.arrayBuffer()) as never)
    const header = (workbook.getWorksheet('Participants')!.getRow(1).values as unknown[]).filter(Boolean).map(String)
    expect(header.slice(0, 3)).toEqual(['Prénom', 'Nom', 'Sexe'])
    expect(header.some((h) => /^\d{4}-\d{2}-\d{2}$/.test(h))).toBe(true)
  })
})
