/** Which part of the portal a path belongs to: the headers differ for the admin, the API and the site. */
export type Area = 'admin' | 'api' | 'site'

/** Classifies a request path: /admin and /_next are the Payload admin, /api the REST API, the rest the site. */
export function areaOf(pathname: string): Area {
  if (pathname === '/admin' || pathname.startsWith('/admin/') || pathname.startsWith('/_next/')) return 'admin'
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api'
  return 'site'
}

const csp = (directives: Record<string, string>): string =>
  Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ')

/**
 * Security headers for one response. The site gets a strict CSP (no inline script or style); the admin gets
 * what Next and Payload's React app need (inline bootstrap scripts and styles), nothing more.
 */
export function securityHeaders(area: Area, options: { behindTls: boolean; dev: boolean }): Record<string, string> {
  const common: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  }
  if (options.behindTls) common['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  if (area === 'api') {
    return { ...common, 'Content-Security-Policy': csp({ 'default-src': "'none'", 'frame-ancestors': "'none'" }) }
  }
  if (area === 'admin') {
    return {
      ...common,
      'X-Frame-Options': 'SAMEORIGIN',
      'Content-Security-Policy': csp({
        'default-src': "'self'",
        'script-src': `'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ''}`,
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data: blob:",
        'font-src': "'self' data:",
        'connect-src': `'self'${options.dev ? ' ws: wss:' : ''}`,
        'object-src': "'none'",
        'base-uri': "'self'",
        'form-action': "'self'",
        'frame-ancestors': "'self'",
      }),
    }
  }
  return {
    ...common,
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': csp({
      'default-src': "'self'",
      // Dev mode injects Vite's client script and inline styles for hot reload.
      'script-src': options.dev ? "'self' 'unsafe-inline'" : "'self'",
      'style-src': options.dev ? "'self' 'unsafe-inline'" : "'self'",
      'img-src': "'self' data:",
      'media-src': "'self' blob:",
      'connect-src': `'self'${options.dev ? ' ws: wss:' : ''}`,
      'font-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
      'worker-src': "'self'",
      'manifest-src': "'self'",
    }),
  }
}
