'use client'
import { useTranslation } from '@payloadcms/ui'
import { useEffect, type ReactNode } from 'react'
import { nameControls } from './accessible-names.ts'

/**
 * Completes the names and roles Payload's widgets leave out (cms/admin/accessible-names.ts) on every page of the
 * admin, again whenever the page changes (a list re-rendered, a form row added, a select box opened). Changes are
 * gathered to one pass per frame.
 */
export function AccessibleNames({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  useEffect(() => {
    const lang = i18n.language === 'en' ? 'en' : 'fr'
    let frame = 0
    const apply = () => {
      frame = 0
      nameControls(document, lang)
    }
    apply()
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(apply)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [i18n.language])
  return <>{children}</>
}
