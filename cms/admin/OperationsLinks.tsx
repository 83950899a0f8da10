'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'
import { can, type RoleHolder } from '../rules/roles.ts'

/**
 * "Signaler une difficulté" in the back office's navigation, for every back-office user: the site's form
 * (/aide/signaler) with the admin page the person was on (the session is shared, so they are recognised there);
 * for administrators, the operations pages (security checks, data-protection requests).
 */
export function OperationsLinks() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  const here = typeof window === 'undefined' ? '/admin' : window.location.pathname
  return (
    <div style={{ margin: '1rem 0' }}>
      {can(user as RoleHolder, 'operate') && (
        <>
          <p style={{ fontWeight: 600, marginBottom: '.25rem' }}>{t('portal:operations')}</p>
          <a href="/exploitation/securite" style={{ display: 'block' }}>{t('portal:securityChecks')}</a>
          <a href="/exploitation/donnees-personnelles" style={{ display: 'block' }}>{t('portal:dataProtection')}</a>
        </>
      )}
      <a href={`/aide/signaler?page=${encodeURIComponent(here)}`} style={{ display: 'block', marginTop: '.5rem' }}>{t('portal:reportDifficulty')}</a>
    </div>
  )
}
