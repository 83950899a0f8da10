import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, signIn } from '../helpers/browser.ts'
import { pdfText } from '../helpers/pdf.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// A coordinator imports a workshop's list in Chromium: one person of the registry typed with a slip and her phone
// written another way, one organisation nobody has created yet. The preview shows both; the coordinator links the
// row to the existing person and names the organisation; every record ends with its full name, and the report
// prints attendance and scores by sex.
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

type Doc = Record<string, unknown> & { id: number }
const DAYS = ['2026-12-14', '2026-12-15']

describe('import with a misspelt registry person and a new organisation', () => {
  it('previews, links, creates the organisation, names everyone and reports by sex', async () => {
    const token = await apiToken(portal.url, 'coordination@example.org')
    const api = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(`${portal.url}/api/${url}`, { ...init, headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', Origin: portal.url, ...init.headers } })
      expect(res.ok, `${url}: ${res.status}`).toBe(true)
      return res
    }
    const first = async (url: string) => ((await (await api(url)).json()) as { docs: Doc[] }).docs[0]!
    const region = await first('regions?where[code][equals]=SEG')
    const organiser = await first('organisations?where[acronym][equals]=DNPEF')
    const training = ((await (await api('trainings', { method: 'POST', body: JSON.stringify({ title: 'Atelier régional de Ségou', kind: 'workshop', status: 'planned', startDate: DAYS[0], endDate: DAYS[1], venue: 'Ségou', region: region.id, organiser: organiser.id }) })).json()) as { doc: Doc }).doc

    // A demo participant with a phone and a name long enough to forgive one slip.
    const people = ((await (await api('participants?limit=100&depth=0')).json()) as { docs: (Doc & { firstName: string; lastName: string; phone?: string; sex: 'F' | 'M'; fullName: string })[] }).docs
    const known = people.find((p) => p.phone && p.lastName.length >= 5 && p.firstName.length >= 4)!
    const misspelt = `${known.lastName.slice(0, 2)}${known.lastName[2]}${known.lastName.slice(2)}`.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
    const phone = `+223 ${known.phone!.replace(/\D/g, '').slice(-8).replace(/(\d{2})(?=\d)/g, '$1 ')}`

    const workbook = new ExcelJS.Workbook()
    const ws = workbook.addWorksheet('Participants')
    ws.addRow(['Prénom', 'Nom', 'Sexe', 'Fonction', 'Structure', 'Région', 'Téléphone', 'E-mail', 'Pré-test', 'Post-test', ...DAYS])
    // Day 2 is left for the attendance screen.
    ws.addRow([known.firstName, misspelt, known.sex, 'Gestionnaire de cas', 'IRC', 'Ségou', phone, '', 40, 80, 'P', ''])
    ws.addRow(['Nana', 'Nouvelle', 'F', 'Éducatrice', 'ONG Espoir', 'Ségou', '', '', 30, 70, 'P', ''])
    ws.addRow(['Ibrahim', 'Nouveau', 'M', 'Éducateur', 'IRC', 'Ségou', '', '', 50, 60, 'P', ''])
    const file = path.join(os.tmpdir(), `import-registre-${Date.now()}.xlsx`)
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))

    const context = await browser.newContext({ baseURL: portal.url })
    const page = await context.newPage()
    await signIn(page, 'coordination@example.org', { next: `/presentiel/${training.id}` })
    await page.setInputFiles('#import-file', file)
    await page.getByRole('button', { name: 'Afficher l’aperçu' }).click()

    // The preview: the slip is caught (same phone), nothing is chosen for that row, the new organisation is listed.
    await page.waitForSelector('form[data-import], .import-errors, .alert.error')
    expect(await page.locator('form[data-import]').count(), (await page.locator('main').textContent()) ?? '').toBe(1)
    const row2 = page.locator('form[data-import] tr[data-row="2"]')
    expect(await row2.textContent()).toContain(`C’est ${known.fullName} (n° ${known.id}`)
    expect(await row2.textContent()).toContain('même téléphone')
    expect(await row2.locator(`input[value="${known.id}"]`).isChecked()).toBe(false)
    expect(await page.locator('form[data-import] tr[data-row="3"]').textContent()).toContain('nouvelle structure')
    expect(await page.locator('#new-organisations').count()).toBe(1)

    await row2.locator(`input[value="${known.id}"]`).check()
    await page.getByLabel('Nom complet de « ONG Espoir »').fill('Organisation Espoir pour l’enfance')
    await page.getByLabel('Type de « ONG Espoir »').selectOption('nationalNgo')
    await page.locator('form[data-import] button[type=submit]').click()
    await page.waitForSelector('#import-result .alert.ok')
    const result = await page.textContent('#import-result')
    expect(result).toContain('3 inscription(s), dont 2 nouvelle(s) personne(s) et 1 déjà connue(s)')
    expect(result).toContain('1 structure(s) créée(s)')

    // Day 2: "Tous présents", then one tap for the exception.
    await page.goto(`/presentiel/${training.id}/presence/${DAYS[1]}`)
    await page.getByRole('button', { name: 'Tous présents' }).click()
    await page.locator('ul.attendance li', { hasText: 'NOUVELLE Nana' }).locator('label.tap.absent').click()
    await page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('Toutes les présences sont enregistrées'))
    await page.reload()
    const marks = await page.locator('ul.attendance li').evaluateAll((items) => items.map((li) => `${li.querySelector('legend')?.textContent?.split('·')[0]?.trim()}:${(li.querySelector('input:checked') as HTMLInputElement | null)?.value}`))
    expect(marks.sort()).toEqual([`${known.lastName.toUpperCase()} ${known.firstName}:present`, 'NOUVEAU Ibrahim:present', 'NOUVELLE Nana:absent'].sort())
    await context.close()

    // Every record has its full name; the misspelt row is the registry's person, not a second record.
    const enrolments = ((await (await api(`enrolments?where[training][equals]=${training.id}&depth=1`)).json()) as { docs: { participant: Doc & { fullName?: string } }[] }).docs
    expect(enrolments.map((e) => e.participant.fullName).sort()).toEqual([known.fullName, 'NOUVEAU Ibrahim', 'NOUVELLE Nana'].sort())
    expect(enrolments.map((e) => e.participant.id)).toContain(known.id)
    expect(((await (await api(`participants?where[lastName][equals]=${encodeURIComponent(misspelt)}`)).json()) as { totalDocs: number }).totalDocs).toBe(0)
    expect((await first(`organisations?where[acronym][equals]=${encodeURIComponent('ONG Espoir')}`)).name).toBe('Organisation Espoir pour l’enfance')

    // The report's figures by sex, from its extracted text.
    const text = await pdfText(Buffer.from(await (await api(`trainings/${training.id}/report?format=pdf`)).arrayBuffer()))
    const women = 1 + (known.sex === 'F' ? 1 : 0)
    expect(text).toContain('Présence et résultats par sexe')
    // Nana missed day 2: women attend 75 % when the registry's person is a woman, else 50 %; men all days.
    expect(text).toMatch(new RegExp(`Femmes ${women} ${women === 2 ? 75 : 50}\\s%`))
    expect(text).toMatch(new RegExp(`Hommes ${3 - women} 100\\s%`))
    expect(text).toContain('Présence et résultats par structure')
    expect(text).toContain('ONG Espoir')
  })
})
