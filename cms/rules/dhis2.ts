import { z } from 'zod'
import { periodCode, type TPeriod } from './periods.ts'

// Aggregate indicators sent to DHIS2 as a `dataValueSets` payload. Everything here is plain data: which indicators
// exist and how they are disaggregated, the mapping to DHIS2 codes, the payload, and the reading of DHIS2's import
// summary into French. Identifiers are DHIS2 *codes* (`idScheme=code`), so that the mapping survives a change of
// DHIS2's internal ids; periods use DHIS2's own formats (`202503`, `2025Q1`, `2025`, periods kit).

/** The indicators the portal can send, and the disaggregations each one has. */
export const DHIS2_INDICATORS = {
  peopleTrained: { fr: 'Personnes formées (formations en présentiel)', en: 'People trained (face-to-face)', disaggregations: ['female', 'male', 'total'] },
  trainingsHeld: { fr: 'Formations en présentiel tenues', en: 'Face-to-face trainings held', disaggregations: ['total'] },
  certificatesIssued: { fr: 'Attestations d’autoformation délivrées', en: 'Self-training certificates issued', disaggregations: ['total'] },
} as const
export type TIndicator = keyof typeof DHIS2_INDICATORS
export const INDICATOR_CODES = Object.keys(DHIS2_INDICATORS) as TIndicator[]

export const DISAGGREGATIONS = {
  female: { fr: 'Femmes', en: 'Women' },
  male: { fr: 'Hommes', en: 'Men' },
  total: { fr: 'Total', en: 'Total' },
} as const
export type TDisaggregation = keyof typeof DISAGGREGATIONS

/** One computed figure: an indicator, for a region (by its portal code), a disaggregation and a period. */
export type TIndicatorValue = { indicator: TIndicator; disaggregation: TDisaggregation; region: string; value: number }

/** DHIS2 codes are letters, digits and `_ - .`, at most 50 characters (DHIS2's own limit for codes). */
export const ZDhis2Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,50}$/, { error: 'Code DHIS2 invalide : lettres, chiffres, « _ », « - » ou « . », 50 caractères au plus.' })

/** The mapping, as the back office stores it: indicator rows and region rows. */
export type TDhis2Mapping = {
  elements: { indicator: TIndicator; disaggregation: TDisaggregation; dataElement: string; categoryOptionCombo?: string | null }[]
  /** Portal region code → DHIS2 organisation unit code. */
  orgUnits: { region: string; orgUnit: string }[]
}

export type TDataValue = { dataElement: string; period: string; orgUnit: string; categoryOptionCombo?: string; value: string }
export type TDataValueSet = { dataValues: TDataValue[] }

/** What a payload leaves out because the mapping does not say where it goes (shown before any export). */
export type TUnmapped = { indicator: TIndicator; disaggregation: TDisaggregation; region: string; reason: 'element' | 'orgUnit' }

/**
 * The `dataValueSets` payload of a period. A figure without a data element or without an organisation unit is not
 * sent and is listed in `unmapped`, so the coordinator sees what the mapping lacks. Zero values are sent: in DHIS2
 * "0 trainings" and "no report" are different things.
 */
export function dataValueSet(values: readonly TIndicatorValue[], mapping: TDhis2Mapping, period: TPeriod): { payload: TDataValueSet; unmapped: TUnmapped[] } {
  const elements = new Map(mapping.elements.map((e) => [`${e.indicator}:${e.disaggregation}`, e]))
  const orgUnits = new Map(mapping.orgUnits.map((o) => [o.region, o.orgUnit]))
  const pe = periodCode(period)
  const dataValues: TDataValue[] = []
  const unmapped: TUnmapped[] = []
  for (const v of values) {
    const element = elements.get(`${v.indicator}:${v.disaggregation}`)
    const orgUnit = orgUnits.get(v.region)
    if (!element || !orgUnit) {
      unmapped.push({ indicator: v.indicator, disaggregation: v.disaggregation, region: v.region, reason: element ? 'orgUnit' : 'element' })
      continue
    }
    dataValues.push({
      dataElement: element.dataElement,
      period: pe,
      orgUnit,
      ...(element.categoryOptionCombo ? { categoryOptionCombo: element.categoryOptionCombo } : {}),
      value: String(v.value),
    })
  }
  return { payload: { dataValues }, unmapped }
}

// ---------------------------------------------------------------------------------------------------------------
// DHIS2's answer

/** DHIS2's import summary, reduced to what a coordinator needs. */
export type TImportSummary = {
  status: 'OK' | 'WARNING' | 'ERROR'
  imported: number
  updated: number
  ignored: number
  deleted: number
  conflicts: { object: string; value: string }[]
  description: string | null
}

const ZCount = z.coerce.number().int().min(0).catch(0)
const ZSummaryBody = z.object({
  status: z.enum(['OK', 'SUCCESS', 'WARNING', 'ERROR']).catch('ERROR'),
  description: z.string().nullish(),
  importCount: z.object({ imported: ZCount, updated: ZCount, ignored: ZCount, deleted: ZCount }).partial().optional(),
  conflicts: z.array(z.object({ object: z.string().catch(''), value: z.string().catch('') })).optional(),
})

/**
 * Reads DHIS2's answer to `POST /api/dataValueSets`: versions from 2.38 wrap the summary in `{ response: … }`,
 * older ones send it bare. Anything else is an error summary, never a success.
 */
export function importSummaryOf(body: unknown): TImportSummary {
  const inner = body && typeof body === 'object' && 'response' in body && (body as { response: unknown }).response && typeof (body as { response: unknown }).response === 'object' ? (body as { response: unknown }).response : body
  const parsed = ZSummaryBody.safeParse(inner)
  if (!parsed.success) {
    return { status: 'ERROR', imported: 0, updated: 0, ignored: 0, deleted: 0, conflicts: [], description: 'Réponse de DHIS2 illisible : ce n’est pas un résumé d’import.' }
  }
  const s = parsed.data
  return {
    status: s.status === 'SUCCESS' ? 'OK' : s.status,
    imported: s.importCount?.imported ?? 0,
    updated: s.importCount?.updated ?? 0,
    ignored: s.importCount?.ignored ?? 0,
    deleted: s.importCount?.deleted ?? 0,
    conflicts: s.conflicts ?? [],
    description: s.description ?? null,
  }
}

/** A dry run allows the real sending only when DHIS2 would take every value: no error, nothing ignored, no conflict. */
export function readyToSend(dryRun: TImportSummary): boolean {
  return dryRun.status !== 'ERROR' && dryRun.ignored === 0 && dryRun.conflicts.length === 0
}

/** The summary in French, one line each, as the coordinator reads it before deciding. */
export function summaryLinesFr(s: TImportSummary, dryRun: boolean): string[] {
  const lines = [
    `${dryRun ? 'Essai à blanc' : 'Envoi'} : ${s.status === 'ERROR' ? 'refusé par DHIS2' : s.status === 'WARNING' ? 'accepté avec avertissements' : 'accepté'}.`,
    `${dryRun ? 'Seraient importées' : 'Importées'} : ${s.imported} · mises à jour : ${s.updated} · ignorées : ${s.ignored}.`,
  ]
  if (s.description) lines.push(`Message de DHIS2 : ${s.description}`)
  for (const c of s.conflicts) lines.push(`Conflit sur « ${c.object} » : ${c.value}`)
  if (dryRun) lines.push(readyToSend(s) ? 'Rien ne serait ignoré : l’envoi réel est possible.' : 'Des valeurs seraient ignorées : corrigez la correspondance avant l’envoi réel.')
  return lines
}
