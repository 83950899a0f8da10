import { buildIfNeeded } from '../../site/server/build.ts'
import { startPortalProcess } from '../helpers/server.ts'
import { signIn } from './session.ts'
buildIfNeeded()
const dir = process.env.PROF_DIR!
const portal = await startPortalProcess({ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` })
const pages = (process.env.PROF_PAGES ?? '/,/ressources,/formation/etape-1-identification-enregistrement').split(',')
const accounts = ['apprenant', 'formateur', 'gestionnaire', 'superviseur', 'editeur', 'coordination', 'admin'].map((a) => `${a}@example.org`)
const cookies: string[] = []
for (let i = 0; i < 100; i++) cookies.push(await signIn(portal.url, accounts[i % accounts.length]!))
for (const p of pages) await fetch(`${portal.url}${p}`, { headers: { Cookie: cookies[0]! } })
let n = 0
const deadline = performance.now() + 15000
await Promise.all(cookies.map(async (cookie, c) => { for (let i = c; performance.now() < deadline; i++) { const r = await fetch(`${portal.url}${pages[i % pages.length]}`, { headers: { 'Sec-Fetch-Site': 'same-origin', Cookie: cookie } }); await r.arrayBuffer(); n++ } }))
console.log('requests', n, (n / 15).toFixed(0), '/s')
await portal.stop()
