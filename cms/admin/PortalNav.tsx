import { DefaultNav } from '@payloadcms/next/rsc'
import type { ServerProps, PayloadRequest } from 'payload'
import { inMenu } from '../rules/menus.ts'
import type { RoleHolder } from '../rules/roles.ts'

/**
 * Payload's navigation with only the entries of the person's job (cms/rules/menus.ts). The other lists they may
 * read stay reachable by address and from the dashboard: only the menu is cut, never a right.
 */
export function PortalNav(props: ServerProps & { req?: PayloadRequest }) {
  const user = (props.req?.user ?? props.user) as RoleHolder
  const visible = props.visibleEntities ?? { collections: [], globals: [] }
  const visibleEntities = {
    collections: visible.collections.filter((slug) => inMenu(user, slug)),
    globals: visible.globals.filter((slug) => inMenu(user, slug)),
  }
  return <DefaultNav {...props} visibleEntities={visibleEntities} />
}
