import type http from 'node:http'
import { describe, expect, it } from 'vitest'
import { acceptsHtml, refuse } from './answers.ts'

/** A response that records what was written. */
function recorder() {
  const headers = new Map<string, string>()
  const out = { statusCode: 0, body: '', headers }
  const res = {
    set statusCode(value: number) { out.statusCode = value },
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    end: (body: string) => { out.body = body },
  } as unknown as http.ServerResponse
  return { res, out }
}

const TOO_LARGE = { title: 'server.tooLarge.title', body: 'server.tooLarge.body', params: { limit: '20 Mo' } } as const

describe('acceptsHtml', () => {
  it('is true for what browsers send when they follow a form or a link', () => {
    expect(acceptsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true)
    expect(acceptsHtml('application/xhtml+xml, text/html;q=0.9')).toBe(true)
  })
  it('is false for scripts and fetch calls', () => {
    for (const accept of [undefined, '', '*/*', 'application/json', 'application/json, text/plain, */*', 'text/htmlx']) expect(acceptsHtml(accept), String(accept)).toBe(false)
  })
})

describe('refuse', () => {
  it('answers a browser posting a too-large form to the API with a French page', () => {
    const { res, out } = recorder()
    refuse(res, { area: 'api', english: false, html: true }, 413, TOO_LARGE)
    expect(out.statusCode).toBe(413)
    expect(out.headers.get('content-type')).toMatch(/^text\/html/)
    expect(out.body).toContain('<html lang="fr">')
    expect(out.body).toContain('Envoi trop volumineux')
    expect(out.body).toContain('20 Mo')
  })
  it('keeps Payload-style JSON in French for a script', () => {
    const { res, out } = recorder()
    refuse(res, { area: 'api', english: false, html: false }, 413, TOO_LARGE)
    expect(out.headers.get('content-type')).toMatch(/^application\/json/)
    expect(JSON.parse(out.body).errors[0].message).toMatch(/20 Mo/)
  })
})
