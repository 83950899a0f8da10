import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { CpimsMapping } from '../globals/CpimsMapping.ts'
import { Home } from '../globals/Home.ts'
import { Letterhead } from '../globals/Letterhead.ts'
import { SandboxSettings } from '../collections/Sandbox/index.ts'
import { SupportScreenshots } from '../collections/SupportRequests/index.ts'
import { inMenu, MENU_AUDIENCE } from '../rules/menus.ts'
import { ROLES } from '../rules/roles.ts'
import { LIST_DEFAULTS, listViewsOf, withListDefaults } from './list-defaults.ts'

// Globals have a form, not a list; Payload's own jobs list keeps Payload's settings; screenshots have no list
// (hidden, opened from their request).
const NOT_LISTS = new Set([Home.slug, Letterhead.slug, CpimsMapping.slug, SandboxSettings.slug, 'payload-jobs', SupportScreenshots.slug])

describe('list defaults', () => {
  it.each(ROLES)('covers every list in the menu of a %s', (role) => {
    const lists = Object.keys(MENU_AUDIENCE).filter((slug) => !NOT_LISTS.has(slug) && inMenu({ roles: [role] }, slug))
    expect(lists.filter((slug) => !LIST_DEFAULTS[slug])).toEqual([])
  })

  it('sorts next steps by deadline (the overdue first) and shows the support requests urgent first', () => {
    expect(LIST_DEFAULTS['action-items']!.sort).toBe('deadline')
    expect(LIST_DEFAULTS['support-requests']!.sort).toBe('-urgency')
    expect(LIST_DEFAULTS.trainings!.sort).toBe('-startDate')
  })

  it('applies columns, sort and search to a collection, and leaves a collection it does not list alone', () => {
    const trainings = withListDefaults({ slug: 'trainings', admin: { useAsTitle: 'title', group: 'x' }, fields: [] })
    expect(trainings.defaultSort).toBe('-startDate')
    expect(trainings.admin).toMatchObject({ useAsTitle: 'title', group: 'x', defaultColumns: ['title', 'kind', 'startDate', 'region', 'status'], listSearchableFields: ['venue'] })
    const other: CollectionConfig = { slug: 'rate-limits', fields: [] }
    expect(withListDefaults(other)).toBe(other)
  })

  it('offers the pre-filtered views of the lists asked for, as links the filter bar reads', () => {
    const views = listViewsOf(['action-items', 'support-requests', 'news'])
    expect(views.map((v) => v.slug)).toEqual(['action-items', 'support-requests'])
    expect(views[0]!.label.fr).toBe('Suites à donner non réalisées')
    expect(decodeURIComponent(views[0]!.href)).toBe('/admin/collections/action-items?where[or][0][and][0][status][in][0]=toDo&where[or][0][and][0][status][in][1]=inProgress&sort=deadline')
    expect(decodeURIComponent(views[1]!.href)).toBe('/admin/collections/support-requests?where[or][0][and][0][status][not_equals]=resolved&sort=-urgency')
    expect(listViewsOf(['modules'])).toEqual([])
  })
})
