/** Signs in through /connexion as a browser would; returns the Cookie header of the new session. */
export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: process.env.DEMO_PASSWORD ?? 'Demo-Portail-2026!' }).toString(),
  })
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('payload-token='))
  if (res.status !== 303 || !cookie) throw new Error(`Sign-in of ${email} failed (HTTP ${res.status}): the bench needs the demo accounts (SEED_DEMO).`)
  return cookie
}
