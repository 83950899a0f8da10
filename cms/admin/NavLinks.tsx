'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'
import { portalPagesFor } from '../rules/menus.ts'
import type { RoleHolder } from '../rules/roles.ts'

/** The portal's pages of the person's roles (attendance, statistics, follow-up) as one more group of the menu. */
export function NavLinks() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { t, i18n } = useTranslation<AdminTranslations, AdminTranslationKey>()
  const pages = portalPagesFor(user as RoleHolder)
  if (pages.length === 0) return null
  return (
    <div className="portal-nav-pages">
      <p className="portal-nav-pages__label">{t('portal:followUp')}</p>
      {pages.map((page) => (
        <a key={page.path} href={page.path} className="nav__link">
          {page.label[i18n.language === 'en' ? 'en' : 'fr']}
        </a>
      ))}
    </div>
  )
}
