import type { TNormalisedPath } from '#cms/rules/paths.ts'

/**
 * Requests counted per client address, in the database every process shares (cms/rate-limits.ts): sign-in, reset and sign-up posts, site and REST alike. Takes the
 * normalised path, so every spelling that reaches the same page counts (`/api/users/LOGIN`, `/en/connexion/`…).
 */
export function limitedAction(method: string, route: TNormalisedPath): 'signIn' | 'emailLink' | null {
  if (method !== 'POST') return null
  if (route.path === '/connexion' || route.path === '/api/users/login') return 'signIn'
  if (route.path === '/mot-de-passe-oublie' || route.path === '/inscription') return 'emailLink'
  return null
}

/** The limit of each action per client address per window (RATE_WINDOW_SECONDS, cms/rate-limits.ts). */
export function limitsOf(env: { RATE_LIMIT_SIGNIN: number; RATE_LIMIT_EMAIL_LINKS: number }): Record<'signIn' | 'emailLink', number> {
  return { signIn: env.RATE_LIMIT_SIGNIN, emailLink: env.RATE_LIMIT_EMAIL_LINKS }
}
