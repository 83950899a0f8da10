import { RateLimiterMemory } from 'rate-limiter-flexible'
import type { TNormalisedPath } from '#cms/rules/paths.ts'

/**
 * Requests counted per client address: sign-in, reset and sign-up posts, site and REST alike. Takes the
 * normalised path, so every spelling that reaches the same page counts (`/api/users/LOGIN`, `/en/connexion/`…).
 */
export function limitedAction(method: string, route: TNormalisedPath): 'signIn' | 'emailLink' | null {
  if (method !== 'POST') return null
  if (route.path === '/connexion' || route.path === '/api/users/login') return 'signIn'
  if (route.path === '/mot-de-passe-oublie' || route.path === '/inscription') return 'emailLink'
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
