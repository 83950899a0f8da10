'use client'
import { useTranslation } from '@payloadcms/ui'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'

/**
 * "Signaler une difficulté" in the back office's navigation, for every back-office user: the site's form
 * (/aide/signaler) with the admin page the person was on; the session is shared, so they are recognised there.
 */
export function SupportLink() {
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  const here = typeof window === 'undefined' ? '/admin' : window.location.pathname
  return (
    <p style={{ margin: '1rem 0' }}>
      <a href={`/aide/signaler?page=${encodeURIComponent(here)}`}>{t('portal:reportDifficulty')}</a>
    </p>
  )
}
