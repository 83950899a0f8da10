import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken } from '../helpers/browser.ts'
import { startPortalProcess, type PortalProcess } from '../helpers/server.ts'

// The REST API as an attacker holding a demo account scripts it (issue 9): server-only records (finding 1),
// locks (8), API limits (2), 4xx instead of 500 (12), and the bad-input sweep over every REST collection of the
// Payload config, so that a new collection is swept without editing this file.

const BOUND_MS = 2000
let portal: PortalProcess
let slugs: string[]
const tokens: Record<string, string> = {}
beforeAll(async () => {
  const { default: config } = await import('#cms/payload.config.ts')
  slugs = (await config).collections.filter((c) => c.endpoints !== false).map((c) => c.slug)
  portal = await startPortalProcess()
  for (const email of ['admin@example.org', 'apprenant@example.org', 'editeur@example.org']) tokens[email] = await apiToken(portal.url, email)
})
afterAll(async () => {
  await portal?.stop()
})

const auth = (email: string) => ({ Authorization: `JWT ${tokens[email]}` })
const json = { 'Content-Type': 'application/json' }
/** One timed request; the body is read whole, so the time covers the full answer. */
async function call(path: string, init: RequestInit = {}): Promise<{ status: number; ms: number; body: string; type: string }> {
  const start = performance.now()
  const res = await fetch(`${portal.url}${path}`, { ...init, headers: { Origin: portal.url, ...init.headers } })
  const body = await res.text()
  return { status: res.status, ms: performance.now() - start, body, type: res.headers.get('content-type') ?? '' }
}
/** A request that announces a body larger than the API accepts, without sending it: the server must refuse on the headers. */
function announceOversized(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${portal.url}${path}`, { method: 'POST', headers: { ...headers, Origin: portal.url, 'Content-Type': 'application/json', 'Content-Length': String(30 * 1024 * 1024) } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
      req.destroy()
    })
    req.on('error', reject)
    req.flushHeaders()
  })
}

describe('finding 1: progress, attempts and certificates are the server’s', () => {
  it('refuses a learner’s forged progress and attempt, and issues no certificate from them', async () => {
    const learner = auth('apprenant@example.org')
    const modules = JSON.parse((await call('/api/modules?limit=20&depth=0', { headers: learner })).body) as { docs: { id: number; slug: string }[] }
    for (const module of modules.docs) {
      const forged = await call('/api/module-progress', { method: 'POST', headers: { ...learner, ...json }, body: JSON.stringify({ module: module.id, watchedRatio: 1, bestScore: 100, passed: true }) })
      expect(forged.status, module.slug).toBe(403)
    }
    const attempt = await call('/api/quiz-attempts', { method: 'POST', headers: { ...learner, ...json }, body: JSON.stringify({ module: modules.docs[0]!.id, attemptId: crypto.randomUUID(), answers: {}, results: [], score: 100, passed: true }) })
    expect(attempt.status).toBe(403)
    const certificate = await fetch(`${portal.url}/formation/attestation.pdf`, { headers: { Cookie: `payload-token=${tokens['apprenant@example.org']}`, 'Sec-Fetch-Site': 'same-origin' }, redirect: 'manual' })
    expect(certificate.status).toBe(303)
    expect(certificate.headers.get('location')).toMatch(/\/formation\/mon-parcours$/)
  })

  it('keeps the site’s contract: progress and quiz are saved through /formation/<module>/…json, PATCH of one’s own record is refused', async () => {
    const cookie = { Cookie: `payload-token=${tokens['apprenant@example.org']}`, 'Sec-Fetch-Site': 'same-origin' }
    const modules = JSON.parse((await call('/api/modules?limit=1&depth=0&sort=order', { headers: auth('apprenant@example.org') })).body) as { docs: { id: number; slug: string }[] }
    const slug = modules.docs[0]!.slug
    const saved = await call(`/formation/${slug}/progression.json`, { method: 'POST', headers: { ...cookie, ...json }, body: JSON.stringify({ position: 36000 }) })
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.body)).toMatchObject({ watchedRatio: 1, lastPosition: expect.any(Number) })
    expect(JSON.parse(saved.body).lastPosition).toBeLessThan(36000)
    const invalid = await call(`/formation/${slug}/progression.json`, { method: 'POST', headers: { ...cookie, ...json }, body: JSON.stringify({ position: -1 }) })
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body).errors).toContainEqual(expect.objectContaining({ field: 'position', message: expect.stringMatching(/^Position invalide/) }))
    const quiz = await call(`/formation/${slug}/quiz.json`, { method: 'POST', headers: { ...cookie, ...json }, body: JSON.stringify({ attemptId: crypto.randomUUID(), answers: {} }) })
    expect(quiz.status).toBe(200)
    expect(JSON.parse(quiz.body)).toMatchObject({ score: 0, passed: false, replayed: false })
    const own = JSON.parse((await call(`/api/module-progress?where[module][equals]=${modules.docs[0]!.id}&depth=0`, { headers: auth('apprenant@example.org') })).body) as { docs: { id: number }[] }
    expect(own.docs).toHaveLength(1)
    const patched = await call(`/api/module-progress/${own.docs[0]!.id}`, { method: 'PATCH', headers: { ...auth('apprenant@example.org'), ...json }, body: JSON.stringify({ passed: true, bestScore: 100 }) })
    expect(patched.status).toBe(403)
  })
})

describe('finding 8: editing locks', () => {
  it('refuses a learner’s lock (and an editor’s made through REST); the editor can still save', async () => {
    const resource = JSON.parse((await call('/api/resources?limit=1&depth=0', { headers: auth('editeur@example.org') })).body).docs[0] as { id: number }
    for (const email of ['apprenant@example.org', 'editeur@example.org']) {
      const lock = await call('/api/payload-locked-documents', { method: 'POST', headers: { ...auth(email), ...json }, body: JSON.stringify({ document: { relationTo: 'resources', value: resource.id }, user: { relationTo: 'users', value: 1 } }) })
      expect(lock.status, email).toBe(403)
    }
    const saved = await call(`/api/resources/${resource.id}?depth=0`, { method: 'PATCH', headers: { ...auth('editeur@example.org'), ...json }, body: '{}' })
    expect(saved.status).toBe(200)
  })
})

describe('finding 2: one request cannot stall the process', () => {
  it('answers depth, limit and deep `where` quickly with a French 400, anonymous or signed in', async () => {
    const deep = `where${'[or][0]'.repeat(30)}[title][equals]=x`
    const many = Array.from({ length: 200 }, (_, i) => `where[or][${i}][title][like]=a`).join('&')
    for (const query of ['depth=50', 'depth=10', 'limit=100000', 'limit=0', 'pagination=false', deep, many]) {
      for (const path of [`/api/resources?${query}`, `/api/modules?${query}`]) {
        for (const headers of [{}, auth('admin@example.org')]) {
          const res = await call(path, { headers })
          expect(res.status, path).toBe(400)
          expect(res.ms, path).toBeLessThan(BOUND_MS)
          expect(JSON.parse(res.body).errors[0].message, path).toMatch(/Paramètre|Filtre/)
        }
      }
    }
  })

  it('also bounds the admin’s POST with a method override, whose query is the body', async () => {
    const res = await call('/api/resources', { method: 'POST', headers: { ...auth('admin@example.org'), 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' }, body: 'depth=50&limit=100000' })
    expect(res.status).toBe(400)
    const ok = await call('/api/resources', { method: 'POST', headers: { ...auth('admin@example.org'), 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' }, body: 'depth=0&limit=5' })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body).docs).toHaveLength(5)
  })

  it('keeps /healthz fast while the heaviest allowed reads run', async () => {
    const heavy = ['resources', 'modules', 'news', 'participants', 'enrolments', 'trainings'].map((slug) => call(`/api/${slug}?depth=2&limit=100`, { headers: auth('admin@example.org') }))
    const health = await call('/healthz')
    expect(health.status).toBe(200)
    expect(health.ms).toBeLessThan(BOUND_MS)
    for (const res of await Promise.all(heavy)) {
      expect(res.status).toBe(200)
      expect(res.ms).toBeLessThan(5 * BOUND_MS)
    }
  })
})

describe('finding 12: client mistakes are 4xx, never 500', () => {
  it('answers malformed ids with 404', async () => {
    for (const path of ['/api/trainings/abc', '/api/resources/abc', '/api/participants/1.5', '/api/users/NaN']) {
      expect((await call(path, { headers: auth('admin@example.org') })).status, path).toBe(404)
    }
  })

  it('answers an empty comment with 400 and a French message per field', async () => {
    const res = await call('/api/consultation-comments', { method: 'POST', headers: { ...auth('apprenant@example.org'), ...json }, body: '{}' })
    expect(res.status).toBe(400)
    const fields = (JSON.parse(res.body).errors[0].data.errors as { path: string; message: string }[]).map((e) => e.path)
    expect(fields).toEqual(expect.arrayContaining(['resource', 'section', 'comment']))
    expect(res.body).toMatch(/Ce champ est requis|obligatoire/)
  })

  it('answers the deletion of an unknown preference with 404', async () => {
    expect((await call('/api/payload-preferences/999999', { method: 'DELETE', headers: auth('admin@example.org') })).status).toBe(404)
  })
})

describe('bad-input sweep over every REST collection', () => {
  it('finds the collections in the Payload config', () => {
    expect(slugs).toEqual(expect.arrayContaining(['resources', 'module-progress', 'users', 'payload-locked-documents', 'payload-preferences']))
  })

  it('answers malformed ids, empty, broken and oversized bodies and deep queries without a 5xx, quickly', async () => {
    const failures: string[] = []
    const big = JSON.stringify({ title: 'x'.repeat(300_000), name: 'x'.repeat(300_000), comment: 'x'.repeat(300_000) })
    const deep = `where${'[and][0]'.repeat(30)}[id][equals]=1`
    for (const slug of slugs) {
      const base = `/api/${slug}`
      const probes: [string, RequestInit][] = [
        ...['abc', '99999999', '1.5', '-1', '%27%20OR%201%3D1', '%00', 'x'.repeat(300)].flatMap((id): [string, RequestInit][] => [
          [`${base}/${id}`, {}],
          [`${base}/${id}`, { method: 'PATCH', body: '{}', headers: json }],
          [`${base}/${id}`, { method: 'DELETE' }],
        ]),
        ...['depth=50', 'limit=100000', 'limit=-1', 'page=abc', 'page=99999999', 'sort=champ-inconnu', 'where[champ-inconnu][equals]=1', 'where=%7Bcasse', deep].map((q): [string, RequestInit] => [`${base}?${q}`, {}]),
        [base, { method: 'POST', body: '', headers: json }],
        [base, { method: 'POST', body: '{}', headers: json }],
        [base, { method: 'POST', body: '{"', headers: json }],
        [base, { method: 'POST', body: '[1,2]', headers: json }],
        [base, { method: 'POST', body: big, headers: json }],
      ]
      for (const who of [{}, auth('admin@example.org'), auth('apprenant@example.org')]) {
        for (const [path, init] of probes) {
          const res = await call(path, { ...init, headers: { ...init.headers, ...who } })
          const label = `${init.method ?? 'GET'} ${path.slice(0, 120)} ${'Authorization' in who ? 'signed in' : 'anonymous'}`
          if (res.status >= 500) failures.push(`${label} → ${res.status} ${res.body.slice(0, 200)}`)
          if (res.ms > BOUND_MS) failures.push(`${label} → ${Math.round(res.ms)} ms`)
        }
        const oversized = await announceOversized(base, 'Authorization' in who ? (who as Record<string, string>) : {})
        if (oversized !== 413) failures.push(`oversized POST ${base} → ${oversized}`)
      }
    }
    expect(failures).toEqual([])
  }, 900_000)
})
