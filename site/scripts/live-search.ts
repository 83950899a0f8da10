// Live search for /recherche: progressive enhancement of the GET form. Without JavaScript the form still
// submits to the server, which renders the same results. Builds DOM nodes (never HTML strings from data).
type Segment = { text: string; mark: boolean }
type Hit = { url: string; formCode: string | null; title: Segment[]; summary: Segment[]; lang: { title?: 'fr'; summary?: 'fr' } }

const input = document.querySelector<HTMLInputElement>('input[data-live]')
const results = document.getElementById('resultats')
if (input && results) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined
  const render = (parent: HTMLElement, segments: Segment[]) => {
    for (const s of segments) parent.append(s.mark ? Object.assign(document.createElement('mark'), { textContent: s.text }) : document.createTextNode(s.text))
  }
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      controller?.abort()
      controller = new AbortController()
      const q = input.value
      const endpoint = `${location.pathname.startsWith('/en/') ? '/en' : ''}/recherche.json?q=${encodeURIComponent(q)}`
      try {
        const answer = (await (await fetch(endpoint, { signal: controller.signal })).json()) as { status: string; hits: Hit[] }
        const status = Object.assign(document.createElement('p'), { textContent: answer.status })
        status.setAttribute('role', 'status')
        const cards = answer.hits.map((hit) => {
          const card = Object.assign(document.createElement('article'), { className: 'card' })
          const heading = Object.assign(document.createElement('h2'), { className: 'card-title' })
          const link = Object.assign(document.createElement('a'), { href: hit.url })
          render(link, hit.title)
          heading.append(link)
          const summary = document.createElement('p')
          render(summary, hit.summary)
          // French text on an English page says so (as the server-rendered cards do).
          if (hit.lang.title) heading.lang = hit.lang.title
          if (hit.lang.summary) summary.lang = hit.lang.summary
          card.append(heading, summary)
          return card
        })
        results.replaceChildren(status, ...cards)
        history.replaceState(null, '', `?q=${encodeURIComponent(q)}`)
      } catch (error) {
        if ((error as Error).name !== 'AbortError') console.error('Recherche indisponible :', error)
      }
    }, 200)
  })
}

export {}
