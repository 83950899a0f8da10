// One tap = one mark, kept in the offline queue (site/scripts/offline-queue.ts) and sent at once when the network
// is there: without it, marks wait on the phone — for every day of the training — and are sent when the
// connection returns or any page of the portal is opened again. A second tap on the same participant and day
// replaces the waiting mark. The service worker keeps the attendance pages so they reopen offline.
import { validator, ZAttendanceMarks, type TAttendanceMarks } from '../lib/offline-items.ts'
import { offlineQueue, type TQueueUse } from './offline-queue.ts'

const attendance: TQueueUse<TAttendanceMarks> = {
  kind: 'presence',
  validate: validator(ZAttendanceMarks),
  // Latest tap wins, per day and participant.
  coalesce: { key: (body) => `${body.day}:${body.marks[0]!.enrolment}`, merge: (_waiting, next) => next },
}

const form = document.querySelector<HTMLFormElement>('form[data-attendance]')
const queue = offlineQueue()
if (form && queue) {
  const day = form.dataset.day!
  const url = form.dataset.attendance!
  const texts = form.dataset
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js')
  // Marks still waiting win over what the server rendered: they are newer.
  for (const item of queue.items()) {
    const body = item.body as TAttendanceMarks
    if (item.kind !== attendance.kind || item.url !== url || body.day !== day) continue
    for (const mark of body.marks) {
      const input = form.querySelector<HTMLInputElement>(`input[name="e-${mark.enrolment}"][value="${mark.status}"]`)
      if (input) input.checked = true
    }
  }
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement
    if (input.type !== 'radio') return
    const name = input.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? ''
    const status = input.closest('label')?.textContent?.trim() ?? input.value
    const label = texts.markLabel!.replace('{name}', name).replace('{status}', status)
    const outcome = queue.add(attendance, { url, body: { day, marks: [{ enrolment: input.name.slice(2), status: input.value }] }, label })
    // The form cannot produce an invalid mark; if it ever does, say so rather than keep it.
    if (!outcome.ok) alert(outcome.reason)
  })
  // "Tous présents": everyone not yet marked becomes present, one queued mark each (as if tapped), so that it
  // works offline too; the exceptions are then tapped one by one.
  form.querySelector<HTMLButtonElement>('[data-all-present]')?.addEventListener('click', (event) => {
    event.preventDefault()
    for (const fieldset of form.querySelectorAll('fieldset')) {
      if (fieldset.querySelector('input:checked')) continue
      const present = fieldset.querySelector<HTMLInputElement>('input[value="present"]')
      if (!present) continue
      present.checked = true
      present.dispatchEvent(new Event('change', { bubbles: true }))
    }
  })
}
