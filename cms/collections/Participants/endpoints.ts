import type { PayloadHandler } from 'payload'
import { audit, clientIp } from '../../auth/audit.ts'
import { PortalError } from '../../endpoints/errors.ts'
import { requireCapability } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { idOf } from '../../fields/relations.ts'
import { refreshParticipantTrainers } from '../Trainings/shared.ts'

/** POST /api/participants/:id/merge { into }: moves every enrolment of a duplicate onto the kept record (coordination). */
export const mergeParticipants: PayloadHandler = endpoint(async (req) => {
  requireCapability(req, 'coordinate')
  const body = (await req.json?.()) as { into?: unknown } | undefined
  const from = req.routeParams?.id as string
  const into = body?.into
  if (typeof into !== 'number' && typeof into !== 'string') throw new PortalError('mergeTargetMissing')
  if (String(into) === String(from)) throw new PortalError('mergeIntoItself')
  const { payload } = req
  const [source, target] = await Promise.all([
    payload.findByID({ collection: 'participants', id: from, overrideAccess: true, depth: 0, disableErrors: true }),
    payload.findByID({ collection: 'participants', id: into, overrideAccess: true, depth: 0, disableErrors: true }),
  ])
  if (!source || !target) throw new PortalError('notFound', { thing: 'participant' })
  const [moving, kept] = await Promise.all(
    [source.id, target.id].map(async (id) => (await payload.find({ collection: 'enrolments', where: { participant: { equals: id } }, depth: 0, limit: 500, overrideAccess: true })).docs),
  )
  const clash = moving!.find((m) => kept!.some((k) => String(idOf(k.training)) === String(idOf(m.training))))
  if (clash) throw new PortalError('mergeSameTraining')
  for (const enrolment of moving!) {
    await payload.update({ collection: 'enrolments', id: enrolment.id, data: { participant: target.id }, overrideAccess: true })
  }
  await payload.delete({ collection: 'participants', id: source.id, overrideAccess: true })
  await refreshParticipantTrainers(payload, target.id)
  await audit(payload, { action: 'participant.merged', actor: req.user as never, ip: clientIp(req.headers), details: { from: source.id, into: target.id, enrolments: moving!.length } })
  return Response.json({ message: `Fiche n° ${source.id} fusionnée dans la fiche n° ${target.id}.`, moved: moving!.length })
})
