import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { z } from 'zod'
import { checkToken, parseToken } from '../auth/tokens.ts'
import { QUIET } from '../collections/Meetings/hooks.ts'
import { PortalError, type TFieldError } from '../endpoints/errors.ts'
import { idOf } from '../fields/relations.ts'
import type { ActionItem, Meeting, User } from '../payload-types.ts'
import { itemsOfSource, OPEN_STATUSES, type ActionItemStatus } from '../rules/action-items.ts'
import {
  bamakoInstant,
  carriedActionPoints,
  isInvited,
  meetingProblems,
  quarterCompliance,
  rsvpRefusal,
  withAnswer,
  type RsvpAnswer,
  type TMeeting,
  type TQuarterCompliance,
  type TRsvp,
} from '../rules/meetings.ts'
import { periodBounds, periodDays, periodLabel } from '../rules/periods.ts'

// The framework meetings' operations, shared by the `/api/meetings` endpoints and the portal's pages: schedule a
// year, quarter compliance, the agenda with carried-over action points, minutes and attendance, RSVP answers.

type Req = Partial<PayloadRequest>
// A record id: a number (SQLite; forms send it as digits) or a MongoDB ObjectId.
const ZId = z.union([z.number().int().positive(), z.string().regex(/^\d{1,15}$/).transform(Number), z.string().regex(/^[a-f0-9]{24}$/)], { error: 'Identifiant invalide.' })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date invalide : indiquez une date AAAA-MM-JJ.' })
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Heure invalide : indiquez une heure HH:MM.' })

// ---------------------------------------------------------------------------------------------------------------
// Quarter compliance

/**
 * The quarter compliance of a year at `now` (held / planned / missing per quarter, and whether the alert is due):
 * what the coordinators' dashboard shows and `GET /api/meetings/compliance?year=` answers.
 */
export async function meetingCompliance(payload: Payload, year: number, now: Date, req?: Req): Promise<TQuarterCompliance[]> {
  const { start } = periodBounds({ type: 'year', year })
  const { end } = periodBounds({ type: 'year', year })
  const { docs } = await payload.find({
    collection: 'meetings',
    overrideAccess: true,
    req,
    depth: 0,
    limit: 500,
    pagination: false,
    where: { and: [{ kind: { equals: 'quarterly' } }, { start: { greater_than_equal: start.toISOString() } }, { start: { less_than: end.toISOString() } }] },
  })
  return quarterCompliance(docs as unknown as TMeeting[], year, now)
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduling the year's four quarterly meetings

export const ZScheduleYear = z.object({
  year: z.coerce.number({ error: 'Année invalide.' }).int({ error: 'Année invalide.' }).min(2000, { error: 'Année invalide.' }).max(2100, { error: 'Année invalide.' }),
  dates: z.array(day).length(4, { error: 'Indiquez une date pour chacun des quatre trimestres.' }),
  startTime: time,
  endTime: time,
  venue: z.string().trim().max(200, { error: 'Lieu trop long (200 caractères au plus).' }).optional(),
  onlineLink: z.union([z.literal(''), z.string().regex(/^https:\/\/[^\s"<>]+$/, { error: 'Lien invalide : indiquez une adresse commençant par https://.' })]).optional(),
  invitedOrganisations: z.array(ZId).max(100).default([]),
  invitedPeople: z.array(ZId).max(300).default([]),
})
export type TScheduleYear = z.infer<typeof ZScheduleYear>

const ordinal = (q: number) => (q === 1 ? '1er' : `${q}e`)

/**
 * Creates the year's four quarterly meetings at once, all or nothing: each date must fall in its quarter, no
 * quarter may already have a quarterly meeting planned or held, and each meeting must pass the meeting rules. The
 * invitations go out as each meeting is created.
 */
export async function scheduleYear(req: PayloadRequest, input: TScheduleYear, now: Date): Promise<Meeting[]> {
  const { payload } = req
  const errors: TFieldError[] = []
  const existing = await meetingCompliance(payload, input.year, now, req)
  const planned = input.dates.map((date, i) => {
    const quarter = { type: 'quarter' as const, year: input.year, quarter: i + 1 }
    const { first, last } = periodDays(quarter)
    const start = bamakoInstant(date, input.startTime)
    const end = bamakoInstant(date, input.endTime)
    if (date < first || date > last) errors.push({ path: `dates.${i}`, message: `La réunion du ${periodLabel(quarter)} doit avoir lieu entre le ${first.split('-').reverse().join('/')} et le ${last.split('-').reverse().join('/')}.` })
    else if (existing[i]!.state !== 'missing') errors.push({ path: `dates.${i}`, message: `Le ${periodLabel(quarter)} a déjà une réunion trimestrielle ${existing[i]!.state === 'held' ? 'tenue' : 'planifiée'}.` })
    else for (const p of meetingProblems({ status: 'planned', start: start.toISOString(), end: end.toISOString() }, now)) errors.push({ path: p.path === 'end' ? 'endTime' : `dates.${i}`, message: p.message })
    return { quarter: i + 1, start, end }
  })
  if (errors.length > 0) throw new PortalError('invalidInput', {}, errors.filter((e, i, all) => all.findIndex((o) => o.path === e.path) === i))
  const shouldCommit = await initTransaction(req)
  try {
    const created: Meeting[] = []
    for (const m of planned) {
      created.push(
        await payload.create({
          collection: 'meetings',
          req,
          user: req.user,
          overrideAccess: false,
          data: {
            title: `Réunion du cadre commun — ${ordinal(m.quarter)} trimestre ${input.year}`,
            kind: 'quarterly',
            status: 'planned',
            start: m.start.toISOString(),
            end: m.end.toISOString(),
            venue: input.venue || undefined,
            onlineLink: input.onlineLink || undefined,
            organiser: (await organisationOf(payload, req.user as User | null, req)) ?? undefined,
            invitedOrganisations: input.invitedOrganisations as number[],
            invitedPeople: input.invitedPeople as number[],
            agenda: [{ item: 'Suivi des points d’action de la réunion précédente' }, { item: 'Revue du plan de renforcement des capacités' }, { item: 'Divers' }],
          },
        }),
      )
    }
    if (shouldCommit) await commitTransaction(req)
    return created
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

async function organisationOf(payload: Payload, user: User | null, req: Req): Promise<number | undefined> {
  const own = idOf(user?.organisation)
  if (own !== null) return own as number
  const { docs } = await payload.find({ collection: 'organisations', where: { acronym: { equals: 'DNPEF' } }, limit: 1, depth: 0, overrideAccess: true, req })
  return docs[0]?.id
}

// ---------------------------------------------------------------------------------------------------------------
// The agenda and the action points

export type TAgenda = { items: string[]; carried: ActionItem[] }

/** A meeting's agenda: its own items, then the open action points of earlier meetings (until they are closed). */
export async function agendaOf(payload: Payload, meeting: Meeting, req?: Req): Promise<TAgenda> {
  const [earlier, open] = await Promise.all([
    payload.find({ collection: 'meetings', overrideAccess: true, req, depth: 0, limit: 1000, pagination: false, select: { start: true, status: true }, where: { start: { less_than: meeting.start } } }),
    payload.find({ collection: 'action-items', overrideAccess: true, req, depth: 1, limit: 1000, pagination: false, sort: 'deadline', where: { and: [{ 'source.relationTo': { equals: 'meetings' } }, { status: { in: [...OPEN_STATUSES] } }] } }),
  ])
  const points = open.docs.map((item) => ({ ...item, meeting: idOf(item.source.value) as number, status: item.status as ActionItemStatus }))
  const carried = carriedActionPoints(meeting as unknown as TMeeting, earlier.docs as unknown as TMeeting[], points)
  return { items: (meeting.agenda ?? []).map((a) => a.item), carried }
}

/** The action points recorded at a meeting (its minutes' table). */
export async function actionPointsOf(payload: Payload, meetingId: number | string, req?: Req): Promise<ActionItem[]> {
  return (await payload.find({ collection: 'action-items', overrideAccess: true, req, depth: 1, limit: 500, pagination: false, sort: 'deadline', where: itemsOfSource('meetings', meetingId) })).docs
}

// ---------------------------------------------------------------------------------------------------------------
// Minutes and attendance

export const ZMinutes = z.object({
  discussion: z.string().max(20000, { error: 'Texte trop long (20 000 caractères au plus).' }).default(''),
  decisions: z.string().max(10000, { error: 'Texte trop long (10 000 caractères au plus).' }).default(''),
  planReview: z.string().max(10000, { error: 'Texte trop long (10 000 caractères au plus).' }).default(''),
  present: z.array(ZId).max(500).default([]),
  held: z.boolean().default(true),
  actionPoint: z
    .object({
      activity: z.string().trim().min(1, { error: 'Indiquez l’action à mener.' }).max(300, { error: 'Action trop longue (300 caractères au plus).' }),
      responsibleOrganisation: ZId.optional(),
      responsiblePerson: ZId.optional(),
      deadline: day.optional(),
    })
    .optional(),
})
export type TMinutesInput = z.infer<typeof ZMinutes>

/**
 * Records a meeting's minutes as the signed-in coordinator: the texts, who was present (invitees, with their
 * organisation), the meeting marked held, and one new action point. All or nothing; the meeting rules apply (a
 * meeting cannot be held before it starts).
 */
export async function recordMinutes(req: PayloadRequest, id: number | string, input: TMinutesInput): Promise<Meeting> {
  const { payload } = req
  const meeting = await payload.findByID({ collection: 'meetings', id, depth: 0, user: req.user, overrideAccess: false, disableErrors: true, req })
  if (!meeting) throw new PortalError('notFound', { thing: 'meeting' })
  const present = input.present.length === 0 ? [] : (await payload.find({ collection: 'users', overrideAccess: true, req, depth: 0, limit: 500, pagination: false, where: { id: { in: input.present } } })).docs
  const shouldCommit = await initTransaction(req)
  try {
    const updated = await payload.update({
      collection: 'meetings',
      id,
      req,
      user: req.user,
      overrideAccess: false,
      data: {
        discussion: input.discussion,
        decisions: input.decisions,
        planReview: input.planReview,
        ...(input.held ? { status: 'held' as const } : {}),
        ...(present.length > 0 ? { attendance: present.map((p) => ({ person: p.id, organisation: idOf(p.organisation) as number | undefined })) } : {}),
      },
    })
    if (input.actionPoint) {
      await payload.create({
        collection: 'action-items',
        req,
        user: req.user,
        overrideAccess: false,
        data: {
          activity: input.actionPoint.activity,
          status: 'toDo',
          deadline: input.actionPoint.deadline,
          responsibleOrganisation: input.actionPoint.responsibleOrganisation as number | undefined,
          responsiblePerson: input.actionPoint.responsiblePerson as number | undefined,
          source: { relationTo: 'meetings', value: updated.id },
        },
      })
    }
    if (shouldCommit) await commitTransaction(req)
    return updated
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

// ---------------------------------------------------------------------------------------------------------------
// RSVP without signing in

/** The refusal of an answer link: unknown, tampered, expired or revoked (a cancelled meeting revokes its links). */
export const INVALID_RSVP = { fr: 'Ce lien de réponse n’est pas valide ou a expiré : rien n’a été enregistré. Utilisez le lien du dernier e-mail reçu, ou répondez depuis la page « Réunions » du portail.', en: 'This answer link is invalid or has expired: nothing was saved. Use the link of the latest email, or answer from the portal’s “Meetings” page.' }

export type TRsvpLink = { ok: true; meeting: Meeting; person: User; answer: RsvpAnswer | null } | { ok: false; reason: { fr: string; en: string } }

/**
 * What an answer link leads to at `now`: the meeting and the invitee, or why nothing can be answered (the link is
 * not valid, or the meeting was cancelled or is over). Reading the link changes nothing.
 */
export async function rsvpLink(payload: Payload, token: string, now: Date): Promise<TRsvpLink> {
  const parsed = parseToken(token)
  if (!parsed) return { ok: false, reason: INVALID_RSVP }
  // The meeting the link is bound to is read from the token's record, then the token is checked against it.
  const { docs } = await payload.find({ collection: 'auth-tokens', overrideAccess: true, depth: 0, limit: 1, where: { tokenId: { equals: parsed.id }, purpose: { equals: 'rsvp' } } })
  const subject = docs[0]?.subject ?? ''
  const found = subject.startsWith('meetings:') ? await checkToken(payload, token, ['rsvp'], now, subject) : null
  if (!found) return { ok: false, reason: INVALID_RSVP }
  const meetingId = subject.slice('meetings:'.length)
  const [meeting, person] = await Promise.all([
    payload.findByID({ collection: 'meetings', id: meetingId, depth: 0, overrideAccess: true, disableErrors: true }),
    payload.findByID({ collection: 'users', id: found.userId, depth: 0, overrideAccess: true, disableErrors: true }),
  ])
  if (!meeting || !person || person.active === false) return { ok: false, reason: INVALID_RSVP }
  const refusal = rsvpRefusal(meeting as unknown as TMeeting, now)
  if (refusal) return { ok: false, reason: refusal }
  const previous = (meeting.rsvps ?? []).find((r) => String(idOf(r.person)) === String(person.id))
  return { ok: true, meeting, person, answer: (previous?.answer as RsvpAnswer | undefined) ?? null }
}

/** Records a person's answer to a meeting (their previous answer replaced), as the server. */
export async function saveAnswer(payload: Payload, meeting: Meeting, personId: number | string, answer: RsvpAnswer, now: Date): Promise<Meeting> {
  const rsvps = withAnswer((meeting.rsvps ?? []).map((r) => ({ person: idOf(r.person)!, answer: r.answer as RsvpAnswer, answeredAt: r.answeredAt })) as TRsvp[], personId, answer, now)
  return payload.update({ collection: 'meetings', id: meeting.id, overrideAccess: true, depth: 0, context: { [QUIET]: true }, data: { rsvps: rsvps.map((r) => ({ person: r.person as number, answer: r.answer, answeredAt: r.answeredAt })) } })
}

/** Records an answer through a link; the link is checked again (and the meeting's state) at the moment of writing. */
export async function answerRsvp(payload: Payload, token: string, answer: RsvpAnswer, now: Date): Promise<TRsvpLink> {
  const link = await rsvpLink(payload, token, now)
  if (!link.ok) return link
  return { ok: true, meeting: await saveAnswer(payload, link.meeting, link.person.id, answer, now), person: link.person, answer }
}

/** Records a signed-in invitee's answer from the portal; refused when they are not invited or the meeting is over. */
export async function answerAsInvitee(payload: Payload, meeting: Meeting, user: User, answer: RsvpAnswer, now: Date): Promise<Meeting> {
  if (!isInvited(user, meeting)) throw new PortalError('notFound', { thing: 'meeting' })
  const refusal = rsvpRefusal(meeting as unknown as TMeeting, now)
  if (refusal) throw new PortalError('rejected', { reason: refusal })
  return saveAnswer(payload, meeting, user.id, answer, now)
}
