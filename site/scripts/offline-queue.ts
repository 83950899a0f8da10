// "Keep what was done while offline and send it once" — one queue for every page that writes from the field
// (attendance marks, video progress, quiz attempts; supervision visits next). How a page uses it:
//
//   const queue = offlineQueue()                      // null when nobody is signed in
//   const outcome = queue?.add(use, { url, body, label })
//   if (outcome && !outcome.ok) show(outcome.reason)  // refused before it is kept: fix the form, nothing is queued
//
// where `use` is { kind, validate, coalesce? } (see TQueueUse). Items are kept in localStorage per signed-in person
// (`file-attente:<user id>`), so a reload, a closed tab or a sign-out loses nothing; they are sent when that person
// is signed in again, on page load, on the `online` event and after a failed attempt (growing delays). Each item
// carries its own idempotency key (`Idempotency-Key` header): a copy sent again after a lost answer is applied
// once by the server (409 counts as sent). An item the server refuses (another 4xx) stays, marked failed with the
// server's French reason, until the person dismisses it. Pages show the count with the OfflineQueue component;
// the layout loads this module on every signed-in page, so what waits is sent wherever the person goes next.

import type { TValidation } from '../lib/offline-items.ts'

/** One use of the queue: what its items are, how they are checked, and which of them replace each other. */
export type TQueueUse<T> = {
  /** Short name of the use, stored with each item ("presence", "progression", "quiz", "visite"…). */
  kind: string
  /** The same pure check as the server's: an item it refuses is never queued. */
  validate: (body: unknown) => TValidation<T>
  /** Items with the same key replace each other while they wait; `merge` makes one of the waiting and the new. */
  coalesce?: { key: (body: T, url: string) => string; merge: (waiting: T, next: T) => T }
}

/** An item as kept: its id is the idempotency key sent to the server. */
export type TQueued = {
  id: string
  kind: string
  url: string
  body: unknown
  /** What the person recognises in the list of refused items ("Présence de Assa Kassogué, 08/12/2026"). */
  label: string
  coalesceKey?: string
  state: 'pending' | 'failed'
  reason?: string
  queuedAt: string
}

export type TOfflineQueue = {
  /** Checks and keeps an item, then tries to send what waits. `id` when the item already has a key (a quiz attempt). */
  add<T>(use: TQueueUse<T>, item: { url: string; body: unknown; label: string; id?: string }): TValidation<T>
  /** Sends what waits, in order; does nothing while a send is under way. */
  flush(): Promise<void>
  /** Everything kept for the signed-in person, waiting or refused. */
  items(): TQueued[]
  /** Removes a refused item the person has read. */
  dismiss(id: string): void
  /** Called after an item of that kind reached the server (or was already there). */
  onSent(kind: string, listener: (item: TQueued) => void): void
}

type TOutcome = { kind: 'sent' } | { kind: 'retry' } | { kind: 'refused'; reason: string }

/**
 * The one place that talks to the server: a JSON POST with the item's idempotency key. The contract every queued
 * endpoint honours: 2xx stored; 409 already stored (a replay); 401 not signed in (kept, sent after sign-in); other
 * 4xx refused with `{ errors: [{ message }] }` in French; 5xx or no answer, try again later.
 */
async function send(item: TQueued): Promise<TOutcome> {
  let response: Response
  try {
    response = await fetch(item.url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': item.id }, body: JSON.stringify(item.body) })
  } catch {
    return { kind: 'retry' }
  }
  if (response.ok || response.status === 409) return { kind: 'sent' }
  if (response.status === 401 || response.status === 408 || response.status === 429 || response.status >= 500) return { kind: 'retry' }
  const answer = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return { kind: 'refused', reason: answer?.errors?.map((e) => e.message).join(' ; ') || `${response.status} ${response.statusText}` }
}

/**
 * A random UUID v4. `crypto.randomUUID` exists only on https or localhost; a portal reached over plain http on a
 * local network still needs keys, and `getRandomValues` is available everywhere.
 */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The service worker's cache of pages that name people (public/sw.js). */
const PRIVATE_PAGES = 'portail-private-pages-v1'

let instance: TOfflineQueue | null | undefined

/** The queue of the signed-in person (the layout writes their id on <body data-user>), or null when signed out. */
export function offlineQueue(): TOfflineQueue | null {
  if (instance !== undefined) return instance
  const userId = document.body.dataset.user
  instance = userId ? createQueue(`file-attente:${userId}`) : null
  return instance
}

function createQueue(storageKey: string): TOfflineQueue {
  const read = (): TQueued[] => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as TQueued[]
    } catch {
      // A value this module did not write: keep it aside rather than overwrite it, and start afresh.
      localStorage.setItem(`${storageKey}:illisible`, localStorage.getItem(storageKey) ?? '')
      return []
    }
  }
  const write = (items: TQueued[]) => {
    localStorage.setItem(storageKey, JSON.stringify(items))
    render()
  }
  const listeners = new Map<string, ((item: TQueued) => void)[]>()
  let sending = false
  let delay = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const retryLater = () => {
    // 5 s, 10 s, 20 s… up to 5 minutes: a server that is down is not hammered; `online` retries at once.
    delay = Math.min(delay ? delay * 2 : 5000, 300_000)
    clearTimeout(timer)
    timer = setTimeout(() => void queue.flush(), delay)
  }

  const queue: TOfflineQueue = {
    add(use, item) {
      const checked = use.validate(item.body)
      if (!checked.ok) return checked
      const items = read()
      const coalesceKey = use.coalesce ? `${use.kind}:${use.coalesce.key(checked.value, item.url)}` : undefined
      const waiting = coalesceKey ? items.findIndex((i) => i.state === 'pending' && i.coalesceKey === coalesceKey) : -1
      // A merged item gets a new key: the one it replaces may have reached the server already, with other content.
      const body = waiting >= 0 ? use.coalesce!.merge(items[waiting]!.body as typeof checked.value, checked.value) : checked.value
      const kept: TQueued = { id: item.id ?? newKey(), kind: use.kind, url: item.url, body, label: item.label, coalesceKey, state: 'pending', queuedAt: new Date().toISOString() }
      if (waiting >= 0) items.splice(waiting, 1, kept)
      else items.push(kept)
      write(items)
      void queue.flush()
      return checked
    },

    async flush() {
      if (sending) return
      sending = true
      try {
        for (;;) {
          const next = read().find((i) => i.state === 'pending')
          if (!next) break
          const outcome = await send(next)
          if (outcome.kind === 'retry') {
            retryLater()
            break
          }
          delay = 0
          const items = read()
          const index = items.findIndex((i) => i.id === next.id)
          if (outcome.kind === 'sent') {
            // Gone from storage only if still there: a newer item may have replaced it meanwhile (coalescing).
            if (index >= 0) items.splice(index, 1)
            write(items)
            for (const listener of listeners.get(next.kind) ?? []) listener(next)
          } else if (index >= 0) {
            items[index] = { ...items[index]!, state: 'failed', reason: outcome.reason }
            write(items)
          }
        }
      } finally {
        sending = false
      }
    },

    items: read,

    dismiss(id) {
      write(read().filter((i) => i.id !== id))
    },

    onSent(kind, listener) {
      listeners.set(kind, [...(listeners.get(kind) ?? []), listener])
    },
  }

  // What the person sees: every OfflineQueue component of the page (site/components/OfflineQueue.astro).
  function render() {
    const items = read()
    const pending = items.filter((i) => i.state === 'pending').length
    const failed = items.filter((i) => i.state === 'failed')
    for (const box of document.querySelectorAll<HTMLElement>('[data-offline-queue]')) {
      const texts = box.dataset
      const count = box.querySelector<HTMLElement>('[data-offline-queue-count]')!
      const wanted = pending > 0 ? texts.pending!.replace('{count}', String(pending)) : (texts.synced ?? '')
      // Only a change is written: a live region repeats whatever is written into it.
      if (count.textContent !== wanted) count.textContent = wanted
      const list = box.querySelector<HTMLUListElement>('[data-offline-queue-failed]')!
      list.hidden = failed.length === 0
      list.replaceChildren(
        ...failed.map((item) => {
          const line = document.createElement('li')
          const text = document.createElement('span')
          text.textContent = texts.failed!.replace('{label}', item.label).replace('{reason}', item.reason ?? '')
          const button = document.createElement('button')
          button.type = 'button'
          button.textContent = texts.dismiss!
          button.addEventListener('click', () => queue.dismiss(item.id))
          line.append(text, ' ', button)
          return line
        }),
      )
    }
  }

  // Signing out keeps the items (they are sent at the next sign-in) but says so first, and empties the pages the
  // service worker kept for this person (public/sw.js).
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-sign-out]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const waiting = read().length
      if (waiting > 0 && !confirm(form.dataset.signOut!.replace('{count}', String(waiting)))) return
      const emptied = 'caches' in window ? caches.delete(PRIVATE_PAGES) : Promise.resolve(true)
      void emptied.finally(() => form.submit())
    })
  }
  window.addEventListener('online', () => {
    delay = 0
    void queue.flush()
  })
  // Another tab of the same browser changed the queue.
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey) render()
  })
  render()
  void queue.flush()
  return queue
}

// Loaded on its own by the layout: start sending what waits from an earlier visit.
offlineQueue()
