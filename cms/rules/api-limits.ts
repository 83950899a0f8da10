// Limits of what one REST request may ask of the server. Without them one anonymous request (`depth=10` on
// resources, `limit=100000`, a `where` with thousands of conditions) held the event loop for a minute and froze
// the site, the admin and the API together. Payload caps `depth` itself (config `maxDepth`); the rest is checked
// here before Payload sees the request (cms/app/(payload)/api/[...slug]/route.ts), and a request beyond a limit
// gets a 400 with a French message saying what to change.

/** Deepest relationship population, for every read (Payload config `maxDepth`; REST asks for more → 400). */
export const MAX_DEPTH = 2
/**
 * Largest page a read may ask for (`limit`, and a join field's `joins[…][limit]`). 250 is the page the admin's
 * lists ask for when they load the titles of related records (a region's name, a structure's acronym): below it,
 * every relationship column read "Sans titre - ID".
 */
export const MAX_LIMIT = 250
/** Conditions (field × operator) in one `where`. */
export const MAX_WHERE_CONDITIONS = 20
/** Nested `and` / `or` levels in one `where`. */
export const MAX_WHERE_NESTING = 3
/** Length of the query string (or of the form body of a POST with `X-HTTP-Method-Override: GET`). */
export const MAX_QUERY_LENGTH = 8192

const INTEGER = /^\d{1,9}$/
/** `where[a][b]` → ['a', 'b']; null when the key is not a bracketed `where` key. */
const segmentsOf = (key: string): string[] | null => {
  if (!key.startsWith('where[')) return null
  const rest = key.slice('where'.length)
  const parts = rest.match(/\[([^\]]*)\]/g)
  return parts && parts.join('') === rest ? parts.map((p) => p.slice(1, -1)) : null
}

/** Number of conditions and deepest and/or nesting of a `where` object. */
function measureWhere(node: unknown, level = 0): { conditions: number; nesting: number } {
  let conditions = 0
  let nesting = level
  if (!node || typeof node !== 'object') return { conditions, nesting }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'and' || key === 'or') {
      for (const child of Object.values(value && typeof value === 'object' ? value : {})) {
        const inner = measureWhere(child, level + 1)
        conditions += inner.conditions
        nesting = Math.max(nesting, inner.nesting)
      }
    } else conditions += value && typeof value === 'object' ? Math.max(1, Object.keys(value).length) : 1
  }
  return { conditions, nesting }
}

/** Builds the `where` object a query string describes (bracketed keys, or a JSON `where=`), as Payload reads it. */
function whereOf(params: URLSearchParams): { where: unknown } | { problem: string } {
  const json = params.get('where')
  if (json !== null) {
    try {
      return { where: JSON.parse(json) }
    } catch {
      return { problem: 'Paramètre « where » illisible : du JSON valide ou la forme where[champ][opérateur]=valeur est attendu.' }
    }
  }
  const where: Record<string, unknown> = {}
  for (const key of params.keys()) {
    if (!key.startsWith('where[')) continue
    const segments = segmentsOf(key)
    if (!segments || segments.length > 2 * MAX_WHERE_NESTING + 2) return { problem: `Paramètre « ${key.slice(0, 80)} » invalide : un filtre where[champ][opérateur]=valeur est attendu, avec au plus ${MAX_WHERE_NESTING} niveaux de and/or.` }
    let node = where
    for (const segment of segments.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>
    node[segments.at(-1)!] = true
  }
  return { where }
}

/** The refusal of a query (or a method-override form body) longer than MAX_QUERY_LENGTH. */
export const QUERY_TOO_LONG = `Requête trop longue : au plus ${MAX_QUERY_LENGTH} caractères de paramètres.`

function decodedLength(search: string): number {
  try {
    return decodeURIComponent(search.replace(/\+/g, ' ')).length
  } catch {
    return search.length // malformed encoding: URLSearchParams reads it as written
  }
}

/**
 * Why a REST request is refused (a French message), or null when it is within the limits. `read` is true for
 * GET and HEAD (and POST with a method override to GET): only reads are paged, so only reads must bound `limit`;
 * bulk updates and deletes by `where` (limit=0 in the admin) are bounded by who may write.
 */
export function apiQueryProblem(search: string, read: boolean): string | null {
  // Counted decoded: the same query is three times longer once a client or a framework percent-encodes `[` and `]`.
  if (decodedLength(search) > MAX_QUERY_LENGTH) return QUERY_TOO_LONG
  const params = new URLSearchParams(search)
  const depth = params.get('depth')
  if (depth !== null && (!INTEGER.test(depth) || Number(depth) > MAX_DEPTH)) return `Paramètre « depth » invalide : un entier de 0 à ${MAX_DEPTH} est attendu.`
  const limit = params.get('limit')
  if (limit !== null && (!INTEGER.test(limit) || (read && (Number(limit) < 1 || Number(limit) > MAX_LIMIT)))) {
    return `Paramètre « limit » invalide : un entier de 1 à ${MAX_LIMIT} est attendu (parcourez les pages avec « page »).`
  }
  const page = params.get('page')
  if (page !== null && (!INTEGER.test(page) || Number(page) < 1)) return 'Paramètre « page » invalide : un entier à partir de 1 est attendu.'
  if (read && params.get('pagination') === 'false') return `Paramètre « pagination=false » refusé : les résultats sont paginés, ${MAX_LIMIT} au plus par page.`
  for (const [key, value] of params) {
    if (/^joins\[[^\]]+\]\[limit\]$/.test(key) && (!INTEGER.test(value) || Number(value) < 1 || Number(value) > MAX_LIMIT)) {
      return `Paramètre « ${key} » invalide : un entier de 1 à ${MAX_LIMIT} est attendu.`
    }
  }
  const parsed = whereOf(params)
  if ('problem' in parsed) return parsed.problem
  const { conditions, nesting } = measureWhere(parsed.where)
  if (nesting > MAX_WHERE_NESTING) return `Filtre « where » trop imbriqué : au plus ${MAX_WHERE_NESTING} niveaux de and/or.`
  if (conditions > MAX_WHERE_CONDITIONS) return `Filtre « where » trop long : au plus ${MAX_WHERE_CONDITIONS} conditions.`
  return null
}
