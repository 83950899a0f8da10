import { startPortalProcess } from '../helpers/server.ts'
import { signIn } from './session.ts'
const portal = await startPortalProcess({})
const base = portal.url
const h = (cookie: string) => ({ Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', 'Accept-Encoding': 'gzip' })
const first = await signIn(base, 'apprenant@example.org')
for (let i = 0; i < 30; i++) await signIn(base, 'apprenant@example.org')
const home = await (await fetch(`${base}/bac-a-sable`, { headers: h(first) })).text()
const ws = /href="\/bac-a-sable\/(\d+)"/.exec(home)?.[1]
const list = await (await fetch(`${base}/bac-a-sable/${ws}/cas`, { headers: h(first) })).text()
const caseId = /\/cas\/([A-Z]+-[0-9a-f]{7})"/.exec(list)?.[1]
const casePath = `/bac-a-sable/${ws}/cas/${caseId}`
const paths = [`/bac-a-sable/${ws}`, `/bac-a-sable/${ws}/cas`, casePath, `${casePath}/2.A`]
const byPath = new Map<string, number[]>()
for (let i = 0; i < 400; i++) {
  const s = performance.now(); let key: string
  if (i % 5 === 4) { key = 'POST'; const r = await fetch(`${base}${casePath}`, { method: 'POST', redirect: 'manual', headers: { ...h(first), Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ do: 'signaler', message: `Point ${i}` }).toString() }); await r.arrayBuffer() }
  else { key = paths[i % paths.length]!; await (await fetch(`${base}${key}`, { headers: h(first) })).arrayBuffer() }
  const arr = byPath.get(key) ?? []; arr.push(performance.now() - s); byPath.set(key, arr)
}
for (const [k, v] of byPath) console.log(k, 'n', v.length, 'mean', (v.reduce((a, b) => a + b, 0) / v.length).toFixed(2))
await new Promise((r) => setTimeout(r, 5500))
console.log(portal.logs().split('\n').filter((l) => l.startsWith('OPS')).pop())
await portal.stop()
