// `npm run bench`: the budgets of DESIGN.md §5, measured against the production build with compression on.
// Every figure is printed with its budget; the server figure is a ratio to a static file served in the same run.
// Exits non-zero when a budget is missed.
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildIndex, search, type TSearchDoc } from '../../cms/search/index.ts'
import { loadCurriculum, SMALL_MAX_KBPS } from '../../training/schema.ts'
import { buildIfNeeded } from '../../site/server/build.ts'
import { CHROMIUM_PATH } from '../helpers/browser.ts'
import { startPortalProcess } from '../helpers/server.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const results: { name: string; value: string; budget: string; ok: boolean }[] = []
const record = (name: string, value: string, budget: string, ok: boolean) => {
  results.push({ name, value, budget, ok })
  console.log(`${ok ? 'OK  ' : 'FAIL'}  ${name}: ${value} (budget ${budget})`)
}
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!

/** Bytes a browser transfers for a page: compressed HTML plus its stylesheets and scripts (images aside). */
async function transferredBytes(base: string, pagePath: string): Promise<number> {
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })
    const body = Buffer.from(await res.arrayBuffer())
    // fetch decompresses; count what travelled: the gzip size when the server compressed, else the raw size.
    return { text: body.toString('utf8'), bytes: res.headers.get('content-encoding') === 'gzip' ? gzipSync(body).length : body.length }
  }
  const page = await get(`${base}${pagePath}`)
  const assets = [...page.text.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]!)
  let total = page.bytes
  for (const asset of new Set(assets)) total += (await get(new URL(asset, base).href)).bytes
  return total
}

/** Fuzzy search over generated resources: p95 of many queries. */
function searchBench(count: number): number {
  const words = ['évaluation', 'consentement', 'réunification', 'clôture', 'référencement', 'suivi', 'famille', 'enfant', 'séparé', 'protection', 'intérêt supérieur', 'données', 'supervision', 'transfert', 'plan d’action']
  const docs: TSearchDoc[] = Array.from({ length: count }, (_, i) => ({
    id: i,
    slug: `doc-${i}`,
    title: `Document ${i} — ${words[i % words.length]} et ${words[(i * 7) % words.length]}`,
    summary: `Résumé du document ${i} sur ${words[(i * 3) % words.length]}, ${words[(i * 5) % words.length]} et la gestion des cas de protection de l’enfant dans les régions du Mali.`,
    formCode: i % 40 === 0 ? `${(i % 6) + 1}.A` : null,
    tags: [words[(i * 11) % words.length]!],
    type: 'tool',
  }))
  const index = buildIndex(docs)
  const queries = ['evaluation', 'consentment', 'reunification', '4.E', 'interet superieur', 'cloture du cas', 'supervison', 'famille enfant', 'données', 'referencement']
  for (const q of queries) search(index, q) // warm-up
  const timings: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const start = performance.now()
      search(index, q)
      timings.push(performance.now() - start)
    }
  }
  return percentile(timings, 95)
}

/** Median time to fetch a path, sequentially, after a warm-up. */
async function medianFetch(url: string, rounds: number): Promise<number> {
  for (let i = 0; i < 10; i++) await (await fetch(url)).arrayBuffer()
  const timings: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    await (await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer()
    timings.push(performance.now() - start)
  }
  return percentile(timings, 50)
}

buildIfNeeded()
const portal = await startPortalProcess({ NODE_ENV: 'production' })
const pages = {
  accueil: '/',
  liste: '/ressources',
  ressource: '/ressources/formulaire-1c-evaluation-initiale',
  recherche: '/recherche?q=evaluation',
  module: '/formation/etape-1-identification-enregistrement',
}
try {
  for (const [name, pagePath] of Object.entries(pages)) {
    const bytes = await transferredBytes(portal.url, pagePath)
    record(`page ${name} transférée`, `${(bytes / 1024).toFixed(1)} KB`, '≤ 60 KB', bytes <= 60 * 1024)
  }

  // Every rendition of every module, measured on the shipped files (ffprobe's figures are in module.json).
  for (const m of loadCurriculum()) {
    const small = m.media.small
    const standard = m.media.standard
    record(`vidéo ${m.slug} — petite qualité`, `${small.kbps.toFixed(0)} kbit/s, ${(small.bytes / 1e6).toFixed(2)} Mo pour ${m.media.durationSeconds.toFixed(0)} s`, `≤ ${SMALL_MAX_KBPS} kbit/s`, small.kbps <= SMALL_MAX_KBPS)
    const perFiveMinutes = (standard.bytes / m.media.durationSeconds) * 300
    record(`vidéo ${m.slug} — qualité standard`, `${standard.kbps.toFixed(0)} kbit/s, ${(standard.bytes / 1e6).toFixed(2)} Mo`, 'informatif (≈ ' + (perFiveMinutes / 1e6).toFixed(1) + ' Mo pour 5 min)', true)
  }

  const p95 = searchBench(5000)
  record('recherche fuse.js sur 5 000 ressources, p95', `${p95.toFixed(2)} ms`, '< 15 ms', p95 < 15)

  // The same bytes as the database-served page, written as a static file and served by the same server.
  const pagePath = pages.ressource
  const html = await (await fetch(`${portal.url}${pagePath}`)).text()
  const staticFile = path.join(root, 'dist', 'client', 'bench-static.html')
  fs.writeFileSync(staticFile, html)
  try {
    const dynamic = await medianFetch(`${portal.url}${pagePath}`, 200)
    const fixed = await medianFetch(`${portal.url}/bench-static.html`, 200)
    const ratio = dynamic / fixed
    record('page ressource depuis la base / même octets en fichier statique (médianes)', `${ratio.toFixed(2)}× (${dynamic.toFixed(2)} ms / ${fixed.toFixed(2)} ms)`, '≤ 2×', ratio <= 2)
  } finally {
    fs.rmSync(staticFile, { force: true })
  }

  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  try {
    for (const [name, pagePath] of Object.entries(pages)) {
      const run = await lighthouse(`${portal.url}${pagePath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'], formFactor: 'mobile', screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false } })
      for (const [id, category] of Object.entries(run?.lhr.categories ?? {})) {
        const score = Math.round((category.score ?? 0) * 100)
        record(`Lighthouse mobile ${name} — ${id}`, String(score), '≥ 95', score >= 95)
      }
    }
  } finally {
    chrome.kill()
  }
} finally {
  await portal.stop()
}
const failed = results.filter((r) => !r.ok)
console.log(`\nbench: ${results.length - failed.length} within budget, ${failed.length} over budget`)
process.exit(failed.length > 0 ? 1 : 0)
