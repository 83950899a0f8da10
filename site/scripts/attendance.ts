// One tap = one mark, sent at once. Marks that cannot be sent (no network, server unreachable) are kept in
// localStorage — for every day of the training — and sent when the connection returns or any attendance page
// of the training is opened again. Sending a mark twice is harmless: the server keeps one status per day.
type Queue = Record<string /* day */, Record<string /* enrolment */, string /* status */>>
const form = document.querySelector<HTMLFormElement>('form[data-attendance]')
const statusLine = document.getElementById('attendance-status')
const texts = document.getElementById('attendance-texts')?.dataset
if (form && statusLine && texts) {
  const key = `presence:${form.dataset.training}`
  const today = form.dataset.day!
  const read = (): Queue => JSON.parse(localStorage.getItem(key) ?? '{}') as Queue
  const write = (queue: Queue) => localStorage.setItem(key, JSON.stringify(queue))
  const count = () => Object.values(read()).reduce((n, marks) => n + Object.keys(marks).length, 0)
  const show = () => {
    const pending = count()
    statusLine.textContent = pending > 0 ? texts.pending!.replace('{count}', String(pending)) : texts.synced!
  }
  let sending = false
  const flush = async (): Promise<void> => {
    if (sending) return
    sending = true
    try {
      for (const [day, marks] of Object.entries(read())) {
        const sent = Object.entries(marks).map(([enrolment, status]) => ({ enrolment, status }))
        if (sent.length === 0) continue
        const response = await fetch(form.dataset.attendance!, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ day, marks: sent }) })
        if (!response.ok) break
        // Only drop what was sent: a tap made during the request stays queued.
        const queue = read()
        for (const m of sent) if (queue[day]?.[m.enrolment] === m.status) delete queue[day][m.enrolment]
        if (queue[day] && Object.keys(queue[day]).length === 0) delete queue[day]
        write(queue)
      }
    } catch {
      // Offline: the marks stay queued until the `online` event or the next visit.
    } finally {
      sending = false
      show()
    }
    // Taps made while a request was in flight are sent now, if the network is there.
    if (count() > 0 && navigator.onLine) {
      const last = JSON.stringify(read())
      await new Promise((r) => setTimeout(r, 500))
      if (JSON.stringify(read()) === last && count() > 0) return flushLater()
      return flush()
    }
  }
  // After a failure while "online" (server unreachable), try again a little later rather than in a tight loop.
  const flushLater = () => void setTimeout(() => void flush(), 5000)
  // Marks kept from a previous visit win over what the server rendered: they are newer.
  for (const [enrolment, status] of Object.entries(read()[today] ?? {})) {
    const input = form.querySelector<HTMLInputElement>(`input[name="e-${enrolment}"][value="${status}"]`)
    if (input) input.checked = true
  }
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement
    if (input.type !== 'radio') return
    const queue = read()
    queue[today] = { ...queue[today], [input.name.slice(2)]: input.value }
    write(queue)
    show()
    void flush()
  })
  window.addEventListener('online', () => void flush())
  show()
  void flush()
}

export {}
