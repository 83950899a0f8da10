// `npm run bench:load`: 100 concurrent clients for 30 s on the home page, the resource list and a module page,
// against the production build on this machine, first anonymous then signed in; prints p50/p95/p99, errors and
// the portal process's memory — resident size (RSS) and V8 heap, with the heap limit — before, at peak and after
// (targets: p95 < 300 ms, no error, RSS under 1 GB). The portal runs exactly as in production: `npm run serve`,
// whose heap limit is PORTAL_HEAP_MB (README "Production"); `npm run bench:load -- --heap=<MB>` tries another.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TMemoryReport } from '../../site/server/memory-report.ts'
import { startPortalProcess } from '../helpers/server.ts'
import { signIn } from './session.ts'

const CLIENTS = 100
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const PAGES = ['/', '/ressources', '/formation/etape-1-identification-enregistrement']
const heapArg = process.argv.find((a) => a.startsWith('--heap='))
const heap = heapArg ? heapArg.slice('--heap='.length) : null
const ONE_GB_SERVER_MB = 1024

if (!fs.existsSync(path.join(import.meta.dirname, '..', '..', 'dist', 'server', 'entry.mjs'))) {
  console.error('dist/ is missing: run `npm run build` first (the load bench measures the production build).')
  process.exit(1)
}

const percentile = (values: number[], p: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]! : NaN)
const reportFile = path.join(os.tmpdir(), `portail-bench-memory-${process.pid}.json`)
const memory = (): TMemoryReport => JSON.parse(fs.readFileSync(reportFile, 'utf8')) as TMemoryReport

/** Highest RSS and heap seen while `work` runs, read from the portal's memory report every half second. */
async function watchingMemory<T>(work: () => Promise<T>): Promise<T & { peakRss: number; peakHeap: number }> {
  let peakRss = memory().rss
  let peakHeap = memory().heapUsed
  const sampler = setInterval(() => {
    const now = memory()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }, 500)
  try {
    return { ...(await work()), peakRss, peakHeap }
  } finally {
    clearInterval(sampler)
  }
}

/** One run: every client requests the pages in turn until the deadline; timings and errors (by kind) recorded. */
async function run(base: string, cookies: (string | null)[]) {
  const timings: number[] = []
  const byPage = new Map<string, number[]>(PAGES.map((p) => [p, []]))
  const errors = new Map<string, number>()
  const failed = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1)
  const deadline = performance.now() + SECONDS * 1000
  await Promise.all(
    cookies.map(async (cookie, client) => {
      for (let i = client; performance.now() < deadline; i++) {
        const started = performance.now()
        const page = PAGES[i % PAGES.length]!
        try {
          const res = await fetch(`${base}${page}`, { headers: { 'Sec-Fetch-Site': 'same-origin', ...(cookie ? { Cookie: cookie } : {}) }, signal: AbortSignal.timeout(10_000) })
          await res.arrayBuffer()
          if (res.status !== 200) failed(`HTTP ${res.status}`)
        } catch (error) {
          failed(error instanceof Error ? error.name : 'error')
        }
        timings.push(performance.now() - started)
        byPage.get(page)!.push(performance.now() - started)
      }
    }),
  )
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0)
  return { p50: percentile(timings, 50), p95: percentile(timings, 95), p99: percentile(timings, 99), count: timings.length, errors: errorCount, kinds: [...errors].map(([k, n]) => `${k} ×${n}`).join(', '), pages: [...byPage].map(([p, t]) => `${p} p50 ${percentile(t, 50).toFixed(0)} ms, p95 ${percentile(t, 95).toFixed(0)} ms`).join(' ; ') }
}

// `npm run serve`, as in production (its heap limit included): the memory report says what the server itself uses.
const portal = await startPortalProcess({ MEMORY_REPORT_FILE: reportFile, ...(heap ? { PORTAL_HEAP_MB: heap } : {}) }, ['npm', ['run', '--silent', 'serve']])
try {
  // Warm up: first renders, caches, JIT.
  for (const p of PAGES) await fetch(`${portal.url}${p}`)
  const started = memory()
  const accounts = ['apprenant', 'formateur', 'gestionnaire', 'superviseur', 'editeur', 'coordination', 'admin'].map((a) => `${a}@example.org`)
  const cookies: string[] = []
  for (let i = 0; i < CLIENTS; i++) cookies.push(await signIn(portal.url, accounts[i % accounts.length]!))
  const anonymous = await watchingMemory(() => run(portal.url, Array.from({ length: CLIENTS }, () => null)))
  const signedIn = await watchingMemory(() => run(portal.url, cookies))
  await new Promise((r) => setTimeout(r, 5000))
  const after = memory()
  const line = (name: string, r: Awaited<ReturnType<typeof run>>) =>
    `${name.padEnd(12)} ${String(r.count).padStart(6)} réponses  p50 ${r.p50.toFixed(0)} ms  p95 ${r.p95.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  erreurs ${r.errors}${r.kinds ? ` (${r.kinds})` : ''}  ${r.p95 < 300 && r.errors === 0 ? 'OK' : 'HORS CIBLE'}`
  const peakRss = Math.max(anonymous.peakRss, signedIn.peakRss)
  const peakHeap = Math.max(anonymous.peakHeap, signedIn.peakHeap)
  console.log(`\n${CLIENTS} clients simultanés, ${SECONDS} s par passe, pages ${PAGES.join(', ')} ; limite du tas V8 ${after.heapLimit.toFixed(0)} Mo`)
  console.log(line('anonymes', anonymous))
  console.log(`             par page : ${anonymous.pages}`)
  console.log(line('connectés', signedIn))
  console.log(`             par page : ${signedIn.pages}`)
  console.log(`mémoire résidente (RSS) : avant ${started.rss.toFixed(0)} Mo, pic ${peakRss.toFixed(0)} Mo, après ${after.rss.toFixed(0)} Mo  ${peakRss < ONE_GB_SERVER_MB * 0.8 ? 'OK' : 'HORS CIBLE'} (cible : moins de 80 % d’un serveur de 1 Go)`)
  console.log(`tas V8 utilisé : avant ${started.heapUsed.toFixed(0)} Mo, pic ${peakHeap.toFixed(0)} Mo, après ${after.heapUsed.toFixed(0)} Mo (réservé après : ${after.heapTotal.toFixed(0)} Mo)`)
  console.log(`hors du tas après : ${(after.rss - after.heapTotal).toFixed(0)} Mo (code, modules natifs, libsql), dont buffers ${after.arrayBuffers.toFixed(0)} Mo et mémoire externe ${after.external.toFixed(0)} Mo`)
} finally {
  await portal.stop()
  fs.rmSync(reportFile, { force: true })
}
