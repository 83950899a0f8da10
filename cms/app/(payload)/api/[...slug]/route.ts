import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { apiQueryProblem, MAX_QUERY_LENGTH, QUERY_TOO_LONG } from '../../../../rules/api-limits.ts'

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const refuse = (message: string, status = 400) => Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * Every REST call passes the API limits first (cms/rules/api-limits.ts), including the admin's POST with
 * `X-HTTP-Method-Override: GET`, whose query is the form body.
 */
function limited(handler: Handler): Handler {
  return async (request, context) => {
    const url = new URL(request.url)
    const override = request.method === 'POST' && [request.headers.get('x-payload-http-method-override'), request.headers.get('x-http-method-override')].includes('GET')
    const read = request.method === 'GET' || request.method === 'HEAD' || override
    let problem = apiQueryProblem(url.search.slice(1), read)
    if (!problem && override && request.headers.get('content-type') === 'application/x-www-form-urlencoded') {
      if (Number(request.headers.get('content-length') ?? 0) > MAX_QUERY_LENGTH) return refuse(QUERY_TOO_LONG)
      problem = apiQueryProblem(await request.clone().text(), true)
    }
    return problem ? refuse(problem) : handler(request, context)
  }
}

export const GET = limited(REST_GET(config))
export const POST = limited(REST_POST(config))
export const DELETE = limited(REST_DELETE(config))
export const PATCH = limited(REST_PATCH(config))
export const PUT = limited(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
