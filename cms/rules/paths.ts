/**
 * One reading of a request path for every decision the portal takes on it: rate limits, the audit of sign-in
 * failures, and routing (area, replaced Payload routes, body limits). The routers behind the server (Next for
 * Payload, Astro for the site) forgive case, percent-encoding, trailing and doubled slashes and the `/en` prefix,
 * so `/api/users/LOGIN`, `/api/users/%6cogin`, `/%63onnexion` and `/en/connexion/` reach the same code as
 * `/api/users/login` and `/connexion`; a decision taken on the raw spelling could be bypassed by respelling it.
 */
export type TNormalisedPath = {
  /**
   * Backslashes as slashes, `.`/`..` segments resolved (before decoding, as URL parsers do), decoded (repeatedly,
   * so `%256c` counts as `l`), single slashes, no trailing slash, lower case, without the `/en` prefix: compare it
   * with lower-case literals.
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
  let path = resolveDotSegments((target.split(/[?#]/, 1)[0] ?? '').replace(/\\/g, '/'))
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
  const segments = path.toLowerCase().split('/').filter(Boolean)
  const english = segments[0] === 'en'
  if (english) segments.shift()
  return { path: `/${segments.join('/')}`, english, malformed }
}

/**
 * Resolves `.` and `..` segments as URL parsers do (`%2e` counts as a dot), before decoding: an encoded slash
 * (`..%2F`) is not a separator for the routers behind, so it must not climb here either.
 */
function resolveDotSegments(path: string): string {
  const segments: string[] = []
  for (const segment of path.split('/')) {
    const dots = segment.replace(/%2e/gi, '.')
    if (dots === '.') continue
    if (dots === '..') segments.pop()
    else segments.push(segment)
  }
  return segments.join('/')
}
