// Sequential per-page cost, anonymous vs signed in, on the production build (run from the repo root).
import { startPortalProcess } from '../helpers/server.ts'
import { signIn } from './session.ts'
const portal = await startPortalProcess({ NODE_OPTIONS: process.env.PROF_DIR ? `--cpu-prof --cpu-prof-dir=${process.env.PROF_DIR}` : '' })
const base = portal.url
const learner = await signIn(base, 'apprenant@example.org')
const home = await (await fetch(`${base}/bac-a-sable`, { headers: { Cookie: learner, 'Sec-Fetch-Site': 'same-origin' } })).text()
const ws = /href="\/bac-a-sable\/(\d+)"/.exec(home)?.[1]
const list = await (await fetch(`${base}/bac-a-sable/${ws}/cas`, { headers: { Cookie: learner, 'Sec-Fetch-Site': 'same-origin' } })).text()
const caseId = /\/cas\/([A-Z]+-[0-9a-f]{7})"/.exec(list)?.[1]
const pages = ['/', '/ressources', '/formation/etape-1-identification-enregistrement', '/mon-compte', `/bac-a-sable/${ws}`, `/bac-a-sable/${ws}/cas`, `/bac-a-sable/${ws}/cas/${caseId}`, `/bac-a-sable/${ws}/cas/${caseId}/2.A`]
const N = Number(process.env.N ?? 100)
async function mean(path: string, cookie: string | null, enc = 'gzip, deflate, br') {
  const h: Record<string, string> = { 'Accept-Encoding': enc, 'Sec-Fetch-Site': 'same-origin', ...(cookie ? { Cookie: cookie } : {}) }
  for (let i = 0; i < 10; i++) await (await fetch(base + path, { headers: h })).arrayBuffer()
  const s = performance.now()
  for (let i = 0; i < N; i++) await (await fetch(base + path, { headers: h })).arrayBuffer()
  return ((performance.now() - s) / N).toFixed(2)
}
for (const p of pages) console.log(p.padEnd(60), 'anon', p.startsWith('/bac') || p === '/mon-compte' ? '-' : await mean(p, null), 'signed', await mean(p, learner), 'signed-identity', await mean(p, learner, 'identity'))
// the save
const s = performance.now()
for (let i = 0; i < 30; i++) { const r = await fetch(`${base}/bac-a-sable/${ws}/cas/${caseId}`, { method: 'POST', redirect: 'manual', headers: { Cookie: learner, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ do: 'signaler', message: `Point ${i}` }).toString() }); await r.arrayBuffer(); if (r.status !== 303) throw new Error(String(r.status)) }
console.log('POST signaler', ((performance.now() - s) / 30).toFixed(2))
await portal.stop()
