import { normalisePath } from './paths.ts'
import { isStaff, type RoleHolder } from './roles.ts'

/** The back office's home: the dashboard of the signed-in person's roles (cms/admin/dashboard/). */
export const BACK_OFFICE_HOME = '/admin'

/** True when a path (with or without query) leads into the back office, however it is spelt. */
export function isBackOfficePath(target: string): boolean {
  const { path } = normalisePath(target)
  return path === '/admin' || path.startsWith('/admin/')
}

/**
 * Where a person lands after signing in. The page they asked for (`requested`, already checked to be a local
 * path) when they may open it; otherwise staff land on their back-office dashboard and everyone else — learners,
 * or anyone sent to the back office they cannot open — on self-training (`learnerHome`, localised by the caller).
 */
export function landingPath(user: RoleHolder, requested: string | null | undefined, learnerHome = '/formation'): string {
  const staff = isStaff(user)
  if (requested && (staff || !isBackOfficePath(requested))) return requested
  return staff ? BACK_OFFICE_HOME : learnerHome
}
