import fs from 'node:fs'
import http from 'node:http'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, runPortalToExit, startPortalProcess, type PortalProcess } from '../helpers/server.ts'
import { startSmtpServer } from '../helpers/smtp.ts'
import { apiToken, DEMO_PASSWORD, restClient, sessionTokenOf } from '../helpers/browser.ts'

// The built portal as one process: routing, health, headers, bad input, start-up rules, one Payload instance.
let portal: PortalProcess
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
beforeAll(async () => {
  smtp = await startSmtpServer()
  portal = await startPortalProcess({ SMTP_URL: smtp.url })
})
afterAll(async () => {
  await portal?.stop()
  await smtp?.close()
})

const sameOrigin = () => ({ Origin: portal.url, 'Sec-Fetch-Site': 'same-origin' })

describe('one process, one origin', () => {
  it('answers /healthz with status, database and version', async () => {
    const res = await fetch(`${portal.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
  })

  it('serves the French site at the root and English under /en', async () => {
    const fr = await (await fetch(`${portal.url}/`)).text()
    expect(fr).toContain('<html lang="fr"')
    expect(fr).toContain('Portail national de protection de l’enfant')
    const en = await (await fetch(`${portal.url}/en/connexion`)).text()
    expect(en).toContain('<html lang="en"')
    expect(en).toContain('Sign in')
  })

  it('sends a cached public page compressed once at the highest level, as brotli or gzip, decoding to the same page', async () => {
    const raw = (encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http.get(`${portal.url}/ressources`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
        }).on('error', reject)
      })
    const plain = await raw('identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    // What the highest levels give for this page: the first hits are compressed on the spot at the usual levels
    // while these are made in the background, then every hit gets these very bytes.
    const best = {
      br: zlib.brotliCompressSync(plain.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } }),
      gzip: zlib.gzipSync(plain.body, { level: zlib.constants.Z_BEST_COMPRESSION }),
    }
    const precompressed = async (accept: string, encoding: 'br' | 'gzip') => {
      let last: Awaited<ReturnType<typeof raw>> | undefined
      for (let i = 0; i < 50; i++) {
        last = await raw(accept)
        // Until the bytes are ready the page is compressed on the spot, gzip first.
        expect(last.headers).toMatchObject({ 'content-encoding': expect.stringMatching(new RegExp(`^(${encoding}|gzip)$`)), 'x-portal-cache': 'hit', 'content-length': String(last.body.length), vary: expect.stringMatching(/Accept-Encoding/i) })
        if (last.headers['content-encoding'] === encoding && last.body.equals(best[encoding])) return last
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`/ressources never came precompressed in ${encoding} (last answer ${last?.body.length} bytes, expected ${best[encoding].length}).`)
    }
    const br = await precompressed('gzip, deflate, br', 'br')
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(plain.body.toString('utf8'))
    const gz = await precompressed('gzip', 'gzip')
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(plain.body.toString('utf8'))
    expect(br.body.length).toBeLessThan(plain.body.length / 4)
  })

  it('sends a page made for one person whole and compressed, with its length', async () => {
    const res = await fetch(`${portal.url}/connexion`, { headers: { 'Accept-Encoding': 'br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toContain('</html>')
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${portal.url}/connexion`, { headers: { 'Accept-Encoding': 'gzip' } }, resolve).on('error', reject))
    const chunks: Buffer[] = []
    for await (const chunk of answer) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    expect(answer.headers['content-encoding']).toBe('gzip')
    expect(answer.headers['content-length']).toBe(String(body.length))
    expect(zlib.gunzipSync(body).toString('utf8')).toMatch(/<\/html>\s*$/)
  })

  it('serves a page rendered once by role to each person with their own id and name, never the first viewer’s', async () => {
    const admin = await restClient(portal.url, 'admin@example.org')
    const demo = (await admin('/users?where[email][equals]=apprenant@example.org&depth=0')).json.docs![0]!
    // A second learner with the demo learner's roles and scope: the same audience, so the same cached rendering.
    const created = await admin('/users', 'POST', { email: 'apprenante.deux@example.org', name: 'Awa <Deux> Traoré', password: DEMO_PASSWORD, roles: demo.roles, region: demo.region, organisation: demo.organisation, emailVerified: true })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const second = created.json.doc!
    const first = `payload-token=${await apiToken(portal.url, 'apprenant@example.org')}`
    // An account an administrator creates starts with an expired temporary password: changed at first sign-in.
    const changed = await fetch(`${portal.url}/connexion?etape=expire`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...sameOrigin(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'apprenante.deux@example.org', currentPassword: DEMO_PASSWORD, newPassword: 'Autre-Mot-2026!x', confirmPassword: 'Autre-Mot-2026!x' }).toString(),
    })
    expect(changed.status).toBe(303)
    const other = `payload-token=${sessionTokenOf(changed)}`
    for (const path of ['/', '/ressources']) {
      const pageOf = async (cookie: string) => {
        const res = await fetch(`${portal.url}${path}`, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } })
        return { cache: res.headers.get('x-portal-cache'), html: await res.text() }
      }
      await pageOf(first)
      const mine = await pageOf(first)
      const theirs = await pageOf(other)
      expect(theirs.cache, `${path} served from the audience's rendering`).toBe('hit')
      expect(mine.html).toContain(`data-user="${demo.id}"`)
      expect(theirs.html).toContain(`data-user="${second.id}"`)
      expect(theirs.html).not.toContain(`data-user="${demo.id}"`)
      expect(theirs.html).not.toContain('@@portail-personne')
      if (path === '/') {
        expect(mine.html).toContain(`Bonjour ${demo.name}.`)
        expect(theirs.html).toContain('Bonjour Awa &lt;Deux&gt; Traoré.')
      }
    }
  })

  it('routes /admin and /api to Payload', async () => {
    const api = await fetch(`${portal.url}/api/regions?limit=1`)
    expect(api.status).toBe(200)
    expect((await api.json()).totalDocs).toBe(20)
    const admin = await fetch(`${portal.url}/admin`, { redirect: 'manual' })
    expect(admin.status).toBeLessThan(500)
  })

  it('sends users of Payload’s own sign-in page to /connexion', async () => {
    const res = await fetch(`${portal.url}/admin/login?redirect=%2Fadmin%2Fcollections%2Fusers`, { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/connexion?suite=%2Fadmin%2Fcollections%2Fusers')
  })

  it('has switched off Payload’s own reset endpoints (one way to reset a password)', async () => {
    const res = await fetch(`${portal.url}/api/users/forgot-password`, { method: 'POST', headers: { ...sameOrigin(), 'Content-Type': 'application/json' }, body: '{"email":"admin@example.org"}' })
    expect(res.status).toBe(410)
    expect((await res.json()).errors[0].message).toMatch(/mot-de-passe-oublie/)
  })

  it('keeps the REST sign-in for API clients and journals its failures', async () => {
    const ok = await fetch(`${portal.url}/api/users/login`, { method: 'POST', headers: { ...sameOrigin(), 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password: 'Demo-Portail-2026!' }) })
    expect(ok.status).toBe(200)
    const token = sessionTokenOf(ok)
    const bad = await fetch(`${portal.url}/api/users/login`, { method: 'POST', headers: { ...sameOrigin(), 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'editeur@example.org', password: 'faux' }) })
    expect(bad.status).toBe(401)
    const audit = await fetch(`${portal.url}/api/audit-log?where[subjectEmail][equals]=editeur@example.org&where[action][equals]=login.failure`, { headers: { Authorization: `JWT ${token}` } })
    expect((await audit.json()).totalDocs).toBeGreaterThanOrEqual(1)
  })
})

describe('security headers', () => {
  it('gives the site a strict CSP and the API none of the admin’s allowances', async () => {
    const site = await fetch(`${portal.url}/connexion`)
    expect(site.headers.get('content-security-policy')).toContain("script-src 'self';")
    expect(site.headers.get('x-content-type-options')).toBe('nosniff')
    expect(site.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const api = await fetch(`${portal.url}/api/regions`)
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'")
    const admin = await fetch(`${portal.url}/admin`)
    expect(admin.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
  })
})

describe('bad input', () => {
  it('gives the French 404 page for unknown routes, in French and English', async () => {
    const fr = await fetch(`${portal.url}/nulle-part`)
    expect(fr.status).toBe(404)
    expect(await fr.text()).toContain('Page introuvable')
    const en = await fetch(`${portal.url}/en/nowhere`)
    expect(en.status).toBe(404)
    expect(await en.text()).toContain('Page not found')
    for (const path of ['/ressources/%E0%A4%A', '/%E0%A4%A', '/_astro/%ZZ.css']) {
      const odd = await fetch(`${portal.url}${path}`)
      expect(odd.status, path).toBe(404)
      expect(await odd.text(), path).toContain('Page introuvable')
    }
  })

  it('treats a malformed session cookie as signed out, never as an error', async () => {
    for (const cookie of ['payload-token=garbage', 'payload-token=a.b.c', 'payload-token=%%%']) {
      const res = await fetch(`${portal.url}/`, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } })
      expect(res.status, cookie).toBe(200)
      expect(await res.text()).toContain('Connexion')
    }
  })

  it('refuses oversized bodies', async () => {
    const res = await fetch(`${portal.url}/connexion`, { method: 'POST', headers: { ...sameOrigin(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: `email=${'a'.repeat(200_000)}` })
    expect(res.status).toBe(413)
  })

  it('answers a bad sign-in form with French messages per field', async () => {
    const res = await fetch(`${portal.url}/connexion`, { method: 'POST', headers: { ...sameOrigin(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=pas-un-email&password=' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Saisissez une adresse e-mail valide')
    expect(html).toContain('Ce champ est obligatoire')
  })

  it('refuses cross-site form posts (origin check)', async () => {
    const res = await fetch(`${portal.url}/connexion`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=admin%40example.org&password=x' })
    expect(res.status).toBe(403)
  })
})

describe('one Payload instance per process', () => {
  it('initialises Payload once, holds one database connection and runs a queued job once', async () => {
    // Exercise both sides: site pages, the admin and the REST API.
    await fetch(`${portal.url}/`)
    await fetch(`${portal.url}/admin`)
    await fetch(`${portal.url}/api/regions`)
    await fetch(`${portal.url}/mot-de-passe-oublie`, { method: 'POST', headers: { ...sameOrigin(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=formateur%40example.org' })
    const mail = await smtp.waitFor('formateur@example.org', /Réinitialisation/)
    await new Promise((r) => setTimeout(r, 3000))
    expect(smtp.messages.filter((m) => m.subject === mail.subject && m.text === mail.text)).toHaveLength(1)
    expect(portal.logs().match(/Payload initialised/g)).toHaveLength(1)
    const fds = fs.readdirSync(`/proc/${portal.pid}/fd`).map((fd) => {
      try {
        return fs.readlinkSync(`/proc/${portal.pid}/fd/${fd}`)
      } catch {
        return ''
      }
    })
    expect(fds.filter((target) => target === portal.dbFile)).toHaveLength(1)
  })
})

describe('start-up rules', () => {
  it('serves the portal with the README’s `npm start` (build when needed, migrations and seed at start)', async () => {
    const started = await startPortalProcess({}, ['npm', ['start', '--silent']])
    try {
      expect((await fetch(`${started.url}/healthz`)).status).toBe(200)
      expect(await (await fetch(`${started.url}/formation`)).text()).toContain('Identification et enregistrement')
      expect(started.logs()).toMatch(/Portail prêt sur/)
    } finally {
      await started.stop()
    }
  })

  it('refuses to start in production with the default secret', async () => {
    const { code, output } = await runPortalToExit({ NODE_ENV: 'production', PAYLOAD_SECRET: '', DATABASE_URL: 'file:/tmp/portail-refused.db', PORT: String(await freePort()) })
    expect(code).not.toBe(0)
    expect(output).toMatch(/PAYLOAD_SECRET/)
  })

  it('creates no demo account in production unless SEED_DEMO=true, and rate-limits sign-in per address', async () => {
    const prod = await startPortalProcess({ SEED_DEMO: 'false', RATE_LIMIT_SIGNIN: '3' })
    try {
      const attempt = () =>
        fetch(`${prod.url}/connexion`, { method: 'POST', headers: { Origin: prod.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=admin%40example.org&password=Demo-Portail-2026%21', redirect: 'manual' })
      const first = await attempt()
      expect(first.status).toBe(422)
      expect(await first.text()).toContain('Adresse e-mail ou mot de passe incorrect')
      await attempt()
      await attempt()
      const limited = await attempt()
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    } finally {
      await prod.stop()
    }
  })
})
