// `npm run bench:load`: 100 concurrent clients for 30 s on the home page, the resource list and a module page,
// against the production build on this machine, first anonymous then signed in; prints p50/p95/p99, errors and
// the portal process's resident memory before, at peak and after (target: p95 < 300 ms, no error).
// `npm run bench:load -- --heap=<MB>` runs the portal with `--max-old-space-size=<MB>` to try a heap limit.
import fs from 'node:fs'
import path from 'node:path'
import { startPortalProcess } from '../helpers/server.ts'
import { signIn } from './session.ts'

const CLIENTS = 100
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const PAGES = ['/', '/ressources', '/formation/etape-1-identification-enregistrement']
const heapArg = process.argv.find((a) => a.startsWith('--heap='))
const heap = heapArg ? Number(heapArg.slice('--heap='.length)) : null

if (!fs.existsSync(path.join(import.meta.dirname, '..', '..', 'dist', 'server', 'entry.mjs'))) {
  console.error('dist/ is missing: run `npm run build` first (the load bench measures the production build).')
  process.exit(1)
}

const percentile = (values: number[], p: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]! : NaN)
const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

/** One run: every client requests the pages in turn until the deadline; timings, errors and memory sampled. */
async function run(base: string, pid: number, cookies: (string | null)[]) {
  const timings: number[] = []
  let errors = 0
  let peak = rssOf(pid)
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 200)
  const deadline = performance.now() + SECONDS * 1000
  await Promise.all(
    cookies.map(async (cookie, client) => {
      for (let i = client; performance.now() < deadline; i++) {
        const started = performance.now()
        try {
          const res = await fetch(`${base}${PAGES[i % PAGES.length]!}`, { headers: { 'Sec-Fetch-Site': 'same-origin', ...(cookie ? { Cookie: cookie } : {}) }, signal: AbortSignal.timeout(10_000) })
          await res.arrayBuffer()
          if (res.status !== 200) errors += 1
        } catch {
          errors += 1
        }
        timings.push(performance.now() - started)
      }
    }),
  )
  clearInterval(sampler)
  return { p50: percentile(timings, 50), p95: percentile(timings, 95), p99: percentile(timings, 99), count: timings.length, errors, peak }
}

const portal = await startPortalProcess(heap ? { NODE_OPTIONS: `--max-old-space-size=${heap}` } : {})
try {
  // Warm up: first renders, caches, JIT.
  for (const p of PAGES) await fetch(`${portal.url}${p}`)
  const before = rssOf(portal.pid)
  const accounts = ['apprenant', 'formateur', 'gestionnaire', 'superviseur', 'editeur', 'coordination', 'admin'].map((a) => `${a}@example.org`)
  const cookies: string[] = []
  for (let i = 0; i < CLIENTS; i++) cookies.push(await signIn(portal.url, accounts[i % accounts.length]!))
  const anonymous = await run(portal.url, portal.pid, Array.from({ length: CLIENTS }, () => null))
  const signedIn = await run(portal.url, portal.pid, cookies)
  await new Promise((r) => setTimeout(r, 5000))
  const after = rssOf(portal.pid)
  const line = (name: string, r: Awaited<ReturnType<typeof run>>) =>
    `${name.padEnd(12)} ${String(r.count).padStart(6)} réponses  p50 ${r.p50.toFixed(0)} ms  p95 ${r.p95.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  erreurs ${r.errors}  ${r.p95 < 300 && r.errors === 0 ? 'OK' : 'HORS CIBLE'}`
  console.log(`\n${CLIENTS} clients simultanés, ${SECONDS} s par passe, pages ${PAGES.join(', ')}${heap ? `, --max-old-space-size=${heap}` : ''}`)
  console.log(line('anonymes', anonymous))
  console.log(line('connectés', signedIn))
  console.log(`mémoire du processus (RSS) : avant ${before.toFixed(0)} Mo, pic ${Math.max(anonymous.peak, signedIn.peak).toFixed(0)} Mo, après ${after.toFixed(0)} Mo`)
} finally {
  await portal.stop()
}
