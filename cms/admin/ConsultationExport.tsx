'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'

/** Links to the consolidated comment table of this document's consultation (CSV and XLSX). */
export function ConsultationExport() {
  const { id } = useDocumentInfo()
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  if (!id) return null
  const base = `/api/consultation-comments/export?resource=${encodeURIComponent(String(id))}`
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <p style={{ marginBottom: '.5rem' }}>
        <strong>{t('portal:consultationExportTitle')}</strong>
      </p>
      <a href={`${base}&format=csv`}>{t('portal:exportCsv')}</a>
      {' · '}
      <a href={`${base}&format=xlsx`}>{t('portal:exportXlsx')}</a>
      <p style={{ opacity: 0.7, marginTop: '.5rem' }}>{t('portal:exportAudited')}</p>
    </div>
  )
}
