import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../helpers/browser.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// A training room's connection drops while a trainee saves a form of a sandbox case: the save is kept on the
// device, the page says it waits, and it is stored once when the connection is back — a copy sent again with the
// same key is refused as already received.
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

const today = new Date().toISOString().slice(0, 10)

describe('a sandbox form saved without a connection', () => {
  it('waits on the device, is sent once back online, and a replay is refused', async () => {
    const context = await browser.newContext({ baseURL: portal.url })
    const page = await context.newPage()
    await signIn(page, 'apprenant@example.org', { next: '/bac-a-sable' })
    await page.goto('/bac-a-sable')
    const base = await page.locator('main li', { hasText: 'Espace personnel' }).locator('a').first().getAttribute('href')

    // A new case, registered online (registration stays a plain post).
    await page.goto(`${base}/cas/nouveau/1.B`)
    await page.fill('#f-registration_date', today)
    await page.fill('#f-child_name', 'Mariam (fictive)')
    await page.selectOption('#f-sex', 'fille')
    await page.fill('#f-age', '11')
    await page.selectOption('#f-region', 'segou')
    await page.selectOption('#f-living_with', 'parents')
    await page.selectOption('#f-identified_by', 'communaute')
    await page.check('input[name="protection_concerns"][value="negligence"]')
    await page.fill('#f-situation', 'Enfant souvent seule le soir, situation fictive.')
    await page.check('input[name="immediate_danger"][value="non"]')
    await page.click('form[data-sandbox-form] button[type=submit]')
    await page.waitForURL(/\/cas\/[A-Z]+-[0-9a-f]{7}\?ok=/)
    const caseId = /\/cas\/([A-Z]+-[0-9a-f]{7})/.exec(page.url())![1]!

    // The follow-up form (5.A, one entry per visit) saved while offline.
    await page.goto(`${base}/cas/${caseId}/5.A`)
    await context.setOffline(true)
    await page.fill('#f-followup_date', today)
    await page.selectOption('#f-followup_type', 'visite_domicile')
    await page.check('input[name="child_seen"][value="oui"]')
    await page.selectOption('#f-progress', 'en_cours')
    await page.fill('#f-observations', 'Visite à domicile : la mère est présente le soir.')
    await page.check('input[name="plan_review_needed"][value="non"]')
    await page.click('form[data-sandbox-form] button[type=submit]')
    await page.waitForSelector('[data-queued]:not([hidden])')
    await page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('1 en attente d’envoi'))
    expect(page.url()).toContain(`/cas/${caseId}/5.A`)
    const kept = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('file-attente:') && !k.endsWith(':illisible'))!
      return (JSON.parse(localStorage.getItem(key)!) as { id: string; url: string; body: unknown; state: string }[])[0]!
    })
    expect(kept).toMatchObject({ url: `${base}/cas/${caseId}/fiche.json`, state: 'pending', body: { form: '5.A', actor: 'gestionnaire-1' } })

    // Back online: the queue sends it and the page opens the case, which holds the follow-up once.
    await context.setOffline(false)
    await page.waitForURL(new RegExp(`/cas/${caseId}\\?ok=5\\.A`))
    const followUp = page.locator('li[data-form="5.A"]')
    await expect(followUp.getAttribute('data-filled')).resolves.toBe('oui')
    await expect(followUp.textContent()).resolves.not.toMatch(/\(\d+\)/)
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('file-attente:')).map((k) => JSON.parse(localStorage.getItem(k)!) as unknown[]).flat().length)).toBe(0)

    // The same item sent again (an answer lost on the way back): refused as already received, nothing added.
    const replay = await page.evaluate(async (item) => {
      const res = await fetch(item.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': item.id }, body: JSON.stringify(item.body) })
      return { status: res.status, body: (await res.json()) as { errors: { message: string }[] } }
    }, kept)
    expect(replay.status).toBe(409)
    expect(replay.body.errors[0]!.message).toMatch(/déjà été reçu/)
    await page.reload()
    await expect(page.locator('li[data-form="5.A"]').textContent()).resolves.not.toMatch(/\(\d+\)/)
    await context.close()
  })
})
