import { adminDocHref, adminListHref } from '../../rules/admin-links.ts'
import { OPEN_STATUSES } from '../../rules/action-items.ts'
import { formatDateTime, formatDay } from '../../rules/display.ts'
import { civilDay } from '../../rules/periods.ts'
import { can, type Capability } from '../../rules/roles.ts'
import type { Label } from '../../rules/toolkit.ts'
import { meetingCompliance } from '../../meetings/operations.ts'
import { supportQueueSummary } from '../../support/requests.ts'
import { peopleNeverFollowedUp, visitsDue } from '../../supervision/data.ts'
import { commentsAwaitingAnswer, contentDrafts, myTrainings, overdueActionItems, scheduledPublications, selfTrainingFigures, trainedThisYear, trainingsWithoutReport, type TFigureContext } from './figures.ts'

// The back office's dashboard is this list of sections: each one says who sees it (a capability), where it sits
// ("À faire" or "Chiffres") and how it loads its content. A new capability (supervision, framework meetings, the
// support desk…) adds ONE entry at the end of DASHBOARD_SECTIONS, its figures computed by its own rules.

/** A figure: a number with what it counts, linking to the list behind it; `alert` marks what is late. */
export type TFigure = { label: string; value: number | string; href?: string; alert?: boolean }
/** A cell of a table; a number cell links to the list it counts. */
export type TCell = { text: string; href?: string; alert?: boolean }
export type TTable = { caption: string; head: string[]; rows: TCell[][]; foot?: TCell[] }
/** A line of a list: a record and what to say about it (a date, a state). */
export type TItem = { text: string; href: string; detail?: string; alert?: boolean }

/** What a section shows; every part is optional. `empty` is said when there is nothing to show. */
export type TSectionContent = { figures?: TFigure[]; table?: TTable; items?: TItem[]; links?: { text: string; href: string }[]; empty?: string }

/** Everything a section's loader receives: the reader, the time, and their language. */
export type TSectionContext = TFigureContext & { lang: 'fr' | 'en'; l: (label: Label) => string }

export type TDashboardSection = {
  id: string
  /** "À faire" (what waits for the person) or "Chiffres" (where things stand). */
  area: 'todo' | 'figures'
  title: Label
  /** Who sees the section. */
  capability: Capability
  /** The content; `null` when the section has nothing to say to this person (it is then left out). */
  load: (context: TSectionContext) => Promise<TSectionContent | null>
}

const MAX_ITEMS = 5

/** The back-office page listing, by name, the people who started self-training without finishing it. */
export const UNFINISHED_SELF_TRAINING_PATH = '/admin/suivi-autoformation'

/** The list of exactly these records; no link when there are none (the list would show everything). */
const listOf = (collection: string, ids: readonly (number | string)[], sort?: string) => (ids.length ? adminListHref(collection, [['id', 'in', ids]], sort) : undefined)

export const DASHBOARD_SECTIONS: TDashboardSection[] = [
  {
    id: 'overdue-next-steps',
    area: 'todo',
    title: { fr: 'Prochaines étapes en retard', en: 'Overdue next steps' },
    capability: 'coordinate',
    load: async (context) => {
      const { l, now } = context
      const items = await overdueActionItems(context)
      const href = adminListHref('action-items', [['status', 'in', OPEN_STATUSES], ['deadline', 'less_than', civilDay(now)]], 'deadline')
      return {
        figures: [{ label: l({ fr: 'en retard (échéance passée, non réalisées)', en: 'overdue (deadline passed, not done)' }), value: items.length, href, alert: items.length > 0 }],
        items: items.slice(0, MAX_ITEMS).map((i) => ({ text: i.activity, href: adminDocHref('action-items', i.id), detail: l({ fr: `échéance ${formatDay(i.deadline)}`, en: `due ${formatDay(i.deadline)}` }), alert: true })),
      }
    },
  },
  {
    id: 'trainings-without-report',
    area: 'todo',
    title: { fr: 'Formations sans rapport', en: 'Trainings without a report' },
    capability: 'coordinate',
    load: async (context) => {
      const { l } = context
      const trainings = await trainingsWithoutReport(context)
      return {
        figures: [{ label: l({ fr: 'formations terminées sans synthèse ni recommandations', en: 'trainings over without evaluation summary or recommendations' }), value: trainings.length, href: listOf('trainings', trainings.map((t) => t.id), 'endDate'), alert: trainings.length > 0 }],
        items: trainings.slice(0, MAX_ITEMS).map((t) => ({ text: t.title, href: adminDocHref('trainings', t.id), detail: l({ fr: `terminée le ${formatDay(t.endDate)}`, en: `ended ${formatDay(t.endDate)}` }) })),
      }
    },
  },
  {
    id: 'people-trained',
    area: 'figures',
    title: { fr: 'Personnes formées cette année, par région de la formation', en: 'People trained this year, by region of the training' },
    capability: 'coordinate',
    load: async (context) => {
      const { l } = context
      const { year, rows, total } = await trainedThisYear(context)
      const within = [['training.startDate', 'greater_than_equal', year.first], ['training.startDate', 'less_than_equal', `${year.last}T23:59:59.999Z`]] as const
      const cell = (count: number, region: number | string | null, sex: 'F' | 'M' | null): TCell => ({
        text: String(count),
        href: adminListHref('enrolments', [...within, ...(region === null ? [] : ([['training.region', 'equals', region]] as const)), ...(sex ? ([['participant.sex', 'equals', sex]] as const) : [])]),
      })
      return {
        table: {
          caption: l({ fr: `Personnes formées en ${year.year} (chacune comptée une fois par région ; chaque nombre ouvre les inscriptions correspondantes)`, en: `People trained in ${year.year} (each counted once per region; each number opens the matching enrolments)` }),
          head: [l({ fr: 'Région de la formation', en: 'Region of the training' }), l({ fr: 'Femmes', en: 'Women' }), l({ fr: 'Hommes', en: 'Men' }), l({ fr: 'Total', en: 'Total' })],
          rows: rows.map((r) => [{ text: r.name }, cell(r.women, r.region, 'F'), cell(r.men, r.region, 'M'), cell(r.total, r.region, null)]),
          foot: [{ text: l({ fr: 'Total (personnes distinctes)', en: 'Total (distinct people)' }) }, cell(total.women, null, 'F'), cell(total.men, null, 'M'), cell(total.total, null, null)],
        },
        empty: rows.length === 0 ? l({ fr: `Personne n’a encore été formé en ${year.year}.`, en: `Nobody trained yet in ${year.year}.` }) : undefined,
        links: [{ text: l({ fr: 'Tableau de bord des indicateurs (période, région, structure)', en: 'Indicators dashboard (period, region, organisation)' }), href: '/rapports/indicateurs' }],
      }
    },
  },
  {
    id: 'self-training',
    area: 'figures',
    title: { fr: 'Autoformation', en: 'Self-training' },
    capability: 'coordinate',
    load: async (context) => {
      const { l } = context
      const { year, completedThisYear, unfinished } = await selfTrainingFigures(context)
      return {
        figures: [
          { label: l({ fr: `attestations délivrées en ${year.year} (autoformation terminée)`, en: `certificates issued in ${year.year} (self-training completed)` }), value: completedThisYear, href: adminListHref('certificates', [['issuedAt', 'greater_than_equal', year.first], ['revoked', 'not_equals', true]], '-issuedAt') },
          { label: l({ fr: 'personnes ayant commencé sans terminer', en: 'people who started without finishing' }), value: unfinished.length, href: UNFINISHED_SELF_TRAINING_PATH },
        ],
        links: [{ text: l({ fr: 'Suivi détaillé de l’autoformation', en: 'Detailed self-training follow-up' }), href: '/formation/suivi' }],
      }
    },
  },
  {
    id: 'my-trainings',
    area: 'todo',
    title: { fr: 'Mes formations', en: 'My trainings' },
    capability: 'runTrainings',
    load: async (context) => {
      const { l, now, user } = context
      const mine = await myTrainings(context)
      // Coordination and administrators who run no training themselves have their national sections instead.
      if (mine.count === 0 && can(user, 'coordinate')) return null
      const today = civilDay(now)
      const items: TItem[] = [
        ...mine.today.map((t) => ({ text: t.title, href: `/presentiel/${t.id}/presence/${today}`, detail: l({ fr: 'aujourd’hui — saisir la présence du jour', en: 'today — take today’s attendance' }), alert: true })),
        ...mine.toReport.map((t) => ({ text: t.title, href: adminDocHref('trainings', t.id), detail: l({ fr: `terminée le ${formatDay(t.endDate)} — rapport à rédiger`, en: `ended ${formatDay(t.endDate)} — report to write` }) })),
        ...mine.upcoming.map((t) => ({ text: t.title, href: `/presentiel/${t.id}`, detail: l({ fr: `à venir, du ${formatDay(t.startDate)} au ${formatDay(t.endDate)} — ajouter des participants`, en: `upcoming, ${formatDay(t.startDate)} to ${formatDay(t.endDate)} — add participants` }) })),
      ]
      return {
        figures: [
          { label: l({ fr: 'aujourd’hui', en: 'today' }), value: mine.today.length, href: listOf('trainings', mine.today.map((t) => t.id)), alert: mine.today.length > 0 },
          { label: l({ fr: 'rapports à rédiger', en: 'reports to write' }), value: mine.toReport.length, href: listOf('trainings', mine.toReport.map((t) => t.id), 'endDate') },
          { label: l({ fr: 'à venir', en: 'upcoming' }), value: mine.upcoming.length, href: listOf('trainings', mine.upcoming.map((t) => t.id), 'startDate') },
        ],
        items,
        links: [
          { text: l({ fr: 'Présence et notes sur téléphone', en: 'Attendance and scores on a phone' }), href: '/presentiel' },
          { text: l({ fr: 'Planifier une formation', en: 'Plan a training' }), href: '/admin/collections/trainings/create' },
        ],
        empty: items.length === 0 ? l({ fr: 'Aucune formation en cours, à venir ou à rapporter.', en: 'No training ongoing, upcoming or to report.' }) : undefined,
      }
    },
  },
  {
    id: 'consultation-comments',
    area: 'todo',
    title: { fr: 'Commentaires de consultation en attente de réponse', en: 'Consultation comments awaiting an answer' },
    capability: 'editContent',
    load: async (context) => {
      const { l } = context
      const pending = await commentsAwaitingAnswer(context)
      return {
        figures: [{ label: l({ fr: 'en attente de décision', en: 'awaiting a decision' }), value: pending.totalDocs, href: adminListHref('consultation-comments', [['decision', 'equals', 'pending']], 'createdAt'), alert: pending.totalDocs > 0 }],
        items: pending.docs.map((c) => ({ text: `${typeof c.resource === 'object' && c.resource ? c.resource.title : ''} — ${c.section}`, href: adminDocHref('consultation-comments', c.id), detail: l({ fr: `reçu le ${formatDay(c.createdAt)}`, en: `received ${formatDay(c.createdAt)}` }) })),
      }
    },
  },
  {
    id: 'drafts-and-schedule',
    area: 'todo',
    title: { fr: 'Brouillons et publications programmées', en: 'Drafts and scheduled publications' },
    capability: 'editContent',
    load: async (context) => {
      const { l } = context
      const [drafts, scheduled] = await Promise.all([contentDrafts(context), scheduledPublications(context)])
      const draftsOf = (collection: 'resources' | 'news') => adminListHref(collection, [['_status', 'equals', 'draft']], '-updatedAt')
      return {
        figures: [
          { label: l({ fr: 'ressources en brouillon', en: 'resources in draft' }), value: drafts.resources.length, href: draftsOf('resources') },
          { label: l({ fr: 'actualités en brouillon', en: 'news in draft' }), value: drafts.news.length, href: draftsOf('news') },
          { label: l({ fr: 'publications programmées', en: 'scheduled publications' }), value: scheduled.length },
        ],
        items: scheduled.map((s) => ({
          text: s.title,
          href: adminDocHref(s.collection, s.id),
          detail: s.type === 'publish' ? l({ fr: `publication programmée le ${formatDateTime(s.at)}`, en: `publication scheduled ${formatDateTime(s.at)}` }) : l({ fr: `retrait programmé le ${formatDateTime(s.at)}`, en: `withdrawal scheduled ${formatDateTime(s.at)}` }),
        })),
      }
    },
  },
  {
    id: 'follow-ups-due',
    area: 'todo',
    title: { fr: 'Suivis formatifs à faire', en: 'Follow-ups due' },
    capability: 'supervise',
    load: async ({ payload, user, now, l }) => {
      const due = await visitsDue(payload, user, now)
      return {
        figures: [{ label: l({ fr: 'suivis prévus cette semaine ou en retard', en: 'follow-ups this week or late' }), value: due.length, href: '/suivi-formatif', alert: due.some((d) => d.overdue) }],
        items: due.slice(0, MAX_ITEMS).map((d) => ({ text: d.name, href: `/suivi-formatif/personne/${d.person}`, detail: l({ fr: `${d.overdue ? 'en retard, ' : ''}prévu le ${formatDay(d.due)}`, en: `${d.overdue ? 'late, ' : ''}due ${formatDay(d.due)}` }), alert: d.overdue })),
      }
    },
  },
  {
    id: 'never-followed-up',
    area: 'todo',
    title: { fr: 'Personnes formées jamais suivies (plus de 60 jours)', en: 'People trained never followed up (over 60 days)' },
    capability: 'supervise',
    load: async ({ payload, user, now, l }) => {
      const people = await peopleNeverFollowedUp(payload, user, now)
      return {
        figures: [{ label: l({ fr: 'personnes sans aucun suivi formatif', en: 'people without any follow-up' }), value: people.length, href: '/suivi-formatif', alert: people.length > 0 }],
        items: people.slice(0, MAX_ITEMS).map((p) => ({ text: p.name, href: `/suivi-formatif/personne/${p.id}`, detail: l({ fr: `${p.organisation}, ${p.region} — formée le ${formatDay(p.trainedOn)}`, en: `${p.organisation}, ${p.region} — trained ${formatDay(p.trainedOn)}` }) })),
      }
    },
  },
  {
    id: 'framework-quarters',
    area: 'figures',
    title: { fr: 'Réunions du cadre commun par trimestre', en: 'Framework meetings by quarter' },
    capability: 'coordinate',
    load: async ({ payload, now, l }) => {
      const quarters = await meetingCompliance(payload, Number(civilDay(now).slice(0, 4)), now)
      const state = { held: { fr: 'tenue', en: 'held' }, planned: { fr: 'planifiée', en: 'planned' }, missing: { fr: 'aucune', en: 'none' } } as const
      return {
        items: quarters.map((q) => ({
          text: q.label,
          href: q.meetingId === null ? '/reunions' : `/reunions/${q.meetingId}`,
          detail: l(state[q.state]),
          alert: q.state === 'missing' && q.daysLeft > 0,
        })),
      }
    },
  },
  {
    id: 'support-waiting',
    area: 'todo',
    title: { fr: 'Demandes d’assistance en attente', en: 'Support requests waiting' },
    capability: 'handleSupport',
    load: async ({ payload, now, l }) => {
      const waiting = await supportQueueSummary(payload, now)
      const open = adminListHref('support-requests', [['status', 'not_equals', 'resolved']], 'createdAt')
      return {
        figures: [
          { label: l({ fr: 'demandes non résolues', en: 'unresolved requests' }), value: waiting.total, href: open },
          { label: l({ fr: 'dont urgentes', en: 'of which urgent' }), value: waiting.urgent, href: adminListHref('support-requests', [['status', 'not_equals', 'resolved'], ['urgency', 'equals', 'urgent']], 'createdAt'), alert: waiting.urgent > 0 },
          { label: l({ fr: 'sans réponse', en: 'unanswered' }), value: waiting.unanswered, href: adminListHref('support-requests', [['status', 'equals', 'new']], 'createdAt'), alert: waiting.unanswered > 0 },
        ],
      }
    },
  },
]

/** The sections this person sees, in registry order, split into the dashboard's two areas. */
export function sectionsFor(user: Parameters<typeof can>[0]): TDashboardSection[] {
  return DASHBOARD_SECTIONS.filter((section) => can(user, section.capability))
}
