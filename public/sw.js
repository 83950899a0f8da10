// Service worker of the portal (plain JavaScript: browsers load it as is). Offline use of the self-training:
// visited module pages are kept (network first, cache when offline); the rendition the learner was watching (small or
// standard, shipped or uploaded), captions and poster of a module they chose to "keep offline" are served from the
// cache, range requests included (video seeking).
// Trainers' attendance pages are kept the same way, in a cache of their own that signing out empties (they name
// participants); the marks made offline wait in the offline queue (site/scripts/offline-queue.ts).
const PAGES = 'portail-pages-v1'
const VIDEOS = 'portail-videos-v1'
const ASSETS = 'portail-assets-v1'
const PRIVATE_PAGES = 'portail-private-pages-v1'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/formation/media/') || url.pathname.startsWith('/api/videos/file/')) event.respondWith(media(request))
  else if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(ASSETS, request))
  else if (request.mode === 'navigate' && /^\/(en\/)?formation(\/|$)/.test(url.pathname)) event.respondWith(networkFirst(PAGES, request))
  else if (request.mode === 'navigate' && /^\/(en\/)?presentiel\/[^/]+\/presence\/[^/]+$/.test(url.pathname)) event.respondWith(networkFirst(PRIVATE_PAGES, request))
})

async function networkFirst(cacheName, request) {
  const cache = await caches.open(cacheName)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(request, response.clone())
    return response
  } catch (error) {
    const cached = (await cache.match(request)) || (await cache.match(new URL(request.url).pathname))
    if (cached) return cached
    throw error
  }
}

async function cacheFirst(cacheName, request) {
  const cache = await caches.open(cacheName)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

async function media(request) {
  const cached = await (await caches.open(VIDEOS)).match(request.url)
  if (!cached) return fetch(request)
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.get('Range') || '')
  if (!range) return cached
  const body = await cached.blob()
  const start = Number(range[1])
  const end = range[2] ? Math.min(Number(range[2]), body.size - 1) : body.size - 1
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: { 'Content-Type': cached.headers.get('Content-Type') || 'video/mp4', 'Content-Range': `bytes ${start}-${end}/${body.size}`, 'Content-Length': String(end - start + 1), 'Accept-Ranges': 'bytes' },
  })
}
