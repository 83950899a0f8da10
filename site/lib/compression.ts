import { promisify } from 'node:util'
import zlib from 'node:zlib'

// How site pages are compressed (docs/performance.md, "One turn of the event loop per page"). A page is sent
// whole: rendered to the end, compressed in one go, written once. Streamed through the server's compression
// instead, each page needed several turns of the event loop (a chunk into zlib's threads, its answer, the final
// flush), and under load every turn waited behind every other request: a page took twice as long as a save that
// did more work. Cached pages are compressed once at the highest level, in the background, brotli first; other
// pages on the spot, gzip first: at page sizes (5–20 KB) gzip 6 makes the same bytes (within 1–2 %) as brotli 4 in
// about half the time, brotli spending most of its time setting up its larger window.

/** A content encoding a page is sent in. */
export type TEncoding = 'br' | 'gzip'
/** A cached page's compressed bodies, made once per encoding ('pending' while being made). */
export type TEncodedBodies = Partial<Record<TEncoding, Buffer | 'pending'>>

/** Encodings in the order they are tried: for pages compressed once (cached) and for pages compressed on the spot. */
const ONCE: readonly TEncoding[] = ['br', 'gzip']
const ON_THE_SPOT: readonly TEncoding[] = ['gzip', 'br']

/**
 * The encoding to send for an Accept-Encoding header, the first of `order` the client accepts (brotli, then gzip,
 * by default), else none. An encoding named with `q=0` is refused; `*` stands for both.
 */
export function preferredEncoding(header: string | null | undefined, order: readonly TEncoding[] = ONCE): TEncoding | null {
  const accepted = new Map<string, number>()
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim())
    if (!name) continue
    const q = params.find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const weight = (encoding: TEncoding) => accepted.get(encoding) ?? accepted.get('*') ?? 0
  return order.find((encoding) => weight(encoding) > 0) ?? null
}

// Pages under this size are sent as they are: not worth the header.
const MIN_ENCODED_BYTES = 1024
const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * The body compressed on the spot, in one piece, at the levels a web server uses for pages made per request
 * (gzip 6, brotli 4); null when too small. Synchronous on purpose: a page compresses here in 0.1–0.3 ms, far less
 * than the turn of the event loop that a round trip to zlib's threads makes it wait behind every other request.
 */
export function compressedNow(body: string, encoding: TEncoding): Buffer | null {
  if (Buffer.byteLength(body) < MIN_ENCODED_BYTES) return null
  return encoding === 'br' ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : zlib.gzipSync(body, { level: 6 })
}

/**
 * A cached page's body in this encoding, or null while it is being made (the caller compresses on the spot
 * meanwhile). Each entry is compressed once per encoding at the highest level (the smallest download on a slow
 * link), on zlib's worker threads rather than the event loop.
 */
export function encodedBody(entry: { body: string; encoded?: TEncodedBodies }, encoding: TEncoding): Buffer | null {
  const kept = entry.encoded?.[encoding]
  if (kept instanceof Buffer) return kept
  if (kept === 'pending' || Buffer.byteLength(entry.body) < MIN_ENCODED_BYTES) return null
  const encoded = (entry.encoded ??= {})
  encoded[encoding] = 'pending'
  const made = encoding === 'br' ? brotli(entry.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } }) : gzip(entry.body, { level: zlib.constants.Z_BEST_COMPRESSION })
  made.then(
    (bytes) => (encoded[encoding] = bytes),
    (error: unknown) => {
      // Nothing is lost: the page goes on being compressed on the spot.
      console.error(`Compressing a cached page (${encoding}) failed:`, error)
      delete encoded[encoding]
    },
  )
  return null
}

/**
 * A whole HTML page as a response: compressed when the client accepts it and the page is worth it. `bytes` gives
 * a cached page's bytes made once (brotli first); until they are ready, and for other pages, it is compressed on
 * the spot (gzip first).
 */
export function wholePage(body: string, init: { status: number; headers: Headers }, acceptEncoding: string | null, bytes?: (encoding: TEncoding) => Buffer | null): Response {
  const once = bytes ? preferredEncoding(acceptEncoding) : null
  const made = once ? bytes!(once) : null
  const encoding = made ? once : preferredEncoding(acceptEncoding, ON_THE_SPOT)
  const encoded = made ?? (encoding ? compressedNow(body, encoding) : null)
  const headers = new Headers(init.headers)
  headers.append('Vary', 'Accept-Encoding')
  if (!encoded) return new Response(body, { status: init.status, headers })
  headers.set('Content-Encoding', encoding!)
  headers.set('Content-Length', String(encoded.length))
  // zlib's buffers sit on a plain ArrayBuffer (never a shared one), which is what a Response body takes.
  return new Response(encoded as Uint8Array<ArrayBuffer>, { status: init.status, headers })
}
