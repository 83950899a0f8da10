import type { Payload } from 'payload'
import { z } from 'zod'
import type { User } from '../payload-types.ts'
import { figuresByOrganisation, figuresBySex, type TGroupFigures } from '../rules/training-figures.ts'
import { functionGroup, TRAINING_KINDS } from '../rules/training-vocabulary.ts'
import { filterRecords, formatDateFr, isoDay, statistics, trainingDays, trainingsByRegionAndQuarter, type TCountRow, type TEnrolment, type TStatistics, type TStatisticsFilters, type TTrainingRecord } from '../rules/trainings.ts'
import { relatedText as nameOf } from '../fields/relations.ts'

/** A participation with what the results need: the enrolment's marks and scores, and its training's days. */
export type TResultRecord = TTrainingRecord & { enrolment: TEnrolment; days: string[] }

const ZDay = (what: string) => z.string().refine((v) => isoDay(v) !== null, { error: `${what} invalide : indiquez une date au format AAAA-MM-JJ.` })
/**
 * The statistics' filters as the page and the exports receive them (query parameters, French names): period
 * (`du`, `au`: training start days), `region` (where the training took place), `structure` (the participant's
 * organisation, acronym) and `type` (training kind). Empty parameters mean no filter.
 */
export const ZStatisticsQuery = z
  .object({
    du: ZDay('Date de début').optional(),
    au: ZDay('Date de fin').optional(),
    region: z.string().max(100, { error: 'Région trop longue.' }).optional(),
    structure: z.string().max(100, { error: 'Structure trop longue.' }).optional(),
    type: z.enum(Object.keys(TRAINING_KINDS) as [keyof typeof TRAINING_KINDS], { error: 'Type de formation inconnu.' }).optional(),
  })
  .refine((q) => !q.du || !q.au || q.du <= q.au, { error: 'La date de fin précède la date de début.', path: ['au'] })
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuery>

/** Reads the filters from query parameters (empty ones ignored): the filters, or the French message of each error. */
export function statisticsQuery(params: URLSearchParams): { ok: true; query: TStatisticsQuery } | { ok: false; errors: Record<string, string> } {
  const raw = Object.fromEntries(['du', 'au', 'region', 'structure', 'type'].flatMap((k) => (params.get(k)?.trim() ? [[k, params.get(k)!.trim()]] : [])))
  const parsed = ZStatisticsQuery.safeParse(raw)
  if (parsed.success) return { ok: true, query: parsed.data }
  return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])) }
}

/** The rules' filters for a query. */
function filtersOf(query: TStatisticsQuery): TStatisticsFilters {
  return { from: query.du, to: query.au, trainingRegion: query.region, organisation: query.structure, trainingKind: query.type ? TRAINING_KINDS[query.type].fr : undefined }
}

/** What the filters say, for titles and export sheets ("Du 1 janvier 2024 au 31 mars 2024 · Mopti"). */
export function queryLabel(query: TStatisticsQuery): string {
  return [query.du && `depuis le ${formatDateFr(query.du)}`, query.au && `jusqu’au ${formatDateFr(query.au)}`, query.region, query.structure, query.type && TRAINING_KINDS[query.type].fr].filter(Boolean).join(' · ')
}


/** The participations a person may see (a trainer: their own trainings), as plain records for the rules; functions grouped (training-vocabulary.ts). */
export async function trainingRecords(payload: Payload, user: User | null, overrideAccess = false): Promise<TResultRecord[]> {
  const { docs } = await payload.find({ collection: 'enrolments', depth: 2, limit: 0, pagination: false, user, overrideAccess })
  return docs.flatMap((e) => {
    const p = typeof e.participant === 'object' ? e.participant : null
    const t = typeof e.training === 'object' ? e.training : null
    if (!p || !t) return []
    return [
      {
        participant: { id: p.id, firstName: p.firstName, lastName: p.lastName, sex: p.sex, function: functionGroup(p.function), organisation: nameOf(p.organisation, 'acronym'), region: nameOf(p.region, 'name') },
        trainingKind: TRAINING_KINDS[t.kind as keyof typeof TRAINING_KINDS]?.fr ?? t.kind,
        trainingRegion: nameOf(t.region, 'name'),
        startDate: String(t.startDate).slice(0, 10),
        enrolment: { participantId: p.id, attendance: (e.attendance ?? []).map((a) => ({ date: a.date, status: a.status })), preTest: e.preTest ?? null, postTest: e.postTest ?? null },
        days: trainingDays(String(t.startDate).slice(0, 10), String(t.endDate).slice(0, 10)),
      },
    ]
  })
}

/** Attendance and pre/post-test results by sex and by organisation, over the participations given. */
export function resultsOf(records: TResultRecord[]): { bySex: TGroupFigures[]; byOrganisation: TGroupFigures[] } {
  // A person trained twice is two participations here: results are per enrolment, each with its own days.
  const participants = records.map((r, i) => ({ ...r.participant, id: i }))
  const enrolments: TEnrolment[] = records.map((r, i) => ({ ...r.enrolment, participantId: i }))
  const days = new Map<TEnrolment, string[]>(enrolments.map((e, i) => [e, records[i]!.days]))
  const daysOf = (e: TEnrolment) => days.get(e) ?? []
  return { bySex: figuresBySex(participants, enrolments, daysOf), byOrganisation: figuresByOrganisation(participants, enrolments, daysOf) }
}

/** Statistics, results and the region × quarter table of trainings held, for what the person may see, filtered. */
export async function trainingStatistics(payload: Payload, user: User, query: TStatisticsQuery = {}) {
  const filters = filtersOf(query)
  const [records, trainings] = await Promise.all([
    trainingRecords(payload, user),
    payload.find({ collection: 'trainings', depth: 1, limit: 0, pagination: false, user, overrideAccess: false, where: { status: { not_in: ['cancelled', 'postponed'] } } }),
  ])
  const kept = filterRecords(records, filters)
  // Trainings held follow the period, region and kind filters (the organisation filter is about people).
  const held = trainings.docs
    .map((t) => ({ region: nameOf(t.region, 'name'), startDate: String(t.startDate).slice(0, 10), trainingKind: TRAINING_KINDS[t.kind as keyof typeof TRAINING_KINDS]?.fr ?? t.kind }))
    .filter((t) => filterRecords([{ participant: { id: 0, firstName: '', lastName: '', sex: 'F', function: '', organisation: '', region: '' }, trainingKind: t.trainingKind, trainingRegion: t.region, startDate: t.startDate }], { ...filters, organisation: undefined }).length > 0)
  return {
    stats: statistics(kept),
    results: resultsOf(kept),
    byRegionAndQuarter: trainingsByRegionAndQuarter(held),
    records: kept,
  }
}

/** Number of distinct people trained, for the public home page (an aggregate, no personal data). */
export async function peopleTrained(payload: Payload): Promise<number> {
  return statistics(await trainingRecords(payload, null, true)).people
}

const BREAKDOWNS: [keyof TStatistics, string][] = [
  ['byOrganisation', 'Structure'],
  ['byRegion', 'Région'],
  ['byFunction', 'Fonction'],
  ['byTrainingKind', 'Type de formation'],
  ['byTrainingRegion', 'Région de la formation'],
  ['byQuarter', 'Trimestre'],
]

/** The aggregate tables as rows (no personal data): one block per breakdown, then results by sex and organisation. */
export function statisticsRows(stats: TStatistics, results?: ReturnType<typeof resultsOf>): string[][] {
  const rows: string[][] = [['Personnes formées', '', String(stats.women), String(stats.men), String(stats.people)]]
  for (const [key, label] of BREAKDOWNS) {
    rows.push([], [label, 'Valeur', 'Femmes', 'Hommes', 'Total'])
    for (const r of stats[key] as TCountRow[]) rows.push([label, r.key, String(r.women), String(r.men), String(r.total)])
  }
  const score = (n: number | null) => (n === null ? '' : String(n))
  for (const [label, list] of [['Résultats par sexe', results?.bySex], ['Résultats par structure', results?.byOrganisation]] as const) {
    if (!list) continue
    rows.push([], [label, 'Valeur', 'Inscriptions', 'Présence (%)', 'Deux tests', 'Pré-test moyen', 'Post-test moyen', 'Progression (points)'])
    for (const r of list) rows.push([label, r.key, String(r.enrolled), String(r.attendanceRate), String(r.withBoth), score(r.averagePre), score(r.averagePost), score(r.averageProgression)])
  }
  return rows
}

