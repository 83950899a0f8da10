import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, signIn } from '../helpers/browser.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// A full case in the sandbox, in Chromium, as in a training room: the trainer creates a group workspace and gives
// the case-manager account to one trainee and the supervisor (and service-provider) accounts to another; the case
// manager registers a case and takes it to closure while the supervisor, in a second browser context, approves
// the assessment and the action plan, accepts and completes the referral, fills the feedback forms and approves
// closure; then the trainer resets the workspace.
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

async function session(email: string, next = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: portal.url })
  const page = await context.newPage()
  await signIn(page, email, { next })
  return { context, page }
}

/** Fills a sandbox form from values: text and dates typed, choices selected, yes/no and several choices ticked. */
async function fill(page: Page, values: Record<string, string | number | boolean | string[]>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'boolean') await page.check(`input[name="${name}"][value="${value ? 'oui' : 'non'}"]`)
    else if (Array.isArray(value)) for (const v of value) await page.check(`input[name="${name}"][value="${v}"]`)
    else {
      const id = `#f-${name.replaceAll('.', '-')}`
      const tag = await page.locator(id).evaluate((el) => el.tagName)
      if (tag === 'SELECT') await page.selectOption(id, String(value))
      else await page.fill(id, String(value))
    }
  }
}

async function saveForm(page: Page, base: string, caseId: string, code: string, values: Record<string, string | number | boolean | string[]>): Promise<void> {
  await page.goto(`${base}/cas/${caseId}/${code}`)
  await fill(page, values)
  await page.click('form[data-sandbox-form] button[type=submit]')
  await page.waitForURL(new RegExp(`/cas/${caseId}\\?ok=`))
}

async function act(page: Page, base: string, caseId: string, action: string, button: string, before?: (li: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  await page.goto(`${base}/cas/${caseId}`)
  const li = page.locator(`li[data-action="${action}"]`)
  await expect(li.getAttribute('data-offered')).resolves.toBe('oui')
  if (before) await before(li)
  await li.getByRole('button', { name: button }).click()
  await page.waitForURL(/\?ok=/)
}

async function switchTo(page: Page, memberName: string): Promise<void> {
  const value = await page.locator('#compte option', { hasText: memberName }).getAttribute('value')
  await page.selectOption('#compte', value!)
  await page.click('.sandbox-nav form button[type=submit]')
  await page.waitForLoadState('load')
}

const today = new Date().toISOString().slice(0, 10)

describe('the sandbox, from registration to closure', () => {
  it('plays a full case with a supervisor in a second browser, then the trainer resets the workspace', async () => {
    // The trainer creates the group workspace with one scenario and assigns the accounts.
    const trainer = await session('formateur@example.org', '/bac-a-sable')
    await trainer.page.goto('/bac-a-sable')
    await expect(trainer.page.locator('.sandbox-banner').textContent()).resolves.toContain('Données fictives — environnement d’entraînement')
    await trainer.page.fill('#name', 'Session pratique — Mopti')
    await trainer.page.fill('#organisationCode', 'TDH')
    for (const box of await trainer.page.locator('input[name="scenarios"]').all()) if ((await box.getAttribute('value')) !== 'enfant-separe-gare-mopti') await box.uncheck()
    await trainer.page.click('form button:has-text("Créer l’espace")')
    await trainer.page.waitForURL(/\/bac-a-sable\/\d+$/)
    const base = new URL(trainer.page.url()).pathname
    for (const [account, email] of [['gestionnaire-1', 'gestionnaire@example.org'], ['superviseur-1', 'superviseur@example.org'], ['gestionnaire-2', 'superviseur@example.org']] as const) {
      await trainer.page.fill(`#email-${account}`, email)
      await trainer.page.locator('form', { has: trainer.page.locator(`#email-${account}`) }).getByRole('button', { name: 'Attribuer' }).click()
      await trainer.page.waitForURL(/ok=attribue/)
    }

    const manager = await session('gestionnaire@example.org')
    const supervisor = await session('superviseur@example.org')
    const cm = manager.page
    const sv = supervisor.page

    // Registration (1.B): the form checks in the browser with the server's rules, then the case exists.
    await cm.goto(`${base}/cas/nouveau/1.B`)
    await fill(cm, { registration_date: today, child_name: 'Salif (fictif)', sex: 'garcon', age: 12, region: 'mopti', living_with: 'famille_elargie', identified_by: 'communaute', protection_concerns: ['negligence'], immediate_danger: false })
    await fill(cm, { situation: 'Joindre la tante au 76 12 34 56' })
    await expect(cm.locator('[data-error-for="situation"]').textContent()).resolves.toMatch(/numéro de téléphone/)
    await fill(cm, { situation: 'Enfant confié à une tante âgée, souvent seul le soir.' })
    await cm.click('form[data-sandbox-form] button[type=submit]')
    await cm.waitForURL(/\/cas\/TDH-[0-9a-f]{7}\?ok=/)
    const caseId = /\/cas\/(TDH-[0-9a-f]{7})/.exec(cm.url())![1]!
    await expect(cm.locator('dd[data-stage]').getAttribute('data-stage')).resolves.toBe('nouveau')
    // Why the supervisor's decision is not offered to the case manager.
    await expect(cm.locator('li[data-action="approveAssessment"] .why').textContent()).resolves.toMatch(/Seul un superviseur/)

    await saveForm(cm, base, caseId, '1.A', { consent_date: today, given_by: 'enfant_et_parent', caregiver_relation: 'Tante', explained_language: 'bambara', consent_services: true, consent_sharing: true })
    await saveForm(cm, base, caseId, '1.C', { initial_assessment_date: today, needs: ['psychosocial'], medical_urgent: false, risk_level: 'moyen', risk_reason: 'Enfant souvent seul, pas de violence constatée.', case_accepted: true })
    await saveForm(cm, base, caseId, '2.A', { assessment_date: today, people_met: ['enfant', 'parents'], child_heard_alone: true, safety: 'En sécurité le jour.', health: 'Bonne santé.', psychosocial: 'Triste le soir.', education: 'Scolarisé en 5e année.', family: 'Tante âgée, oncle absent.', strengths: 'Bon élève, voisins attentifs.', priority_needs: 'Présence d’un adulte le soir.', risk_level_after: 'moyen' })
    await act(cm, base, caseId, 'requestAssessment', 'Demander l’approbation de l’évaluation approfondie')

    // The supervisor approves the assessment in the other browser (their first account is the provider's).
    await sv.goto(`${base}`)
    await switchTo(sv, 'Fatoumata Diarra')
    await expect(sv.locator('li[data-alert="approval"]').count()).resolves.toBeGreaterThan(0)
    await act(sv, base, caseId, 'approveAssessment', 'Approuver', (li) => li.locator('textarea').fill('Évaluation claire.'))

    await saveForm(cm, base, caseId, '3.A', { plan_date: today, child_participated: true, 'goals.0.domain': 'famille', 'goals.0.goal': 'Un adulte présent le soir', 'goals.0.action': 'Médiation avec l’oncle', 'goals.0.responsible': 'Gestionnaire de cas', 'goals.0.due_date': today, followup_frequency: 'hebdomadaire' })
    await act(cm, base, caseId, 'requestActionPlan', 'Demander l’approbation du plan d’action')
    await act(sv, base, caseId, 'approveActionPlan', 'Approuver')
    await cm.goto(`${base}/cas/${caseId}`)
    await expect(cm.locator('dd[data-stage]').getAttribute('data-stage')).resolves.toBe('mise_en_oeuvre')

    // A referral: sent by the case manager, accepted and completed by the service provider's account.
    await act(cm, base, caseId, 'refer', 'Orienter vers un service (A.1)', async (li) => {
      await li.locator('select[name="destinataire"]').selectOption({ label: 'Ibrahim Maïga (gestionnaire de cas, prestataire)' })
      await li.locator('select[name="service"]').selectOption('psychosocial')
    })
    await sv.goto(`${base}/cas/${caseId}`)
    await switchTo(sv, 'Ibrahim Maïga')
    await sv.goto(`${base}`)
    await expect(sv.locator('li[data-alert="referral"]').count()).resolves.toBe(1)
    await sv.goto(`${base}/cas/${caseId}`)
    await sv.locator('tr[data-kind="referral"]').getByRole('button', { name: 'Accepter' }).click()
    await sv.waitForURL(/\?ok=/)
    await sv.locator('tr[data-kind="referral"]').getByRole('button', { name: 'Marquer comme terminée' }).click()
    // Done ends the provider's access to the case (back to the dashboard); the owner stays the owner.
    await sv.waitForURL(/\/bac-a-sable\/\d+\?ok=/)
    expect((await sv.goto(`${base}/cas/${caseId}`))?.status()).toBe(404)
    await sv.goto(base)
    await switchTo(sv, 'Fatoumata Diarra')
    await sv.goto(`${base}/cas/${caseId}`)
    await expect(sv.locator('tr[data-kind="referral"]').getAttribute('data-status')).resolves.toBe('done')
    await expect(sv.locator('dd[data-owner]').getAttribute('data-owner')).resolves.toBe('gestionnaire-1')

    // Follow-up, closure requested; approving is refused until the feedback forms are filled.
    await saveForm(cm, base, caseId, '5.A', { followup_date: today, followup_type: 'visite_domicile', child_seen: true, progress: 'atteints', observations: 'L’oncle rentre le soir.', plan_review_needed: false, ready_for_closure: true })
    await saveForm(cm, base, caseId, '6.A', { closure_date: today, closure_reason: 'objectifs_atteints', closure_details: 'Un adulte est présent chaque soir.', goals_met: true, family_informed: true })
    await act(cm, base, caseId, 'requestClosure', 'Demander l’approbation de la clôture')
    await sv.goto(`${base}/cas/${caseId}`)
    await sv.locator('li[data-action="approveClosure"]').getByRole('button', { name: 'Approuver' }).click()
    await expect(sv.locator('.alert.error').textContent()).resolves.toMatch(/6\.B et 6\.C/)
    await saveForm(sv, base, caseId, '6.B', { feedback_date: today, felt_safe: true, listened_to: 'toujours', satisfaction: 'satisfait' })
    await saveForm(sv, base, caseId, '6.C', { feedback_date: today, relation: 'Tante', satisfaction: 'satisfait', able_to_care: true })
    await act(sv, base, caseId, 'approveClosure', 'Approuver')
    await act(cm, base, caseId, 'close', 'Clôturer le cas')
    await expect(cm.locator('dd[data-status]').getAttribute('data-status')).resolves.toBe('closed')
    await cm.goto(`${base}/cas/${caseId}/5.A`)
    await expect(cm.locator('.alert.why').textContent()).resolves.toMatch(/clôturé/)

    // The trainer sees the trainees' progress and resets the workspace: the new case is gone, the scenario is back.
    await trainer.page.goto(base)
    await trainer.page.getByRole('button', { name: 'Remettre l’espace à son état de départ' }).click()
    await trainer.page.waitForURL(/ok=reinitialise/)
    await cm.goto(`${base}/cas`)
    await expect(cm.locator(`a:has-text("${caseId}")`).count()).resolves.toBe(0)
    await expect(cm.locator('tbody tr').count()).resolves.toBe(1)
    for (const s of [trainer, manager, supervisor]) await s.context.close()
    // About sixty page loads and saves across three browser contexts: longer than one page test.
  }, 480_000)

  it('shows the latest ten flags of a case flagged again and again, and says where all of them are', async () => {
    const headers = { Cookie: `payload-token=${await apiToken(portal.url, 'apprenant@example.org')}`, 'Sec-Fetch-Site': 'same-origin' }
    const page = async (path: string) => (await fetch(`${portal.url}${path}`, { headers })).text()
    const ws = /href="\/bac-a-sable\/(\d+)"/.exec(await page('/bac-a-sable'))![1]
    const caseId = /\/cas\/([A-Z]+-[0-9a-f]{7})"/.exec(await page(`/bac-a-sable/${ws}/cas`))![1]
    const casePath = `/bac-a-sable/${ws}/cas/${caseId}`
    for (let i = 1; i <= 12; i++) {
      const body = new URLSearchParams({ do: 'signaler', message: `Signalement numéro ${i}` }).toString()
      const saved = await fetch(`${portal.url}${casePath}`, { method: 'POST', redirect: 'manual', headers: { ...headers, Origin: portal.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body })
      expect(saved.status).toBe(303)
    }
    const html = await page(casePath)
    expect([...html.matchAll(/<p class="alert">⚑ Signalement numéro (\d+) /g)].map((m) => Number(m[1]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(html).toContain('Les 10 derniers signalements sur 12 ; tous sont dans le dossier imprimé')
  })
})
