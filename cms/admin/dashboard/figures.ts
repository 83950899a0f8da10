import type { Payload } from 'payload'
import type { User } from '../../payload-types.ts'
import { idOf } from '../../fields/relations.ts'
import { OPEN_STATUSES, type ActionItemStatus } from '../../rules/action-items.ts'
import { isReportWritten, overdueItems, thisYear, trainedByRegion, trainerAgenda, TRAININGS_NOT_HELD, unfinishedLearners, type TDashTraining, type TParticipation } from '../../rules/dashboard.ts'
import { civilDay } from '../../rules/periods.ts'
import type { Sex } from '../../rules/trainings.ts'

// The one module that reads the records behind the dashboard's figures; the figures themselves are the rules of
// cms/rules/dashboard.ts. Every read is made as the signed-in person (`overrideAccess: false`) so that a figure
// never counts what its reader may not see, except where a comment says why.

/** What every figure is computed for: who reads it and when. */
export type TFigureContext = { payload: Payload; user: User; now: Date }

const asTraining = (t: { id: number; title: string; startDate: string; endDate: string; status: string; region?: unknown; evaluationNotes?: string | null; recommendations?: string | null }): TDashTraining => ({
  id: t.id,
  title: t.title,
  startDate: t.startDate,
  endDate: t.endDate,
  status: t.status,
  region: idOf(t.region),
  reportWritten: isReportWritten(t),
})

const trainingSelect = { title: true, startDate: true, endDate: true, status: true, region: true, evaluationNotes: true, recommendations: true } as const

/** People trained this year per region of the training, by sex, with the regions' names (alphabetical). */
export async function trainedThisYear({ payload, user, now }: TFigureContext) {
  const year = thisYear(now)
  const [trainings, regions] = await Promise.all([
    payload.find({ collection: 'trainings', where: { and: [{ startDate: { greater_than_equal: year.first } }, { startDate: { less_than_equal: `${year.last}T23:59:59.999Z` } }] }, select: { region: true }, depth: 0, limit: 0, pagination: false, user, overrideAccess: false }),
    // Region names are reference data everyone reads.
    payload.find({ collection: 'regions', select: { name: true }, depth: 0, limit: 0, pagination: false, overrideAccess: true }),
  ])
  const regionOf = new Map(trainings.docs.map((t) => [String(t.id), idOf(t.region)]))
  const enrolments = trainings.docs.length
    ? (await payload.find({ collection: 'enrolments', where: { training: { in: trainings.docs.map((t) => t.id) } }, select: { training: true, participant: true }, depth: 0, limit: 0, pagination: false, user, overrideAccess: false })).docs
    : []
  const participantIds = [...new Set(enrolments.map((e) => idOf(e.participant)))]
  const people = participantIds.length
    ? (await payload.find({ collection: 'participants', where: { id: { in: participantIds } }, select: { sex: true }, depth: 0, limit: 0, pagination: false, user, overrideAccess: false })).docs
    : []
  const sexOf = new Map(people.map((p) => [String(p.id), p.sex as Sex]))
  const participations: TParticipation[] = enrolments.flatMap((e) => {
    const participant = idOf(e.participant)
    const region = regionOf.get(String(idOf(e.training)))
    const sex = sexOf.get(String(participant))
    return participant !== null && region !== null && region !== undefined && sex ? [{ participant, sex, trainingRegion: region }] : []
  })
  const names = new Map(regions.docs.map((r) => [String(r.id), r.name]))
  const { rows, total } = trainedByRegion(participations)
  return {
    year,
    total,
    rows: rows.map((r) => ({ ...r, name: names.get(String(r.region)) ?? String(r.region) })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  }
}

/** The open action items whose deadline is over, soonest deadline first. */
export async function overdueActionItems({ payload, user, now }: TFigureContext) {
  const { docs } = await payload.find({
    collection: 'action-items',
    where: { and: [{ status: { in: [...OPEN_STATUSES] } }, { deadline: { less_than: civilDay(now) } }] },
    select: { activity: true, status: true, deadline: true },
    sort: 'deadline',
    depth: 0,
    limit: 0,
    pagination: false,
    user,
    overrideAccess: false,
  })
  return overdueItems(docs.map((d) => ({ ...d, status: d.status as ActionItemStatus })), now)
}

/** Trainings held and over whose written report is missing, oldest first. */
export async function trainingsWithoutReport({ payload, user, now }: TFigureContext) {
  const { docs } = await payload.find({
    collection: 'trainings',
    where: { and: [{ endDate: { less_than: civilDay(now) } }, { status: { not_in: [...TRAININGS_NOT_HELD] } }] },
    select: trainingSelect,
    sort: 'endDate',
    depth: 0,
    limit: 0,
    pagination: false,
    user,
    overrideAccess: false,
  })
  return trainerAgenda(docs.map(asTraining), now).toReport
}

/** Self-training this year: certificates issued (not revoked), and the people who started without finishing. */
export async function selfTrainingFigures({ payload, user, now }: TFigureContext) {
  const year = thisYear(now)
  const [progress, certificates] = await Promise.all([
    payload.find({ collection: 'module-progress', select: { user: true }, depth: 0, limit: 0, pagination: false, user, overrideAccess: false }),
    payload.find({ collection: 'certificates', where: { revoked: { not_equals: true } }, select: { user: true, issuedAt: true }, depth: 0, limit: 0, pagination: false, user, overrideAccess: false }),
  ])
  const unfinished = unfinishedLearners(
    progress.docs.map((p) => idOf(p.user)!),
    certificates.docs.map((c) => idOf(c.user)!),
  )
  const completedThisYear = certificates.docs.filter((c) => c.issuedAt && civilDay(new Date(c.issuedAt)) >= year.first && civilDay(new Date(c.issuedAt)) <= year.last).length
  return { year, completedThisYear, unfinished }
}

/** The people behind the "not finished" figure, by name, with how many modules each completed and when last active. */
export async function unfinishedSelfTraining(context: TFigureContext) {
  const { payload, user } = context
  const { unfinished } = await selfTrainingFigures(context)
  if (unfinished.length === 0) return []
  const [people, progress] = await Promise.all([
    // Names, organisation and region of the learners followed: the follow-up tables show them to the same readers.
    payload.find({ collection: 'users', where: { id: { in: unfinished } }, select: { name: true, organisation: true, region: true }, depth: 1, limit: 0, pagination: false, overrideAccess: true }),
    payload.find({ collection: 'module-progress', where: { user: { in: unfinished } }, select: { user: true, completedAt: true, updatedAt: true }, depth: 0, limit: 0, pagination: false, user, overrideAccess: false }),
  ])
  return people.docs
    .map((p) => {
      const own = progress.docs.filter((r) => String(idOf(r.user)) === String(p.id))
      return {
        id: p.id,
        name: p.name,
        organisation: typeof p.organisation === 'object' && p.organisation ? (p.organisation.acronym ?? p.organisation.name) : '',
        region: typeof p.region === 'object' && p.region ? p.region.name : '',
        modulesStarted: own.length,
        modulesCompleted: own.filter((r) => r.completedAt).length,
        lastActivity: own.map((r) => r.updatedAt).sort().at(-1) ?? null,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}

/** The trainings the person runs, sorted into upcoming, today's and to report. */
export async function myTrainings({ payload, user, now }: TFigureContext) {
  const { docs } = await payload.find({ collection: 'trainings', where: { trainers: { in: [user.id] } }, select: trainingSelect, depth: 0, limit: 0, pagination: false, user, overrideAccess: false })
  return { count: docs.length, ...trainerAgenda(docs.map(asTraining), now) }
}

/** Content drafts (latest version not published), most recent first. */
export async function contentDrafts({ payload, user }: TFigureContext) {
  const find = (collection: 'resources' | 'news') =>
    payload.find({ collection, draft: true, where: { _status: { equals: 'draft' } }, select: { title: true, updatedAt: true }, sort: '-updatedAt', depth: 0, limit: 0, pagination: false, user, overrideAccess: false })
  const [resources, news] = await Promise.all([find('resources'), find('news')])
  return { resources: resources.docs, news: news.docs }
}

/** Publications and withdrawals scheduled and not done yet, soonest first, with the title of the document. */
export async function scheduledPublications({ payload, user, now }: TFigureContext) {
  // Scheduled publications live in Payload's jobs queue, which only administrators read; an editor sees the
  // schedule of the documents they may edit (the title below is read with their rights).
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    // The same query as Payload's schedule drawer (its "upcoming events").
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { waitUntil: { greater_than: now.toISOString() } }] },
    sort: 'waitUntil',
    depth: 0,
    limit: 200,
    overrideAccess: true,
  })
  const scheduled = await Promise.all(
    docs.map(async (job) => {
      const input = (job.input ?? {}) as { type?: string; doc?: { relationTo?: string; value?: string | number } }
      const collection = input.doc?.relationTo
      if ((collection !== 'resources' && collection !== 'news') || input.doc?.value === undefined) return null
      const doc = await payload.findByID({ collection, id: Number(input.doc.value), draft: true, select: { title: true }, depth: 0, user, overrideAccess: false, disableErrors: true })
      return doc ? { collection, id: doc.id, title: doc.title, at: job.waitUntil ?? null, type: input.type === 'unpublish' ? ('unpublish' as const) : ('publish' as const) } : null
    }),
  )
  return scheduled.filter((s) => s !== null)
}

/** Consultation comments still awaiting the drafting team's decision, oldest first. */
export async function commentsAwaitingAnswer({ payload, user }: TFigureContext) {
  return payload.find({ collection: 'consultation-comments', where: { decision: { equals: 'pending' } }, select: { section: true, resource: true, createdAt: true }, sort: 'createdAt', depth: 1, limit: 5, user, overrideAccess: false })
}
