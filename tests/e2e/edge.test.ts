import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionTokenOf } from '../helpers/browser.ts'
import { startPortalProcess, type PortalProcess } from '../helpers/server.ts'

// The server's edge over HTTP (issue 9, findings 5, 12, 13, 14, 15): one reading of paths for limits and audit,
// client addresses behind a proxy, tokens kept out of scripts' reach, file caching, origins. The portal trusts one
// proxy, so each test speaks from its own client address through X-Forwarded-For and the low limits stay apart.
let portal: PortalProcess
beforeAll(async () => {
  portal = await startPortalProcess({ RATE_LIMIT_SIGNIN: '3', RATE_LIMIT_EMAIL_LINKS: '3', TRUST_PROXY: '1' })
})
afterAll(async () => {
  await portal?.stop()
})

let lastAddress = 0
/** A client address no other request of this file used. */
const freshAddress = () => `198.51.100.${++lastAddress}`
const json = (address: string) => ({ Origin: portal.url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', 'X-Forwarded-For': address })
const form = (address: string) => ({ Origin: portal.url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': address })
const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${portal.url}${path}`, { method: 'POST', headers, body, redirect: 'manual' })
const restSignIn = (path: string, address: string, email: string, password = 'pas-le-bon') => post(path, json(address), JSON.stringify({ email, password }))

/** A session cookie header for a demo account, through the REST sign-in. */
async function sessionOf(email: string): Promise<string> {
  const res = await restSignIn('/api/users/login', freshAddress(), email, 'Demo-Portail-2026!')
  expect(res.status).toBe(200)
  return `payload-token=${sessionTokenOf(res)}`
}

/** Audit entries about an email, read as the administrator. */
async function auditEntries(email: string, action = 'login.failure'): Promise<{ subjectEmail: string; ip: string }[]> {
  const admin = await sessionOf('admin@example.org')
  const query = `where[subjectEmail][equals]=${encodeURIComponent(email)}&where[action][equals]=${action}&limit=50`
  const res = await fetch(`${portal.url}/api/audit-log?${query}`, { headers: { Cookie: admin, 'Sec-Fetch-Site': 'same-origin' } })
  return ((await res.json()) as { docs: { subjectEmail: string; ip: string }[] }).docs
}

const expectSecurityHeaders = (res: Response, what: string) => {
  expect(res.headers.get('content-security-policy'), what).toBeTruthy()
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBeTruthy()
}

describe('finding 5: one reading of paths for rate limits and audit', () => {
  it('keeps the sign-in limit on every spelling of the REST and site sign-in', async () => {
    const address = freshAddress()
    for (let i = 0; i < 3; i++) expect((await restSignIn('/api/users/login', address, 'personne@example.org')).status).toBe(401)
    expect((await restSignIn('/api/users/login', address, 'personne@example.org')).status).toBe(429)
    for (const path of ['/api/users/Login', '/api/users/LOGIN', '/api/users/%6cogin', '/api/users/login/', '/api//users/login']) {
      const res = await restSignIn(path, address, 'personne@example.org')
      expect(res.status, path).toBe(429)
      expectSecurityHeaders(res, path)
      expect((await res.json()).errors[0].message, path).toMatch(/Trop de tentatives/)
    }
    for (const path of ['/connexion', '/connexion/', '/%63onnexion', '/en/connexion/', '/CONNEXION']) {
      const res = await post(path, form(address), 'email=personne%40example.org&password=x')
      expect(res.status, path).toBe(429)
      expectSecurityHeaders(res, path)
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/)
      expect(await res.text(), path).toMatch(path.startsWith('/en/') ? /Too many attempts/ : /Trop de tentatives/)
    }
  })

  it('keeps the reset-request limit on every spelling of /mot-de-passe-oublie', async () => {
    const address = freshAddress()
    for (let i = 0; i < 3; i++) expect((await post('/mot-de-passe-oublie', form(address), 'email=personne%40example.org')).status).toBeLessThan(400)
    for (const path of ['/mot-de-passe-oublie', '/mot-de-passe-oublie/', '/%6dot-de-passe-oublie', '/en/mot-de-passe-oublie/', '/Mot-De-Passe-Oublie']) {
      expect((await post(path, form(address), 'email=personne%40example.org')).status, path).toBe(429)
    }
  })

  it('journals failed REST sign-ins whatever the spelling of the path', async () => {
    for (const [n, path] of ['/api/users/Login', '/api/users/LOGIN', '/api/users/%6cogin'].entries()) {
      const email = `graphie-${n}@example.org`
      expect((await restSignIn(path, freshAddress(), email)).status, path).toBe(401)
      expect(await auditEntries(email), path).toHaveLength(1)
    }
    const email = 'graphie-site@example.org'
    for (const path of ['/connexion/', '/en/connexion/']) expect((await post(path, form(freshAddress()), `email=${encodeURIComponent(email)}&password=x`)).status, path).toBe(422)
    expect(await auditEntries(email)).toHaveLength(2)
  })
})

describe('finding 12: oversized sign-ins get a French 4xx, journalled in part', () => {
  const huge = `${'a'.repeat(40_000)}@example.org`

  it('answers a 40,000-character email on the REST sign-in and on /connexion with a 4xx, headers and French text', async () => {
    const rest = await restSignIn('/api/users/login', freshAddress(), huge)
    expect(rest.status).toBe(401)
    expectSecurityHeaders(rest, 'REST')
    expect((await rest.json()).errors[0].message).toMatch(/incorrect/)
    const site = await post('/connexion', form(freshAddress()), `email=${huge}&password=x`)
    expect(site.status).toBe(422)
    expectSecurityHeaders(site, 'site')
    expect(await site.text()).toContain('Saisissez une adresse e-mail valide')
  })

  it('journals the attempt with the email cut to 254 characters', async () => {
    const admin = await sessionOf('admin@example.org')
    const res = await fetch(`${portal.url}/api/audit-log?where[subjectEmail][like]=${'a'.repeat(50)}&limit=10`, { headers: { Cookie: admin, 'Sec-Fetch-Site': 'same-origin' } })
    const docs = ((await res.json()) as { docs: { subjectEmail: string }[] }).docs
    expect(docs.length).toBeGreaterThanOrEqual(1)
    for (const doc of docs) expect(doc.subjectEmail.length).toBeLessThanOrEqual(254)
  })

  it('puts the security headers on every answer the server writes itself (413, 429, 410, 400)', async () => {
    const tooLarge = await post('/connexion', form(freshAddress()), `email=${'a'.repeat(70_000)}`)
    expect(tooLarge.status).toBe(413)
    expectSecurityHeaders(tooLarge, '413')
    expect(tooLarge.headers.get('content-type')).toMatch(/text\/html/)
    expect(await tooLarge.text()).toContain('Envoi trop volumineux')
    const gone = await post('/api/users/Forgot-Password', json(freshAddress()), '{"email":"admin@example.org"}')
    expect(gone.status).toBe(410)
    expectSecurityHeaders(gone, '410')
    const malformed = await fetch(`${portal.url}/api/resources/%E0%A4%A`)
    expect(malformed.status).toBe(400)
    expectSecurityHeaders(malformed, '400')
    expect((await malformed.json()).errors[0].message).toMatch(/encodage invalide/)
  })
})

describe('finding 13: private files are never cached, public ones briefly', () => {
  it('serves a public file cacheable and, once its document is unpublished, private and unstored', async () => {
    const editor = await sessionOf('editeur@example.org')
    const editorHeaders = { Cookie: editor, 'Sec-Fetch-Site': 'same-origin' }
    const found = await (await fetch(`${portal.url}/api/resources?where[slug][equals]=formulaire-1c-evaluation-initiale&depth=1`)).json()
    const doc = found.docs[0] as { id: number; file: { url: string; id: number } }
    // Relative file URLs: the portal works at whichever address it is opened.
    expect(doc.file.url).toMatch(/^\/api\/media\/file\//)
    const anonymous = await fetch(`${portal.url}${doc.file.url}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=600')

    const unpublish = await fetch(`${portal.url}/api/resources/${doc.id}`, { method: 'PATCH', headers: { ...editorHeaders, ...json(freshAddress()) }, body: JSON.stringify({ _status: 'draft' }) })
    expect(unpublish.status).toBe(200)
    try {
      expect((await fetch(`${portal.url}${doc.file.url}`)).status).toBeGreaterThanOrEqual(400)
      const asEditor = await fetch(`${portal.url}${doc.file.url}`, { headers: editorHeaders })
      expect(asEditor.status).toBe(200)
      expect(asEditor.headers.get('cache-control')).toBe('private, no-store')
    } finally {
      const republish = await fetch(`${portal.url}/api/resources/${doc.id}`, { method: 'PATCH', headers: { ...editorHeaders, ...json(freshAddress()) }, body: JSON.stringify({ _status: 'published' }) })
      expect(republish.status).toBe(200)
    }
    expect((await fetch(`${portal.url}${doc.file.url}`)).status).toBe(200)
  })
})

describe('finding 14: client addresses and session tokens', () => {
  it('counts the address the trusted proxy saw, not what the client wrote to the left of it', async () => {
    const address = freshAddress()
    for (let i = 0; i < 3; i++) await restSignIn('/api/users/login', address, 'personne@example.org')
    // A client rotating a forged left-most address is still the same client for the limit.
    for (const forged of ['203.0.113.1', '203.0.113.2']) {
      const res = await post('/api/users/login', { ...json(address), 'X-Forwarded-For': `${forged}, ${address}` }, '{"email":"personne@example.org","password":"x"}')
      expect(res.status, forged).toBe(429)
    }
    const email = 'adresse-journal@example.org'
    const seen = freshAddress()
    await post('/api/users/login', { ...json(seen), 'X-Forwarded-For': `203.0.113.9, ${seen}` }, JSON.stringify({ email, password: 'x' }))
    const [entry] = await auditEntries(email)
    expect(entry?.ip).toBe(seen)
  })

  it('keeps the session token out of login, refresh and "me" answers, in the HttpOnly cookie only', async () => {
    const login = await restSignIn('/api/users/login', freshAddress(), 'apprenant@example.org', 'Demo-Portail-2026!')
    expect(login.status).toBe(200)
    const body = (await login.json()) as Record<string, unknown>
    expect(body.user).toBeTruthy()
    expect(body).not.toHaveProperty('token')
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/HttpOnly/i)
    const session = cookie.split(';')[0]!
    const refresh = await fetch(`${portal.url}/api/users/refresh-token`, { method: 'POST', headers: { ...json(freshAddress()), Cookie: session } })
    expect(refresh.status).toBe(200)
    const refreshed = (await refresh.json()) as Record<string, unknown>
    expect(refreshed).not.toHaveProperty('refreshedToken')
    expect(refreshed).not.toHaveProperty('token')
    const me = (await (await fetch(`${portal.url}/api/users/me`, { headers: { Cookie: session, 'Sec-Fetch-Site': 'same-origin' } })).json()) as Record<string, unknown>
    expect(me.user).toBeTruthy()
    expect(me).not.toHaveProperty('token')
  })

  it('still signs people in on the site', async () => {
    const res = await post('/connexion?suite=%2Fmon-compte', form(freshAddress()), 'email=apprenant%40example.org&password=Demo-Portail-2026%21')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/mon-compte')
    const session = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!.split(';')[0]!
    const account = await fetch(`${portal.url}/mon-compte`, { headers: { Cookie: session, 'Sec-Fetch-Site': 'same-origin' } })
    expect(account.status).toBe(200)
    expect(await account.text()).toContain('Mon compte')
  })
})

describe('finding 15: origins in production', () => {
  const foreign = () => `http://127.0.0.1:${portal.port}`

  it('answers a site post from another address with a French page naming the configured one', async () => {
    const res = await post('/connexion', { ...form(freshAddress()), Origin: foreign() }, 'email=apprenant%40example.org&password=Demo-Portail-2026%21')
    expect(res.status).toBe(403)
    expectSecurityHeaders(res, 'site')
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toContain('Adresse du portail différente')
    expect(html).toContain(portal.url)
    expect(html).toContain(foreign())
  })

  it('answers an API write from another address with a JSON message naming the configured one', async () => {
    const res = await post('/api/users/login', { ...json(freshAddress()), Origin: foreign() }, '{"email":"apprenant@example.org","password":"Demo-Portail-2026!"}')
    expect(res.status).toBe(403)
    expect((await res.json()).errors[0].message).toContain(portal.url)
  })

  it('builds absolute links from PUBLIC_URL, never from the Host the client sent (cached pages stay clean)', async () => {
    const { request } = await import('node:http')
    const html = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: portal.port, path: '/a-propos', headers: { Host: 'evil.example' } }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve(text))
      })
      req.on('error', reject)
      req.end()
    })
    expect(html).toContain(`<link rel="canonical" href="${portal.url}/a-propos"`)
    expect(html).not.toContain('evil.example')
    expect(await (await fetch(`${portal.url}/a-propos`)).text()).not.toContain('evil.example')
  })

  it('escapes what the client sent', async () => {
    const res = await post('/connexion', { ...form(freshAddress()), Origin: 'http://<script>x' }, 'email=a')
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain('<script>')
  })
})

describe('finding 15: every loopback name works in development', () => {
  let dev: PortalProcess
  beforeAll(async () => {
    // NODE_ENV unset: what `npm start` gives a newcomer; the build is the same.
    dev = await startPortalProcess({ NODE_ENV: '', PAYLOAD_SECRET: '' })
  })
  afterAll(async () => {
    await dev?.stop()
  })

  it('signs in and saves the profile at 127.0.0.1 although PUBLIC_URL says localhost', async () => {
    const origin = `http://127.0.0.1:${dev.port}`
    const headers = { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' }
    const signIn = await fetch(`${origin}/connexion`, { method: 'POST', headers, body: 'email=apprenant%40example.org&password=Demo-Portail-2026%21', redirect: 'manual' })
    expect(signIn.status).toBe(303)
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!.split(';')[0]!
    const save = await fetch(`${origin}/mon-compte?action=profil`, { method: 'POST', headers: { ...headers, Cookie: session }, body: 'name=Apprenante+127&phone=', redirect: 'manual' })
    expect(save.status).toBe(303)
    expect(save.headers.get('location')).toBe('/mon-compte?ok=profil')
    const page = await fetch(`${origin}/mon-compte`, { headers: { Cookie: session, 'Sec-Fetch-Site': 'same-origin' } })
    expect(await page.text()).toContain('Apprenante 127')

    // The REST API (what the admin and the module page use) honours the session from this address too.
    const me = (await (await fetch(`${origin}/api/users/me`, { headers: { Cookie: session, Origin: origin } })).json()) as { user: { id: number } | null }
    expect(me.user).toBeTruthy()
    const patch = await fetch(`${origin}/api/users/${me.user!.id}`, { method: 'PATCH', headers: { Cookie: session, Origin: origin, 'Content-Type': 'application/json' }, body: '{"name":"Apprenante loopback"}' })
    expect(patch.status).toBe(200)
    // A page opened at [::1] sends that origin; the server listens on IPv4 here, so only the header differs.
    const ipv6 = await fetch(`${origin}/api/users/me`, { headers: { Cookie: session, Origin: `http://[::1]:${dev.port}` } })
    expect(((await ipv6.json()) as { user: unknown }).user).toBeTruthy()
  })

  it('still refuses writes from a non-loopback origin, saying which addresses work', async () => {
    const res = await fetch(`http://127.0.0.1:${dev.port}/api/users/login`, { method: 'POST', headers: { Origin: 'http://192.0.2.10:8080', 'Content-Type': 'application/json' }, body: '{"email":"apprenant@example.org","password":"x"}' })
    expect(res.status).toBe(403)
    expect((await res.json()).errors[0].message).toContain(`http://localhost:${dev.port}`)
  })
})

describe('bad input on every site form', () => {
  type Ids = { training: number; day: string; module: string; consultation: string; meeting: number }
  /** Every site page that handles a POST, with a URL reaching its handler; a new one must be added here. */
  const POST_PAGES: Record<string, (ids: Ids) => string> = {
    'connexion.astro': () => '/connexion',
    'inscription.astro': () => '/inscription',
    'inscription/confirmer.astro': () => '/inscription/confirmer?jeton=abc.def',
    'mot-de-passe-oublie.astro': () => '/mot-de-passe-oublie',
    'mot-de-passe/nouveau.astro': () => '/mot-de-passe/nouveau?jeton=abc.def',
    'mon-compte.astro': () => '/mon-compte?action=profil',
    'mon-compte/adresse.astro': () => '/mon-compte/adresse?jeton=abc.def',
    'ressources/[slug].astro': (ids) => `/ressources/${ids.consultation}`,
    'formation/[slug].astro': (ids) => `/formation/${ids.module}`,
    'formation/[slug]/quiz.json.ts': (ids) => `/formation/${ids.module}/quiz.json`,
    'formation/[slug]/progression.json.ts': (ids) => `/formation/${ids.module}/progression.json`,
    'presentiel/[id]/index.astro': (ids) => `/presentiel/${ids.training}`,
    'presentiel/[id]/scores.astro': (ids) => `/presentiel/${ids.training}/scores`,
    'presentiel/[id]/presence/[date].astro': (ids) => `/presentiel/${ids.training}/presence/${ids.day}`,
    'presentiel/[id]/presence.json.ts': (ids) => `/presentiel/${ids.training}/presence.json`,
    'rapports/cpims.astro': () => '/rapports/cpims',
    'rapports/dhis2.astro': () => '/rapports/dhis2',
    'suivi-formatif/visite.astro': () => '/suivi-formatif/visite',
    'suivi-formatif/visite.json.ts': () => '/suivi-formatif/visite.json',
    'rsvp/[token].astro': () => '/rsvp/abc.def',
    'reunions/index.astro': () => '/reunions',
    'reunions/[id].astro': (ids) => `/reunions/${ids.meeting}`,
    'presentiel/fusion.astro': () => '/presentiel/fusion',
    'aide/signaler.astro': () => '/aide/signaler',
    'exploitation/donnees-personnelles/index.astro': () => '/exploitation/donnees-personnelles',
    // The sandbox with a workspace and case the admin does not belong to: refused, never a crash.
    'bac-a-sable/index.astro': () => '/bac-a-sable',
    'bac-a-sable/[ws]/index.astro': () => '/bac-a-sable/1',
    'bac-a-sable/[ws]/comptes.astro': () => '/bac-a-sable/1/comptes',
    'bac-a-sable/[ws]/compte.ts': () => '/bac-a-sable/1/compte',
    'bac-a-sable/[ws]/cas/[caseId].astro': () => '/bac-a-sable/1/cas/1',
    'bac-a-sable/[ws]/cas/[caseId]/[form].astro': () => '/bac-a-sable/1/cas/1/1.A',
    'bac-a-sable/[ws]/cas/[caseId]/fiche.json.ts': () => '/bac-a-sable/1/cas/1/fiche.json',
    // Last: it ends the session the sweep uses.
    'deconnexion.ts': () => '/deconnexion',
  }
  /** Bodies no form expects: empty, wrong or missing content type, broken encodings, oversized fields. */
  const BODIES: { name: string; type?: string; body: string }[] = [
    { name: 'empty, no type', body: '' },
    { name: 'empty form', type: 'application/x-www-form-urlencoded', body: '' },
    { name: 'broken JSON', type: 'application/json', body: '{"answers":' },
    { name: 'JSON where a form is expected', type: 'application/json', body: '{"email":"a@b.c","password":"x","name":[1,2]}' },
    { name: 'plain text', type: 'text/plain', body: 'bonjour' },
    { name: 'multipart without boundary', type: 'multipart/form-data', body: 'x' },
    { name: 'malformed percent-encoding', type: 'application/x-www-form-urlencoded', body: 'email=%E0%A4%A&password=%ZZ&suite=%' },
    { name: 'oversized fields', type: 'application/x-www-form-urlencoded', body: ['email', 'password', 'name', 'comment', 'newPassword', 'jeton', 'suite'].map((f) => `${f}=${'x'.repeat(8_000)}`).join('&') },
    { name: 'oversized JSON values', type: 'application/json', body: JSON.stringify({ attemptId: 'x'.repeat(20_000), answers: { q: 'y'.repeat(20_000) }, position: 1e308, day: 'z'.repeat(10_000), marks: [] }) },
  ]
  const BAD_IDS = ['abc', '99999999999', '-1', '%E0%A4%A', "1'%20OR%201=1", '9'.repeat(400), '%00', '..%2F..%2Fadmin']
  const BAD_QUERIES = ['?suite=%ZZ&jeton=%E0', `?action=${'x'.repeat(2_000)}&etape=expire`, '?id[$ne]=1&jeton[]=a']

  it('lists every page that accepts a POST', async () => {
    const { globSync, readFileSync } = await import('node:fs')
    const handlesPost = /method === 'POST'|export (const|async function) (POST|ALL)\b/
    const pages = globSync('**/*.{astro,ts}', { cwd: 'site/pages' }).filter((file) => handlesPost.test(readFileSync(`site/pages/${file}`, 'utf8')))
    expect(pages.sort()).toEqual(Object.keys(POST_PAGES).sort())
  })

  it('never answers a 5xx, answers within 3 s, and refuses too-large posts with a French page', { timeout: 600_000 }, async () => {
    const admin = await sessionOf('admin@example.org')
    const adminHeaders = { Cookie: admin, 'Sec-Fetch-Site': 'same-origin' }
    const training = ((await (await fetch(`${portal.url}/api/trainings?limit=1&depth=0`, { headers: adminHeaders })).json()) as { docs: { id: number; startDate: string }[] }).docs[0]!
    const module = ((await (await fetch(`${portal.url}/api/modules?limit=1&depth=0`)).json()) as { docs: { slug: string }[] }).docs[0]!
    const meeting = ((await (await fetch(`${portal.url}/api/meetings?limit=1&depth=0`, { headers: adminHeaders })).json()) as { docs: { id: number }[] }).docs[0]!
    const ids: Ids = { training: training.id, day: training.startDate.slice(0, 10), module: module.slug, consultation: 'pos-interet-superieur-enfants-en-deplacement', meeting: meeting.id }
    const failures: string[] = []
    const attempt = async (label: string, url: string, type: string | undefined, body: string) => {
      const started = Date.now()
      const headers: Record<string, string> = { ...adminHeaders, Origin: portal.url, 'X-Forwarded-For': freshAddress() }
      if (type) headers['Content-Type'] = type
      const res = await fetch(`${portal.url}${url}`, { method: 'POST', headers, body, redirect: 'manual' })
      await res.arrayBuffer()
      const took = Date.now() - started
      if (res.status >= 500 || took > 3_000) failures.push(`${label} ${url}: ${res.status} in ${took} ms`)
      return res
    }
    for (const [page, urlOf] of Object.entries(POST_PAGES)) {
      const url = urlOf(ids)
      for (const { name, type, body } of BODIES) await attempt(`${page} · ${name}`, url, type, body)
      for (const bad of BAD_IDS) {
        const respelt = urlOf({ training: bad as never, day: bad, module: bad, consultation: bad, meeting: bad as never })
        if (respelt !== url) await attempt(`${page} · id ${bad}`, respelt, 'application/x-www-form-urlencoded', 'x=1')
      }
      for (const query of BAD_QUERIES) await attempt(`${page} · query`, `${url.split('?')[0]}${query}`, 'application/x-www-form-urlencoded', 'x=1')
      // Pages that take a file accept more: a training's import and a difficulty report 5 MB, a sandbox case 21 MB.
      const limit = ['presentiel/[id]/index.astro', 'aide/signaler.astro'].includes(page) ? 5 * 1024 * 1024 : page === 'bac-a-sable/[ws]/cas/[caseId].astro' ? 21 * 1024 * 1024 : 64 * 1024
      const tooLarge = await attempt(`${page} · too large`, url, 'application/x-www-form-urlencoded', `x=${'y'.repeat(limit + 1)}`)
      if (tooLarge.status !== 413 || !/text\/html/.test(tooLarge.headers.get('content-type') ?? '')) failures.push(`${page}: too large gave ${tooLarge.status} ${tooLarge.headers.get('content-type')}`)
    }
    expect(failures).toEqual([])
  })

  it('answers a too-large post on an English page in English', async () => {
    const res = await post('/en/inscription', form(freshAddress()), `name=${'y'.repeat(70_000)}`)
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('Too much data sent')
  })
})
