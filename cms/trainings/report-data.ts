import type { Field, Payload } from 'payload'
import type { User } from '../payload-types.ts'
import type { TPhoto, TTrainingReport } from '../reports/training-report.ts'
import { reportImageBytes } from '../collections/ReportImages.ts'
import { idOf } from '../fields/relations.ts'
import { EVALUATION_ITEMS, TRAINING_KINDS } from '../rules/training-vocabulary.ts'
import type { TEnrolment, TParticipant } from '../rules/trainings.ts'
import { itemsOfSource, type TActionItem } from '../rules/action-items.ts'
import { relatedText as nameOf } from '../fields/relations.ts'


/**
 * Everything the training report needs, read as the person asking (a trainer gets only their own trainings):
 * null when the training does not exist or is not theirs.
 */
export async function trainingReportData(payload: Payload, trainingId: string | number, user: User): Promise<TTrainingReport | null> {
  const training = await payload.findByID({ collection: 'trainings', id: trainingId, depth: 1, user, overrideAccess: false, disableErrors: true })
  if (!training) return null
  const [enrolments, nextSteps] = await Promise.all([
    payload.find({ collection: 'enrolments', where: { training: { equals: training.id } }, depth: 2, limit: 5000, user, overrideAccess: false }),
    payload.find({ collection: 'action-items', where: itemsOfSource('trainings', training.id), sort: 'deadline', limit: 500, depth: 0, user, overrideAccess: false }),
  ])
  const participants: TParticipant[] = []
  const rows: TEnrolment[] = []
  for (const e of enrolments.docs) {
    const p = typeof e.participant === 'object' ? e.participant : null
    if (!p) continue
    participants.push({ id: p.id, firstName: p.firstName, lastName: p.lastName, sex: p.sex, function: p.function, organisation: nameOf(p.organisation, 'acronym'), region: nameOf(p.region, 'name'), phone: p.phone ?? null, email: p.email ?? null })
    const evaluation = e.evaluation ?? {}
    // Ratings are keyed by their French label: the report prints them as they are.
    const ratings = Object.fromEntries(
      Object.entries(evaluation)
        .filter(([k, v]) => k in EVALUATION_ITEMS && typeof v === 'number')
        .map(([k, v]) => [EVALUATION_ITEMS[k as keyof typeof EVALUATION_ITEMS].fr, v as number]),
    )
    rows.push({
      participantId: p.id,
      attendance: (e.attendance ?? []).map((a) => ({ date: a.date, status: a.status })),
      preTest: e.preTest ?? null,
      postTest: e.postTest ?? null,
      evaluation: Object.keys(ratings).length > 0 || evaluation.comment ? { ratings, comment: evaluation.comment ?? undefined } : undefined,
    })
  }
  const responsible = await responsibleNames(payload, nextSteps.docs)
  const trainers = (training.trainers ?? []).map((t) => (typeof t === 'object' && t ? t.name : '')).filter(Boolean)
  // The photos are private files: read as the system now that the training itself was read with the person's rights.
  const photos: TPhoto[] = []
  for (const photo of training.photos ?? []) {
    const id = idOf(photo.image)
    const image = id === null ? null : await reportImageBytes(payload, id)
    if (image) photos.push({ image, caption: photo.caption, onCover: photo.onCover ?? false })
  }
  return {
    title: training.title,
    kind: TRAINING_KINDS[training.kind as keyof typeof TRAINING_KINDS]?.fr ?? training.kind,
    startDate: String(training.startDate).slice(0, 10),
    endDate: String(training.endDate).slice(0, 10),
    venue: training.venue,
    region: nameOf(training.region, 'name'),
    organiser: nameOf(training.organiser, 'name') || nameOf(training.organiser, 'acronym'),
    funder: training.funder ? nameOf(training.funder, 'name') : null,
    trainers,
    context: training.context,
    objectives: training.objectives,
    specificObjectives: training.specificObjectives,
    expectedResults: training.expectedResults,
    methodology: training.methodology,
    agenda: training.agenda,
    programme: (training.programme ?? []).map((d) => ({ date: String(d.date).slice(0, 10), modules: d.modules, facilitators: d.facilitators, practised: d.practised, openedBy: d.openedBy, closedBy: d.closedBy })),
    photos,
    recommendations: training.recommendations,
    evaluationNotes: training.evaluationNotes,
    conclusion: training.conclusion,
    participants,
    enrolments: rows,
    nextSteps: nextSteps.docs.map((n): TActionItem => ({ activity: n.activity, status: n.status, deadline: n.deadline ?? null, owner: responsible(n), comments: n.comments ?? null })),
  }
}

/**
 * Who answers for each next step, as printed: the person, else the organisation, else the free text. The names are
 * read as the system: a trainer may not list accounts, but the report names whoever is responsible.
 */
async function responsibleNames(payload: Payload, items: { responsiblePerson?: unknown; responsibleOrganisation?: unknown; owner?: string | null }[]) {
  const ids = (field: 'responsiblePerson' | 'responsibleOrganisation') => [...new Set(items.map((i) => idOf(i[field])).filter((id): id is number | string => id !== null))]
  const [people, organisations] = [ids('responsiblePerson'), ids('responsibleOrganisation')]
  const [users, structures] = await Promise.all([
    people.length ? payload.find({ collection: 'users', where: { id: { in: people } }, select: { name: true }, limit: people.length, depth: 0, overrideAccess: true }) : null,
    organisations.length ? payload.find({ collection: 'organisations', where: { id: { in: organisations } }, select: { acronym: true }, limit: organisations.length, depth: 0, overrideAccess: true }) : null,
  ])
  const nameOfUser = new Map((users?.docs ?? []).map((u) => [String(u.id), u.name]))
  const acronymOf = new Map((structures?.docs ?? []).map((o) => [String(o.id), o.acronym]))
  return (item: (typeof items)[number]): string | null =>
    nameOfUser.get(String(idOf(item.responsiblePerson))) || acronymOf.get(String(idOf(item.responsibleOrganisation))) || item.owner?.trim() || null
}

/** A written section of the training report: its field and its label. */
export type TReportSection = { name: string; label: { fr: string; en: string } }

/** The written sections of the report, in form order: the trainings' fields marked `custom.reportSection`. */
export function reportSections(fields: Field[]): TReportSection[] {
  return fields.flatMap((field): TReportSection[] => {
    // Rows and collapsibles only: a group or an array (the programme's days) is not a section of its own.
    if ((field.type === 'row' || field.type === 'collapsible') && Array.isArray(field.fields)) return reportSections(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => reportSections(tab.fields))
    if ('name' in field && field.custom?.reportSection) return [{ name: field.name, label: field.label as { fr: string; en: string } }]
    return []
  })
}

/** The written sections a training leaves empty: the report would print "Non renseigné" there. */
export function emptyReportSections(fields: Field[], training: Record<string, unknown>): TReportSection[] {
  return reportSections(fields).filter((section) => String(training[section.name] ?? '').trim() === '')
}
