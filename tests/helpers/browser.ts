import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium (package `chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Launches headless Chromium with the flags this closed network needs (no background connections). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
}

/** Password of the demo accounts in the test portals (the README's default). */
export const DEMO_PASSWORD = 'Demo-Portail-2026!'

/** Signs in through /connexion, as a person would, then lands on `next` (or where cms/rules/landing.ts sends them). */
export async function signIn(page: Page, email: string, options: { password?: string; next?: string } = {}): Promise<void> {
  await page.goto(options.next ? `/connexion?suite=${encodeURIComponent(options.next)}` : '/connexion')
  await page.fill('#f-email', email)
  await page.fill('#f-password', options.password ?? DEMO_PASSWORD)
  await page.click('main form button[type=submit]')
  await page.waitForLoadState('load')
}

/** A session token from Payload's REST sign-in, for API calls made by the tests. */
export async function apiToken(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { Origin: baseUrl, 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (!res.ok) throw new Error(`Sign-in of ${email} failed: ${res.status} ${await res.text()}`)
  return sessionTokenOf(res)
}

/** A JSON answer of the REST API as the tests read it ({} when the body is not JSON). */
export type TRestJson = Record<string, unknown> & { doc?: { id: number }; docs?: (Record<string, unknown> & { id: number })[] }

/** A REST client holding a demo account's session, as a script in that person's hands would (same-origin, cookie). */
export async function restClient(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<(path: string, method?: string, body?: unknown) => Promise<{ status: number; json: TRestJson }>> {
  const headers = { Origin: baseUrl, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', Cookie: `payload-token=${await apiToken(baseUrl, email, password)}` }
  return async (path, method = 'GET', body) => {
    const res = await fetch(`${baseUrl}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: res.status, json: (await res.json().catch(() => ({}))) as TRestJson }
  }
}

/** The session token a sign-in answer set in its cookie (the JSON body never carries it). */
export function sessionTokenOf(res: Response): string {
  const token = /payload-token=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1]
  if (!token) throw new Error(`No session cookie in the answer (${res.status}).`)
  return token
}
