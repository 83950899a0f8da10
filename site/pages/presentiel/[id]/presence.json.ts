import type { APIRoute } from 'astro'
import { z } from 'zod'
import { canRunTrainings, markAttendance } from '../../../lib/trainings.ts'

const ZMarks = z.object({
  day: z.iso.date(),
  marks: z.array(z.object({ enrolment: z.string().regex(/^[A-Za-z0-9]{1,40}$/), status: z.enum(['present', 'late', 'absent', 'excused']) })).min(1).max(500),
})

/** POST marks from the attendance screen (JSON); idempotent so that a replay after a dropped link is harmless. */
export const POST: APIRoute = async ({ request, locals, params }) => {
  if (!canRunTrainings(locals.user)) return Response.json({ errors: [{ message: 'Connectez-vous comme formateur.' }] }, { status: 401 })
  const parsed = ZMarks.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ errors: [{ message: 'Présences invalides : jour ou état inconnu.' }] }, { status: 400 })
  const training = await locals.payload.findByID({ collection: 'trainings', id: params.id ?? '', depth: 0, user: locals.user, overrideAccess: false, disableErrors: true })
  if (!training) return Response.json({ errors: [{ message: 'Formation introuvable.' }] }, { status: 404 })
  try {
    const saved = await markAttendance(locals.payload, locals.user, parsed.data.day, parsed.data.marks)
    return Response.json({ saved })
  } catch (error) {
    return Response.json({ errors: [{ message: (error as Error).message }] }, { status: 422 })
  }
}
