import { z } from 'zod'
import { PortalError } from '#cms/endpoints/errors.ts'
import { requireCapability } from '#cms/endpoints/guards.ts'
import { route } from '../../../lib/endpoint.ts'
import { markAttendance } from '../../../lib/trainings.ts'

const ZMarks = z.object({
  day: z.iso.date({ error: 'Jour invalide : une date AAAA-MM-JJ est attendue.' }),
  marks: z
    .array(
      z.object({
        enrolment: z.string().regex(/^[A-Za-z0-9]{1,40}$/, { error: 'Inscription inconnue.' }),
        status: z.enum(['present', 'late', 'absent', 'excused'], { error: 'État inconnu : present, late, absent ou excused.' }),
      }),
      { error: 'Présences invalides : une liste de présences est attendue.' },
    )
    .min(1, { error: 'Aucune présence envoyée.' })
    .max(500, { error: 'Trop de présences en une fois (500 au plus).' }),
})

/** POST marks from the attendance screen (JSON); idempotent so that a replay after a dropped link is harmless. */
export const POST = route(async ({ locals, params, request }) => {
  const user = requireCapability(locals, 'runTrainings')
  const marks = ZMarks.parse(await request.json().catch(() => null))
  const training = await locals.payload.findByID({ collection: 'trainings', id: params.id ?? '', depth: 0, user, overrideAccess: false, disableErrors: true })
  if (!training) throw new PortalError('notFound', { thing: 'training' })
  return Response.json({ saved: await markAttendance(locals.payload, user, marks.day, marks.marks) })
})
