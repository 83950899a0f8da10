'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'

/** Links from a training in the back office to its report, attendance sheet, phone attendance and import pages. */
export function TrainingLinks() {
  const { id } = useDocumentInfo()
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  if (!id) return null
  const api = `/api/trainings/${encodeURIComponent(String(id))}`
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <p style={{ marginBottom: '.5rem' }}>
        <strong>{t('portal:trainingDocuments')}</strong>
      </p>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        <li><a href={`${api}/report?format=pdf`}>{t('portal:reportPdf')}</a></li>
        <li><a href={`${api}/report?format=docx`}>{t('portal:reportDocx')}</a></li>
        <li><a href={`${api}/attendance-sheet`}>{t('portal:attendanceSheet')}</a></li>
        <li><a href={`/presentiel/${encodeURIComponent(String(id))}`}>{t('portal:trainingDashboard')}</a></li>
      </ul>
    </div>
  )
}
