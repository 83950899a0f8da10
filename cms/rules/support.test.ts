import { describe, expect, it } from 'vitest'
import { median, NO_REGION, resolutionStamp, SUPPORT_REFERENCE, supportFigures, supportReference, supportRequestsWaiting, type TSupportFacts } from './support.ts'

const at = (iso: string) => new Date(iso)
const request = (over: Partial<TSupportFacts>): TSupportFacts => ({ category: 'account', urgency: 'normal', status: 'new', createdAt: '2026-12-01T08:00:00.000Z', ...over })

describe('supportReference', () => {
  it('is AS-, the day and five unambiguous characters', () => {
    const ref = supportReference(at('2026-12-01T23:59:00Z'), new Uint8Array([0, 1, 30, 31, 200]))
    expect(ref).toBe('AS-20261201-AB9AR')
    expect(SUPPORT_REFERENCE.test(ref)).toBe(true)
  })
  it('never uses 0, O, 1, I or L', () => {
    const all = supportReference(at('2026-12-01T00:00:00Z'), new Uint8Array([14, 8, 11, 24, 25]))
    expect(all.slice(12)).not.toMatch(/[01OIL]/)
  })
  it('refuses too few random bytes', () => {
    expect(() => supportReference(at('2026-12-01T00:00:00Z'), new Uint8Array(2))).toThrow(/5 random bytes/)
  })
})

describe('median', () => {
  it('handles empty, odd and even lists', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('supportFigures', () => {
  const requests: TSupportFacts[] = [
    // Answered after 2 h, resolved after 10 h, in Ségou.
    request({ category: 'account', status: 'resolved', region: 'Ségou', firstAnsweredAt: '2026-12-01T10:00:00.000Z', resolvedAt: '2026-12-01T18:00:00.000Z' }),
    // Answered after 4 h, still waiting, in Ségou.
    request({ category: 'account', status: 'waiting', region: 'Ségou', firstAnsweredAt: '2026-12-01T12:00:00.000Z' }),
    // Never answered, a visitor (no region).
    request({ category: 'site', status: 'new' }),
    // Resolved without a timestamp (old data): counted as resolved, not in durations.
    request({ category: 'cpims', status: 'resolved', region: 'Kayes' }),
  ]
  const figures = supportFigures(requests)

  it('counts totals and what is still open', () => {
    expect(figures.total).toBe(4)
    expect(figures.open).toBe(2)
  })
  it('measures first answers and resolutions only where they happened', () => {
    expect(figures.firstAnswer).toEqual({ count: 2, medianHours: 3, maxHours: 4 })
    expect(figures.resolution).toEqual({ count: 1, medianHours: 10, maxHours: 10 })
  })
  it('groups by category, every category present', () => {
    expect(figures.byCategory.account).toEqual({ total: 2, open: 1, firstAnswerMedianHours: 3, resolutionMedianHours: 10 })
    expect(figures.byCategory.site).toEqual({ total: 1, open: 1, firstAnswerMedianHours: null, resolutionMedianHours: null })
    expect(figures.byCategory.training.total).toBe(0)
  })
  it('groups by region, requests without one under a dash', () => {
    expect(figures.byRegion).toEqual({ Ségou: { total: 2, open: 1 }, [NO_REGION]: { total: 1, open: 1 }, Kayes: { total: 1, open: 0 } })
  })
  it('does not count a reopened request’s old resolution', () => {
    const reopened = supportFigures([request({ status: 'inProgress', resolvedAt: '2026-12-02T08:00:00.000Z' })])
    expect(reopened.resolution.count).toBe(0)
  })
})

describe('supportRequestsWaiting', () => {
  const now = at('2026-12-02T08:00:00.000Z')
  it('counts unresolved, urgent, unanswered and unassigned requests and the oldest wait', () => {
    const waiting = supportRequestsWaiting(
      [
        request({ urgency: 'urgent', status: 'new', createdAt: '2026-11-30T08:00:00.000Z' }),
        request({ status: 'inProgress', assignee: 3 }),
        request({ status: 'resolved', createdAt: '2026-01-01T00:00:00.000Z' }),
      ],
      now,
    )
    expect(waiting).toEqual({ total: 2, urgent: 1, unanswered: 1, unassigned: 1, oldestHours: 48 })
  })
  it('says nothing waits when all is resolved', () => {
    expect(supportRequestsWaiting([request({ status: 'resolved' })], now)).toEqual({ total: 0, urgent: 0, unanswered: 0, unassigned: 0, oldestHours: null })
  })
})

describe('resolutionStamp', () => {
  const now = at('2026-12-01T12:00:00.000Z')
  it('stamps a request that becomes resolved', () => {
    expect(resolutionStamp('inProgress', 'resolved', null, now)).toBe('2026-12-01T12:00:00.000Z')
  })
  it('keeps the first stamp while it stays resolved', () => {
    expect(resolutionStamp('resolved', 'resolved', '2026-11-01T00:00:00.000Z', now)).toBe('2026-11-01T00:00:00.000Z')
  })
  it('clears it when the request is reopened', () => {
    expect(resolutionStamp('resolved', 'inProgress', '2026-11-01T00:00:00.000Z', now)).toBeNull()
  })
})
