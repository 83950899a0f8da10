import { buildIfNeeded } from '../../site/server/build.ts'
import { startPortalProcess } from '../helpers/server.ts'
import { signIn } from './session.ts'
buildIfNeeded()
const dir = process.env.PROF_DIR!
const portal = await startPortalProcess({})
const base = portal.url
const first = await signIn(base, 'apprenant@example.org')
const h = (cookie: string) => ({ Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', 'Accept-Encoding': process.env.ENC ?? 'gzip' })
const home = await (await fetch(`${base}/bac-a-sable`, { headers: h(first) })).text()
const ws = /href="\/bac-a-sable\/(\d+)"/.exec(home)?.[1]
const list = await (await fetch(`${base}/bac-a-sable/${ws}/cas`, { headers: h(first) })).text()
const caseId = /\/cas\/([A-Z]+-[0-9a-f]{7})"/.exec(list)?.[1]
const casePath = `/bac-a-sable/${ws}/cas/${caseId}`
const paths = [`/bac-a-sable/${ws}`, `/bac-a-sable/${ws}/cas`, casePath, `${casePath}/2.A`]
const cookies: string[] = []
for (let i = 0; i < 30; i++) cookies.push(await signIn(base, 'apprenant@example.org'))
const byPath = new Map<string, number[]>()
const deadline = performance.now() + 15000
let n = 0
await Promise.all(cookies.map(async (cookie, client) => { for (let i = client; performance.now() < deadline; i++) {
  const s = performance.now(); let key: string
  if (i % 5 === 4) { key = 'POST'; const r = await fetch(`${base}${casePath}`, { method: 'POST', redirect: 'manual', headers: { ...h(cookie), Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ do: 'signaler', message: `Point ${client}-${i}` }).toString() }); await r.arrayBuffer(); if (r.status !== 303) throw new Error(String(r.status)) }
  else { key = paths[i % paths.length]!; const r = await fetch(`${base}${key}`, { headers: h(cookie) }); await r.arrayBuffer() }
  const arr = byPath.get(key) ?? []; arr.push(performance.now() - s); byPath.set(key, arr); n++ } }))
console.log('requests', n, (n / 15).toFixed(0), '/s')
for (const [k, v] of byPath) { v.sort((a, b) => a - b); console.log(k, 'n', v.length, 'p50', v[Math.floor(v.length / 2)]!.toFixed(0)) }
await new Promise((r) => setTimeout(r, 5500))
console.log(portal.logs().split('\n').filter((l) => l.startsWith('STATS')).pop())
await portal.stop()
