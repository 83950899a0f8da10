/**
 * One reading of a request path for every decision the portal takes on it: rate limits, the audit of sign-in
 * failures, and routing (area, replaced Payload routes, body limits). The routers behind the server (Next for
 * Payload, Astro for the site) forgive case, percent-encoding, trailing and doubled slashes and the `/en` prefix,
 * so `/api/users/LOGIN`, `/api/users/%6cogin`, `/%63onnexion` and `/en/connexion/` reach the same code as
 * `/api/users/login` and `/connexion`; a decision taken on the raw spelling could be bypassed by respelling it.
 */
export type TNormalisedPath = {
  /**
   * Decoded (repeatedly, so `%256c` counts as `l`), backslashes as slashes, `.`/`..` segments resolved, single
   * slashes, no trailing slash, lower case, without the `/en` prefix: compare it with lower-case literals.
   */
  path: string
  /** The path started with the `/en` prefix (the English mirror of the site). */
  english: boolean
  /** The path does not percent-decode (`%E0%A4%A`, `%ZZ`): the routers behind would fail on it. */
  malformed: boolean
}

/** Enough rounds for any real multiple encoding (`%25256c`). */
const MAX_DECODE_ROUNDS = 4

/** Reads the path of a request target (`req.url`: path and query, as the client sent them). */
export function normalisePath(target: string): TNormalisedPath {
  // The query and fragment are not part of the path (a `?` or `#` in a path arrives encoded).
  let path = target.split(/[?#]/, 1)[0] ?? ''
  let malformed = false
  // Decoded until it stops changing: a router that decodes once more must not see a path this reading missed.
  // A later round that fails is a literal `%` in a name (`100%25.pdf`), not a malformed path.
  for (let round = 0; round < MAX_DECODE_ROUNDS && path.includes('%'); round++) {
    try {
      path = decodeURIComponent(path)
    } catch {
      malformed = round === 0
      break
    }
  }
  const segments: string[] = []
  for (const segment of path.replace(/\\/g, '/').toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const english = segments[0] === 'en'
  if (english) segments.shift()
  return { path: `/${segments.join('/')}`, english, malformed }
}

/** True when the normalised path is `prefix` itself or below it (`/api` matches `/api` and `/api/users`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`)
}
