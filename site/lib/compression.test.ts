import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressedNow, encodedBody, preferredEncoding, wholePage } from './compression.ts'

describe('preferredEncoding', () => {
  it('prefers brotli, then gzip, and honours a refusal', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(preferredEncoding('gzip, deflate')).toBe('gzip')
    expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(preferredEncoding('*')).toBe('br')
    expect(preferredEncoding('*, br;q=0')).toBe('gzip')
    expect(preferredEncoding('identity')).toBeNull()
    expect(preferredEncoding('gzip;q=0')).toBeNull()
    expect(preferredEncoding('gzip, deflate, br', ['gzip', 'br'])).toBe('gzip')
    expect(preferredEncoding('br', ['gzip', 'br'])).toBe('br')
    expect(preferredEncoding(null)).toBeNull()
  })
})

describe('encodedBody', () => {
  const page = (body: string) => ({ version: 'v', status: 200, headers: [] as [string, string][], body })
  const ready = async (entry: ReturnType<typeof page>, encoding: 'br' | 'gzip') => {
    for (let i = 0; i < 100; i++) {
      const bytes = encodedBody(entry, encoding)
      if (bytes) return bytes
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('never compressed')
  }
  it('compresses a page once per encoding, in the background, into bytes that decode to the page', async () => {
    const entry = page(`<p>${'Protection de l’enfant. '.repeat(200)}</p>`)
    expect(encodedBody(entry, 'br')).toBeNull()
    const br = await ready(entry, 'br')
    expect(zlib.brotliDecompressSync(br).toString('utf8')).toBe(entry.body)
    expect(encodedBody(entry, 'br')).toBe(br)
    const gz = await ready(entry, 'gzip')
    expect(zlib.gunzipSync(gz).toString('utf8')).toBe(entry.body)
    expect(gz.length).toBeLessThan(Buffer.byteLength(entry.body) / 10)
  })
  it('leaves small pages alone', async () => {
    const entry = page('User-agent: *\n')
    expect(encodedBody(entry, 'gzip')).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(encodedBody(entry, 'gzip')).toBeNull()
  })
})

describe('wholePage', () => {
  const html = `<p>${'Fiche d’évaluation initiale. '.repeat(100)}</p>`
  const init = () => ({ status: 200, headers: new Headers({ 'Content-Type': 'text/html' }) })
  it('compresses a page on the spot in gzip when the client takes it (as small, and quicker), else brotli, with its length', async () => {
    const response = wholePage(html, init(), 'gzip, deflate, br')
    expect(response.headers.get('Content-Encoding')).toBe('gzip')
    expect(response.headers.get('Vary')).toMatch(/Accept-Encoding/)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(response.headers.get('Content-Length')).toBe(String(bytes.length))
    expect(zlib.gunzipSync(bytes).toString('utf8')).toBe(html)
    const br = wholePage(html, init(), 'br, gzip;q=0')
    expect(br.headers.get('Content-Encoding')).toBe('br')
    expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(html)
  })
  it('sends it as it is to a client that accepts no encoding, and small pages as they are', async () => {
    const plain = wholePage(html, init(), null)
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    expect(await plain.text()).toBe(html)
    expect(compressedNow('<p>court</p>', 'gzip')).toBeNull()
    expect(wholePage('<p>court</p>', init(), 'br').headers.get('Content-Encoding')).toBeNull()
  })
  it('uses the bytes already made for a cached page when there are some, brotli first; gzip on the spot meanwhile', async () => {
    const made = zlib.brotliCompressSync(html)
    const asked: string[] = []
    const response = wholePage(html, init(), 'gzip, br', (encoding) => (asked.push(encoding), made))
    expect(asked).toEqual(['br'])
    expect(response.headers.get('Content-Encoding')).toBe('br')
    expect(Buffer.from(await response.arrayBuffer()).equals(made)).toBe(true)
    const meanwhile = wholePage(html, init(), 'gzip, br', () => null)
    expect(meanwhile.headers.get('Content-Encoding')).toBe('gzip')
    expect(zlib.gunzipSync(Buffer.from(await meanwhile.arrayBuffer())).toString('utf8')).toBe(html)
  })
})
