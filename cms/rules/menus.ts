import { can, type Capability, type RoleHolder } from './roles.ts'
import type { Label } from './toolkit.ts'

// The back office's menu cut to each person's job. Hiding an entry is not a refusal: what a person may read or
// write is decided by the access rules alone (docs/access.md); a list they may read stays reachable by its address
// and by the dashboard's links, it is just not in their menu.

/**
 * Which capabilities put a collection (or global) in the menu. A slug not listed here keeps Payload's own rule
 * (shown to whoever may read it): a new capability adds its collections here, one line each.
 */
export const MENU_AUDIENCE: Record<string, readonly Capability[]> = {
  resources: ['editContent'],
  news: ['editContent'],
  media: ['editContent'],
  'consultation-comments': ['editContent'],
  home: ['editContent'],
  modules: ['editCurriculum'],
  videos: ['editContent'],
  'module-progress': ['coordinate'],
  'quiz-attempts': ['coordinate'],
  certificates: ['coordinate'],
  trainings: ['runTrainings'],
  participants: ['runTrainings'],
  enrolments: ['coordinate'],
  'action-items': ['runTrainings'],
  users: ['readAllAccounts'],
  regions: ['administer'],
  cercles: ['administer'],
  organisations: ['administer'],
  'audit-log': ['administer'],
  outbox: ['administer'],
  'payload-jobs': ['administer'],
  competencies: ['coordinate'],
  'supervision-visits': ['supervise'],
  meetings: ['coordinate'],
  'capacity-plan-items': ['coordinate'],
  // Photos are added from the training's form; the list itself is for administrators.
  'report-images': ['administer'],
  letterhead: ['coordinate'],
  'support-requests': ['handleSupport'],
  // Screenshots open from their request; the list itself is for administrators.
  'support-screenshots': ['administer'],
  faq: ['editContent'],
  'dhis2-mappings': ['coordinate'],
  'dhis2-sends': ['coordinate'],
  'case-aggregates': ['coordinate'],
  'cpims-mapping': ['coordinate'],
  'sandbox-settings': ['coordinate'],
  'monthly-reports': ['coordinate'],
  'indicator-snapshots': ['coordinate'],
}

/** True when the collection or global belongs in this person's menu. */
export function inMenu(user: RoleHolder, slug: string): boolean {
  const audience = MENU_AUDIENCE[slug]
  return !audience || audience.some((capability) => can(user, capability))
}

/** A page of the portal (outside the back office) that a role works with, listed in the menu and the dashboard. */
export type TPortalPage = { path: string; label: Label; capability: Capability }

/** The portal's staff pages, in menu order. */
export const PORTAL_PAGES: readonly TPortalPage[] = [
  { path: '/presentiel', label: { fr: 'Présence et notes (page mobile)', en: 'Attendance and scores (mobile page)' }, capability: 'runTrainings' },
  { path: '/presentiel/statistiques', label: { fr: 'Statistiques des formations', en: 'Training statistics' }, capability: 'runTrainings' },
  { path: '/formation/suivi', label: { fr: 'Suivi de l’autoformation', en: 'Self-training follow-up' }, capability: 'followLearners' },
  { path: '/suivi-formatif', label: { fr: 'Suivi formatif (visites)', en: 'Formative supervision (visits)' }, capability: 'supervise' },
  { path: '/reunions', label: { fr: 'Cadre commun : réunions et plan', en: 'Common framework: meetings and plan' }, capability: 'coordinate' },
  { path: '/bac-a-sable', label: { fr: 'Bac à sable CPIMS+', en: 'CPIMS+ sandbox' }, capability: 'runTrainings' },
  { path: '/rapports/cpims', label: { fr: 'Agrégats de cas CPIMS+', en: 'CPIMS+ case aggregates' }, capability: 'coordinate' },
  { path: '/rapports/dhis2', label: { fr: 'Indicateurs vers DHIS2', en: 'Indicators to DHIS2' }, capability: 'coordinate' },
  { path: '/rapports/indicateurs', label: { fr: 'Tableau de bord des indicateurs', en: 'Indicators dashboard' }, capability: 'readIndicators' },
]

/** The portal pages of this person's roles. */
export function portalPagesFor(user: RoleHolder): TPortalPage[] {
  return PORTAL_PAGES.filter((page) => can(user, page.capability))
}
