import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../helpers/browser.ts'
import { startE2E, type PortalProcess } from '../helpers/server.ts'
import { linkIn } from '../helpers/smtp.ts'

// The common framework in Chromium: a coordinator schedules next year's quarterly meetings, an invitee answers
// through the emailed link without signing in, the coordinator records minutes with an action point, and the
// action point appears on the next meeting's agenda.
type E2E = Awaited<ReturnType<typeof startE2E>>
let env: E2E
let portal: PortalProcess
let browser: Browser
let smtp: E2E['smtp']
beforeAll(async () => {
  env = await startE2E()
  ;({ portal, browser, smtp } = env)
})
afterAll(async () => {
  await env?.stop()
})

const year = new Date().getUTCFullYear() + 1

describe('a framework meeting from invitation to the next agenda', () => {
  it('schedules, answers by the emailed link, records minutes and carries the action point over', async () => {
    // 1. The coordinator plans the year's four meetings, inviting the case manager's organisation.
    const coordination = await browser.newContext({ baseURL: portal.url })
    const page = await coordination.newPage()
    await signIn(page, 'coordination@example.org', { next: '/reunions' })
    await page.waitForURL(/\/reunions$/)
    await page.fill('#f-year', String(year))
    for (const [i, day] of [`${year}-02-11`, `${year}-05-12`, `${year}-08-11`, `${year}-11-10`].entries()) await page.fill(`#f-q${i + 1}`, day)
    await page.getByLabel('SAMU SOCIAL Mali — SAMU SOCIAL Mali').check()
    await page.getByRole('button', { name: 'Planifier les quatre réunions' }).click()
    expect(await (await page.waitForSelector('main p.alert')).textContent()).toContain('4 réunions planifiées')

    // 2. The invitee answers « oui » through the link of the email, without signing in.
    const mail = await smtp.waitFor('gestionnaire@example.org', new RegExp(`Invitation : Réunion du cadre commun — 1er trimestre ${year}`))
    expect(mail.attachments.some((a) => a.filename === 'reunion.ics')).toBe(true)
    const yes = linkIn(mail, /\/rsvp\/[a-z2-7.]+\?reponse=oui/)
    const invitee = await browser.newContext()
    const answer = await invitee.newPage()
    await answer.goto(yes)
    expect(await answer.isChecked('#reponse-yes')).toBe(true)
    const [posted] = await Promise.all([answer.waitForResponse((r) => r.request().method() === 'POST'), answer.getByRole('button', { name: 'Enregistrer ma réponse' }).click()])
    const postedPage = await posted.text()
    expect(posted.status(), postedPage.slice(0, 2000)).toBe(200)
    expect(postedPage).toContain('Votre réponse « Oui » est enregistrée')
    // A tampered link changes nothing and says so in French.
    const tampered = yes.replace(/\/rsvp\/([a-z2-7]+)\.([a-z2-7])/, (_, id: string, c: string) => `/rsvp/${id}.${c === 'a' ? 'b' : 'a'}`)
    const refused = await answer.goto(tampered)
    expect(refused?.status()).toBe(400)
    expect(await answer.textContent('main')).toContain('Ce lien de réponse n’est pas valide ou a expiré')
    await invitee.close()

    // 3. The coordinator records the minutes of the first meeting with an action point.
    await page.goto('/reunions')
    await page.getByRole('link', { name: `Réunion du cadre commun — 1er trimestre ${year}` }).click()
    await page.waitForURL(/\/reunions\/\d+$/)
    expect(await page.textContent('main')).toContain('Réponses : 1 oui')
    await page.getByLabel('Awa Sangaré (démo)').check()
    await page.fill('#f-discussion', 'Tour de table des structures.')
    await page.fill('#f-decisions', 'Former les points focaux régionaux avant le trimestre suivant')
    await page.fill('#f-activity', 'Former les points focaux régionaux sur CPIMS+')
    await page.selectOption('#f-org', { label: 'DNPEF' })
    await page.fill('#f-deadline', `${year}-04-30`)
    await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click()
    await page.waitForURL(/enregistre=1/)
    expect(await page.textContent('#action-points')).toContain('Former les points focaux régionaux sur CPIMS+')

    // 4. The action point is on the next meeting's agenda.
    await page.goto('/reunions')
    await page.getByRole('link', { name: `Réunion du cadre commun — 2e trimestre ${year}` }).click()
    await page.waitForURL(/\/reunions\/\d+$/)
    expect(await page.textContent('#agenda')).toContain('Suivi du point d’action : Former les points focaux régionaux sur CPIMS+ (DNPEF, À faire)')
    await coordination.close()
  })
})
