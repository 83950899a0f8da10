// One tap = one mark, sent at once. Marks that cannot be sent (no network, server unreachable) are kept in
// localStorage and sent again when the connection returns or the page is opened again. Sending a mark twice is
// harmless: the server keeps one status per participant and day.
type Mark = { enrolment: string; status: string }
const form = document.querySelector<HTMLFormElement>('form[data-attendance]')
const statusLine = document.getElementById('attendance-status')
const texts = document.getElementById('attendance-texts')?.dataset
if (form && statusLine && texts) {
  const key = `presence:${form.dataset.training}:${form.dataset.day}`
  const pending = (): Record<string, string> => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, string>
  const show = () => {
    const count = Object.keys(pending()).length
    statusLine.textContent = count > 0 ? texts.pending!.replace('{count}', String(count)) : texts.synced!
  }
  let sending = false
  const flush = async () => {
    const queue = pending()
    const marks: Mark[] = Object.entries(queue).map(([enrolment, status]) => ({ enrolment, status }))
    if (marks.length === 0 || sending) return show()
    sending = true
    try {
      const response = await fetch(form.dataset.attendance!, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ day: form.dataset.day, marks }) })
      if (response.ok) {
        // Only drop what was sent: a tap made during the request stays queued.
        const now = pending()
        for (const m of marks) if (now[m.enrolment] === m.status) delete now[m.enrolment]
        localStorage.setItem(key, JSON.stringify(now))
      }
    } catch {
      // Offline: the marks stay queued until the `online` event or the next visit.
    } finally {
      sending = false
      show()
    }
  }
  // Marks kept from a previous visit win over what the server rendered: they are newer.
  for (const [enrolment, status] of Object.entries(pending())) {
    const input = form.querySelector<HTMLInputElement>(`input[name="e-${enrolment}"][value="${status}"]`)
    if (input) input.checked = true
  }
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement
    if (input.type !== 'radio') return
    localStorage.setItem(key, JSON.stringify({ ...pending(), [input.name.slice(2)]: input.value }))
    void flush()
  })
  window.addEventListener('online', () => void flush())
  void flush()
}

export {}
