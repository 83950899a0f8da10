import { dashboardIndicators, type TDashboardFacts } from '../../cms/rules/dashboard-indicators.ts'
import { statistics } from '../../cms/rules/trainings.ts'

// A year of programme data for 5,000 participants (deterministic), and the time to compute the indicators
// dashboard over it, next to a baseline measured in the same run on the same data: the training statistics page's
// own computation (`statistics`), so that a slow machine slows both alike.

const REGIONS = ['Bamako', 'Kayes', 'Koulikoro', 'Sikasso', 'Ségou', 'Mopti', 'Tombouctou', 'Gao', 'Kidal', 'Ménaka']
const ORGANISATIONS = ['DNPEF', 'UNICEF', 'Tdh', 'IRC', 'GARDL', 'SAMU SOCIAL Mali', 'Plan', 'Save the Children', 'World Vision', 'CICR']
const FUNCTIONS = ['Gestionnaire de cas', 'Superviseur', 'Travailleur social', 'Éducateur']
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + (n % 365) * 86_400_000).toISOString().slice(0, 10)

export function yearOfData(participants = 5_000): TDashboardFacts {
  const trainings = Array.from({ length: 250 }, (_, i) => ({ id: i, region: REGIONS[i % REGIONS.length]!, organiser: ORGANISATIONS[i % ORGANISATIONS.length]!, startDate: day(i * 1.46), status: i % 25 === 0 ? 'cancelled' : 'done' }))
  const people = Array.from({ length: participants }, (_, i) => ({ id: i, firstName: `P${i}`, lastName: 'Bench', sex: (i % 2 ? 'F' : 'M') as 'F' | 'M', function: FUNCTIONS[i % FUNCTIONS.length]!, organisation: ORGANISATIONS[(i * 7) % ORGANISATIONS.length]!, region: REGIONS[(i * 3) % REGIONS.length]! }))
  const participations = people.flatMap((p, i) => {
    const own = i % 3 === 0 ? [trainings[i % 250]!, trainings[(i * 13) % 250]!] : [trainings[i % 250]!]
    return own.map((t) => ({ participant: p, trainingKind: 'Formation initiale', trainingRegion: t.region, startDate: t.startDate, trainingId: t.id }))
  })
  const byPerson = new Map<number, { id: number; startDate: string; endDate: string }[]>()
  for (const r of participations) byPerson.set(Number(r.participant.id), [...(byPerson.get(Number(r.participant.id)) ?? []), { id: r.trainingId, startDate: r.startDate, endDate: r.startDate }])
  return {
    participations,
    trainings,
    people: people.map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}`, organisation: p.organisation, region: p.region, trainings: byPerson.get(Number(p.id)) ?? [] })),
    visits: Array.from({ length: 4_000 }, (_, i) => ({ person: (i * 11) % participants, supervisor: 1, date: day(i * 0.09 + 30) })),
    completions: Array.from({ length: 15_000 }, (_, i) => ({ completedAt: `${day(i * 0.024)}T10:00:00.000Z`, region: REGIONS[i % REGIONS.length]!, organisation: ORGANISATIONS[i % ORGANISATIONS.length]! })),
    certificates: Array.from({ length: 2_000 }, (_, i) => ({ issuedAt: `${day(i * 0.18)}T10:00:00.000Z`, region: REGIONS[i % REGIONS.length]!, organisation: ORGANISATIONS[i % ORGANISATIONS.length]! })),
    meetings: [1, 2, 3, 4].map((q) => ({ id: q, kind: 'quarterly' as const, status: 'held' as const, start: `2026-${String(q * 3 - 1).padStart(2, '0')}-15T09:00:00.000Z` })),
    planItems: Array.from({ length: 120 }, (_, i) => ({ status: (['done', 'inProgress', 'notDone', 'postponed'] as const)[i % 4]!, region: REGIONS[i % REGIONS.length]!, deadline: day(i * 3) })),
    actionItems: Array.from({ length: 600 }, (_, i) => ({ status: (['toDo', 'inProgress', 'done', 'dropped'] as const)[i % 4]!, deadline: day(i * 0.6), organisation: ORGANISATIONS[i % ORGANISATIONS.length]! })),
    support: Array.from({ length: 1_500 }, (_, i) => ({ createdAt: `${day(i * 0.24)}T08:00:00.000Z`, resolvedAt: i % 3 ? `${day(i * 0.24 + 2)}T08:00:00.000Z` : null, status: i % 3 ? ('resolved' as const) : ('new' as const), region: REGIONS[i % REGIONS.length]!, organisation: ORGANISATIONS[i % ORGANISATIONS.length]! })),
  }
}

/** Median times (ms) of the dashboard for the whole year, nationally and for one region, and of the baseline. */
export function indicatorsBench(rounds = 7): { indicators: number; region: number; baseline: number; participations: number } {
  const facts = yearOfData()
  const now = new Date('2027-01-15T10:00:00Z')
  const median = (run: () => unknown) => {
    run() // warm-up
    const times = Array.from({ length: rounds }, () => {
      const start = performance.now()
      run()
      return performance.now() - start
    }).sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)]!
  }
  const year = { from: '2026-01-01', to: '2026-12-31' }
  return {
    indicators: median(() => dashboardIndicators(facts, year, now)),
    region: median(() => dashboardIndicators(facts, { ...year, region: 'Mopti', organisation: 'Tdh' }, now)),
    baseline: median(() => statistics([...facts.participations], { from: year.from, to: year.to })),
    participations: facts.participations.length,
  }
}
