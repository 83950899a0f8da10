import type { Payload } from 'payload'
import { env } from '../config/env.ts'
import { PortalError } from '../endpoints/errors.ts'
import { trainingRecords } from '../trainings/statistics.ts'
import { relatedText as nameOf, idOf } from '../fields/relations.ts'
import { dataValueSet, importSummaryOf, readyToSend, summaryLinesFr, type TDhis2Mapping, type TDataValueSet, type TImportSummary, type TUnmapped } from '../rules/dhis2.ts'
import { regionalIndicators } from '../rules/indicators.ts'
import { periodBounds, periodCode, type TPeriod } from '../rules/periods.ts'

/** Where pushes go: the configured server, or the test's. */
export type TDhis2Server = { url: string; username: string; password: string }

export function configuredServer(): TDhis2Server | null {
  return env.DHIS2_URL && env.DHIS2_USERNAME && env.DHIS2_PASSWORD ? { url: env.DHIS2_URL, username: env.DHIS2_USERNAME, password: env.DHIS2_PASSWORD } : null
}

/** The mapping as the back office holds it. */
export async function mappingOf(payload: Payload): Promise<TDhis2Mapping> {
  const [{ docs }, regions] = await Promise.all([
    payload.find({ collection: 'dhis2-mappings', limit: 0, pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'regions', limit: 0, pagination: false, depth: 0, overrideAccess: true }),
  ])
  const codeOf = new Map(regions.docs.map((r) => [String(r.id), r.code]))
  return {
    elements: docs.flatMap((d) => (d.kind === 'indicator' && d.indicator && d.disaggregation && d.dataElement ? [{ indicator: d.indicator, disaggregation: d.disaggregation, dataElement: d.dataElement, categoryOptionCombo: d.categoryOptionCombo }] : [])),
    orgUnits: docs.flatMap((d) => {
      const code = codeOf.get(String(idOf(d.region)))
      return d.kind === 'region' && code && d.orgUnit ? [{ region: code, orgUnit: d.orgUnit }] : []
    }),
  }
}

/** The period's payload and what the mapping leaves out, computed from the records (every region, zeros included). */
export async function dataValueSetOf(payload: Payload, period: TPeriod): Promise<{ payload: TDataValueSet; unmapped: TUnmapped[] }> {
  const { start, end } = periodBounds(period)
  const [participations, trainings, certificates, regions, mapping] = await Promise.all([
    trainingRecords(payload, null, true),
    payload.find({ collection: 'trainings', depth: 1, limit: 0, pagination: false, overrideAccess: true, where: { status: { not_in: ['cancelled', 'postponed'] } } }),
    payload.find({
      collection: 'certificates',
      depth: 2,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      where: { and: [{ revoked: { not_equals: true } }, { issuedAt: { greater_than_equal: start.toISOString() } }, { issuedAt: { less_than: end.toISOString() } }] },
    }),
    payload.find({ collection: 'regions', limit: 0, pagination: false, depth: 0, overrideAccess: true }),
    mappingOf(payload),
  ])
  const values = regionalIndicators(
    {
      participations,
      trainings: trainings.docs.map((t) => ({ region: nameOf(t.region, 'name'), startDate: String(t.startDate) })),
      certificates: certificates.docs.map((c) => ({ region: typeof c.user === 'object' ? nameOf(c.user.region, 'name') || null : null, issuedAt: c.issuedAt })),
    },
    period,
    regions.docs.map((r) => ({ name: r.name, code: r.code })),
  )
  return dataValueSet(values, mapping, period)
}

/** How long DHIS2 may take to answer before the push is reported as failed. */
const DHIS2_TIMEOUT_MS = 30_000

/** One POST to DHIS2's `/api/dataValueSets`, by code, as a dry run or for real; a failure to answer is a PortalError. */
async function postDataValueSet(server: TDhis2Server, body: TDataValueSet, dryRun: boolean): Promise<TImportSummary> {
  const url = new URL('api/dataValueSets', server.url.endsWith('/') ? server.url : `${server.url}/`)
  url.search = new URLSearchParams({ dryRun: String(dryRun), idScheme: 'code', importStrategy: 'CREATE_AND_UPDATE' }).toString()
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(DHIS2_TIMEOUT_MS),
    })
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `pas de réponse en ${DHIS2_TIMEOUT_MS / 1000} s` : 'serveur injoignable'
    throw new PortalError('dhis2Unreachable', { reason })
  }
  if (response.status === 401 || response.status === 403) throw new PortalError('dhis2Unreachable', { reason: 'identifiants DHIS2 refusés' })
  const text = await response.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    throw new PortalError('dhis2Unreachable', { reason: `réponse HTTP ${response.status} illisible` })
  }
  return importSummaryOf(json)
}

export type TPushResult = {
  period: string
  values: number
  unmapped: TUnmapped[]
  dryRun: { summary: TImportSummary; lines: string[]; ready: boolean }
  sent: { summary: TImportSummary; lines: string[] } | null
}

/**
 * Pushes a period's indicators: always a dry run first; for real only when asked and when the dry run shows
 * nothing ignored, no conflict and every region mapped. Only a real sending that DHIS2 accepted whole is
 * recorded as sent (`dhis2-sends`); a failure leaves no trace of a sending.
 */
export async function pushToDhis2(payload: Payload, period: TPeriod, options: { send: boolean; by: { id: number | string }; server?: TDhis2Server | null }): Promise<TPushResult> {
  const server = options.server === undefined ? configuredServer() : options.server
  if (!server) throw new PortalError('dhis2NotConfigured')
  const { payload: body, unmapped } = await dataValueSetOf(payload, period)
  const dry = await postDataValueSet(server, body, true)
  // An indicator without a data element is one the programme chose not to report to DHIS2; a region without an
  // organisation unit would silently drop that region's figures, so it stops the real sending.
  const ready = readyToSend(dry) && unmapped.every((u) => u.reason === 'element')
  const result: TPushResult = { period: periodCode(period), values: body.dataValues.length, unmapped, dryRun: { summary: dry, lines: summaryLinesFr(dry, true), ready }, sent: null }
  if (!options.send) return result
  if (!ready) throw new PortalError('dhis2NotReady')
  const real = await postDataValueSet(server, body, false)
  result.sent = { summary: real, lines: summaryLinesFr(real, false) }
  if (readyToSend(real)) {
    await payload.create({
      collection: 'dhis2-sends',
      data: { period: result.period, values: result.values, imported: real.imported, updated: real.updated, sentBy: options.by.id as number, summary: real },
      overrideAccess: true,
    })
  }
  return result
}
