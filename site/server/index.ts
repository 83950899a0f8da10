// The one process of the portal: one HTTP server, one origin, one Payload instance.
//   /admin, /api, /_next → Payload's Next.js app (cms/)     everything else → the Astro site (site/)
// Run built: `node site/server/index.ts`; in development `site/server/dev.ts` starts it with dev: true.
import compression from 'compression'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Payload } from 'payload'
import send from 'send'
import { env } from '#cms/config/env.ts'
import { startPortal } from '#cms/portal.ts'
import { normalisePath } from '#cms/rules/paths.ts'
import { acceptsHtml, answer, refuse, serverPage } from './answers.ts'
import { clientAddress } from './client-address.ts'
import { areaOf, securityHeaders, type Area } from './headers.ts'
import { healthz } from './healthz.ts'
import { takePoint } from '#cms/rate-limits.ts'
import { limitedAction, limitsOf } from './rate-limit.ts'
import { startMemoryReport } from './memory-report.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
process.env.ASTRO_TELEMETRY_DISABLED ??= '1'
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => unknown

/**
 * Payload routes that the portal replaces with its own pages (one sign-in, one reset, one invitation flow).
 * Matched on the normalised path (lower case, decoded, no trailing slash: see cms/rules/paths.ts).
 */
const REPLACED_ADMIN_PAGES: Record<string, string> = {
  '/admin/login': '/connexion',
  '/admin/forgot': '/mot-de-passe-oublie',
  '/admin/create-first-user': '/connexion',
  // Where Payload sends a signed-in person who may not open the back office (a learner): their own home.
  '/admin/unauthorized': '/formation',
}
const REPLACED_API = /^\/api\/users\/(forgot-password|reset-password|verify\/|first-register)/

// What may be a file of dist/client: built assets, and the public files (public/ holds top-level files only).
const STATIC_FILE = /^\/(?:_astro\/.+|[^/]+\.[a-z0-9]+)$/i
/** Shipped self-training media: /formation/media/<slug>/<file>, served from training/modules (range requests work). */
const MODULE_MEDIA = /^\/formation\/media\/([a-z0-9-]{1,100})\/(small\.mp4|standard\.mp4|poster\.jpg|captions\.fr\.vtt)$/

const MAX_SITE_BODY = 64 * 1024
const MAX_API_BODY = 20 * 1024 * 1024
/** Site pages that take a file (spreadsheet import, a difficulty report's screenshot): the only site posts allowed past 64 KB. */
const SITE_UPLOADS = /^\/(?:presentiel\/(?:\d+|[a-f0-9]{24})|aide\/signaler)$/
const MAX_SITE_UPLOAD = 5 * 1024 * 1024
/** A sandbox case's page, where trainees attach documents and photos of up to 20 MB (the service refuses more, in French). */
const SANDBOX_UPLOADS = /^\/bac-a-sable\/[a-z0-9]+\/cas\/[^/]+$/
const MAX_SANDBOX_UPLOAD = 21 * 1024 * 1024
/** Methods that write: a browser sends `Origin` with each of them. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Body types a cross-site HTML form can send without the browser asking first (CORS "simple" requests). */
const FORM_LIKE = /^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i

const FATAL_PAGE = serverPage('fr', 'error.500.title', 'error.500.body')
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`

/** Options of one portal server (the rest comes from the environment, see README). */
export type PortalServerOptions = { dev?: boolean; port?: number; hostname?: string }

/** Starts Payload (migrations, seed), Next and Astro, and listens. Resolves once the portal answers. */
export async function startServer(options: PortalServerOptions = {}) {
  const dev = options.dev ?? false
  const port = options.port ?? env.PORT
  const hostname = options.hostname ?? '0.0.0.0'
  const payload: Payload = await startPortal()
  if (process.env.MEMORY_REPORT_FILE) startMemoryReport(process.env.MEMORY_REPORT_FILE)

  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: path.join(root, 'cms'), hostname: 'localhost', port })
  await nextApp.prepare()
  const nextHandler = nextApp.getRequestHandler() as NodeHandler

  let siteHandler: NodeHandler
  let closeSite = async () => {}
  if (dev) {
    const { createSiteDevProxy } = await import('./dev-proxy.ts')
    const proxy = await createSiteDevProxy(root)
    siteHandler = proxy.handler
    closeSite = proxy.close
  } else {
    const entry = path.join(root, 'dist', 'server', 'entry.mjs')
    if (!fs.existsSync(entry)) throw new Error('dist/server/entry.mjs is missing: run `npm run build` (or `npm start`, which builds when needed).')
    const { handler } = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler }
    siteHandler = handler
  }

  const clientDir = path.join(root, 'dist', 'client')
  const compress = compression() as unknown as NodeHandler
  // Counted in the shared database, so the limits hold whatever the number of portal processes.
  const limits = limitsOf(env)

  const serveSite: NodeHandler = (req, res) => {
    // The path as sent (still encoded); not through `new URL`, which reads `//host/x` as another host.
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] || '/'
    // In middleware mode Astro hands unknown paths back (`next`): render its French 404 page for them instead.
    const notFound = () => {
      req.url = '/404'
      void siteHandler(req, res, () => answer(res, 404, serverPage('fr', 'error.404.title', 'error.404.body'), 'html'))
    }
    const toAstro = () => void siteHandler(req, res, notFound)
    const media = MODULE_MEDIA.exec(pathname)
    if (media && (req.method === 'GET' || req.method === 'HEAD')) {
      const file = media[2] === 'captions.fr.vtt' ? `${media[1]}/${media[2]}` : `${media[1]}/media/${media[2]}`
      return void send(req, file, { root: path.join(root, 'training', 'modules'), index: false, dotfiles: 'deny', maxAge: '1d' })
        .on('error', notFound)
        .pipe(res)
    }
    // Built assets are under /_astro/ and public files at the top with an extension (`/sw.js`): any other path is
    // a page and goes straight to Astro, instead of waiting for a failed look-up on disk first (a turn of the event
    // loop, which under load means waiting behind every other request).
    if (dev || (req.method !== 'GET' && req.method !== 'HEAD') || !STATIC_FILE.test(pathname)) return toAstro()
    // Built assets and public files come from dist/client (the Node adapter does not serve them in middleware mode).
    // `send` takes the encoded path and decodes it itself: a malformed one is an error that falls through to Astro.
    send(req, pathname, { root: clientDir, index: false, dotfiles: 'ignore', immutable: pathname.startsWith('/_astro/'), maxAge: pathname.startsWith('/_astro/') ? '365d' : '1h' })
      .on('error', toAstro)
      .pipe(res)
  }

  /** The area's security headers, on every answer, including the ones this server writes itself. */
  const applyHeaders = (res: http.ServerResponse, area: Area) => {
    for (const [name, value] of Object.entries(securityHeaders(area, { behindTls: env.behindTls, dev }))) res.setHeader(name, value)
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error(`Unhandled error on ${req.method} ${req.url}:`, error)
      if (res.headersSent) return void res.end()
      applyHeaders(res, 'site')
      answer(res, 500, FATAL_PAGE, 'html')
    })
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Every decision below reads the normalised path: a respelt path (`/API/users/%6cogin`, `/en/connexion/`)
    // reaches the same page downstream, so it must meet the same limits, headers and refusals.
    const route = normalisePath(req.url ?? '/')
    const area: Area = route.english ? 'site' : areaOf(route.path)
    applyHeaders(res, area)
    const where = { area, english: route.english, html: acceptsHtml(req.headers.accept) }
    // The client address for rate limits and the audit log: the socket's peer, or what the trusted proxies saw.
    const ip = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], env.TRUST_PROXY)
    req.headers['x-portal-client-ip'] = ip

    if (route.path === '/healthz' && !route.english) {
      const { status, body } = await healthz(payload, version)
      return answer(res, status, body)
    }
    // Payload's router fails on a path that does not decode; the site answers its 404 page for it.
    if (route.malformed && area !== 'site') return refuse(res, where, 400, { title: 'server.badPath.title', body: 'server.badPath.body' })
    const method = req.method ?? 'GET'
    // A browser write from another address than the configured one would be refused downstream without saying why
    // (the session cookie is ignored, the form seems to do nothing): say which address to use instead.
    const origin = req.headers.origin
    if (WRITES.has(method) && origin !== undefined && !env.trustedOrigins.includes(origin)) {
      return refuse(res, where, 403, { title: 'server.wrongOrigin.title', body: 'server.wrongOrigin.body', params: { expected: env.publicUrl, actual: origin } })
    }
    // A site write with no Origin at all (a form, or no body type) is refused as Astro's origin check does; this server
    // checks it rather than Astro, which compares with the plain-http address of this socket and would refuse every
    // form behind a TLS proxy (astro.config.mjs). JSON posts without Origin (API clients) go on to their page.
    if (area === 'site' && WRITES.has(method) && origin === undefined && FORM_LIKE.test(req.headers['content-type'] ?? 'text/plain')) {
      return refuse(res, where, 403, { title: 'server.noOrigin.title', body: 'server.noOrigin.body' })
    }
    const limit = area !== 'site' ? MAX_API_BODY : SITE_UPLOADS.test(route.path) ? MAX_SITE_UPLOAD : SANDBOX_UPLOADS.test(route.path) ? MAX_SANDBOX_UPLOAD : MAX_SITE_BODY
    // Without Content-Length (a chunked body) the size is unknown until read: every client that posts here can state it.
    const length = req.headers['content-length'] !== undefined ? Number(req.headers['content-length']) : req.headers['transfer-encoding'] ? Infinity : 0
    if (length > limit) return refuse(res, where, 413, { title: 'server.tooLarge.title', body: 'server.tooLarge.body', params: { limit: limit < 1024 * 1024 ? `${limit / 1024} Ko` : megabytes(limit) } })
    const action = limitedAction(method, route)
    if (action) {
      const wait = await takePoint(payload, action, ip, limits[action])
      if (wait !== null) {
        res.setHeader('Retry-After', String(wait))
        return refuse(res, where, 429, { title: 'server.tooMany.title', body: 'server.tooMany.body', params: { minutes: Math.ceil(wait / 60) } })
      }
    }
    if (area === 'admin') {
      const replacement = REPLACED_ADMIN_PAGES[route.path]
      if (replacement) {
        const requested = req.url ?? ''
        const back = new URLSearchParams(requested.includes('?') ? requested.slice(requested.indexOf('?') + 1) : '').get('redirect')
        const target = replacement === '/connexion' ? `/connexion?suite=${encodeURIComponent(back && back.startsWith('/') ? back : '/admin')}` : replacement
        res.statusCode = 303
        res.setHeader('Location', target)
        return void res.end()
      }
      // French by default: Payload picks the language from its cookie, else from Accept-Language.
      if (!/(?:^|;\s*)payload-lng=/.test(req.headers.cookie ?? '')) req.headers['accept-language'] = 'fr'
      return void nextHandler(req, res)
    }
    if (area === 'api') {
      if (REPLACED_API.test(route.path)) {
        return answer(res, 410, { errors: [{ message: 'Cette opération se fait sur le portail : /mot-de-passe-oublie (réinitialisation) ou /inscription.' }] })
      }
      return void nextHandler(req, res)
    }
    // English pages are the same pages under /en: the prefix becomes a header only this server can set.
    delete req.headers['x-portal-lang']
    const english = /^\/en(?=\/|$|\?)/.exec(req.url ?? '')
    if (english) {
      req.url = (req.url ?? '').slice(3) || '/'
      if (!req.url.startsWith('/')) req.url = `/${req.url}`
      req.headers['x-portal-lang'] = 'en'
    }
    return void compress(req, res, () => serveSite(req, res))
  }

  // Longer than the usual 60 s idle timeout of proxies and load balancers, so they never reuse a closed socket.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve))
  if (dev) server.on('upgrade', nextApp.getUpgradeHandler())
  console.log(`Portail prêt sur ${env.publicUrl} (port ${port}, ${dev ? 'développement' : 'production'}).`)

  return {
    server,
    payload,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closeSite()
      await nextApp.close()
    },
  }
}

/** Starts the portal and stops it cleanly on SIGINT/SIGTERM (what `npm start` and `npm run serve` run). */
export async function runServer(options: PortalServerOptions = {}): Promise<void> {
  const portal = await startServer(options)
  const stop = async (signal: string) => {
    console.log(`${signal} reçu : arrêt du portail.`)
    await portal.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

if (import.meta.main) await runServer()
