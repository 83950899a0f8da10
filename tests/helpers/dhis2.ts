import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'

/**
 * A DHIS2 stand-in on localhost for the data-exchange tests: it checks what DHIS2 checks on
 * `POST /api/dataValueSets` (Basic credentials, `idScheme=code`, the payload's shape, known data elements,
 * category option combos and organisation units by code) and answers with DHIS2's import summary (2.38+ shape),
 * conflicts included. Every request is kept for the test to read.
 */
const ZDataValue = z.strictObject({ dataElement: z.string(), period: z.string().regex(/^\d{4}(\d{2}|Q[1-4])?$/), orgUnit: z.string(), categoryOptionCombo: z.string().optional(), value: z.string().regex(/^\d+$/) })
const ZPayload = z.strictObject({ dataValues: z.array(ZDataValue) })

export type TDhis2Request = { dryRun: boolean; idScheme: string | null; body: z.infer<typeof ZPayload> }

export async function startDhis2Server(known: { dataElements: string[]; categoryOptionCombos: string[]; orgUnits: string[] }, credentials = { username: 'portail', password: 'District-2026' }) {
  const requests: TDhis2Request[] = []
  const imported = new Map<string, string>()
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => resolve(text))
  })
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
    if (req.headers.authorization !== expected) return answer(401, { httpStatus: 'Unauthorized', status: 'ERROR', message: 'Unauthorized' })
    if (req.method !== 'POST' || url.pathname !== '/api/dataValueSets') return answer(404, { httpStatus: 'Not Found', status: 'ERROR' })
    const parsed = ZPayload.safeParse(JSON.parse((await read(req)) || 'null'))
    if (!parsed.success) return answer(400, { httpStatus: 'Bad Request', status: 'ERROR', message: z.prettifyError(parsed.error) })
    const dryRun = url.searchParams.get('dryRun') === 'true'
    requests.push({ dryRun, idScheme: url.searchParams.get('idScheme'), body: parsed.data })
    const conflicts: { object: string; value: string }[] = []
    let added = 0
    let updated = 0
    for (const v of parsed.data.dataValues) {
      const unknown = !known.dataElements.includes(v.dataElement)
        ? { object: v.dataElement, value: 'Data element not found or not accessible' }
        : !known.orgUnits.includes(v.orgUnit)
          ? { object: v.orgUnit, value: 'Organisation unit not found or not accessible' }
          : v.categoryOptionCombo && !known.categoryOptionCombos.includes(v.categoryOptionCombo)
            ? { object: v.categoryOptionCombo, value: 'Category option combo not found or not accessible' }
            : null
      if (unknown) {
        conflicts.push(unknown)
        continue
      }
      const key = `${v.dataElement}/${v.categoryOptionCombo ?? ''}/${v.orgUnit}/${v.period}`
      if (imported.has(key)) updated += 1
      else added += 1
      if (!dryRun) imported.set(key, v.value)
    }
    const status = conflicts.length > 0 ? 'WARNING' : 'OK'
    answer(conflicts.length > 0 ? 409 : 200, {
      httpStatus: conflicts.length > 0 ? 'Conflict' : 'OK',
      status,
      response: { status, importCount: { imported: added, updated, ignored: conflicts.length, deleted: 0 }, conflicts },
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    ...credentials,
    requests,
    /** The values DHIS2 holds after real sendings, by `dataElement/categoryOptionCombo/orgUnit/period`. */
    imported,
    known,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
