import type { Payload, PayloadHandler } from 'payload'
import { z } from 'zod'
import { audit, clientIp } from '../../auth/audit.ts'
import { PortalError } from '../../endpoints/errors.ts'
import { requireCapability } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { idOf } from '../../fields/relations.ts'
import type { Participant, User } from '../../payload-types.ts'
import { defaultMergeChoices, MERGE_FIELDS } from '../../rules/duplicates.ts'
import { refreshParticipantTrainers } from '../Trainings/shared.ts'

/** For each field, the record whose value is kept: the duplicate's (`from`) or the kept record's (`into`). */
export const ZMergeChoices = z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['from', 'into'], { error: 'Choisissez la valeur de l’une des deux fiches.' }))
export type TMergeChoices = z.infer<typeof ZMergeChoices>

/** The two records of a merge as the merge screen shows them, with when each was last seen in a training. */
export type TMergeSide = { person: Participant; enrolments: number; lastSeen: string }

/** A person with their enrolments count and the date they were last seen: their latest training's start, else their creation. */
export async function mergeSide(payload: Payload, id: string | number): Promise<TMergeSide | null> {
  const person = await payload.findByID({ collection: 'participants', id, depth: 1, overrideAccess: true, disableErrors: true })
  if (!person) return null
  const { docs } = await payload.find({ collection: 'enrolments', where: { participant: { equals: person.id } }, depth: 1, limit: 500, overrideAccess: true })
  const starts = docs.map((e) => (typeof e.training === 'object' && e.training ? String(e.training.startDate).slice(0, 10) : '')).filter(Boolean).sort()
  return { person, enrolments: docs.length, lastSeen: starts.at(-1) ?? String(person.createdAt).slice(0, 10) }
}

/**
 * Merges a duplicate into the kept record: the chosen values are written on the kept record, every enrolment of
 * the duplicate moves onto it, and the duplicate is deleted. Refused when both are enrolled in the same training.
 */
export async function mergeParticipantRecords(payload: Payload, args: { from: string | number; into: string | number; choices?: TMergeChoices; actor: User; ip: string | null }): Promise<{ from: number | string; into: number | string; moved: number }> {
  if (String(args.into) === String(args.from)) throw new PortalError('mergeIntoItself')
  const [source, target] = await Promise.all([mergeSide(payload, args.from), mergeSide(payload, args.into)])
  if (!source || !target) throw new PortalError('notFound', { thing: 'participant' })
  const [moving, kept] = await Promise.all(
    [source.person.id, target.person.id].map(async (id) => (await payload.find({ collection: 'enrolments', where: { participant: { equals: id } }, depth: 0, limit: 500, overrideAccess: true })).docs),
  )
  const clash = moving!.find((m) => kept!.some((k) => String(idOf(k.training)) === String(idOf(m.training))))
  if (clash) throw new PortalError('mergeSameTraining')
  const choices = { ...defaultMergeChoices({ lastSeen: source.lastSeen, values: source.person }, { lastSeen: target.lastSeen, values: target.person }), ...args.choices }
  const values = Object.fromEntries(MERGE_FIELDS.map((f) => [f, f === 'organisation' || f === 'region' ? idOf((choices[f] === 'from' ? source : target).person[f]) : (choices[f] === 'from' ? source : target).person[f] ?? null]))
  // The two are one person by a coordinator's decision: the kept record is confirmed distinct from any other.
  await payload.update({ collection: 'participants', id: target.person.id, data: { ...values, confirmedDistinct: true } as never, overrideAccess: true })
  for (const enrolment of moving!) {
    await payload.update({ collection: 'enrolments', id: enrolment.id, data: { participant: target.person.id }, overrideAccess: true })
  }
  await payload.delete({ collection: 'participants', id: source.person.id, overrideAccess: true })
  await refreshParticipantTrainers(payload, target.person.id)
  await audit(payload, { action: 'participant.merged', actor: args.actor as never, ip: args.ip, details: { from: source.person.id, into: target.person.id, enrolments: moving!.length, choices } })
  return { from: source.person.id, into: target.person.id, moved: moving!.length }
}

/**
 * POST /api/participants/:id/merge { into, choices? }: merges a duplicate into the kept record (coordination);
 * `choices` picks, per field, the duplicate's value ("from") or the kept record's ("into").
 */
export const mergeParticipants: PayloadHandler = endpoint(async (req) => {
  const user = requireCapability(req, 'coordinate')
  const body = (await req.json?.()) as { into?: unknown; choices?: unknown } | undefined
  const into = body?.into
  if (typeof into !== 'number' && typeof into !== 'string') throw new PortalError('mergeTargetMissing')
  const choices = ZMergeChoices.safeParse(body?.choices ?? {})
  if (!choices.success) throw new PortalError('invalidInput')
  const merged = await mergeParticipantRecords(req.payload, { from: req.routeParams?.id as string, into, choices: choices.data, actor: user, ip: clientIp(req.headers) })
  return Response.json({ message: `Fiche n° ${merged.from} fusionnée dans la fiche n° ${merged.into}.`, moved: merged.moved })
})
