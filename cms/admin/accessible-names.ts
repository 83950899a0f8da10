// The names and roles Payload's admin widgets leave out, set on the rendered page (docs/back-office.md,
// "Accessibility"). Payload renders its list checkboxes, pop-up buttons, date pickers and select boxes (react-select)
// without a way to pass a label, so `nameControls` completes the markup after each render: it only adds names and
// fixes roles, never removes a control or changes what a key does. Plain DOM code, with no React, so that it can
// run on any page of the admin (cms/admin/AccessibleNames.tsx calls it after every change of the page).

export const CONTROL_NAMES = {
  fr: {
    selectAll: 'Sélectionner toutes les lignes',
    selectRow: 'Sélectionner cette ligne',
    previous: 'Page précédente',
    next: 'Page suivante',
    moreActions: 'Autres actions',
    rowActions: 'Actions sur cette ligne',
    copyPaste: 'Copier ou coller les lignes',
    clearDate: 'Effacer la date',
    openDocument: 'Ouvrir le document lié',
    editFile: 'Modifier le fichier',
    removeFile: 'Retirer le fichier',
    move: 'Déplacer (glisser, ou Espace puis flèches)',
    format: { bold: 'Gras', italic: 'Italique', underline: 'Souligné', strikethrough: 'Barré', subscript: 'Indice', superscript: 'Exposant', inlineCode: 'Code', link: 'Lien', unorderedList: 'Liste à puces', orderedList: 'Liste numérotée', checklist: 'Liste de cases à cocher', blockquote: 'Citation', upload: 'Fichier', relationship: 'Document lié', horizontalRule: 'Ligne de séparation', indent: 'Augmenter le retrait', outdent: 'Diminuer le retrait' } as Record<string, string>,
    formatting: 'Mise en forme',
  },
  en: {
    selectAll: 'Select all rows',
    selectRow: 'Select this row',
    previous: 'Previous page',
    next: 'Next page',
    moreActions: 'More actions',
    rowActions: 'Actions on this row',
    copyPaste: 'Copy or paste the rows',
    clearDate: 'Clear the date',
    openDocument: 'Open the linked document',
    editFile: 'Edit the file',
    removeFile: 'Remove the file',
    move: 'Move (drag, or Space then arrows)',
    format: { bold: 'Bold', italic: 'Italic', underline: 'Underline', strikethrough: 'Strikethrough', subscript: 'Subscript', superscript: 'Superscript', inlineCode: 'Code', link: 'Link', unorderedList: 'Bulleted list', orderedList: 'Numbered list', checklist: 'Checklist', blockquote: 'Quote', upload: 'File', relationship: 'Linked document', horizontalRule: 'Horizontal rule', indent: 'Increase indent', outdent: 'Decrease indent' } as Record<string, string>,
    formatting: 'Formatting',
  },
} as const

type TNames = (typeof CONTROL_NAMES)['fr' | 'en']

/** Buttons Payload leaves without a name, most specific first: the first selector an unnamed button matches names it. */
const BUTTONS: readonly [selector: string, name: (names: TNames, el: Element) => string][] = [
  ['button.clickable-arrow', (n, el) => (el.classList.contains('clickable-arrow--right') ? n.next : n.previous)],
  ['.date-time-picker__clear-button', (n) => n.clearDate],
  ['.drawer-link__doc-drawer-toggler', (n) => n.openDocument],
  ['.upload-relationship-details__edit', (n) => n.editFile],
  ['.upload-relationship-details__remove', (n) => n.removeFile],
  ['.collapsible__drag[role="button"]', (n) => n.move],
  // The rich-text editor's toolbar: each button says what it applies, by its key.
  ['.toolbar-popup__button[data-button-key]', (n, el) => n.format[el.getAttribute('data-button-key') ?? ''] ?? n.formatting],
  ['.array-actions__button', (n) => n.rowActions],
  ['.clipboard-action__popup .popup-button', (n) => n.copyPaste],
  ['.popup-button', (n) => n.moreActions],
]

/** Inputs whose field label Payload does not tie to them: react-select, the date picker, the rich-text editor. */
const UNLABELLED_INPUTS = '.rs__input, .react-datepicker__input-container input, .ContentEditable__root[role="textbox"]'

let labelCount = 0

/** True when the element already has a name a screen reader reads (an empty one, or one pointing at nothing, is none). */
function named(el: Element): boolean {
  if (el.getAttribute('aria-label')?.trim()) return true
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
  return ids.some((id) => el.ownerDocument.getElementById(id)?.textContent?.trim())
}

/** The label of the field an input belongs to: the nearest field wrapper's `label[for]`, or its field label. */
function fieldLabelOf(el: Element): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.id.startsWith('field-')) {
      const label = node.ownerDocument.querySelector<HTMLElement>(`label[for="${CSS.escape(node.id)}"]`)
      if (label?.textContent?.trim()) return label
    }
    if (node.classList.contains('field-type')) {
      const label = node.querySelector<HTMLElement>('.field-label')
      if (label?.textContent?.trim()) return label
    }
  }
  return null
}

/** Names and roles completed on the page (idempotent: a control already named is left as it is). */
export function nameControls(doc: Document, lang: 'fr' | 'en'): void {
  const names = CONTROL_NAMES[lang]
  const label = (el: Element, name: string) => {
    // An aria-labelledby pointing at nothing would hide the aria-label: it is replaced.
    el.removeAttribute('aria-labelledby')
    el.setAttribute('aria-label', name)
  }
  // Lists: the select-all box (its aria-labelledby points at nothing) and the row checkboxes.
  for (const el of doc.querySelectorAll('#select-all, #select-all input[type="checkbox"]')) if (!named(el)) label(el, names.selectAll)
  for (const el of doc.querySelectorAll('table input[type="checkbox"]:not(#select-all)')) if (!named(el)) label(el, names.selectRow)
  // Buttons with an icon only.
  for (const el of doc.querySelectorAll('button, [role="button"]')) {
    if (named(el) || el.textContent?.trim() || el.getAttribute('title')?.trim()) continue
    const match = BUTTONS.find(([selector]) => el.matches(selector))
    if (match) label(el, match[1](names, el))
  }
  // Inputs named by their field's visible label (the label gets an id to point at).
  for (const el of doc.querySelectorAll(UNLABELLED_INPUTS)) {
    if (named(el) || (el.id && doc.querySelector(`label[for="${CSS.escape(el.id)}"]`))) continue
    const fieldLabel = fieldLabelOf(el)
    if (!fieldLabel) continue
    if (!fieldLabel.id) fieldLabel.id = `portal-field-label-${++labelCount}`
    el.setAttribute('aria-labelledby', fieldLabel.id)
  }
  // react-select's clear and open icons are hidden from screen readers yet reachable by Tab: they leave the tab
  // order (the select box itself opens with the arrow keys and clears with Backspace).
  for (const el of doc.querySelectorAll('.rs__indicators [aria-hidden="true"]')) el.setAttribute('tabindex', '-1')
  // A sortable chosen value is a button holding its own remove button: it becomes a group (still focusable and
  // sortable from the keyboard), and its remove button stays the one control inside.
  for (const el of doc.querySelectorAll('.rs__multi-value[role="button"]')) el.setAttribute('role', 'group')
  // The document's tabs: the current tab is rendered outside any list item; a tab whose label also shows a count
  // is named by its visible text.
  for (const el of doc.querySelectorAll('ul.doc-tabs__tabs > :not(li)')) el.setAttribute('role', 'listitem')
  for (const el of doc.querySelectorAll('a.doc-tab[aria-label]')) {
    const text = el.textContent?.replace(/\s+/g, ' ').trim()
    if (text && text !== el.getAttribute('aria-label')) el.setAttribute('aria-label', text)
  }
}
