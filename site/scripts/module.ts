// Module page enhancements: playback speed, chapter seeking, resume, progress saving (queued while offline),
// "keep offline" (service worker + Cache API), and quiz answers kept while offline. Everything here is optional:
// without JavaScript the video, captions, chapters (?debut=), transcript and quiz form all work.
const video = document.querySelector<HTMLVideoElement>('video[data-module]')
const texts = document.getElementById('learning-texts')?.dataset
if (video && texts) {
  const slug = video.dataset.module!
  const progressUrl = video.dataset.progress
  const positionKey = `position:${slug}`
  const queueKey = 'progress-queue'

  // Speed buttons.
  const speeds = document.querySelector<HTMLElement>('.speeds')
  if (speeds) {
    speeds.hidden = false
    speeds.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-rate]')
      if (!button) return
      video.playbackRate = Number(button.dataset.rate)
      for (const b of speeds.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button))
    })
  }

  // Chapters: seek in place instead of reloading the page.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-seek]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault()
      video.currentTime = Number(link.dataset.seek)
      void video.play()
      video.focus()
    })
  }

  // Resume where the learner stopped: this browser's position, else the server's (other device).
  const resume = Math.max(Number(localStorage.getItem(positionKey) ?? 0), Number(video.dataset.resume ?? 0))
  let resumed = Number(video.dataset.start ?? 0) > 0
  video.addEventListener('play', () => {
    if (!resumed && resume > 5 && video.currentTime < 1 && resume < (video.duration || Infinity) - 5) video.currentTime = resume
    resumed = true
  })

  // Progress: the furthest position is what counts, so a queue keeps only the maximum per module.
  const send = async () => {
    const queue = JSON.parse(localStorage.getItem(queueKey) ?? '{}') as Record<string, { url: string; position: number }>
    for (const [key, item] of Object.entries(queue)) {
      try {
        const response = await fetch(item.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ position: item.position }) })
        if (response.ok || response.status === 400 || response.status === 404) {
          const now = JSON.parse(localStorage.getItem(queueKey) ?? '{}') as Record<string, { url: string; position: number }>
          if (now[key]?.position === item.position) delete now[key]
          localStorage.setItem(queueKey, JSON.stringify(now))
        }
      } catch {
        return // offline: retried on the `online` event
      }
    }
  }
  let lastSaved = 0
  const save = (force: boolean) => {
    const position = video.currentTime
    localStorage.setItem(positionKey, String(position))
    if (!progressUrl || (!force && Math.abs(position - lastSaved) < 15)) return
    lastSaved = position
    const queue = JSON.parse(localStorage.getItem(queueKey) ?? '{}') as Record<string, { url: string; position: number }>
    queue[slug] = { url: progressUrl, position: Math.max(position, queue[slug]?.position ?? 0) }
    localStorage.setItem(queueKey, JSON.stringify(queue))
    void send()
  }
  video.addEventListener('timeupdate', () => save(false))
  for (const event of ['pause', 'seeked', 'ended']) video.addEventListener(event, () => save(true))
  window.addEventListener('online', () => void send())
  void send()

  // Keep offline: the service worker serves cached pages and the cached small rendition without a network.
  const keep = document.querySelector<HTMLButtonElement>('button[data-keep-offline]')
  const status = document.getElementById('offline-status')
  if ('serviceWorker' in navigator && 'caches' in window && keep && status) {
    void navigator.serviceWorker.register('/sw.js')
    keep.hidden = false
    keep.addEventListener('click', async () => {
      try {
        await navigator.serviceWorker.ready
        const pages = await caches.open('portail-pages-v1')
        await pages.add(location.pathname)
        const videos = await caches.open('portail-videos-v1')
        await videos.addAll([keep.dataset.keepOffline!, `/formation/media/${slug}/captions.fr.vtt`, `/formation/media/${slug}/poster.jpg`])
        status.textContent = texts.kept!
      } catch (error) {
        status.textContent = texts.failed!.replace('{reason}', (error as Error).message)
      }
    })
  }

  // Quiz while offline: answers are kept and sent when the connection returns (the attempt id avoids duplicates).
  const quiz = document.querySelector<HTMLFormElement>('form[data-quiz]')
  const quizStatus = document.getElementById('quiz-offline')
  const quizKey = 'quiz-queue'
  const flushQuiz = async () => {
    const queue = JSON.parse(localStorage.getItem(quizKey) ?? '[]') as { url: string; attemptId: string; answers: Record<string, string[]> }[]
    const left = []
    for (const item of queue) {
      try {
        const response = await fetch(item.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ attemptId: item.attemptId, answers: item.answers }) })
        if (response.status >= 500) left.push(item)
      } catch {
        left.push(item)
      }
    }
    localStorage.setItem(quizKey, JSON.stringify(left))
    if (left.length === 0 && queue.length > 0) location.reload()
  }
  if (quiz && quizStatus) {
    quiz.addEventListener('submit', (event) => {
      if (navigator.onLine) return
      event.preventDefault()
      const data = new FormData(quiz)
      const answers: Record<string, string[]> = {}
      for (const [key, value] of data.entries()) if (key.startsWith('q-')) (answers[key.slice(2)] ??= []).push(String(value))
      const queue = JSON.parse(localStorage.getItem(quizKey) ?? '[]') as unknown[]
      queue.push({ url: quiz.dataset.quiz, attemptId: String(data.get('tentative')), answers })
      localStorage.setItem(quizKey, JSON.stringify(queue))
      quizStatus.textContent = texts.quizOffline!
    })
    window.addEventListener('online', () => void flushQuiz())
    if (navigator.onLine) void flushQuiz()
  }
}

export {}
