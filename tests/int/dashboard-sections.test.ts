import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_SECTIONS, sectionsFor, type TSectionContext } from '#cms/admin/dashboard/sections.ts'
import { meetingCompliance } from '#cms/meetings/operations.ts'
import { supportQueueSummary } from '#cms/support/requests.ts'
import { peopleNeverFollowedUp, visitsDue } from '#cms/supervision/data.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// The dashboard sections the later capabilities add (supervision, framework meetings, support desk), on the demo
// data: each shows the figures of its own capability's loader, and only to the roles that capability names.
let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
})
const now = new Date()
const section = (id: string) => DASHBOARD_SECTIONS.find((s) => s.id === id)!
const contextOf = async (email: string): Promise<TSectionContext> => ({ payload, user: await accountByEmail(payload, email), now, lang: 'fr', l: (label) => label.fr })

describe('dashboard sections of supervision, meetings and the support desk', () => {
  it('shows a supervisor the follow-ups due and the people never followed up in their reach', async () => {
    const context = await contextOf('superviseur@example.org')
    const ids = sectionsFor(context.user).map((s) => s.id)
    expect(ids).toEqual(expect.arrayContaining(['follow-ups-due', 'never-followed-up']))
    expect(ids).not.toContain('framework-quarters')
    expect(ids).not.toContain('support-waiting')
    const never = await section('never-followed-up').load(context)
    const people = await peopleNeverFollowedUp(payload, context.user, now)
    expect(never!.figures![0]!.value).toBe(people.length)
    expect(never!.items!.map((i) => i.text)).toEqual(people.slice(0, 5).map((p) => p.name))
    const due = await section('follow-ups-due').load(context)
    expect(due!.figures![0]!.value).toBe((await visitsDue(payload, context.user, now)).length)
  })

  it('shows coordination each quarter of the year with its framework meeting state', async () => {
    const context = await contextOf('coordination@example.org')
    expect(sectionsFor(context.user).map((s) => s.id)).toEqual(expect.arrayContaining(['framework-quarters', 'support-waiting', 'follow-ups-due']))
    const quarters = await meetingCompliance(payload, now.getUTCFullYear(), now)
    const shown = await section('framework-quarters').load(context)
    expect(shown!.items).toHaveLength(4)
    expect(shown!.items!.map((i) => i.text)).toEqual(quarters.map((q) => q.label))
    expect(shown!.items!.map((i) => i.detail)).toEqual(quarters.map((q) => ({ held: 'tenue', planned: 'planifiée', missing: 'aucune' })[q.state]))
  })

  it('shows the support desk what waits, and keeps it from trainers and editors', async () => {
    const context = await contextOf('admin@example.org')
    const waiting = await supportQueueSummary(payload, now)
    const shown = await section('support-waiting').load(context)
    expect(shown!.figures!.map((f) => f.value)).toEqual([waiting.total, waiting.urgent, waiting.unanswered])
    for (const email of ['formateur@example.org', 'editeur@example.org', 'apprenant@example.org']) {
      const user = await accountByEmail(payload, email)
      expect(sectionsFor(user).map((s) => s.id)).not.toContain('support-waiting')
      expect(sectionsFor(user).map((s) => s.id)).not.toContain('framework-quarters')
    }
  })
})
