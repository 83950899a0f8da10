import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { EXPECTED_REVISION } from '../collections/SupervisionVisits/hooks.ts'
import { PortalError } from '../endpoints/errors.ts'
import type { SupervisionVisit, User } from '../payload-types.ts'
import { RATINGS, type Rating } from '../rules/competency-framework.ts'
import { VISIT_MODES, visitDifferences, type VisitMode } from '../rules/supervision.ts'

/** A visit as the form sends it (site/lib/offline-items.ts ZVisit, already checked for its shape). */
export type TVisitInput = {
  visit?: string
  revision?: number
  person: string
  date: string
  mode: VisitMode
  steps: string[]
  ratings: { behaviour: string; rating: string; observation: string }[]
  strengths: string
  gaps: string
  nextFollowUp?: string
  actions: { activity: string; deadline?: string }[]
}

/** The fields of a visit as a person reads them, to show what differs between two versions. */
function readable(v: Pick<TVisitInput, 'date' | 'mode' | 'ratings' | 'strengths' | 'gaps' | 'nextFollowUp'>): Record<string, string> {
  return {
    'Date de la visite': String(v.date ?? '').slice(0, 10),
    Modalité: VISIT_MODES[v.mode as VisitMode]?.fr ?? String(v.mode ?? ''),
    'Points forts': v.strengths ?? '',
    'Points à améliorer': v.gaps ?? '',
    'Prochain suivi': String(v.nextFollowUp ?? '').slice(0, 10),
    ...Object.fromEntries((v.ratings ?? []).map((r) => [`Comportement ${r.behaviour}`, `${RATINGS[r.rating as Rating]?.fr ?? r.rating}${r.observation ? ` — ${r.observation}` : ''}`])),
  }
}

/** The conflict answer: nothing written, each differing field named with both values. */
function conflict(mine: TVisitInput, stored: SupervisionVisit): PortalError {
  const differences = visitDifferences(readable(mine), readable({ ...stored, mode: stored.mode as VisitMode, ratings: (stored.ratings ?? []).map((r) => ({ behaviour: r.behaviour, rating: r.rating, observation: r.observation ?? '' })), strengths: stored.strengths ?? '', gaps: stored.gaps ?? '', nextFollowUp: stored.nextFollowUp ?? undefined }))
  return new PortalError(
    'editConflict',
    {},
    differences.map((d) => ({ path: d.field, message: `${d.field} — votre version : « ${d.mine || 'vide'} » ; version enregistrée : « ${d.stored || 'vide'} ».` })),
  )
}

/**
 * Records a visit and its agreed actions as the signed-in person (access rules on), all or nothing: the visit's own
 * checks (cms/collections/SupervisionVisits/hooks.ts) refuse a bad visit and nothing is written. A change to an
 * existing visit names the revision it started from; if the visit was saved since, the change is refused with the
 * differences (`editConflict`), never applied over the other person's.
 */
export async function saveVisit(payload: Payload, user: User, input: TVisitInput): Promise<{ id: number | string; created: boolean }> {
  const req = await createLocalReq({ user }, payload)
  const shouldCommit = await initTransaction(req)
  try {
    const data = {
      person: Number(input.person),
      date: input.date,
      mode: input.mode,
      stepsObserved: input.steps as SupervisionVisit['stepsObserved'],
      ratings: input.ratings.map((r) => ({ behaviour: r.behaviour, rating: r.rating as Rating, observation: r.observation || null })),
      strengths: input.strengths || null,
      gaps: input.gaps || null,
      nextFollowUp: input.nextFollowUp ?? null,
    }
    let id: number | string
    if (input.visit) {
      const stored = await payload.findByID({ collection: 'supervision-visits', id: input.visit, depth: 0, user, overrideAccess: false, disableErrors: true, req })
      if (!stored) throw new PortalError('notFound', { thing: 'visit' })
      if (input.revision !== (stored.revision ?? 1)) throw conflict(input, stored)
      id = (await payload.update({ collection: 'supervision-visits', id: stored.id, data, user, overrideAccess: false, req, context: { [EXPECTED_REVISION]: input.revision } })).id
    } else {
      id = (await payload.create({ collection: 'supervision-visits', data, user, overrideAccess: false, req })).id
    }
    for (const action of input.actions) {
      await payload.create({ collection: 'action-items', data: { activity: action.activity, deadline: action.deadline ?? null, status: 'toDo', source: { relationTo: 'supervision-visits', value: id as number } }, user, overrideAccess: false, req })
    }
    if (shouldCommit) await commitTransaction(req)
    return { id, created: !input.visit }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
