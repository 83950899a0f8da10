import http from 'node:http'

/**
 * Development only: runs Astro's dev server (with reload) inside this process on a side port, and forwards the
 * site's requests to it, so the portal keeps one origin while both sides reload.
 */
export async function createSiteDevProxy(root: string) {
  const { dev } = await import('astro')
  const sitePort = Number(process.env.SITE_DEV_PORT ?? 4322)
  const devServer = await dev({ root, server: { port: sitePort, host: '127.0.0.1' } })
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: sitePort, method: req.method, path: req.url, headers: { ...req.headers, host: req.headers.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) => {
      res.statusCode = 502
      res.end(`Le serveur de développement du site ne répond pas : ${error.message}`)
    })
    req.pipe(upstream)
  }
  return { handler, close: () => devServer.stop() }
}
