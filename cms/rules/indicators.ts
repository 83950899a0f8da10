import type { TIndicatorValue } from './dhis2.ts'
import { civilDay, periodDays, type TPeriod } from './periods.ts'
import { statistics, type TTrainingRecord } from './trainings.ts'

// The portal's regional indicators for one period, from plain records: what DHIS2 receives (cms/rules/dhis2.ts).
// "People trained" counts distinct people by the region of the training (where the programme delivered it), not
// the participant's home region, with the statistics rule every other figure of trainings uses.

export type TIndicatorInputs = {
  participations: readonly TTrainingRecord[]
  /** Trainings held (cancelled and postponed ones left out by the caller), by region name and first day. */
  trainings: readonly { region: string; startDate: string }[]
  /** Certificates not revoked, by the holder's region name (null when the account has none) and issue instant. */
  certificates: readonly { region: string | null; issuedAt: string }[]
}
export type TRegionRef = { name: string; code: string }

/** Every indicator × disaggregation × region of the period, zeros included (a region with nothing reports 0). */
export function regionalIndicators(input: TIndicatorInputs, period: TPeriod, regions: readonly TRegionRef[]): TIndicatorValue[] {
  const { first, last } = periodDays(period)
  const inPeriod = (day: string) => day >= first && day <= last
  return regions.flatMap((r) => {
    const trained = statistics([...input.participations], { from: first, to: last, trainingRegion: r.name })
    const trainings = input.trainings.filter((t) => t.region === r.name && inPeriod(t.startDate.slice(0, 10))).length
    const certificates = input.certificates.filter((c) => c.region === r.name && inPeriod(civilDay(new Date(c.issuedAt)))).length
    return [
      { indicator: 'peopleTrained', disaggregation: 'female', region: r.code, value: trained.women },
      { indicator: 'peopleTrained', disaggregation: 'male', region: r.code, value: trained.men },
      { indicator: 'peopleTrained', disaggregation: 'total', region: r.code, value: trained.people },
      { indicator: 'trainingsHeld', disaggregation: 'total', region: r.code, value: trainings },
      { indicator: 'certificatesIssued', disaggregation: 'total', region: r.code, value: certificates },
    ] satisfies TIndicatorValue[]
  })
}
