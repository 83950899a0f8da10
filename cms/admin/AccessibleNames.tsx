'use client'
import { useTranslation } from '@payloadcms/ui'
import { useEffect, type ReactNode } from 'react'

const NAMES = {
  fr: { selectAll: 'Sélectionner toutes les lignes', selectRow: 'Sélectionner cette ligne', previous: 'Page précédente', next: 'Page suivante' },
  en: { selectAll: 'Select all rows', selectRow: 'Select this row', previous: 'Previous page', next: 'Next page' },
}

/**
 * Names Payload's list controls leave without one (axe "label", "button-name"): the row and select-all
 * checkboxes and the pagination arrows. Payload renders them without a way to pass a label, so the names are
 * set on the rendered elements, again whenever the list re-renders.
 */
export function AccessibleNames({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  useEffect(() => {
    const names = NAMES[i18n.language === 'en' ? 'en' : 'fr']
    // An empty aria-label names nothing, nor an aria-labelledby pointing at nothing (it would even hide the
    // aria-label): both are replaced.
    const named = (el: Element) =>
      Boolean(el.getAttribute('aria-label')?.trim()) || (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => id && document.getElementById(id)?.textContent?.trim())
    const name = (selector: string, label: (el: Element) => string) => {
      for (const el of document.querySelectorAll(selector)) {
        if (named(el)) continue
        el.removeAttribute('aria-labelledby')
        el.setAttribute('aria-label', label(el))
      }
    }
    const apply = () => {
      name('#select-all, #select-all input[type="checkbox"]', () => names.selectAll)
      name('table input[type="checkbox"]:not(#select-all)', () => names.selectRow)
      name('button.clickable-arrow', (el) => (el.classList.contains('clickable-arrow--right') ? names.next : names.previous))
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [i18n.language])
  return <>{children}</>
}
