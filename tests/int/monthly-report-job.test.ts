import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { portalDeliveringMail, type startSmtpServer } from '../helpers/smtp.ts'

// The daily routine's monthly report check, delivered through a real SMTP server on localhost: on the first
// working day of a month, the previous month's draft is created and mailed to coordination with its PDF. The
// portal's modules are imported after SMTP_URL is set (portalDeliveringMail), as a deployment reads it at start.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let payload: Payload
beforeAll(async () => {
  ;({ smtp, payload } = await portalDeliveringMail())
})
afterAll(async () => {
  await smtp.close()
})

const portal = async () => ({ ...(await import('#cms/reports/monthly-job.ts')), ...(await import('#cms/jobs/daily.ts')), ...(await import('#cms/rules/periods.ts')) })
const reportsOf = async (month: string) => (await payload.find({ collection: 'monthly-reports', where: { month: { equals: month } }, overrideAccess: true, depth: 0 })).docs

describe('the monthly report check', () => {
  it('drafts the previous month on the first working day only, and mails coordination the draft with its PDF', async () => {
    const { monthlyReportCheck, runDailyChecks, isFirstWorkingDayOfMonth } = await portal()
    // 2 February 2027 is not the first working day (1 February, a Monday, is).
    expect(isFirstWorkingDayOfMonth(new Date('2027-02-02T07:00:00Z'))).toBe(false)
    expect(await runDailyChecks(payload, new Date('2027-02-02T07:00:00Z'), [monthlyReportCheck])).toMatchObject({ ran: ['monthly-report'], failed: [] })
    expect(await reportsOf('2027-01')).toHaveLength(0)

    expect(isFirstWorkingDayOfMonth(new Date('2027-02-01T07:00:00Z'))).toBe(true)
    expect(await runDailyChecks(payload, new Date('2027-02-01T07:00:00Z'), [monthlyReportCheck])).toMatchObject({ ran: ['monthly-report'], failed: [] })
    const drafts = await reportsOf('2027-01')
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({ version: 1, status: 'draft' })

    const mail = await smtp.waitFor('coordination@example.org', /Rapport mensuel d’activités de janvier 2027/)
    expect(mail.text).toContain('Bonjour Moussa Keïta (démo)')
    expect(mail.text).toContain(`/admin/collections/monthly-reports/${drafts[0]!.id}`)
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['rapport-mensuel-2027-01.pdf', 'application/pdf']])
    const pdf = await extractText(await getDocumentProxy(new Uint8Array(mail.attachments[0]!.content)), { mergePages: true })
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('Rapport mensuel d’activités — janvier 2027')
    // Admins coordinate too; a trainer is not mailed.
    await smtp.waitFor('admin@example.org', /janvier 2027/)
    expect(smtp.messages.some((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes('formateur@example.org'))).toBe(false)
  })

  it('needs nothing for a month already submitted: no new draft, no email', async () => {
    const { monthlyReportCheck, runDailyChecks, isFirstWorkingDayOfMonth } = await portal()
    const { docs: coordination } = await payload.find({ collection: 'users', where: { email: { equals: 'coordination@example.org' } }, overrideAccess: true })
    const report = await payload.create({ collection: 'monthly-reports', data: { month: '2027-02', status: 'draft', summary: 'Déjà rédigé.' }, overrideAccess: true })
    await payload.update({ collection: 'monthly-reports', id: report.id, data: { status: 'submitted' }, user: coordination[0], overrideAccess: true })
    expect(isFirstWorkingDayOfMonth(new Date('2027-03-01T07:00:00Z'))).toBe(true)
    const before = smtp.messages.length
    expect(await runDailyChecks(payload, new Date('2027-03-01T07:00:00Z'), [monthlyReportCheck])).toMatchObject({ failed: [] })
    expect(await reportsOf('2027-02')).toHaveLength(1)
    await new Promise((r) => setTimeout(r, 2500))
    expect(smtp.messages.slice(before).filter((m) => /février 2027/.test(m.subject ?? ''))).toHaveLength(0)
  })
})
