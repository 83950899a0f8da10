'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import { inMenu } from '../rules/menus.ts'
import type { RoleHolder } from '../rules/roles.ts'
import { LIST_DEFAULTS, listViewsOf } from './list-defaults.ts'

const HEADING = { fr: 'Listes filtrées', en: 'Filtered lists' }

/**
 * The pre-filtered views of the lists in the person's menu (next steps not done, requests not resolved…), as one
 * more group of the menu: Payload has no default filter a person can lift, so the filter is in the link
 * (cms/admin/list-defaults.ts).
 */
export function ListViews() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'fr'
  const views = user ? listViewsOf(Object.keys(LIST_DEFAULTS).filter((slug) => inMenu(user as RoleHolder, slug))) : []
  if (views.length === 0) return null
  return (
    <div className="portal-nav-views">
      <p className="portal-nav-views__label">{HEADING[lang]}</p>
      {views.map((view) => (
        <a key={view.slug} href={view.href} className="nav__link" data-list-view={view.slug}>
          {view.label[lang]}
        </a>
      ))}
    </div>
  )
}
