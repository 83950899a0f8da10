'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { linksIn } from '../email/links.ts'
import type { AdminTranslationKey, AdminTranslations } from './translations.ts'

/** The links of an outbox message as links an administrator can open (the text field shows them as plain text). */
export function MessageLinks() {
  const text = useFormFields(([fields]) => fields.text?.value)
  const { t } = useTranslation<AdminTranslations, AdminTranslationKey>()
  const links = typeof text === 'string' ? linksIn(text) : []
  if (links.length === 0) return null
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <p style={{ marginBottom: '.5rem' }}>
        <strong>{t('portal:messageLinks')}</strong>
      </p>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {links.map((link) => (
          <li key={link}>
            <a href={link} target="_blank" rel="noopener noreferrer" data-message-link>
              {link}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
