// Module page enhancements: playback speed, chapter seeking, resume, progress saving (queued while offline),
// "keep offline" (service worker + Cache API), and quiz answers kept while offline. Everything here is optional:
// without JavaScript the video, captions, chapters (?debut=), transcript and quiz form all work.
import { validator, ZPosition, ZQuizSubmission, type TPosition, type TQuizSubmission } from '../lib/offline-items.ts'
import { offlineQueue, type TQueueUse } from './offline-queue.ts'

const progress: TQueueUse<TPosition> = {
  kind: 'progression',
  validate: validator(ZPosition),
  // One waiting item per module (its URL names it): the furthest position is what counts.
  coalesce: { key: (_body, url) => url, merge: (waiting, next) => ({ position: Math.max(waiting.position, next.position) }) },
}
const quizAttempt: TQueueUse<TQuizSubmission> = { kind: 'quiz', validate: validator(ZQuizSubmission) }

const video = document.querySelector<HTMLVideoElement>('video[data-module]')
const texts = document.getElementById('learning-texts')?.dataset
if (video && texts) {
  const slug = video.dataset.module!
  const progressUrl = video.dataset.progress
  const positionKey = `position:${slug}`
  const queue = offlineQueue()

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

  // Captions under the picture: the slides carry text down to their bottom edge, which captions drawn over the
  // video would hide. The track stays available to the player (and is drawn over the picture in full screen, where
  // there is no room below); without JavaScript the browser draws it as usual.
  const track = video.textTracks[0]
  const below = document.getElementById('captions-below')
  if (track && below) {
    const place = () => {
      track.mode = document.fullscreenElement ? 'showing' : 'hidden'
      below.hidden = Boolean(document.fullscreenElement)
    }
    track.addEventListener('cuechange', () => {
      below.textContent = Array.from(track.activeCues ?? [], (cue) => (cue as VTTCue).text).join('\n')
    })
    document.addEventListener('fullscreenchange', place)
    place()
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

  // Progress: sent through the offline queue; while it waits, only the furthest position per module is kept.
  let lastSaved = 0
  const save = (force: boolean) => {
    const position = video.currentTime
    localStorage.setItem(positionKey, String(position))
    if (!progressUrl || !queue || (!force && Math.abs(position - lastSaved) < 15)) return
    lastSaved = position
    queue.add(progress, { url: progressUrl, body: { position }, label: texts.progressLabel! })
  }
  video.addEventListener('timeupdate', () => save(false))
  for (const event of ['pause', 'seeked', 'ended']) video.addEventListener(event, () => save(true))

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

  // Quiz while offline: the attempt is kept in the queue (its attempt id is its idempotency key) and sent when
  // the connection returns; the page then reloads to show the score the server gave.
  const quiz = document.querySelector<HTMLFormElement>('form[data-quiz]')
  const quizStatus = document.getElementById('quiz-offline')
  if (quiz && quizStatus && queue) {
    quiz.addEventListener('submit', (event) => {
      if (navigator.onLine) return
      event.preventDefault()
      const data = new FormData(quiz)
      const answers: Record<string, string[]> = {}
      for (const [key, value] of data.entries()) if (key.startsWith('q-')) (answers[key.slice(2)] ??= []).push(String(value))
      const attemptId = String(data.get('tentative'))
      const outcome = queue.add(quizAttempt, { url: quiz.dataset.quiz!, body: { attemptId, answers }, label: texts.quizLabel!, id: attemptId })
      quizStatus.textContent = outcome.ok ? texts.quizOffline! : outcome.reason
    })
    queue.onSent(quizAttempt.kind, (item) => {
      if (item.url === quiz.dataset.quiz) location.reload()
    })
  }
}
