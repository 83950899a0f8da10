'use client'
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'

// The files of a monthly report (docs/reports.md), in its edit view and in each row of the history list: the PDF
// and the Word file of that very version, from GET /api/reports/monthly.

function hrefOf(month: string, version: unknown, format: 'pdf' | 'docx'): string {
  const params = new URLSearchParams({ month, format })
  if (typeof version === 'number') params.set('version', String(version))
  return `/api/reports/monthly?${params.toString()}`
}

export function MonthlyReportLinks() {
  const { id } = useDocumentInfo()
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  const month = useFormFields(([fields]) => fields.month?.value)
  const version = useFormFields(([fields]) => fields.version?.value)
  if (!id || typeof month !== 'string') return null
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <p style={{ marginBottom: '.5rem' }}>
        <strong>{t('portal:monthlyReportFiles')}</strong>
      </p>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        <li><a href={hrefOf(month, version, 'pdf')}>{t('portal:monthlyReportPdf')}</a></li>
        <li><a href={hrefOf(month, version, 'docx')}>{t('portal:monthlyReportDocx')}</a></li>
      </ul>
    </div>
  )
}

/** The history list's cell: PDF and Word links of the row's version. */
export function MonthlyReportLinksCell({ rowData }: DefaultCellComponentProps) {
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  const month = rowData.month
  if (typeof month !== 'string') return null
  return (
    <span>
      <a href={hrefOf(month, rowData.version, 'pdf')} aria-label={`${t('portal:monthlyReportPdf')} ${month}`}>PDF</a>
      {' · '}
      <a href={hrefOf(month, rowData.version, 'docx')} aria-label={`${t('portal:monthlyReportDocx')} ${month}`}>Word</a>
    </span>
  )
}
