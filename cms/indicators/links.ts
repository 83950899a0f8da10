import { OPEN_STATUSES } from '../rules/action-items.ts'
import { adminListHref, type TCondition } from '../rules/admin-links.ts'
import { TRAININGS_NOT_HELD } from '../rules/dashboard.ts'
import { civilDay } from '../rules/periods.ts'
import { figuresAsOf, type TIndicatorRow, type TQuarterState } from '../rules/dashboard-indicators.ts'
import type { TDashboard } from './load.ts'

// Where each figure of the dashboard leads: the back-office list of the records behind it, filtered the way the
// figure counts them (period, region, organisation), or the portal page that details it.

/** The link of each row of `indicatorRows`, by key (rows without records behind them have none). */
export function indicatorLinks(dashboard: Pick<TDashboard, 'query' | 'region' | 'organisation'>, quarters: readonly TQuarterState[], now: Date): (row: TIndicatorRow) => string | undefined {
  const { from, to } = dashboard.query
  const region = dashboard.region?.id
  const organisation = dashboard.organisation?.id
  const day = (field: string): TCondition[] => [[field, 'greater_than_equal', from], [field, 'less_than_equal', `${to}T23:59:59.999Z`]]
  const only = (field: string, id: number | string | undefined): TCondition[] => (id === undefined ? [] : [[field, 'equals', id]])
  const enrolments = (sex?: 'F' | 'M') => adminListHref('enrolments', [...day('training.startDate'), ...only('training.region', region), ...only('participant.organisation', organisation), ...(sex ? ([['participant.sex', 'equals', sex]] as const) : [])])
  const statistics = `/presentiel/statistiques?${new URLSearchParams({ du: from, au: to, ...(dashboard.region ? { region: dashboard.region.name } : {}), ...(dashboard.organisation ? { structure: dashboard.organisation.name } : {}) })}`
  const learners = [...only('user.region', region), ...only('user.organisation', organisation)]
  const support = [...day('createdAt'), ...only('region', region), ...only('requester.organisation', organisation)]
  const plan = [...day('deadline'), ...only('region', region)]
  const fixed: Record<string, string> = {
    'trainings.held': adminListHref('trainings', [...day('startDate'), ['status', 'not_in', TRAININGS_NOT_HELD], ...only('region', region), ...only('organiser', organisation)], 'startDate'),
    'trainings.people': enrolments(),
    'trainings.women': enrolments('F'),
    'trainings.men': enrolments('M'),
    'selfTraining.completions': adminListHref('module-progress', [...day('completedAt'), ...learners], '-completedAt'),
    'selfTraining.certificates': adminListHref('certificates', [...day('issuedAt'), ['revoked', 'not_equals', true], ...learners], '-issuedAt'),
    'supervision.trained': enrolments(),
    'supervision.followed': adminListHref('supervision-visits', [['date', 'greater_than_equal', from], ...only('region', region), ...only('organisation', organisation)], '-date'),
    'supervision.share': '/suivi-formatif',
    'plan.total': adminListHref('capacity-plan-items', plan, 'deadline'),
    'actionItems.overdue': adminListHref('action-items', [['status', 'in', OPEN_STATUSES], ['deadline', 'less_than', civilDay(figuresAsOf({ to }, now))], ...only('responsibleOrganisation', organisation)], 'deadline'),
    'support.received': adminListHref('support-requests', support, 'createdAt'),
    'support.resolved': adminListHref('support-requests', [['resolvedAt', 'greater_than_equal', from], ['resolvedAt', 'less_than_equal', `${to}T23:59:59.999Z`], ['status', 'equals', 'resolved'], ...only('region', region), ...only('requester.organisation', organisation)], 'resolvedAt'),
    'support.waiting': adminListHref('support-requests', [...support, ['status', 'not_equals', 'resolved']], 'createdAt'),
  }
  const meetingOf = new Map(quarters.map((q) => [`meetings.${q.code}`, q.meetingId === null ? '/reunions' : `/reunions/${q.meetingId}`]))
  return (row) => {
    if (fixed[row.key]) return fixed[row.key]
    if (meetingOf.has(row.key)) return meetingOf.get(row.key)
    if (row.key.startsWith('plan.')) return adminListHref('capacity-plan-items', [...plan, ['status', 'equals', row.key.slice('plan.'.length)]], 'deadline')
    if (row.key.startsWith('trainings.')) return statistics
    return undefined
  }
}
