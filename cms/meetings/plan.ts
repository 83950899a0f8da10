import type { Payload, PayloadRequest } from 'payload'
import { periodBounds, periodOf } from '../rules/periods.ts'
import { planAt, planSnapshot, type TPlanHistoryEntry, type TPlanSnapshot } from '../rules/meetings.ts'
import type { TPlanRow } from '../reports/meeting-minutes.ts'

/**
 * The capacity-building plan's rows, as it stands or — given a day `YYYY-MM-DD` — as it stood at the end of that
 * day in Bamako, rebuilt from each item's change history (cms/rules/meetings.ts, planAt).
 */
export async function capacityPlan(payload: Payload, at: string | null, req?: Partial<PayloadRequest>): Promise<TPlanRow[]> {
  const [{ docs }, regions] = await Promise.all([
    payload.find({ collection: 'capacity-plan-items', overrideAccess: true, req, depth: 0, limit: 1000, pagination: false, sort: 'deadline' }),
    payload.find({ collection: 'regions', overrideAccess: true, req, depth: 0, limit: 1000, pagination: false }),
  ])
  const regionName = new Map(regions.docs.map((r) => [String(r.id), r.name]))
  const states: TPlanSnapshot[] = at
    ? planAt(docs.map((d) => ({ id: d.id, history: (d.history ?? []) as unknown as TPlanHistoryEntry[] })), new Date(periodBounds(periodOf('day', at)).end.getTime() - 1)).map((s) => s.state)
    : docs.map((d) => planSnapshot(d as unknown as Record<string, unknown>))
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  return states
    .map((s) => ({
      activity: text(s.activity),
      targetGroup: text(s.targetGroup),
      region: s.region === null || s.region === undefined ? '' : (regionName.get(String(s.region)) ?? ''),
      responsible: text(s.responsible),
      period: text(s.period),
      budget: typeof s.budget === 'number' ? s.budget : null,
      fundingSource: text(s.fundingSource),
      status: text(s.status),
      deadline: s.deadline ? String(s.deadline) : null,
      comments: text(s.comments),
    }))
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'))
}
