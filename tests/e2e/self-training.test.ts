import AxeBuilder from '@axe-core/playwright'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, signIn } from '../helpers/browser.ts'
import { pdfText } from '../helpers/pdf.ts'
import { startE2E, type E2E, type PortalProcess } from '../helpers/server.ts'
import { linkIn } from '../helpers/smtp.ts'

// A learner's path in Chromium: sign up, watch, fail then pass the quiz, earn and verify the certificate, and use
// a module offline.
const SLUG = 'etape-1-identification-enregistrement'
const shipped = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../training/modules', SLUG, 'module.json'), 'utf8')) as {
  quiz: { questions: { id: string; kind: string; correct: string[]; options: { id: string }[] }[] }
}
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

const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: portal.url, acceptDownloads: true })
  return { context, page: await context.newPage() }
}
async function answer(page: Page, right: boolean): Promise<void> {
  // The page shows the latest attempt's answers: start from a blank selection, as a learner retrying would.
  const checked = page.locator('#quiz input[type=checkbox]:checked')
  while ((await checked.count()) > 0) await checked.first().uncheck()
  for (const q of shipped.quiz.questions) {
    const ids = right ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id]
    for (const id of ids) await page.check(`input[name="q-${q.id}"][value="${id}"]`)
  }
  await page.click('#quiz form button[type=submit]')
  await page.waitForLoadState('load')
}

describe('a learner from sign-up to certificate', () => {
  it('signs up, watches a module, fails then passes its quiz, downloads a certificate that the public page confirms', async () => {
    // Coordination makes one module required for this certificate (a real setting of the back office).
    const token = await apiToken(portal.url, 'coordination@example.org')
    const modules = (await (await fetch(`${portal.url}/api/modules?limit=20`, { headers: { Authorization: `JWT ${token}` } })).json()) as { docs: { id: number; slug: string }[] }
    for (const m of modules.docs.filter((m) => m.slug !== SLUG)) {
      const res = await fetch(`${portal.url}/api/modules/${m.id}`, { method: 'PATCH', headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ required: false }) })
      expect(res.status).toBe(200)
    }

    const { context, page } = await newPage()
    await page.goto('/inscription')
    await page.fill('#f-name', 'Sali Dembélé')
    await page.fill('#f-email', 'sali.dembele@example.org')
    await page.fill('#f-newPassword', 'Karite-en-fleur-a-Sikasso-7')
    await page.fill('#f-confirmPassword', 'Karite-en-fleur-a-Sikasso-7')
    // The consent says where the data-protection rules are, as a link.
    expect(await page.locator('#f-consent-hint a[href="/donnees-et-acces"]').count()).toBe(1)
    expect(await page.getAttribute('#f-consent', 'aria-describedby')).toContain('f-consent-hint')
    await page.check('#f-consent')
    await page.click('main form button[type=submit]')
    const mail = await smtp.waitFor('sali.dembele@example.org', /Confirmez/)
    await page.goto(linkIn(mail, /\/inscription\/confirmer/))
    await page.click('main form button[type=submit]')
    await signIn(page, 'sali.dembele@example.org', { password: 'Karite-en-fleur-a-Sikasso-7', next: `/formation/${SLUG}` })
    await page.waitForURL(new RegExp(`/formation/${SLUG}`))

    // The video plays with French captions on by default, written under the picture (the slides' text reaches its
    // bottom edge); seeking to the end counts as watched.
    await page.evaluate(() => {
      const video = document.querySelector('video')!
      video.muted = true
      return video.play()
    })
    await page.waitForFunction(() => {
      const track = document.querySelector('track')!
      return track.readyState === 2 && (track.track.cues?.length ?? 0) > 0 && track.track.mode === 'hidden'
    })
    expect(await page.evaluate(() => document.querySelector('track')!.track.language)).toBe('fr')
    await page.waitForFunction(() => (document.getElementById('captions-below')?.textContent ?? '').trim().length > 0)
    const [picture, captions] = await page.evaluate(() => [document.querySelector('video')!.getBoundingClientRect(), document.getElementById('captions-below')!.getBoundingClientRect()].map((r) => ({ top: r.top, bottom: r.bottom })))
    expect(captions!.top).toBeGreaterThanOrEqual(picture!.bottom)
    const saved = page.waitForResponse((r) => r.url().endsWith('/progression.json') && r.ok())
    await page.evaluate(() => {
      const video = document.querySelector('video')!
      video.currentTime = video.duration - 0.2
    })
    await saved

    await answer(page, false)
    expect(await page.textContent('#quiz')).toContain('Quiz non réussi')
    expect(await page.locator('#quiz p.error').count()).toBeGreaterThan(0)
    await page.goto(`/formation/${SLUG}`)
    await answer(page, true)
    expect(await page.textContent('#quiz')).toContain('Quiz réussi : 100 %')
    // Coming back: the module says it is finished and shows the latest result, not an empty quiz.
    await page.goto(`/formation/${SLUG}`)
    expect(await page.textContent('[data-module-state="completed"]')).toBe('Terminé')
    expect(await page.textContent('[data-module-done]')).toContain('Module terminé')
    expect(await page.textContent('#quiz p.alert[role=status]')).toContain('Votre dernière tentative — Quiz réussi : 100 %')
    const firstQuestion = shipped.quiz.questions[0]!
    expect(await page.isChecked(`input[name="q-${firstQuestion.id}"][value="${firstQuestion.correct[0]}"]`)).toBe(true)

    await page.goto('/formation/mon-parcours')
    expect(await page.textContent('main')).toContain('tous les modules requis sont terminés')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="attestation.pdf"]')])
    const text = await pdfText(Buffer.concat(await (await download.createReadStream()).toArray()))
    expect(text).toContain('Sali Dembélé')
    const code = /Code de vérification : ([a-z2-7]{32}\.[a-z2-7]{32})/.exec(text)![1]!
    const verify = await page.goto(`/attestations/verifier/${code}`)
    expect(verify?.status()).toBe(200)
    expect(await page.textContent('main')).toContain('Attestation valide')
    expect(await page.textContent('main')).toContain('Sali Dembélé')
    expect(await page.textContent('main')).not.toContain('sali.dembele@example.org')
    const forged = await page.goto(`/attestations/verifier/${code.slice(0, 33)}${'a'.repeat(32)}`)
    expect(forged?.status()).toBe(404)
    expect(await page.textContent('main')).toContain('Attestation introuvable')
    await context.close()
  })

  it('refuses tampered quiz answers with a clear message', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'apprenant@example.org', { next: '/formation' })
    const res = await page.request.post(`/formation/${SLUG}`, { form: { tentative: crypto.randomUUID(), 'q-question-inventee': 'a' }, headers: { Origin: portal.url } })
    expect(res.status()).toBe(400)
    expect(await res.text()).toContain('Réponses refusées')
    await context.close()
  })
})

describe('accessibility', () => {
  it('has no serious or critical axe violation on the module list and a module page, and the quiz works from the keyboard', async () => {
    const { context, page } = await newPage()
    for (const p of ['/formation', `/formation/${SLUG}`]) {
      await page.goto(p)
      const { violations } = await new AxeBuilder({ page: page as never }).analyze()
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), p).toEqual([])
    }
    await page.goto(`/connexion?suite=${encodeURIComponent(`/formation/${SLUG}`)}`)
    await page.fill('#f-email', 'apprenant@example.org')
    await page.fill('#f-password', 'Demo-Portail-2026!')
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`/formation/${SLUG}`))
    const first = shipped.quiz.questions[0]!
    await page.focus(`input[name="q-${first.id}"][value="${first.options[0]!.id}"]`)
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    expect(await page.isChecked(`input[name="q-${first.id}"][value="${first.options[1]!.id}"]`)).toBe(true)
    await context.close()
  })
})

describe('offline', () => {
  it('keeps a module page and its small video available with the network cut', async () => {
    const { context, page } = await newPage()
    await page.goto(`/formation/${SLUG}`)
    // The small rendition (426 px wide) is never stretched wider than it is, where it would be blurred.
    expect(await page.evaluate(() => document.querySelector('video')!.getBoundingClientRect().width)).toBeLessThanOrEqual(426)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || document.querySelector('button[data-keep-offline]:not([hidden])'))
    await page.click('button[data-keep-offline]')
    await page.waitForFunction(() => document.getElementById('offline-status')?.textContent?.includes('gardé hors ligne'))
    await context.setOffline(true)
    await page.reload()
    expect(await page.textContent('h1')).toContain('Identification et enregistrement')
    const video = await page.evaluate(async (slug) => {
      const res = await fetch(`/formation/media/${slug}/small.mp4`, { headers: { Range: 'bytes=0-1023' } })
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength }
    }, SLUG)
    expect(video).toEqual({ status: 206, bytes: 1024 })
    await page.evaluate(() => {
      const v = document.querySelector('video')!
      v.muted = true
      return v.play()
    })
    await page.waitForFunction(() => document.querySelector('video')!.readyState >= 2)
    await context.close()
  })

  it('keeps the standard rendition when that is the one the learner watches, not the small one', async () => {
    const { context, page } = await newPage()
    await page.goto(`/formation/${SLUG}?qualite=standard`)
    expect(await page.getAttribute('video source', 'src')).toContain('/standard.mp4')
    expect(await page.evaluate(() => document.querySelector('video')!.getBoundingClientRect().width)).toBeGreaterThan(426)
    await page.waitForSelector('button[data-keep-offline]:not([hidden])')
    expect(await page.textContent('button[data-keep-offline]')).toContain('qualité standard')
    await page.click('button[data-keep-offline]')
    await page.waitForFunction(() => document.getElementById('offline-status')?.textContent?.includes('en qualité standard'))
    await context.setOffline(true)
    await page.goto(`/formation/${SLUG}`)
    // The page kept offline is the one showing the rendition chosen (remembered by its cookie).
    expect(await page.getAttribute('video source', 'src')).toContain('/standard.mp4')
    const fetched = await page.evaluate(async (slug) => {
      const get = async (file: string) => {
        try {
          const res = await fetch(`/formation/media/${slug}/${file}`, { headers: { Range: 'bytes=0-1023' } })
          return { status: res.status, bytes: (await res.arrayBuffer()).byteLength }
        } catch {
          return 'unreachable'
        }
      }
      return { standard: await get('standard.mp4'), small: await get('small.mp4') }
    }, SLUG)
    expect(fetched).toEqual({ standard: { status: 206, bytes: 1024 }, small: 'unreachable' })
    await page.evaluate(() => {
      const v = document.querySelector('video')!
      v.muted = true
      return v.play()
    })
    await page.waitForFunction(() => document.querySelector('video')!.readyState >= 2)
    await context.close()
  })

  it('shows the score and corrections once a quiz answered offline is sent, not an empty quiz', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'apprenant@example.org', { next: `/formation/${SLUG}` })
    await page.waitForURL(new RegExp(`/formation/${SLUG}`))
    await page.waitForSelector('button[data-keep-offline]:not([hidden])')
    await page.click('button[data-keep-offline]')
    await page.waitForFunction(() => document.getElementById('offline-status')?.textContent?.includes('gardé hors ligne'))
    await context.setOffline(true)
    for (const q of shipped.quiz.questions) for (const id of q.correct) await page.check(`input[name="q-${q.id}"][value="${id}"]`)
    await page.click('#quiz form button[type=submit]')
    await page.waitForFunction(() => document.getElementById('quiz-offline')?.textContent?.includes('Hors ligne'))
    // Back online: the queue sends the answers and the page reloads with what the server scored.
    const reloaded = page.waitForEvent('load')
    await context.setOffline(false)
    await reloaded
    await page.waitForSelector('#quiz p.alert[role=status]')
    expect(await page.textContent('#quiz p.alert[role=status]')).toContain('Quiz réussi : 100 %')
    const first = shipped.quiz.questions[0]!
    expect(await page.isChecked(`input[name="q-${first.id}"][value="${first.correct[0]}"]`)).toBe(true)
    expect(await page.locator('#quiz .question p.ok').count()).toBe(shipped.quiz.questions.length)
    await context.close()
  })

  it('keeps the progress made offline for the signed-in learner, through a reload and a sign-out warning, and sends it once', async () => {
    const { context, page } = await newPage()
    await signIn(page, 'apprenant@example.org', { next: `/formation/${SLUG}` })
    await page.waitForURL(new RegExp(`/formation/${SLUG}`))
    const sent: { key: string; status: number }[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('/progression.json')) sent.push({ key: r.request().headers()['idempotency-key'] ?? '', status: r.status() })
    })
    await page.click('button[data-keep-offline]')
    await page.waitForFunction(() => document.getElementById('offline-status')?.textContent?.includes('gardé hors ligne'))
    await context.setOffline(true)
    await page.reload()
    // Watched to the end without network: the position waits on this device.
    await page.evaluate(() => {
      const v = document.querySelector('video')!
      v.muted = true
      return v.play()
    })
    await page.waitForFunction(() => document.querySelector('video')!.readyState >= 1)
    await page.evaluate(() => {
      const v = document.querySelector('video')!
      v.pause()
      v.currentTime = v.duration - 0.2
    })
    await page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent?.includes('1 en attente d’envoi'))
    await page.reload()
    expect(await page.textContent('[data-offline-queue-count]')).toContain('1 en attente d’envoi')
    // Signing out says what is not sent yet; staying keeps it.
    let warning = ''
    page.once('dialog', (dialog) => {
      warning = dialog.message()
      void dialog.dismiss()
    })
    await page.click('form[data-sign-out] button')
    expect(warning).toContain('1 saisie(s) pas encore envoyée(s)')
    expect(await page.textContent('[data-offline-queue-count]')).toContain('1 en attente d’envoi')
    await context.setOffline(false)
    await page.waitForFunction(() => document.querySelector('[data-offline-queue-count]')?.textContent === '')
    // Stored once: one successful answer per key, and the server counts the module as watched.
    const stored = sent.filter((s) => s.status === 200)
    expect(new Set(stored.map((s) => s.key)).size).toBe(stored.length)
    expect(stored.length).toBeGreaterThan(0)
    // What the server holds, as the module page shows it: watched to the end.
    await page.reload()
    expect(await page.textContent('.badge.code')).toMatch(/Vidéo regardée à (9\d|100) %/)
    await context.close()
  })
})
