/** The portal's roles, in the order the admin lists them. */
export const ROLES = ['admin', 'coordinator', 'trainer', 'supervisor', 'caseManager', 'learner', 'editor'] as const
export type Role = (typeof ROLES)[number]

/** Roles that work in the back office; a learner alone never reaches /admin. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'trainer', 'supervisor', 'caseManager', 'editor']

/** The smallest view of a person that role rules need. */
export type RoleHolder = { roles?: readonly string[] | null; active?: boolean | null } | null | undefined

/** True when the person is active and holds at least one of the roles. */
export function hasRole(user: RoleHolder, ...roles: readonly Role[]): boolean {
  if (!user || user.active === false) return false
  return (user.roles ?? []).some((r) => (roles as readonly string[]).includes(r))
}

/** True when the person may open the back office. */
export function isStaff(user: RoleHolder): boolean {
  return hasRole(user, ...STAFF_ROLES)
}

/** The scope fields whose change must end the person's sessions. */
export const PRIVILEGE_FIELDS = ['roles', 'organisation', 'region', 'active'] as const

/** Lists which privilege fields differ between two versions of an account (relations compared by id). */
export function changedPrivileges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const norm = (v: unknown): string => {
    if (v && typeof v === 'object' && 'id' in v) return String((v as { id: unknown }).id)
    if (Array.isArray(v)) return JSON.stringify([...v].map(String).sort())
    return v === undefined || v === null ? '' : String(v)
  }
  return PRIVILEGE_FIELDS.filter((f) => f in after && norm(before[f]) !== norm(after[f]))
}

/**
 * What each role may do, named once. Access functions, endpoints, Astro pages and navigation ask for a capability
 * (`can(user, 'runTrainings')`), never for a list of roles, so a change of who may do what is made here alone.
 * The scope of the records a capability reaches (own, trainings run, organisation, region, national) is a separate
 * rule (see docs/access.md).
 */
export const CAPABILITIES = {
  /** Plan and run face-to-face trainings: trainings, participants, enrolments, next steps, trainer pages. */
  runTrainings: ['trainer', 'coordinator', 'admin'],
  /** Read learners' self-training records and the follow-up tables. */
  followLearners: ['trainer', 'coordinator', 'admin'],
  /** See every training record nationally, merge duplicate participants, revoke certificates. */
  coordinate: ['coordinator', 'admin'],
  /** Read every account (contact details included). */
  readAllAccounts: ['coordinator', 'admin'],
  /** Create accounts, change roles and scope, reference data, jobs. */
  administer: ['admin'],
  /** Resources, news, files, the home page; drafts and previews; consultation comments. */
  editContent: ['editor', 'admin'],
  /** The self-training modules' texts (and reading their quiz answers). */
  editCurriculum: ['trainer', 'editor', 'coordinator', 'admin'],
  /** Formative supervision: record follow-up visits and read them in their scope (docs/supervision.md). */
  supervise: ['supervisor', 'coordinator', 'admin'],
  /** The support desk: read and answer difficulty reports, assign them, keep internal notes, see its figures. */
  handleSupport: ['coordinator', 'admin'],
  /** Operations: backups, daily security checks, data-protection requests (export, anonymisation). */
  operate: ['admin'],
  /** The indicators dashboard (/rapports/indicateurs, GET /api/indicators): national for `coordinate`, else the reader's own organisation only (docs/indicators.md). */
  readIndicators: ['trainer', 'supervisor', 'caseManager', 'coordinator', 'admin'],
} as const satisfies Record<string, readonly Role[]>

/** A named capability of CAPABILITIES. */
export type Capability = keyof typeof CAPABILITIES

/** True when the person is active and one of their roles carries the capability. */
export function can(user: RoleHolder, capability: Capability): boolean {
  return hasRole(user, ...CAPABILITIES[capability])
}
