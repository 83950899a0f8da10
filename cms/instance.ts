import type { Payload } from 'payload'

// The site (bundled by Astro) and the server share the one Payload instance through a process-wide symbol,
// so the site never bundles or initialises Payload itself.
const KEY = Symbol.for('portail.payload')
type Holder = { [KEY]?: Payload }

/** Makes the started instance available to the site. */
export function registerPayload(payload: Payload): void {
  ;(globalThis as Holder)[KEY] = payload
}

/** The process's Payload instance; fails clearly when the site runs without the portal server. */
export function payloadInstance(): Payload {
  const payload = (globalThis as Holder)[KEY]
  if (!payload) throw new Error('Payload is not started in this process: run the site through site/server (npm start or npm run dev), not `astro dev`.')
  return payload
}
