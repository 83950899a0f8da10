import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, signIn } from '../helpers/browser.ts'
import { startE2E, type E2E, type PortalProcess } from '../helpers/server.ts'
import { linkIn } from '../helpers/smtp.ts'

// Real Chromium against the built portal, mail received by a real SMTP server on localhost.
let env: Awaited<ReturnType<typeof startE2E>>
let portal: PortalProcess
let smtp: E2E['smtp']
let browser: Browser
beforeAll(async () => {
  env = await startE2E()
  ;({ portal, browser } = env)
  smtp = env.smtp
})
afterAll(async () => {
  await env?.stop()
})

const newPage = async (options: { javaScript?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: portal.url, locale: 'en-US', javaScriptEnabled: options.javaScript ?? true })
  return { context, page: await context.newPage() }
}


describe('public site shell', () => {
  it('shows a newcomer the home page in French, light and without JavaScript', async () => {
    const { context, page } = await newPage({ javaScript: false })
    let bytes = 0
    page.on('response', async (response) => {
      const length = Number((await response.allHeaders())['content-length'] ?? (await response.body()).length)
      bytes += length
    })
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    expect(await page.textContent('h1')).toContain('Portail national de protection de l’enfant')
    expect(await page.locator('nav a', { hasText: 'Connexion' }).count()).toBe(1)
    expect(await page.locator('footer a', { hasText: 'Protection des données' }).count()).toBe(1)
    await page.waitForLoadState('networkidle')
    expect(bytes).toBeLessThan(60 * 1024)
    await context.close()
  })
})

describe('each demo role in /admin', () => {
  const collections = ['users', 'regions', 'cercles', 'organisations', 'audit-log', 'outbox']
  // The menu is cut to each job (cms/rules/menus.ts): accounts for coordination, reference data for administrators.
  const expected: Record<string, string[]> = {
    'admin@example.org': collections,
    'coordination@example.org': ['users'],
    'formateur@example.org': [],
    'superviseur@example.org': [],
    'gestionnaire@example.org': [],
    'editeur@example.org': [],
  }
  it.each(Object.entries(expected))('%s sees its collections and nothing more, in French', async (email, visible) => {
    const { context, page } = await newPage()
    await signIn(page, email, { next: '/admin' })
    await page.waitForURL(/\/admin/)
    await page.waitForSelector('.portal-dashboard')
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    for (const slug of collections) {
      const count = await page.locator(`nav a[href="/admin/collections/${slug}"]`).count()
      expect(count > 0, `${email} → ${slug}`).toBe(visible.includes(slug))
    }
    // Trainers, coordination and admins find the follow-up pages from the back office's navigation.
    const follows = ['admin@example.org', 'coordination@example.org', 'formateur@example.org'].includes(email)
    expect(await page.locator('nav a[href="/formation/suivi"]').count() > 0, `${email} → suivi`).toBe(follows)
    if (email !== 'admin@example.org' && email !== 'coordination@example.org') {
      // Row-level access: the account list, out of their menu but reachable, holds only the person's own account.
      await page.goto('/admin/collections/users')
      await page.waitForSelector('table tbody tr')
      expect(await page.locator('table tbody tr').count()).toBe(1)
    }
    await context.close()
  })

  it('keeps a learner out of /admin', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'apprenant@example.org')
    await page.goto('/admin')
    await page.waitForLoadState('networkidle')
    expect(await page.locator('a[href="/admin/collections/regions"]').count()).toBe(0)
    expect(await page.locator('a[href="/admin/collections/users"]').count()).toBe(0)
    // The site does not offer the management area to a learner either.
    await page.goto('/')
    expect(await page.locator('a[href="/admin"]').count()).toBe(0)
    await context.close()
  })
})

describe('learner sign-up', () => {
  it('signs up, confirms through the email received, signs in, and cannot open /admin', async () => {
    const { context, page } = await newPage({ javaScript: false })
    const email = 'mariam.kone@example.org'
    await page.goto('/inscription')
    await page.fill('#f-name', 'Mariam Koné')
    await page.fill('#f-email', email)
    await page.selectOption('#f-region', { label: 'Mopti' })
    await page.fill('#f-newPassword', 'Pirogue-sur-le-Bani-2026')
    await page.fill('#f-confirmPassword', 'Pirogue-sur-le-Bani-2026')
    await page.check('#f-consent')
    await page.click('main form button[type=submit]')
    expect(await page.textContent('h1')).toContain('Vérifiez votre boîte e-mail')

    const mail = await smtp.waitFor(email, /Confirmez votre adresse/)
    expect(mail.text).toContain('Bonjour Mariam Koné')
    await page.goto(linkIn(mail, /\/inscription\/confirmer/))
    await page.click('main form button[type=submit]')
    expect(await page.textContent('main')).toContain('Votre adresse est confirmée')

    await signIn(page, email, { password: 'Pirogue-sur-le-Bani-2026' })
    // A learner lands on self-training; the account page says who they are.
    expect(new URL(page.url()).pathname).toBe('/formation')
    await page.goto('/mon-compte')
    expect(await page.textContent('h1')).toContain('Mon compte')
    expect(await page.textContent('main')).toContain('Apprenant')
    await page.goto('/admin')
    expect(await page.locator('a[href="/admin/collections/users"]').count()).toBe(0)
    await context.close()
  })

  it('shows French messages per field for a bad sign-up, and keeps what was typed', async () => {
    const { context, page } = await newPage({ javaScript: false })
    await page.goto('/inscription')
    await page.fill('#f-name', 'Awa')
    await page.fill('#f-email', 'awa@')
    await page.fill('#f-newPassword', 'court')
    await page.fill('#f-confirmPassword', 'autre')
    await page.click('main form button[type=submit]')
    expect(await page.textContent('#f-email-error')).toContain('adresse e-mail valide')
    expect(await page.textContent('#f-confirmPassword-error')).toContain('pas identiques')
    expect(await page.textContent('#f-consent-error')).toContain('accord')
    expect(await page.inputValue('#f-name')).toBe('Awa')
    await context.close()
  })
})

describe('lockout, reset and sessions', () => {
  it('locks the account after five wrong passwords, with the message an unknown address gets', async () => {
    const { context, page } = await newPage()
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'superviseur@example.org', { password: `mauvais-${i}` })
      expect(await page.textContent('main')).toContain('Adresse e-mail ou mot de passe incorrect')
    }
    await signIn(page, 'superviseur@example.org')
    expect(await page.textContent('h1')).not.toContain('Mon compte')
    const locked = await page.textContent('main .alert')
    await signIn(page, 'personne.inconnue@example.org')
    expect(await page.textContent('main .alert')).toBe(locked)
    await context.close()
  })

  it('resets a password through the emailed link and ends the old session', async () => {
    const old = await newPage()
    await signIn(old.page, 'formateur@example.org', { next: '/mon-compte' })
    expect(await old.page.textContent('h1')).toContain('Mon compte')

    const { context, page } = await newPage()
    await page.goto('/mot-de-passe-oublie')
    await page.fill('#f-email', 'formateur@example.org')
    await page.click('main form button[type=submit]')
    expect(await page.textContent('main')).toContain('Si un compte actif correspond')
    const mail = await smtp.waitFor('formateur@example.org', /Réinitialisation/)
    await page.goto(linkIn(mail, /\/mot-de-passe\/nouveau/))
    await page.fill('#f-newPassword', 'Marche-de-Bamako-au-soir-8')
    await page.fill('#f-confirmPassword', 'Marche-de-Bamako-au-soir-8')
    await page.click('main form button[type=submit]')
    expect(await page.textContent('main')).toContain('Votre mot de passe est enregistré')

    await old.page.goto('/mon-compte')
    expect(old.page.url()).toContain('/connexion')
    await signIn(page, 'formateur@example.org', { password: 'Marche-de-Bamako-au-soir-8', next: '/mon-compte' })
    expect(await page.textContent('h1')).toContain('Mon compte')
    await old.context.close()
    await context.close()
  })

  it('"sign out of all devices" ends the session of a second browser', async () => {
    const first = await newPage()
    const second = await newPage()
    await signIn(first.page, 'editeur@example.org')
    await signIn(second.page, 'editeur@example.org')
    await second.page.goto('/mon-compte')
    const sessions = Number(/connecté sur (\d+) appareil/.exec((await second.page.textContent('main')) ?? '')?.[1])
    expect(sessions).toBeGreaterThanOrEqual(2)
    await first.page.goto('/mon-compte')
    await first.page.click('text=Se déconnecter de tous les appareils')
    expect(await first.page.textContent('main')).toContain('Votre session a pris fin')
    await second.page.goto('/mon-compte')
    expect(second.page.url()).toContain('/connexion')
    await second.page.goto('/admin')
    expect(await second.page.locator('a[href="/admin/collections/regions"]').count()).toBe(0)
    await first.context.close()
    await second.context.close()
  })

  it('forces a change of an expired password at sign-in (an invited account’s temporary password)', async () => {
    const token = await apiToken(portal.url, 'admin@example.org')
    const created = await fetch(`${portal.url}/api/users`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'nouveau.formateur@example.org', name: 'Nouveau Formateur', password: 'Provisoire-du-admin-2026', roles: ['trainer'] }),
    })
    expect(created.status).toBe(201)
    await smtp.waitFor('nouveau.formateur@example.org', /Invitation/)

    const { context, page } = await newPage()
    await signIn(page, 'nouveau.formateur@example.org', { password: 'Provisoire-du-admin-2026' })
    expect(await page.textContent('h1')).toContain('Votre mot de passe a expiré')
    await page.fill('#f-currentPassword', 'Provisoire-du-admin-2026')
    await page.fill('#f-newPassword', 'Baobab-de-Kayes-en-fleur-3')
    await page.fill('#f-confirmPassword', 'Baobab-de-Kayes-en-fleur-3')
    await page.click('main form button[type=submit]')
    // Signed in with the new password, the trainer lands on the back office's dashboard.
    await page.waitForSelector('.portal-dashboard h1')
    expect(await page.textContent('.portal-dashboard h1')).toContain('Bonjour Nouveau Formateur')
    await context.close()
  })
})

describe('re-authentication and email change (issue 9, finding 6)', () => {
  it('refuses a REST change of one’s own password or email without the current password', async () => {
    const token = await apiToken(portal.url, 'gestionnaire@example.org')
    const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', Origin: portal.url }
    const me = (await (await fetch(`${portal.url}/api/users/me`, { headers })).json()) as { user: { id: number } }
    for (const body of [{ password: 'Nouveau-mot-de-passe-42' }, { email: 'pirate@example.org' }, { email: 'pirate@example.org', currentPassword: 'pas-le-bon-1234' }]) {
      const res = await fetch(`${portal.url}/api/users/${me.user.id}`, { method: 'PATCH', headers, body: JSON.stringify(body) })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(await res.json())).toMatch(/mot de passe actuel/i)
    }
    expect(smtp.messages.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes('pirate@example.org'))).toHaveLength(0)
  })

  it('changes the email from /mon-compte only once the link sent to the new address is used; the old address is told', async () => {
    const { context, page } = await newPage({ javaScript: false })
    await signIn(page, 'apprenant@example.org')
    await page.goto('/mon-compte')
    await page.fill('#f-newEmail', 'apprenant.nouvelle@example.org')
    await page.fill('#f-emailPassword', 'pas-le-bon-mot-de-passe')
    await page.click('form[action*="action=adresse"] button[type=submit]')
    expect(await page.textContent('#f-emailPassword-error')).toContain('incorrect')
    await page.fill('#f-emailPassword', 'Demo-Portail-2026!')
    await page.click('form[action*="action=adresse"] button[type=submit]')
    expect(await page.textContent('main')).toContain('Demande enregistrée')
    expect(await page.textContent('main')).toContain('en attente de confirmation vers : apprenant.nouvelle@example.org')

    await smtp.waitFor('apprenant@example.org', /Demande de changement d’adresse/)
    const confirmation = await smtp.waitFor('apprenant.nouvelle@example.org', /Confirmez votre nouvelle adresse/)
    await page.goto(linkIn(confirmation, /\/mon-compte\/adresse/))
    await page.click('main form button[type=submit]')
    expect(await page.textContent('main')).toContain('Votre adresse e-mail est modifiée')
    await smtp.waitFor('apprenant@example.org', /Adresse e-mail modifiée/)

    const other = await newPage()
    await signIn(other.page, 'apprenant.nouvelle@example.org', { next: '/mon-compte' })
    expect(await other.page.textContent('h1')).toContain('Mon compte')
    await other.context.close()
    await context.close()
  })
})
