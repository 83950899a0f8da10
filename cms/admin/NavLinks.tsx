'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'
import { can, type RoleHolder } from '../rules/roles.ts'

/** Links from the back office's navigation to the portal's follow-up pages (trainings, statistics, self-training). */
export function NavLinks() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  if (!can(user as RoleHolder, 'runTrainings')) return null
  return (
    <div style={{ margin: '1rem 0' }}>
      <p style={{ fontWeight: 600, marginBottom: '.25rem' }}>{t('portal:followUp')}</p>
      <a href="/presentiel" style={{ display: 'block' }}>{t('portal:myTrainings')}</a>
      <a href="/presentiel/statistiques" style={{ display: 'block' }}>{t('portal:trainingStatistics')}</a>
      <a href="/formation/suivi" style={{ display: 'block' }}>{t('portal:selfTrainingFollowUp')}</a>
    </div>
  )
}
