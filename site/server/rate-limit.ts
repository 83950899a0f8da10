import { RateLimiterMemory } from 'rate-limiter-flexible'

/** Requests counted per client address: sign-in, reset and sign-up posts, site and REST alike. */
export function limitedAction(method: string, pathname: string): 'signIn' | 'emailLink' | null {
  if (method !== 'POST') return null
  const path = pathname.replace(/^\/en(?=\/)/, '')
  if (path === '/connexion' || path === '/api/users/login') return 'signIn'
  if (path === '/mot-de-passe-oublie' || path === '/inscription') return 'emailLink'
  return null
}

/**
 * Per-address limiters. Memory store: each process counts alone, which is safe to lose; with several processes
 * behind a balancer the limits multiply by the process count (documented in the README).
 */
export function createLimiters(perTenMinutes: { signIn: number; emailLink: number }) {
  const make = (points: number) => new RateLimiterMemory({ points, duration: 600 })
  const limiters = { signIn: make(perTenMinutes.signIn), emailLink: make(perTenMinutes.emailLink) }
  /** Consumes one point; resolves to the seconds to wait when the address is over its limit, else null. */
  return async (action: keyof typeof limiters, ip: string): Promise<number | null> => {
    try {
      await limiters[action].consume(ip)
      return null
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection
      return Math.ceil((rejection as { msBeforeNext: number }).msBeforeNext / 1000)
    }
  }
}
