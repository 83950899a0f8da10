import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Training, User } from '#cms/payload-types.ts'
import { carryOver, itemsOfSource, type TActionItem } from '#cms/rules/action-items.ts'
import { trainingReportData } from '#cms/trainings/report-data.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'

// Action items on a real database: the demo training's next steps in the one vocabulary, carry-over to the next
// training with its link back, the responsible person and organisation, and access that follows the source.
let payload: Payload
let trainer: User
let demo: Training
beforeAll(async () => {
  payload = await testPortal()
  trainer = await accountByEmail(payload, 'formateur@example.org')
  demo = (await payload.find({ collection: 'trainings', limit: 1, overrideAccess: true })).docs[0]!
})
const idOfDoc = async (collection: 'regions' | 'organisations', field: string, value: string) =>
  (await payload.find({ collection, where: { [field]: { equals: value } }, overrideAccess: true })).docs[0]!.id as number

describe('action items of a training', () => {
  it('lists the demo next steps with the one status vocabulary, in the report of their training only', async () => {
    const items = await payload.find({ collection: 'action-items', where: itemsOfSource('trainings', demo.id), limit: 50, overrideAccess: true })
    expect(items.docs.map((i) => i.status).sort()).toEqual(['done', 'inProgress', 'toDo', 'toDo', 'toDo', 'toDo', 'toDo'])
    const report = (await trainingReportData(payload, demo.id, trainer))!
    expect(report.nextSteps).toHaveLength(7)
  })

  it('carries the open items over to the next training, each linked to its original, and shows them in its report', async () => {
    const next = await payload.create({
      collection: 'trainings',
      data: { title: 'Recyclage des formateurs (suite)', kind: 'refresher', status: 'planned', startDate: '2026-04-06', endDate: '2026-04-07', venue: 'Bamako', region: await idOfDoc('regions', 'code', 'BKO'), organiser: await idOfDoc('organisations', 'acronym', 'DNPEF') },
      user: trainer,
      overrideAccess: false,
    })
    const open = await payload.find({ collection: 'action-items', where: itemsOfSource('trainings', demo.id), limit: 50, depth: 0, user: trainer, overrideAccess: false })
    const carried = carryOver(open.docs as TActionItem[], { relationTo: 'trainings' as const, value: next.id })
    expect(carried).toHaveLength(6)
    for (const data of carried) await payload.create({ collection: 'action-items', data: { ...data, carriedOverFrom: data.carriedOverFrom as number }, user: trainer, overrideAccess: false })

    const report = (await trainingReportData(payload, next.id, trainer))!
    expect(report.nextSteps.map((s) => s.activity).sort()).toEqual(open.docs.filter((d) => d.status !== 'done').map((d) => d.activity).sort())
    const copies = await payload.find({ collection: 'action-items', where: itemsOfSource('trainings', next.id), limit: 50, depth: 1, overrideAccess: true })
    for (const copy of copies.docs) {
      const original = copy.carriedOverFrom as { activity: string; source: { value: unknown } }
      expect(original.activity).toBe(copy.activity)
      expect((original.source.value as { id: number }).id ?? original.source.value).toBe(demo.id)
    }
    // The originals stay with the demo training: its report is unchanged.
    expect((await trainingReportData(payload, demo.id, trainer))!.nextSteps).toHaveLength(7)
  })

  it('takes a responsible person and organisation, and refuses an item carried over from itself', async () => {
    const organisation = await idOfDoc('organisations', 'acronym', 'DNPEF')
    const item = await payload.create({
      collection: 'action-items',
      data: { activity: 'Restituer la formation à la DRPFEF', status: 'toDo', responsiblePerson: trainer.id, responsibleOrganisation: organisation, source: { relationTo: 'trainings', value: demo.id } },
      user: trainer,
      overrideAccess: false,
    })
    expect(item.responsibleOrganisation).toMatchObject({ id: organisation })
    const refused = await payload.update({ collection: 'action-items', id: item.id, data: { carriedOverFrom: item.id }, user: trainer, overrideAccess: false }).catch((error: { data?: { errors?: { path: string; message: string }[] } }) => error)
    expect((refused as { data?: { errors?: { path: string; message: string }[] } }).data?.errors).toEqual([{ path: 'carriedOverFrom', message: 'Un point d’action ne peut pas être reporté de lui-même.', label: expect.anything() }])
    await expect(payload.update({ collection: 'action-items', id: item.id, data: { status: 'notDone' as never }, user: trainer, overrideAccess: false })).rejects.toThrow()
  })

  it('is seen and written by the trainers of its source (and coordination), not by another trainer', async () => {
    const other = await payload.create({ collection: 'users', data: { email: 'autre.formateur@example.org', name: 'Autre Formateur', password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true }, overrideAccess: true })
    const where = itemsOfSource('trainings', demo.id)
    expect((await payload.find({ collection: 'action-items', where, user: other, overrideAccess: false })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'action-items', where, user: trainer, overrideAccess: false })).totalDocs).toBeGreaterThan(0)
    const coordinator = await accountByEmail(payload, 'coordination@example.org')
    expect((await payload.find({ collection: 'action-items', where, user: coordinator, overrideAccess: false })).totalDocs).toBeGreaterThan(0)
    // Nor may that trainer add an item to a training they do not run.
    await expect(payload.create({ collection: 'action-items', data: { activity: 'Intrus', status: 'toDo', source: { relationTo: 'trainings', value: demo.id } }, user: other, overrideAccess: false })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'source', message: 'Vous ne pouvez ajouter des points d’action qu’aux formations que vous animez.' })] },
    })
    expect(await allowed(() => payload.create({ collection: 'action-items', data: { activity: 'Point du formateur', status: 'toDo', source: { relationTo: 'trainings', value: demo.id } }, user: trainer, overrideAccess: false }))).toBe(true)
  })
})
