import type { CollectionConfig, Config, DocumentTabCondition, GlobalConfig } from 'payload'
import { can, type RoleHolder } from '../rules/roles.ts'
import { withListDefaults } from './list-defaults.ts'

// The back office's own parts, declared once for payload.config.ts: the dashboard, the navigation cut to each
// job, the portal's identity, and what applies to every collection (docs/back-office.md).

/** Components of the admin (paths relative to cms/, resolved by the import map). */
export const adminComponents = {
  Nav: '/admin/PortalNav.tsx#PortalNav',
  afterNavLinks: ['/admin/NavLinks.tsx#NavLinks', '/admin/ListViews.tsx#ListViews', '/admin/OperationsLinks.tsx#OperationsLinks'],
  providers: ['/admin/AccessibleNames.tsx#AccessibleNames'],
  graphics: { Logo: '/admin/graphics.tsx#Logo', Icon: '/admin/graphics.tsx#Icon' },
  views: {
    dashboard: { Component: '/admin/dashboard/Dashboard.tsx#Dashboard' },
    unfinishedSelfTraining: { Component: '/admin/dashboard/UnfinishedSelfTraining.tsx#UnfinishedSelfTraining', path: '/suivi-autoformation' as const, meta: { title: 'Autoformation commencée, non terminée' } },
  },
} satisfies NonNullable<NonNullable<Config['admin']>['components']>

/** The API tab of a document (its raw JSON and REST address) is a tool for administrators, not for daily work. */
export const apiTabForAdministrators: DocumentTabCondition = ({ req }) => can(req.user as RoleHolder, 'administer')

function withAdminApiTab<T extends CollectionConfig | GlobalConfig>(entity: T): T {
  const views = entity.admin?.components?.views
  const edit = (views && 'edit' in views ? views.edit : undefined) ?? {}
  if (edit.api) return entity
  return {
    ...entity,
    admin: { ...entity.admin, components: { ...entity.admin?.components, views: { ...views, edit: { ...edit, api: { tab: { condition: apiTabForAdministrators } } } } } },
  } as T
}

/**
 * What the back office applies to every collection and global, whoever wrote it: the API tab for administrators,
 * and how each list opens (columns, sort, search: cms/admin/list-defaults.ts).
 */
export function portalAdmin(config: Config): Config {
  return {
    ...config,
    collections: config.collections?.map((collection) => withListDefaults(withAdminApiTab(collection))),
    globals: config.globals?.map(withAdminApiTab),
  }
}
