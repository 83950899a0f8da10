import { randomBytes } from 'node:crypto'
import { ValidationError, type Payload } from 'payload'
import { env } from '../config/env.ts'
import { queueEmail } from '../email/adapter.ts'
import { supportReceived, supportUrgentAlert } from '../email/templates.ts'
import { PortalError } from '../endpoints/errors.ts'
import { idOf } from '../fields/relations.ts'
import type { SupportRequest, User } from '../payload-types.ts'
import { labelOf, SUPPORT_CATEGORIES, supportFigures, supportReference, supportRequestsWaiting, type SupportCategory, type SupportUrgency, type TSupportFigures, type TSupportWaiting } from '../rules/support.ts'
import { SCREENSHOT_POLICY, uploadProblem } from '../uploads/check.ts'

/** What the form sends, already checked by its zod schema (site/lib/forms.ts, ZSupportRequest). */
export type TSupportInput = {
  category: SupportCategory
  urgency: SupportUrgency
  description: string
  /** Visitors only: where to answer, and how to greet them. Signed-in people are answered at their account's address. */
  email?: string
  name?: string
  pageUrl: string
  browser: string
  screenshot?: { name: string; data: Buffer; mimetype: string }
}

/**
 * Records a difficulty report with the server's authority: the screenshot checked from its bytes and stored as a
 * private file, a reference number, the requester's account and region; then the acknowledgement to the requester
 * and, for an urgent request, an alert to the desk's people on duty (every administrator when nobody is on duty,
 * so an urgent request never waits unseen). If the request cannot be written, the stored screenshot is removed.
 */
export async function submitSupportRequest(payload: Payload, input: TSupportInput, user: User | null, now = new Date()): Promise<{ reference: string; id: number | string }> {
  const email = user?.email ?? input.email
  if (!email) throw new PortalError('invalidInput', {}, [{ path: 'email', message: 'Indiquez votre adresse e-mail pour recevoir la réponse.' }])
  let screenshot: number | string | undefined
  if (input.screenshot) {
    const file = input.screenshot
    const problem = await uploadProblem({ name: file.name, size: file.data.length, data: file.data }, SCREENSHOT_POLICY)
    if (problem) throw new PortalError('invalidInput', {}, [{ path: 'screenshot', message: problem }])
    const extension = file.name.split('.').pop()?.toLowerCase()
    const stored = await payload.create({
      collection: 'support-screenshots',
      data: {},
      file: { data: file.data, mimetype: file.mimetype, name: `capture-${randomBytes(8).toString('hex')}.${extension}`, size: file.data.length },
      overrideAccess: true,
    })
    screenshot = stored.id
  }
  let created: SupportRequest | undefined
  try {
    for (let attempt = 0; created === undefined; attempt += 1) {
      try {
        created = await payload.create({
          collection: 'support-requests',
          overrideAccess: true,
          depth: 0,
          data: {
            reference: supportReference(now, randomBytes(5)),
            category: input.category,
            urgency: input.urgency,
            description: input.description,
            screenshot: screenshot as number | undefined,
            pageUrl: input.pageUrl,
            browser: input.browser.slice(0, 300),
            requester: user?.id,
            requesterName: user?.name ?? input.name ?? '',
            requesterEmail: email,
            region: (idOf(user?.region) as number | null) ?? undefined,
            status: 'new',
          },
        })
      } catch (error) {
        // Two reports drew the same reference the same day (1 in 28 million): draw again.
        const clash = error instanceof ValidationError && error.data.errors.some((e) => e.path === 'reference')
        if (!clash || attempt >= 2) throw error
      }
    }
  } catch (error) {
    if (screenshot !== undefined) await payload.delete({ collection: 'support-screenshots', id: screenshot, overrideAccess: true })
    throw error
  }
  const category = labelOf(SUPPORT_CATEGORIES, input.category)
  await queueEmail(payload, { to: email, ...supportReceived(user?.name ?? input.name ?? '', created.reference, category, input.description) })
  if (input.urgency === 'urgent') {
    const who = user ? `${user.name} (${email})` : `${input.name || 'un visiteur'} (${email})`
    const alert = supportUrgentAlert(created.reference, category, who, input.description, `${env.publicUrl}/admin/collections/support-requests/${created.id}`)
    for (const to of await onDutyAddresses(payload)) await queueEmail(payload, { to, ...alert })
  }
  return { reference: created.reference, id: created.id }
}

/** The addresses alerted for an urgent request: the desk's active people on duty, else every active administrator. */
export async function onDutyAddresses(payload: Payload): Promise<string[]> {
  const active = { active: { not_equals: false } }
  const onDuty = await payload.find({ collection: 'users', where: { and: [active, { onDuty: { equals: true } }, { roles: { in: ['admin', 'coordinator'] } }] }, limit: 50, depth: 0, overrideAccess: true, pagination: false })
  const people = onDuty.docs.length > 0 ? onDuty.docs : (await payload.find({ collection: 'users', where: { and: [active, { roles: { contains: 'admin' } }] }, limit: 50, depth: 0, overrideAccess: true, pagination: false })).docs
  return [...new Set(people.map((p) => p.email).filter((e): e is string => Boolean(e)))]
}

/**
 * "Support requests waiting" for the back-office dashboard, read as the system: counts of unresolved, urgent,
 * unanswered and unassigned requests and the oldest wait (the rule is `supportRequestsWaiting` in
 * cms/rules/support.ts). Show it only to people who may `handleSupport`.
 */
export async function supportQueueSummary(payload: Payload, now = new Date()): Promise<TSupportWaiting> {
  const open = await payload.find({
    collection: 'support-requests',
    where: { status: { not_equals: 'resolved' } },
    select: { category: true, urgency: true, status: true, createdAt: true, assignee: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return supportRequestsWaiting(open.docs.map((d) => ({ ...d, assignee: d.assignee ?? null })), now)
}

/**
 * The desk's figures over requests made between `from` and `to` (time to first answer, time to resolution, by
 * category and by region name), read as the system; the rule is `supportFigures` in cms/rules/support.ts.
 */
export async function supportDeskFigures(payload: Payload, from: Date, to: Date): Promise<TSupportFigures> {
  const found = await payload.find({
    collection: 'support-requests',
    where: { and: [{ createdAt: { greater_than_equal: from.toISOString() } }, { createdAt: { less_than: to.toISOString() } }] },
    select: { category: true, urgency: true, status: true, createdAt: true, firstAnsweredAt: true, resolvedAt: true, region: true, assignee: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const regions = await payload.find({ collection: 'regions', select: { name: true }, depth: 0, pagination: false, overrideAccess: true })
  const nameOf = new Map(regions.docs.map((r) => [String(r.id), r.name]))
  return supportFigures(found.docs.map((d) => ({ ...d, region: d.region ? (nameOf.get(String(idOf(d.region))) ?? null) : null })))
}
