import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../helpers/browser.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// A supervisor's day in Chromium on a phone-sized screen: the list of people never followed up, a visit recorded
// without network and sent when it returns (stored once), the training's coverage rising; then the monthly alert
// of the daily routine reaching the test SMTP server with the people still never followed up.
let env: Awaited<ReturnType<typeof startE2E>>
let portal: PortalProcess
beforeAll(async () => {
  env = await startE2E()
  portal = env.portal
}, 600_000)
afterAll(async () => {
  await env?.stop()
})

type TCoverage = { total: number; followed: number; notFollowed: { id: number; name: string }[] }

describe('formative supervision on a phone', () => {
  it('records a visit offline, sends it once when back online, raises coverage, and the monthly alert lists who is left', async () => {
    const context = await env.browser.newContext({ baseURL: portal.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await signIn(page, 'superviseur@example.org', { next: '/suivi-formatif' })
    await page.waitForURL(/\/suivi-formatif$/)
    expect(await page.textContent('[data-never]')).toContain('MAÏGA Hamidou')

    // Coverage of the demo training before the visit (its id read from the portal's database).
    const id = await demoTrainingId()
    // The API is read from the page, as the portal's own scripts do (the browser marks the request same-origin).
    const api = <T>(path: string): Promise<T> => page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).json(), path) as Promise<T>
    const coverage = () => api<TCoverage>(`/api/supervision-visits/coverage?training=${id}`)
    const before = await coverage()
    const hamidou = before.notFollowed.find((p) => p.name === 'MAÏGA Hamidou')!
    expect(hamidou).toBeDefined()

    // Every answer of the visit endpoint, with the idempotency key of the item it answers.
    const answers: { key: string; status: number; body: string }[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('/suivi-formatif/visite.json')) answers.push({ key: r.request().headers()['idempotency-key'] ?? '', status: r.status(), body: r.request().postData() ?? '' })
    })

    // The form, then no network: the visit is checked and kept on the phone.
    await page.goto('/suivi-formatif/visite')
    await context.setOffline(true)
    await page.selectOption('#f-person', String(hamidou.id))
    await page.locator('label.tap', { hasText: 'À distance : téléphone' }).click()
    await page.selectOption('#r-is-ne-pas-nuire', 'acquired')
    await page.fill('#o-is-ne-pas-nuire', 'Vérifie les risques avant chaque visite à domicile.')
    await page.fill('#f-strengths', 'Bonne écoute des enfants.')
    await page.fill('#f-gaps', 'Documenter le consentement.')
    await page.fill('#f-action-1', 'Relire trois dossiers avec le superviseur')
    await page.click('form[data-visit-form] button[type=submit]')
    await page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('en attente'))
    expect(await page.textContent('[data-offline-queue-count]')).toContain('1 en attente d’envoi')
    expect(await page.isVisible('[data-queued]')).toBe(true)
    expect(answers).toEqual([])

    // Back online: sent, stored once.
    await context.setOffline(false)
    await page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('Toutes les visites sont envoyées'))
    const stored = answers.filter((a) => a.status === 201)
    expect(stored, JSON.stringify(answers)).toHaveLength(1)
    const replay = await page.request.post('/suivi-formatif/visite.json', { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': stored[0]!.key, Origin: portal.url }, data: stored[0]!.body })
    expect(replay.status()).toBe(409)
    const visits = await api<{ totalDocs: number }>(`/api/supervision-visits?where[person][equals]=${hamidou.id}&depth=0`)
    expect(visits.totalDocs).toBe(1)

    // The training's coverage rose by one, and the coaching page shows the visit and the agreed action.
    const after = await coverage()
    expect(after.followed).toBe(before.followed + 1)
    expect(after.notFollowed.map((p) => p.name)).not.toContain('MAÏGA Hamidou')
    await page.goto(`/suivi-formatif/personne/${hamidou.id}`)
    expect(await page.textContent('[data-actions]')).toContain('Relire trois dossiers avec le superviseur')
    expect(await page.locator('[data-chart] rect').count()).toBeGreaterThan(0)
    await context.close()

    // The monthly alert: the daily routine's check run for the first working day of a month, through a Payload on
    // the portal's own database; the portal's jobs queue delivers it to the SMTP server.
    const payload = await portalPayload()
    const { runDailyChecks } = await import('#cms/jobs/daily.ts')
    const { supervisionCheck } = await import('#cms/jobs/supervision-checks.ts')
    await runDailyChecks(payload, new Date('2027-02-01T08:00:00Z'), [supervisionCheck])
    const mail = await env.smtp.waitFor('coordination@example.org', /jamais suivie/, 60_000)
    expect(mail.text).toContain('DIARRA Bakary')
    expect(mail.text).not.toContain('MAÏGA Hamidou')
    for (const person of after.notFollowed) expect(mail.text).toContain(person.name)
  }, 300_000)
})

let opened: Payload | undefined
/** A Payload on the portal process's database (same secret), for what the test must run at a chosen date. */
async function portalPayload(): Promise<Payload> {
  if (opened) return opened
  Object.assign(process.env, { DATABASE_URL: `file:${portal.dbFile}`, MEDIA_DIR: `${portal.dbFile}-media`, PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef', SMTP_URL: env.smtp.url, PUBLIC_URL: portal.url })
  const { startPortal } = await import('#cms/portal.ts')
  opened = await startPortal({ seed: false })
  return opened
}

async function demoTrainingId(): Promise<number> {
  const payload = await portalPayload()
  return (await payload.find({ collection: 'trainings', limit: 1, depth: 0, overrideAccess: true })).docs[0]!.id
}
