// The visit form with JavaScript: the visit is checked with the server's schema, kept in the offline queue and sent
// when the network is there (site/scripts/offline-queue.ts); the page says how many visits wait. Without JavaScript
// the form posts as usual.
import { validator, visitFromForm, ZVisit, type TVisit } from '../lib/offline-items.ts'
import { offlineQueue, type TQueueUse } from './offline-queue.ts'

const visitUse: TQueueUse<TVisit> = { kind: 'visite', validate: validator(ZVisit) }

const form = document.querySelector<HTMLFormElement>('form[data-visit-form]')
const queue = offlineQueue()
if (form && queue) {
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const fields = new FormData(form)
    const entries = [...fields.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')
    const body = visitFromForm(entries)
    const select = form.querySelector<HTMLSelectElement>('select[name="person"]')
    const name = select?.selectedOptions[0]?.textContent?.split('·')[0]?.trim() ?? ''
    const label = form.dataset.label!.replace('{name}', name).replace('{date}', String(fields.get('date') ?? ''))
    // The queue gives the item its own key, kept across retries: a visit sent twice is stored once.
    const outcome = queue.add(visitUse, { url: form.dataset.visitForm!, body, label })
    const errors = document.querySelector<HTMLElement>('[data-errors]') ?? document.createElement('div')
    if (!outcome.ok) {
      errors.className = 'alert error'
      errors.dataset.errors = ''
      errors.setAttribute('role', 'alert')
      errors.textContent = outcome.reason
      form.before(errors)
      return
    }
    errors.remove()
    const queued = document.querySelector<HTMLElement>('[data-queued]')
    if (queued) queued.hidden = false
    // A new visit starts from an empty form for the next person; a changed visit stays as sent.
    if (!outcome.value.visit) form.reset()
    window.scrollTo(0, 0)
  })
}
