// Import with a progress bar: the confirmation form of the preview (the file it carries, base64, and the
// importer's choices) goes to the import API, whose JSON-lines stream is read as it comes. Without JavaScript the
// form posts to the page itself, which runs the same all-or-nothing import.
const form = document.querySelector<HTMLFormElement>('form[data-import]')
const texts = document.getElementById('import-texts')?.dataset
const result = document.getElementById('import-result')
if (form && texts && result) {
  const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const bar = form.querySelector('progress')!
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!
    bar.hidden = false
    bar.removeAttribute('value')
    button.disabled = true
    const status = Object.assign(document.createElement('p'), { role: 'status' })
    result.replaceChildren(status)
    try {
      const fields = new FormData(form)
      const bytes = Uint8Array.from(atob(String(fields.get('fichier-donnees') ?? '')), (c) => c.charCodeAt(0))
      const body = new FormData()
      body.append('file', new Blob([bytes]), String(fields.get('fichier-nom') ?? 'participants'))
      // Payload reads a multipart request's other fields from `_payload`: the choices travel there.
      body.append('_payload', JSON.stringify(Object.fromEntries([...fields.entries()].filter(([name, value]) => typeof value === 'string' && !name.startsWith('fichier-')))))
      const response = await fetch(form.dataset.import!, { method: 'POST', body })
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        const lines = buffer.split('\n')
        buffer = lines.pop() ?? ''
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { type: string; done?: number; total?: number; enrolments?: number; created?: number; reused?: number; organisations?: number; errors?: { row: number | null; column: string | null; message: string }[] }
          if (message.type === 'progress') {
            bar.max = message.total!
            bar.value = message.done!
            status.textContent = fill(texts.progress!, { done: message.done!, total: message.total! })
          } else if (message.type === 'done') {
            status.textContent = fill(texts.done!, { enrolments: message.enrolments ?? 0, created: message.created ?? 0, reused: message.reused ?? 0 })
            if (message.organisations) status.textContent += ` ${fill(texts.organisations!, { count: message.organisations })}`
            status.className = 'alert ok'
            // The preview is spent: what remains is the result, and the page's list once reloaded.
            form.remove()
          } else if (message.type === 'errors') {
            status.textContent = texts.failed!
            status.className = 'alert error'
            const list = document.createElement('ul')
            for (const e of message.errors ?? []) {
              const item = document.createElement('li')
              if (e.row !== null) item.append(Object.assign(document.createElement('strong'), { textContent: `${fill(texts.row!, { row: e.row })}${e.column ? ` · ${e.column}` : ''} : ` }))
              item.append(e.message)
              list.append(item)
            }
            result.append(list)
          }
        }
      }
      if (!response.ok && !status.textContent) status.textContent = texts.failed!
    } catch (error) {
      status.textContent = `${texts.failed} (${(error as Error).message})`
    } finally {
      bar.hidden = true
      button.disabled = false
    }
  })
}

export {}
