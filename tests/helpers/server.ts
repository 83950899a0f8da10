import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

/** A free TCP port on localhost. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A running portal process, started the way the README's `npm run serve` does, on a throw-away database. */
export type PortalProcess = { url: string; port: number; pid: number; dbFile: string; logs: () => string; stop: () => Promise<void> }

/**
 * Starts the built portal (production mode, real secret) and waits until /healthz answers. `command` defaults to
 * the server entry point (`npm run serve`); the README's `npm start` can be given instead.
 */
export async function startPortalProcess(extraEnv: Record<string, string> = {}, command: [string, string[]] = [process.execPath, ['site/server/index.ts']]): Promise<PortalProcess> {
  const port = await freePort()
  const dbFile = path.join(os.tmpdir(), `portail-e2e-${randomBytes(4).toString('hex')}.db`)
  const url = `http://localhost:${port}`
  let output = ''
  const child: ChildProcess = spawn(command[0], command[1], {
    detached: true,
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: `file:${dbFile}`,
      MEDIA_DIR: `${dbFile}-media`,
      BACKUP_DIR: `${dbFile}-backups`,
      PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
      SEED_DEMO: 'true',
      JOBS_INTERVAL_SECONDS: '1',
      // As in the integration tests: no daily routine queued because a test ran across the hour.
      DAILY_ROUTINE: 'false',
      RATE_LIMIT_SIGNIN: '500',
      RATE_LIMIT_EMAIL_LINKS: '200',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  // A cold boot (imports, migrations, seed, Next) takes about a minute alone; a loaded machine (several test runs
  // at once) may need longer: E2E_START_SECONDS raises the wait.
  const startSeconds = Number(process.env.E2E_START_SECONDS ?? 180)
  const deadline = Date.now() + startSeconds * 1000
  for (;;) {
    const early = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 250))])
    if (early !== 'running') throw new Error(`The portal exited with code ${early} before answering:\n${output}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The portal did not answer /healthz within ${startSeconds} s (set E2E_START_SECONDS to wait longer):\n${output}`)
    }
  }
  return {
    url,
    port,
    pid: child.pid!,
    dbFile,
    logs: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      // The whole process group: `npm start` runs the server as a child of npm.
      process.kill(-child.pid!, 'SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
    },
  }
}

/** Runs the server entry point to completion (for start-up refusals); resolves with its exit code and output. */
export function runPortalToExit(extraEnv: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn(process.execPath, ['site/server/index.ts'], { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/** What a browser test file runs against: the built portal, a real SMTP server and Chromium. */
export type E2E = { portal: PortalProcess; smtp: Awaited<ReturnType<typeof import('./smtp.ts').startSmtpServer>>; browser: import('playwright-core').Browser }

/** Starts the SMTP server, the portal (mail going to it) and Chromium; `stop` ends all three. */
export async function startE2E(extraEnv: Record<string, string> = {}): Promise<E2E & { stop: () => Promise<void> }> {
  const { startSmtpServer } = await import('./smtp.ts')
  const { launchBrowser } = await import('./browser.ts')
  const smtp = await startSmtpServer()
  const portal = await startPortalProcess({ SMTP_URL: smtp.url, ...extraEnv })
  const browser = await launchBrowser()
  return {
    portal,
    smtp,
    browser,
    stop: async () => {
      await browser.close()
      await portal.stop()
      await smtp.close()
    },
  }
}
