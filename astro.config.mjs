// @ts-check
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

// The public site. It is served by site/server (one process with the Payload admin), so the Node adapter runs
// in middleware mode; pages read data through the one Payload instance the server started (site/lib/payload.ts).
export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: './dist',
  output: 'server',
  // The portal server enforces 64 KB per site post (5 MB for spreadsheet imports); this is the backstop. Pages are
  // rendered to a string, not streamed: a streamed page waited behind every other request at each chunk
  // (docs/performance.md, "One turn of the event loop per page").
  adapter: node({ mode: 'middleware', bodySizeLimit: 5 * 1024 * 1024, experimentalDisableStreaming: true }),
  integrations: [react()],
  // Form posts are checked against PUBLIC_URL by the portal server (site/server/index.ts, CSRF for
  // cookie-authenticated writes). Astro's own check compares with the address it rebuilds from the plain-http
  // socket: behind a TLS proxy that is never the browser's https origin, and it would refuse every form.
  security: { checkOrigin: false },
  // External stylesheets only: the CSP forbids inline styles and scripts on the site.
  build: { inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  server: { port: 4322, host: '127.0.0.1' },
  vite: {
    // Payload, the back-office code (cms/) and the curriculum code (training/) are loaded once, by the server, with Node's own TypeScript support;
    // the built site imports them at run time instead of bundling a second copy (one instance, one set of settings).
    ssr: { external: ['payload', 'payload/shared'] },
    // assetsInlineLimit 0: scripts stay external files, as the site's CSP allows no inline script.
    build: { assetsInlineLimit: 0, rollupOptions: { external: [/^#(cms|training)\//] } },
  },
})
