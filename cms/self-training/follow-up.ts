import type { Payload } from 'payload'
import { z } from 'zod'
import type { User } from '../payload-types.ts'
import type { TQuiz } from '../../training/schema.ts'
import { wholePercent } from '../../training/rules/completion.ts'
import { ROLE_LABELS } from '../collections/Users/index.ts'
import { idOf, relatedText as nameOf } from '../fields/relations.ts'
import { ROLES } from '../rules/roles.ts'
import {
  filterLearners,
  learnerRows,
  moduleRates,
  mostFailedQuestions,
  progressBy,
  type TAttemptRecord,
  type TFollowUpFilter,
  type TLearner,
  type TModuleInfo,
  type TProgressRecord,
} from '../rules/self-training-analytics.ts'

/** An optional id in a query string: empty means "all". */
const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(z.string().regex(/^[A-Za-z0-9]{1,40}$/, { error: message }).optional())

/** The follow-up's filters, from the page's query string or the export's (`?structure=&region=&role=`). */
export const ZFollowUpFilters = z.object({
  structure: optionalId('Structure inconnue : choisissez-en une dans la liste.'),
  region: optionalId('Région inconnue : choisissez-en une dans la liste.'),
  role: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(z.enum(ROLES, { error: 'Rôle inconnu : choisissez-en un dans la liste.' }).optional()),
})
export type TFollowUpFilters = z.infer<typeof ZFollowUpFilters>

/** What ZFollowUpFilters parses from a query string (other parameters ignored). */
export function followUpQuery(searchParams: URLSearchParams): Record<keyof TFollowUpFilters, string | undefined> {
  return { structure: searchParams.get('structure') ?? undefined, region: searchParams.get('region') ?? undefined, role: searchParams.get('role') ?? undefined }
}

/** A role's French name, as exports and the page print it. */
export const roleLabel = (role: string): string => ROLE_LABELS[role as keyof typeof ROLE_LABELS]?.fr ?? role

/** The follow-up tables for a trainer, coordinator or admin (access rules decide what they read), for the learners the filters keep. */
export async function followUp(payload: Payload, user: User, filters: TFollowUpFilters = {}) {
  const [modulesFound, progressFound, attemptsFound] = await Promise.all([
    // Questions' prompts for the "most missed" table: read as the system (the answers are not shown).
    payload.find({ collection: 'modules', sort: 'order', limit: 50, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'module-progress', limit: 0, pagination: false, depth: 0, user, overrideAccess: false }),
    payload.find({ collection: 'quiz-attempts', limit: 0, pagination: false, depth: 0, user, overrideAccess: false }),
  ])
  const userIds = [...new Set(progressFound.docs.map((p) => idOf(p.user)))]
  // Learners' names and scope are read for people who follow them (trainers included), within this report only.
  const people = userIds.length
    ? (await payload.find({ collection: 'users', where: { id: { in: userIds } }, limit: userIds.length, depth: 1, overrideAccess: true, select: { name: true, organisation: true, region: true, roles: true } })).docs
    : []
  const everyone: TLearner[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    organisation: nameOf(p.organisation, 'acronym'),
    region: nameOf(p.region, 'name'),
    roles: p.roles ?? [],
    organisationId: idOf(p.organisation),
    regionId: idOf(p.region),
  }))
  const filter: TFollowUpFilter = { organisation: filters.structure, region: filters.region, role: filters.role }
  const learners = filterLearners(everyone, filter)
  const kept = new Set(learners.map((l) => String(l.id)))
  const modules: TModuleInfo[] = modulesFound.docs.map((m) => ({ id: m.id, title: m.title, questions: (m.quiz as TQuiz).questions.map((q) => ({ id: q.id, prompt: q.prompt })) }))
  const progressDocs = progressFound.docs.filter((p) => kept.has(String(idOf(p.user))))
  const progress: TProgressRecord[] = progressDocs.map((p) => ({ user: idOf(p.user)!, module: idOf(p.module)!, completed: Boolean(p.completedAt), at: p.updatedAt }))
  const attempts: TAttemptRecord[] = attemptsFound.docs
    .filter((a) => kept.has(String(idOf(a.user))))
    .map((a) => ({ user: idOf(a.user)!, module: idOf(a.module)!, passed: a.passed, results: a.results as TAttemptRecord['results'], at: a.createdAt }))
  const distinct = (pairs: [string | number | null, string][]) =>
    [...new Map(pairs.filter(([id, label]) => id !== null && label).map(([id, label]) => [String(id), label])).entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'fr'))
  return {
    totalModules: modules.length,
    // What the filters can choose from: the organisations, regions and roles of the learners followed.
    choices: {
      structure: distinct(everyone.map((l) => [l.organisationId ?? null, l.organisation])),
      region: distinct(everyone.map((l) => [l.regionId ?? null, l.region])),
      role: [...new Set(everyone.flatMap((l) => l.roles))].map((r) => ({ value: r, label: roleLabel(r) })).sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    },
    learners: learnerRows(learners, progress, attempts),
    modules: moduleRates(modules, progress, attempts),
    byOrganisation: progressBy('organisation', learners, modules, progress),
    byRegion: progressBy('region', learners, modules, progress),
    byRole: progressBy('role', learners, modules, progress),
    failed: mostFailedQuestions(modules, attempts),
    // One row per learner and module, for the (journalled) export.
    rows: progressDocs.map((p) => {
      const learner = learners.find((l) => String(l.id) === String(idOf(p.user)))
      const module = modules.find((m) => String(m.id) === String(idOf(p.module)))
      return [
        learner?.name ?? '',
        learner?.organisation ?? '',
        learner?.region ?? '',
        (learner?.roles ?? []).map(roleLabel).join(', '),
        module?.title ?? '',
        String(wholePercent(p.watchedRatio ?? 0)),
        p.bestScore === null || p.bestScore === undefined ? '' : String(p.bestScore),
        p.completedAt ? p.completedAt.slice(0, 10) : '',
        p.updatedAt ? p.updatedAt.slice(0, 10) : '',
      ]
    }),
  }
}

/** Column headings of the progress export: one row per learner and module started. */
export const FOLLOW_UP_HEADERS = ['Apprenant', 'Structure', 'Région', 'Rôles', 'Module', 'Part de la vidéo regardée (%)', 'Meilleur score au quiz (%)', 'Module terminé le', 'Dernière activité le']
