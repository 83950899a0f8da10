import { can, type Capability, type RoleHolder } from '../rules/roles.ts'
import { PortalError, type TText } from './errors.ts'

/** Anything that carries the signed-in person: a Payload request (`req.user`) or Astro's `locals` (`locals.user`). */
type WithUser<U> = { user?: U | null }

/**
 * The signed-in person, or a PortalError 401 (`signInRequired`, optionally saying what for:
 * `requireUser(locals, { fr: 'répondre au quiz', en: 'answer the quiz' })`).
 */
export function requireUser<U extends NonNullable<RoleHolder>>(holder: WithUser<U>, to?: TText): U {
  if (!holder.user) throw new PortalError('signInRequired', { to })
  return holder.user
}

/**
 * The signed-in person holding the capability (see cms/rules/roles.ts), or a PortalError: 401 when signed out,
 * 403 (`capabilityMissing`, naming who may) when the capability is missing.
 */
export function requireCapability<U extends NonNullable<RoleHolder>>(holder: WithUser<U>, capability: Capability): U {
  const user = requireUser(holder)
  if (!can(user, capability)) throw new PortalError('capabilityMissing', { capability })
  return user
}
