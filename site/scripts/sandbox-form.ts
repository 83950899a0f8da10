import { checkFormValues, isShown, looksLikePhone, valuesFromEntries, type TFormDefinition } from '../../cms/rules/sandbox-forms.ts'
import type { TSandboxFormSave } from '../lib/offline-items.ts'
import { sandboxSaveValidator } from '../lib/sandbox-save.ts'
import { offlineQueue, type TQueueUse } from './offline-queue.ts'

// The sandbox form page's script (the page works without it): hides the fields whose show-if condition does not
// hold, warns as soon as free text looks like a phone number (the sandbox takes fictitious data only), and checks
// the values with the server's own code before sending, showing the French message under each field. A form of
// an existing case is then kept in the offline queue and sent from there (at once, or when the training room's
// connection is back), once: the page says it waits, and opens the case when it has been stored.

const form = document.querySelector<HTMLFormElement>('form[data-sandbox-form]')
const source = document.getElementById('form-definition')
if (form && source) {
  // Written by the server from a definition it checked at start (cms/sandbox/forms.ts).
  const definition = JSON.parse(source.textContent ?? '{}') as TFormDefinition
  const entries = () => [...new FormData(form).entries()].map(([k, v]) => [k, String(v)] as [string, string])

  const refresh = () => {
    const values = valuesFromEntries(definition, entries())
    for (const element of form.querySelectorAll<HTMLElement>('[data-show-if]')) {
      const name = element.dataset['field'] ?? ''
      const parts = name.split('.')
      // A subform cell's condition reads its own row.
      const scope = parts.length === 3 ? ((values[parts[0]!] as Record<string, unknown>[] | undefined)?.[Number(parts[1])] ?? {}) : values
      element.hidden = !isShown({ showIf: JSON.parse(element.dataset['showIf'] ?? 'null') ?? undefined }, scope)
    }
  }
  const show = (errors: { path: string; message: string }[]) => {
    for (const slot of form.querySelectorAll<HTMLElement>('[data-error-for]')) slot.textContent = errors.find((e) => e.path === slot.dataset['errorFor'])?.message ?? ''
  }

  form.addEventListener('change', refresh)
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement
    if (!target.matches('[data-free-text]')) return
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(target.name)}"]`)
    if (slot) slot.textContent = looksLikePhone(target.value) ? 'Ce texte ressemble à un numéro de téléphone : le bac à sable n’accepte que des données fictives.' : ''
  })
  const queue = offlineQueue()
  const { queueUrl: url, queueActor: actor, queueLabel: label, queueDone: done } = form.dataset
  const use: TQueueUse<TSandboxFormSave> = { kind: 'fiche-bac-a-sable', validate: sandboxSaveValidator(definition) }
  let submitted = false
  // Once this page's save is stored, the case shows it (a save from an earlier visit sent now leaves the page be).
  queue?.onSent(use.kind, (item) => {
    if (submitted && item.url === url && done) location.assign(done)
  })
  form.addEventListener('submit', (event) => {
    const result = checkFormValues(definition, valuesFromEntries(definition, entries()))
    show(result.ok ? [] : result.errors)
    if (!result.ok) {
      event.preventDefault()
      form.querySelector<HTMLElement>('[aria-invalid="true"], .error:not(:empty)')?.scrollIntoView({ block: 'center' })
      return
    }
    if (!queue || !url || !actor || !label) return // a plain post: registration, reopening, or nobody signed in
    event.preventDefault()
    submitted = true
    const outcome = queue.add(use, { url, label, body: { form: definition.code, actor, values: result.values } })
    const status = document.querySelector<HTMLElement>('[data-queued]')
    if (status) {
      // Refused before it is kept (a page older than the form's definition): the reason replaces the waiting note.
      if (!outcome.ok) status.textContent = outcome.reason
      status.hidden = false
    }
    window.scrollTo(0, 0)
  })
  refresh()
}
