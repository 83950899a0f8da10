import type { Payload } from 'payload'
import { audit, clientIp } from '../auth/audit.ts'
import { personalDataDownload, type TRequester } from '../endpoints/download.ts'
import { PortalError } from '../endpoints/errors.ts'
import { idOf } from '../fields/relations.ts'

// Data-protection requests (docs/operations.md): everything the portal holds about one person, found by their
// email address, exported as one file; and a participant anonymised on request with the aggregate figures kept.

const sys = { overrideAccess: true, depth: 0, pagination: false } as const

/** What is held about one person, by section; `rows` counts the records. */
export type TPersonalData = { email: string; sections: Record<string, unknown[]>; rows: number }

/**
 * Everything held about the person with this email: their account (without its password hash or sessions), their
 * self-training progress, quiz attempts and certificates, their participant records with the trainings they were
 * enrolled in and their attendance, their support requests (internal notes included: the person is entitled to
 * them), and the audit entries about them. Read as the system; only administrators call it.
 */
export async function personalDataOf(payload: Payload, rawEmail: string): Promise<TPersonalData> {
  const email = rawEmail.trim().toLowerCase()
  const accounts = (await payload.find({ collection: 'users', where: { email: { equals: email } }, ...sys })).docs
  const userIds = accounts.map((a) => a.id)
  const byUser = async (collection: 'module-progress' | 'quiz-attempts' | 'certificates') =>
    userIds.length ? (await payload.find({ collection, where: { user: { in: userIds } }, ...sys })).docs : []
  const participants = (await payload.find({ collection: 'participants', where: { email: { equals: email } }, ...sys })).docs
  const enrolments = participants.length
    ? (await payload.find({ collection: 'enrolments', where: { participant: { in: participants.map((p) => p.id) } }, ...sys, depth: 1, populate: { trainings: { title: true, startDate: true, endDate: true, venue: true } } })).docs
    : []
  const support = (await payload.find({ collection: 'support-requests', where: { or: [{ requesterEmail: { equals: email } }, ...(userIds.length ? [{ requester: { in: userIds } }] : [])] }, ...sys })).docs
  const journal = (await payload.find({ collection: 'audit-log', where: { or: [{ subjectEmail: { equals: email } }, ...(userIds.length ? [{ subject: { in: userIds } }] : [])] }, ...sys, sort: 'createdAt' })).docs
  const sections: Record<string, unknown[]> = {
    compte: accounts.map(({ sessions: _s, ...account }) => account),
    autoformation_progression: await byUser('module-progress'),
    autoformation_quiz: await byUser('quiz-attempts'),
    attestations: await byUser('certificates'),
    participant: participants,
    formations_et_presence: enrolments.map((e) => ({ training: e.training, attendance: e.attendance, evaluation: e.evaluation, createdAt: e.createdAt })),
    demandes_assistance: support,
    journal_audit: journal,
  }
  return { email, sections, rows: Object.values(sections).reduce((n, list) => n + list.length, 0) }
}

/** The export as a JSON file, audited as a personal-data export (who, when, whose data, how many records). */
export async function exportPersonalData(by: TRequester, email: string, now = new Date()): Promise<Response> {
  const data = await personalDataOf(by.payload, email)
  const body = JSON.stringify({ exportedAt: now.toISOString(), ...data }, null, 2)
  return personalDataDownload(by, { what: 'data-subject-export', rows: data.rows, details: { subjectEmail: data.email } }, { body, kind: 'json', fileName: `donnees-personnelles-${now.toISOString().slice(0, 10)}.json` })
}

/**
 * Anonymises a participant on their request: name, phone and email removed for good; sex, region, organisation
 * and function kept, with their enrolments and attendance, so every training figure stays the same. Written to
 * the audit log (the entry names the record, not the person).
 */
export async function anonymiseParticipant(by: TRequester, participantId: number | string): Promise<void> {
  const participant = await by.payload.findByID({ collection: 'participants', id: participantId, overrideAccess: true, depth: 0 }).catch(() => null)
  if (!participant) throw new PortalError('notFound', { thing: 'participant' })
  await by.payload.update({
    collection: 'participants',
    id: participant.id,
    overrideAccess: true,
    // confirmedDistinct: an anonymous record must not be taken for a duplicate of another anonymous one.
    data: { firstName: 'Anonyme', lastName: `Participant ${participant.id}`, phone: null, email: null, confirmedDistinct: true },
  })
  await audit(by.payload, {
    action: 'participant.anonymised',
    actor: by.user ?? null,
    ip: clientIp(by.headers),
    details: { participant: participant.id, kept: { sex: participant.sex, region: idOf(participant.region), organisation: idOf(participant.organisation), function: participant.function } },
  })
}
