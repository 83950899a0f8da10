import type { Payload } from 'payload'
import type { User } from '../payload-types.ts'
import { TRAINING_KINDS } from '../rules/training-vocabulary.ts'
import { statistics, trainingsByRegionAndQuarter, type TCountRow, type TStatistics, type TTrainingRecord } from '../rules/trainings.ts'
import { relatedText as nameOf } from '../fields/relations.ts'


/** The participations a person may see (a trainer: their own trainings), as plain records for the rules. */
export async function trainingRecords(payload: Payload, user: User | null, overrideAccess = false): Promise<TTrainingRecord[]> {
  const { docs } = await payload.find({ collection: 'enrolments', depth: 2, limit: 0, pagination: false, user, overrideAccess })
  return docs.flatMap((e) => {
    const p = typeof e.participant === 'object' ? e.participant : null
    const t = typeof e.training === 'object' ? e.training : null
    if (!p || !t) return []
    return [
      {
        participant: { id: p.id, firstName: p.firstName, lastName: p.lastName, sex: p.sex, function: p.function, organisation: nameOf(p.organisation, 'acronym'), region: nameOf(p.region, 'name') },
        trainingKind: TRAINING_KINDS[t.kind as keyof typeof TRAINING_KINDS]?.fr ?? t.kind,
        trainingRegion: nameOf(t.region, 'name'),
        startDate: String(t.startDate).slice(0, 10),
      },
    ]
  })
}

/** Statistics and the region × quarter table of trainings held, for what the person may see. */
export async function trainingStatistics(payload: Payload, user: User) {
  const [records, trainings] = await Promise.all([
    trainingRecords(payload, user),
    payload.find({ collection: 'trainings', depth: 1, limit: 0, pagination: false, user, overrideAccess: false, where: { status: { not_in: ['cancelled', 'postponed'] } } }),
  ])
  return {
    stats: statistics(records),
    byRegionAndQuarter: trainingsByRegionAndQuarter(trainings.docs.map((t) => ({ region: nameOf(t.region, 'name'), startDate: String(t.startDate).slice(0, 10) }))),
    records,
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

/** The aggregate tables as rows (no personal data): one block per breakdown. */
export function statisticsRows(stats: TStatistics): string[][] {
  const rows: string[][] = [['Personnes formées', '', String(stats.women), String(stats.men), String(stats.people)]]
  for (const [key, label] of BREAKDOWNS) {
    rows.push([], [label, 'Valeur', 'Femmes', 'Hommes', 'Total'])
    for (const r of stats[key] as TCountRow[]) rows.push([label, r.key, String(r.women), String(r.men), String(r.total)])
  }
  return rows
}

