import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../helpers/browser.ts'
import { startE2E, type E2E, type PortalProcess } from '../helpers/server.ts'

// A learner reports a difficulty from a page of the site, the administrator receives the alert at the test SMTP
// server, answers from the back office, and the learner receives the reply: real Chromium, built portal, real SMTP.
let env: Awaited<ReturnType<typeof startE2E>>
let portal: PortalProcess
let smtp: E2E['smtp']
let browser: Browser
beforeAll(async () => {
  env = await startE2E()
  ;({ portal, browser, smtp } = env)
})
afterAll(async () => {
  await env?.stop()
})

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

describe('support desk', () => {
  it('a learner reports a difficulty, the administrator answers from the back office, the learner gets the reply', async () => {
    const learnerContext = await browser.newContext({ baseURL: portal.url })
    const learner = await learnerContext.newPage()
    await signIn(learner, 'apprenant@example.org')
    await learner.goto('/ressources')
    await learner.click('footer a[data-support-link]')
    await learner.waitForURL(/\/aide\/signaler\?page=%2Fressources/)
    expect(await learner.inputValue('#f-page')).toBe('/ressources')
    // A description too short is refused in French on its field, the rest kept.
    await learner.selectOption('#f-category', 'account')
    await learner.selectOption('#f-urgency', 'urgent')
    await learner.fill('#f-description', 'Bloqué')
    await learner.click('main form button[type=submit]')
    expect(await learner.textContent('#f-description-error')).toBe('Décrivez la difficulté en au moins 10 caractères.')
    expect(await learner.inputValue('#f-category')).toBe('account')
    await learner.fill('#f-description', 'Je ne vois plus le module 4 dans mon parcours depuis ce matin.')
    await learner.setInputFiles('#f-screenshot', { name: 'ecran.png', mimeType: 'image/png', buffer: png })
    await learner.click('main form button[type=submit]')
    await learner.waitForURL(/reference=AS-/)
    const reference = new URL(learner.url()).searchParams.get('reference')!
    expect(await learner.textContent('main')).toContain(`référence ${reference}`)

    const ack = await smtp.waitFor('apprenant@example.org', new RegExp(`Demande d’assistance ${reference} reçue`))
    expect(ack.text).toContain('Je ne vois plus le module 4')
    // Nobody is on duty in the demo data: every administrator is alerted at once.
    const alert = await smtp.waitFor('admin@example.org', new RegExp(`Demande urgente ${reference}`))
    const link = /\/admin\/collections\/support-requests\/\d+/.exec(alert.text ?? '')![0]

    const adminContext = await browser.newContext({ baseURL: portal.url })
    const admin = await adminContext.newPage()
    await signIn(admin, 'admin@example.org', { next: link })
    await admin.waitForURL(new RegExp(link))
    await admin.waitForSelector('#field-reference')
    expect(await admin.inputValue('#field-reference')).toBe(reference)
    await admin.click('#field-replies button.array-field__add-row')
    await admin.fill('#field-replies__0__message', 'Bonjour, le module 4 est de nouveau visible : rechargez la page.')
    await admin.click('#action-save')
    await admin.waitForSelector('.payload-toast-container .toast-success, .toast-success')

    const reply = await smtp.waitFor('apprenant@example.org', new RegExp(`Réponse à votre demande ${reference}`))
    expect(reply.text).toContain('le module 4 est de nouveau visible')
    await learnerContext.close()
    await adminContext.close()
  })

  it('the FAQ is public and the report form works without JavaScript for visitors', async () => {
    const context = await browser.newContext({ baseURL: portal.url, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/aide')
    expect(await page.textContent('h1')).toBe('Aide et questions fréquentes')
    expect(await page.locator('details summary', { hasText: 'J’ai oublié mon mot de passe.' }).count()).toBe(1)
    await page.goto('/aide/signaler')
    await page.selectOption('#f-category', 'site')
    await page.fill('#f-description', 'La page des actualités reste blanche sur mon téléphone.')
    await page.fill('#f-email', 'pas-une-adresse')
    await page.click('main form button[type=submit]')
    expect(await page.textContent('#f-email-error')).toBe('Saisissez une adresse e-mail valide, par exemple nom@exemple.org.')
    await page.fill('#f-email', 'visiteur@example.org')
    await page.setInputFiles('#f-screenshot', { name: 'ecran.png', mimeType: 'image/png', buffer: Buffer.from('pas une image') })
    await page.click('main form button[type=submit]')
    expect(await page.textContent('#f-screenshot-error')).toMatch(/Type de fichier refusé/)
    await page.setInputFiles('#f-screenshot', [])
    await page.click('main form button[type=submit]')
    await page.waitForURL(/reference=AS-/)
    await smtp.waitFor('visiteur@example.org', /Demande d’assistance AS-\d{8}-[A-Z0-9]{5} reçue/)
    await context.close()
  })
})
