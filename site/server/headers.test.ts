import { describe, expect, it } from 'vitest'
import { areaOf, securityHeaders } from './headers.ts'

describe('areaOf', () => {
  it('routes admin, API and site paths', () => {
    expect(areaOf('/admin')).toBe('admin')
    expect(areaOf('/admin/collections/users')).toBe('admin')
    expect(areaOf('/_next/static/x.js')).toBe('admin')
    expect(areaOf('/api/users/login')).toBe('api')
    expect(areaOf('/administration')).toBe('site')
    expect(areaOf('/apiculture')).toBe('site')
    expect(areaOf('/')).toBe('site')
  })
})

describe('securityHeaders', () => {
  it('gives the site a CSP without inline script or style in production', () => {
    const h = securityHeaders('site', { behindTls: false, dev: false })
    expect(h['Content-Security-Policy']).toContain("script-src 'self';")
    expect(h['Content-Security-Policy']).not.toContain('unsafe-inline')
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(h['X-Content-Type-Options']).toBe('nosniff')
  })
  it('lets the admin run its inline bootstrap but never be framed by others', () => {
    const h = securityHeaders('admin', { behindTls: false, dev: false })
    expect(h['Content-Security-Policy']).toContain("script-src 'self' 'unsafe-inline'")
    expect(h['Content-Security-Policy']).not.toContain('unsafe-eval')
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'self'")
  })
  it('sends HSTS only behind TLS', () => {
    expect(securityHeaders('site', { behindTls: false, dev: false })['Strict-Transport-Security']).toBeUndefined()
    expect(securityHeaders('api', { behindTls: true, dev: false })['Strict-Transport-Security']).toMatch(/max-age=/)
  })
})
