import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restClient, signIn } from '../helpers/browser.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'

// Issue 11 in Chromium and over HTTP: a trainer on a phone adds people by hand on the training page (search,
// "Inscrire", a new person after the registry's duplicate check), and reads the trainer accounts, without
// contact details, when choosing co-trainers.
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

const restAs = (email: string) => restClient(portal.url, email)

describe('choosing co-trainers over REST', () => {
  it('gives a trainer the trainer accounts with name, roles, organisation and region only; a learner and an editor their own account', async () => {
    // A second trainer besides the demo one, with contact details a colleague must not see.
    const admin = await restAs('admin@example.org')
    const colleague = await admin('/users', 'POST', { email: 'co.formatrice@example.org', name: 'Awa Co-formatrice', phone: '+223 70 12 12 12', password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true })
    expect(colleague.status, JSON.stringify(colleague.json)).toBe(201)
    const trainer = await restAs('formateur@example.org')
    const listed = await trainer('/users?limit=100&depth=0')
    expect(listed.status).toBe(200)
    const others = listed.json.docs!.filter((d) => (d as { email?: string }).email !== 'formateur@example.org')
    expect(others.map((d) => d.name)).toContain('Awa Co-formatrice')
    for (const doc of others) {
      expect(doc.roles, JSON.stringify(doc)).toContain('trainer')
      expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'organisation', 'region', 'roles'].filter((k) => k in doc).sort())
      expect(doc).not.toHaveProperty('email')
      expect(doc).not.toHaveProperty('phone')
    }
    expect((await trainer('/users?where[email][like]=example')).status).toBe(400)
    for (const email of ['apprenant@example.org', 'editeur@example.org']) {
      const own = await (await restAs(email))('/users?limit=100&depth=0')
      expect(own.json.docs!.map((d) => d.email), email).toEqual([email])
    }
  })
})

describe('a trainer adds people by hand on a phone', () => {
  it('searches the registry, enrols an existing person, then creates a new one after seeing a probable match', async () => {
    // The trainer's training, and two people the trainer registered before (within their reach).
    const trainer = await restAs('formateur@example.org')
    const [region, organisation] = [(await trainer('/regions?limit=1&depth=0')).json.docs![0]!.id, (await trainer('/organisations?limit=1&depth=0&sort=acronym')).json.docs![0]!.id]
    const training = await trainer('/trainings', 'POST', { title: 'Atelier de Kayes — inscriptions à la main', kind: 'initial', status: 'planned', startDate: '2026-12-14', endDate: '2026-12-15', venue: 'Kayes', region, organiser: organisation })
    expect(training.status).toBe(201)
    const person = (data: Record<string, unknown>) => trainer('/participants', 'POST', { sex: 'F', function: 'Gestionnaire de cas', organisation, region, ...data })
    expect((await person({ firstName: 'Aminata', lastName: 'Traore', phone: '76123456' })).status).toBe(201)
    expect((await person({ firstName: 'Mariam', lastName: 'Diarra', phone: '+223 65 00 00 01' })).status).toBe(201)

    const context = await browser.newContext({ baseURL: portal.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await signIn(page, 'formateur@example.org', { next: `/presentiel/${training.json.doc!.id}` })
    await page.waitForSelector('#ajout')

    // 1. A search with an accent and in the wrong order finds her; "Inscrire" enrols her.
    await page.fill('#add-search', 'traoré aminata')
    await page.getByRole('button', { name: 'Chercher' }).click()
    await page.waitForSelector('#add-results')
    expect(await page.textContent('#add-results')).toContain('TRAORE Aminata')
    await page.getByRole('button', { name: 'Inscrire TRAORE Aminata' }).click()
    await page.waitForLoadState('load')
    expect(await page.textContent('.add-person'), page.url()).toContain('TRAORE Aminata est inscrit(e) à la formation.')
    expect(await page.textContent('.add-person .alert.ok')).toContain('TRAORE Aminata est inscrit(e) à la formation.')
    expect(await page.textContent('main')).toContain('1 participant(s), dont 1 femme(s) et 0 homme(s)')
    // The same search now says she is enrolled, and by her phone written another way she is found too.
    await page.fill('#add-search', '+223 76 12 34 56')
    await page.getByRole('button', { name: 'Chercher' }).click()
    await page.waitForSelector('#add-results')
    expect(await page.textContent('#add-results')).toContain('Déjà inscrit(e)')

    // 2. A new person close to someone already registered: the match is shown first, nothing is created.
    await page.fill('#f-firstName', 'Mariame')
    await page.fill('#f-lastName', 'DIARA')
    await page.selectOption('#f-sex', 'F')
    await page.fill('#f-function', 'Éducatrice')
    await page.selectOption('#f-organisation', String(organisation))
    await page.selectOption('#f-region', String(region))
    await page.fill('#f-phone', '65 00 00 01')
    await page.getByRole('button', { name: 'Vérifier et inscrire' }).click()
    await page.waitForSelector('.add-matches')
    expect(await page.textContent('.add-matches')).toContain('DIARRA Mariam')
    expect(await page.textContent('.add-matches')).toContain('même nom ou nom proche, même téléphone')
    expect(await page.textContent('main')).toContain('1 participant(s)')
    // Nothing on the phone screen runs off its width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    // 3. The trainer knows they are two people (sisters sharing a phone): "Créer quand même".
    await page.getByRole('button', { name: 'Créer quand même' }).click()
    await page.waitForSelector('.add-person .alert.ok')
    expect(await page.textContent('.add-person .alert.ok')).toContain('DIARA Mariame est enregistré(e) au registre et inscrit(e) à la formation.')
    expect(await page.textContent('main')).toContain('2 participant(s), dont 2 femme(s) et 0 homme(s)')
    await context.close()

    const registered = await trainer(`/participants?where[firstName][in]=Mariam,Mariame&depth=0&limit=10`)
    expect(registered.json.docs!.map((d) => d.fullName).sort()).toEqual(['DIARA Mariame', 'DIARRA Mariam'])
    expect((await trainer(`/enrolments?where[training][equals]=${training.json.doc!.id}&depth=0`)).json.docs).toHaveLength(2)
  })
})
