import type { Endpoint, PayloadHandler } from 'payload'
import { MINISTRY_LETTERHEAD } from '../../documents/model.ts'
import { renderDocx } from '../../documents/docx.ts'
import { renderPdf } from '../../documents/pdf.ts'
import { download, personalDataDownload } from '../../endpoints/download.ts'
import { PortalError } from '../../endpoints/errors.ts'
import { requireCapability, requireUser } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { choiceParam } from '../../endpoints/params.ts'
import { exportTable } from '../../endpoints/table-export.ts'
import { idOf, relatedText } from '../../fields/relations.ts'
import { buildSupervisionSummary, buildVisitReport, summaryRows } from '../../reports/supervision.ts'
import { itemsOfSource } from '../../rules/action-items.ts'
import { findBehaviour } from '../../rules/competency-framework.ts'
import { periodBounds, periodLabel, parsePeriodCode } from '../../rules/periods.ts'
import { can } from '../../rules/roles.ts'
import { commonGaps, competencyProgress, coverage, coverageBySupervisor, visitsByRegionAndMode } from '../../rules/supervision.ts'
import { currentFramework, frameworkVersion } from '../../supervision/framework.ts'
import { peopleInReach, trainedPeople, visitFacts, visitFactsInReach } from '../../supervision/data.ts'

/**
 * GET /api/supervision-visits/coverage[?training=<id>] — JSON: how many trained people had at least one follow-up,
 * by region and organisation, and who has not. With a training: its participants, for its trainers (without any
 * rating), supervisors (their area) and coordination. Without: national totals and the line of each supervisor for
 * coordination, a supervisor's area for a supervisor. Supervisors and coordination also get `progress`: competency
 * progress from first to latest visit by region and organisation.
 */
const coverageHandler: PayloadHandler = async (req) => {
  const user = requireUser(req, { fr: 'voir la couverture du suivi formatif', en: 'see supervision coverage' })
  const training = req.searchParams.get('training')
  const now = new Date()
  const all = await trainedPeople(req.payload)
  let people = peopleInReach(user, all)
  if (training !== null) {
    const readable = await req.payload.findByID({ collection: 'trainings', id: training, depth: 0, user, overrideAccess: false, disableErrors: true })
    if (readable && !can(user, 'supervise')) people = all
    else if (!readable && !can(user, 'supervise')) throw new PortalError('notFound', { thing: 'training' })
    const exists = await req.payload.count({ collection: 'trainings', where: { id: { equals: training } }, overrideAccess: true })
    if (exists.totalDocs === 0) throw new PortalError('notFound', { thing: 'training' })
  } else if (!can(user, 'supervise')) throw new PortalError('capabilityMissing', { capability: 'supervise' })
  const visits = await visitFacts(req.payload)
  const result = coverage(people, visits, now, training ?? undefined)
  if (!can(user, 'supervise')) return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
  // Competency progress (first visit vs latest) is rating data: for supervision and coordination, never trainers.
  const framework = await currentFramework(req.payload)
  const counted = training === null ? people : people.filter((p) => p.trainings.some((t) => String(t.id) === training))
  const progress = framework ? { byRegion: competencyProgress(counted, visits, framework, now, 'region'), byOrganisation: competencyProgress(counted, visits, framework, now, 'organisation') } : null
  if (training !== null || !can(user, 'coordinate')) return Response.json({ ...result, progress }, { headers: { 'Cache-Control': 'no-store' } })
  const supervisors = await req.payload.find({ collection: 'users', where: { roles: { in: ['supervisor'] } }, pagination: false, depth: 1, overrideAccess: true })
  const bySupervisor = coverageBySupervisor(all, visits, supervisors.docs.map((s) => ({ id: s.id, name: s.name, organisation: relatedText(s.organisation, 'acronym') || null, region: relatedText(s.region, 'name') || null })), now)
  return Response.json({ ...result, progress, bySupervisor }, { headers: { 'Cache-Control': 'no-store' } })
}

/** GET /api/supervision-visits/:id/report?format=pdf|docx — the visit report, for the person and their organisation. */
const reportHandler: PayloadHandler = async (req) => {
  const user = requireUser(req, { fr: 'télécharger le rapport de visite', en: 'download the visit report' })
  const format = choiceParam(req.searchParams, 'format', ['pdf', 'docx'], 'pdf')
  const visit = await req.payload.findByID({ collection: 'supervision-visits', id: String(req.routeParams?.id ?? ''), depth: 0, user, overrideAccess: false, disableErrors: true })
  if (!visit) throw new PortalError('notFound', { thing: 'visit' })
  const [person, supervisor, enrolments, actions, framework] = await Promise.all([
    req.payload.findByID({ collection: 'participants', id: idOf(visit.person)!, depth: 1, overrideAccess: true }),
    visit.supervisor ? req.payload.findByID({ collection: 'users', id: idOf(visit.supervisor)!, depth: 0, overrideAccess: true, disableErrors: true }) : null,
    req.payload.find({ collection: 'enrolments', where: { participant: { equals: idOf(visit.person) } }, depth: 1, limit: 100, overrideAccess: true }),
    req.payload.find({ collection: 'action-items', where: itemsOfSource('supervision-visits', visit.id), sort: 'deadline', limit: 200, depth: 1, overrideAccess: true }),
    visit.frameworkVersion ? frameworkVersion(req.payload, visit.frameworkVersion) : null,
  ])
  const data = {
    person: {
      name: person.fullName ?? `${person.lastName} ${person.firstName}`,
      function: person.function,
      organisation: relatedText(person.organisation, 'name') || relatedText(person.organisation, 'acronym'),
      region: relatedText(person.region, 'name'),
      trainings: enrolments.docs.map((e) => (typeof e.training === 'object' && e.training ? `${e.training.title} (${String(e.training.startDate).slice(0, 10)})` : '')).filter(Boolean),
    },
    supervisor: supervisor?.name ?? '',
    date: String(visit.date),
    mode: visit.mode,
    stepsObserved: visit.stepsObserved ?? [],
    frameworkVersion: visit.frameworkVersion ?? '',
    framework,
    ratings: visit.ratings ?? [],
    strengths: visit.strengths,
    gaps: visit.gaps,
    nextFollowUp: visit.nextFollowUp,
    actions: actions.docs.map((a) => ({ activity: a.activity, status: a.status, deadline: a.deadline ?? null, owner: a.owner ?? null, responsible: relatedText(a.responsiblePerson, 'name') || a.owner || '' })),
  }
  const doc = buildVisitReport(data)
  const body = format === 'pdf' ? await renderPdf(doc, { letterhead: MINISTRY_LETTERHEAD }) : await renderDocx(doc, { letterhead: MINISTRY_LETTERHEAD })
  return personalDataDownload(req, { what: 'supervision-visit-report', rows: 1, details: { visit: visit.id } }, { body, kind: format, fileName: `visite-suivi-${String(visit.date).slice(0, 10)}-${visit.id}.${format}` })
}

/** GET /api/supervision-visits/summary?month=YYYY-MM&format=pdf|xlsx — the monthly summary (aggregates, no names). */
const summaryHandler: PayloadHandler = async (req) => {
  const user = requireCapability(req, 'supervise')
  const format = choiceParam(req.searchParams, 'format', ['pdf', 'xlsx'], 'pdf')
  const monthText = req.searchParams.get('month') ?? ''
  const period = /^\d{4}-\d{2}$/.test(monthText) ? parsePeriodCode(monthText.replace('-', '')) : null
  if (!period || period.type !== 'month') throw new PortalError('invalidInput', {}, [{ path: 'month', message: 'Mois invalide : indiquez-le au format AAAA-MM (ex. 2026-03).' }])
  const { start, end } = periodBounds(period)
  const visits = await visitFactsInReach(req.payload, user, { and: [{ date: { greater_than_equal: start.toISOString() } }, { date: { less_than: end.toISOString() } }] })
  const people = peopleInReach(user, await trainedPeople(req.payload))
  const framework = await currentFramework(req.payload)
  const gaps = commonGaps(visits).map((g) => ({ behaviour: (framework && findBehaviour(framework, g.behaviour)?.text.fr) || g.behaviour, count: g.count }))
  // Coverage at the end of the month: the last instant of its last day.
  const summary = { monthLabel: periodLabel(period), byRegionAndMode: visitsByRegionAndMode(visits), coverage: coverage(people, await visitFacts(req.payload), new Date(end.getTime() - 1)), gaps }
  if (format === 'xlsx') {
    const { headers, rows } = summaryRows(summary)
    rows.push([], ['Points à renforcer les plus fréquents', 'Nombre'], ...gaps.map((g) => [g.behaviour, g.count]))
    return exportTable(req, { headers, rows, sheet: 'Synthèse', title: `Synthèse du suivi formatif — ${summary.monthLabel}` }, { format: 'xlsx', fileName: `synthese-suivi-formatif-${monthText}`, personalData: false })
  }
  const body = await renderPdf(buildSupervisionSummary(summary), { letterhead: MINISTRY_LETTERHEAD })
  return download({ body, kind: 'pdf', fileName: `synthese-suivi-formatif-${monthText}.pdf` })
}

/** Custom routes of the supervision visits collection (before `/:id`, so `coverage` and `summary` are not ids). */
export const supervisionEndpoints: Endpoint[] = [
  { path: '/coverage', method: 'get', handler: endpoint(coverageHandler) },
  { path: '/summary', method: 'get', handler: endpoint(summaryHandler) },
  { path: '/:id/report', method: 'get', handler: endpoint(reportHandler) },
]
