import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderResourcePdf } from '#cms/seed/content.ts'
import { DEMO_PASSWORD } from '../helpers/browser.ts'
import { startPortalProcess, type PortalProcess } from '../helpers/server.ts'
import { startSmtpServer } from '../helpers/smtp.ts'

// Two portal processes on one database, laid out as the README's production section says: one SQLite file, one
// MEDIA_DIR, the same PAYLOAD_SECRET and PUBLIC_URL (https, the proxy's address), TRUST_PROXY=1. The test plays
// the TLS reverse proxy: it sends each request to one process or the other with the headers nginx sets (Host,
// X-Forwarded-For, X-Forwarded-Proto). Both processes run the jobs queue every second, on the same clock ticks, so
// a job claimed by both would show here as a second email.

const PUBLIC_URL = 'https://portail.test'
const EMAIL_LINKS_LIMIT = 6
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let a: PortalProcess
let b: PortalProcess
let dir: string

beforeAll(async () => {
  smtp = await startSmtpServer()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portail-two-processes-'))
  const shared = {
    PUBLIC_URL,
    SMTP_URL: smtp.url,
    DATABASE_URL: `file:${path.join(dir, 'portal.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    BACKUP_DIR: path.join(dir, 'backups'),
    TRUST_PROXY: '1',
    RATE_LIMIT_EMAIL_LINKS: String(EMAIL_LINKS_LIMIT),
  }
  // The first start migrates and seeds the new database; the second finds it ready.
  a = await startPortalProcess(shared)
  b = await startPortalProcess(shared)
})
afterAll(async () => {
  await b?.stop()
  await a?.stop()
  await smtp?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

type TAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string }
type TForward = { method?: string; client: string; token?: string; headers?: Record<string, string>; body?: Buffer | string; origin?: boolean }

/**
 * One request as the proxy forwards it to `portal`: the public Host, the client's address appended to
 * X-Forwarded-For, https as the original protocol, and what a browser on the portal's pages sends (Sec-Fetch-Site,
 * Origin on writes).
 * (node:http rather than fetch, which always sends the Host of the address it connects to.)
 */
function forward(portal: PortalProcess, pathname: string, { method = 'GET', client, token, headers = {}, body, origin = method !== 'GET' }: TForward): Promise<TAnswer> {
  const payload = typeof body === 'string' ? Buffer.from(body) : body
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: portal.port,
        path: pathname,
        method,
        headers: {
          Host: new URL(PUBLIC_URL).host,
          'X-Forwarded-For': client,
          'X-Forwarded-Proto': 'https',
          // What a browser on the portal's own pages sends (Payload honours the session cookie only then).
          'Sec-Fetch-Site': 'same-origin',
          ...(origin ? { Origin: PUBLIC_URL } : {}),
          ...(token ? { Cookie: `payload-token=${token}` } : {}),
          ...(payload ? { 'Content-Length': String(payload.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const all = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/** Signs in through the REST API of `portal`; returns the session token of the cookie it set. */
async function signIn(portal: PortalProcess, email: string, client: string): Promise<string> {
  const res = await forward(portal, '/api/users/login', { method: 'POST', client, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) })
  const token = /payload-token=([^;]+)/.exec((res.headers['set-cookie'] ?? []).join('\n'))?.[1]
  if (res.status !== 200 || !token) throw new Error(`Sign-in of ${email} on port ${portal.port} failed: ${res.status} ${res.text}`)
  return token
}

const requestReset = (portal: PortalProcess, client: string, email: string) =>
  forward(portal, '/mot-de-passe-oublie', { method: 'POST', client, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: new URLSearchParams({ email }).toString() })

const resetMails = (to: string) => smtp.messages.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes(to) && /Réinitialisation/.test(m.subject ?? ''))

describe('two portal processes on one database', () => {
  it('counts rate limits across both processes, and sends the email of each queued job exactly once', async () => {
    const to = 'apprenant@example.org'
    const client = '203.0.113.7'
    // Half of the limit on each process, alternating: all served, then refused by both.
    for (let i = 0; i < EMAIL_LINKS_LIMIT; i += 1) {
      const res = await requestReset(i % 2 === 0 ? a : b, client, to)
      expect(res.status, `request ${i + 1} of ${EMAIL_LINKS_LIMIT}: ${res.text.slice(0, 300)}`).toBe(200)
    }
    for (const portal of [a, b]) {
      const refused = await requestReset(portal, client, to)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
      expect(refused.text).toContain('Trop de tentatives')
    }
    // The limit is per client address (the one nginx appended): another client is still served.
    expect((await requestReset(b, '198.51.100.20', to)).status).toBe(200)

    // Each served request queued one job (look up the account, issue a link, queue its email, deliver it): as many
    // emails as requests, each with its own link, none delivered twice although both processes run the queue.
    const expected = EMAIL_LINKS_LIMIT + 1
    const deadline = Date.now() + 60_000
    while (resetMails(to).length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    expect(resetMails(to)).toHaveLength(expected)
    // Several more ticks of both queues: nothing is sent again.
    await new Promise((r) => setTimeout(r, 5000))
    const mails = resetMails(to)
    expect(mails).toHaveLength(expected)
    const tokens = mails.map((m) => new RegExp(`${PUBLIC_URL}/mot-de-passe/nouveau\\?jeton=([A-Za-z0-9_-]+)`).exec(m.text ?? '')?.[1])
    expect(tokens.every(Boolean), 'every link names the public address').toBe(true)
    expect(new Set(tokens).size).toBe(expected)
  })

  it('ends on the other process a session signed out on one', async () => {
    const client = '203.0.113.8'
    const token = await signIn(a, 'formateur@example.org', client)
    const me = async (portal: PortalProcess) => (JSON.parse((await forward(portal, '/api/users/me', { client, token })).text) as { user: { email: string } | null }).user
    expect((await me(b))?.email).toBe('formateur@example.org')
    expect((await forward(b, '/mon-compte', { client, token })).status).toBe(200)

    // A form post with no Origin (not a browser on the portal's pages) is refused, behind the https proxy as without it.
    const forged = await forward(a, '/deconnexion', { method: 'POST', client, token, origin: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' })
    expect(forged.status).toBe(403)
    expect(forged.text).toContain('Envoi refusé')
    expect((await me(b))?.email, 'the refused post ended nothing').toBe('formateur@example.org')

    const signOut = await forward(a, '/deconnexion', { method: 'POST', client, token, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' })
    expect(signOut.status, signOut.text.slice(0, 300)).toBe(303)

    // The same cookie, presented to the other process at once: refused there too.
    expect(await me(b)).toBeNull()
    const after = await forward(b, '/mon-compte', { client, token })
    expect(after.status).toBe(302)
    expect(after.headers.location).toMatch(/^\/connexion/)
  })

  it('shows from one process’s page cache an edit made through the other, without a restart', async () => {
    const client = '203.0.113.9'
    const home = async () => {
      const res = await forward(b, '/', { client })
      return { cache: res.headers['x-portal-cache'], text: res.text }
    }
    await home()
    expect((await home()).cache).toBe('hit')

    const marker = `Présentation modifiée par l’autre processus ${Date.now()}`
    const editor = await signIn(a, 'editeur@example.org', client)
    const edit = await forward(a, '/api/globals/home', { method: 'POST', client, token: editor, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ intro: marker }) })
    expect(edit.status, edit.text.slice(0, 300)).toBe(200)

    const deadline = Date.now() + 10_000
    let page = await home()
    while (!page.text.includes(marker) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250))
      page = await home()
    }
    expect(page.text).toContain(marker)
    // The new rendering is cached in turn.
    const again = await home()
    expect(again.cache).toBe('hit')
    expect(again.text).toContain(marker)
  })

  it('serves from one process a file uploaded through the other (one MEDIA_DIR)', async () => {
    const client = '203.0.113.10'
    const editor = await signIn(a, 'editeur@example.org', client)
    const pdf = await renderResourcePdf({ title: 'Fiche partagée entre processus', summary: 'Résumé.', sections: [], lines: [] })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'fiche-partagee.pdf')
    form.append('_payload', JSON.stringify({ alt: 'Fiche partagée' }))
    const encoded = new Response(form)
    const upload = await forward(a, '/api/media', {
      method: 'POST',
      client,
      token: editor,
      headers: { 'Content-Type': encoded.headers.get('content-type')! },
      body: Buffer.from(await encoded.arrayBuffer()),
    })
    expect(upload.status, upload.text.slice(0, 300)).toBe(201)
    const { doc } = JSON.parse(upload.text) as { doc: { url: string } }

    const served = await forward(b, doc.url, { client, token: editor })
    expect(served.status).toBe(200)
    expect(served.body.equals(pdf)).toBe(true)
    // A private file (no published document uses it yet): the other process keeps it from visitors too.
    expect((await forward(b, doc.url, { client })).status).toBeGreaterThanOrEqual(400)
  })
})
