'use client'
import { useTranslation } from '@payloadcms/ui'
import { useEffect, type ReactNode } from 'react'
import { nameControls } from './accessible-names.ts'

/**
 * Completes the names and roles Payload's widgets leave out (cms/admin/accessible-names.ts) on every page of the
 * admin, again whenever the page changes (a list re-rendered, a form row added, a select box opened). The pass runs
 * in the observer's callback, a microtask right after React's commit: deferring it to the next frame left a window in
 * which a new select box's clear icon sat in the tab order while hidden from screen readers, and a check (or a
 * person's Tab) running in that window met it. One commit is one callback, so this is still one pass per render.
 */
export function AccessibleNames({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  useEffect(() => {
    const lang = i18n.language === 'en' ? 'en' : 'fr'
    const apply = () => nameControls(document, lang)
    apply()
    // The pass only sets attributes, which this observer does not watch: it cannot wake itself.
    const observer = new MutationObserver(apply)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [i18n.language])
  return <>{children}</>
}
