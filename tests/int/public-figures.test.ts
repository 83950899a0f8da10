import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { statistics } from '#cms/rules/trainings.ts'
import { trainingRecords } from '#cms/trainings/statistics.ts'
import { publicFigures } from '../../site/lib/figures.ts'
import { testPortal } from '../helpers/portal.ts'

// The public "Chiffres clés" on the demo data: totals agree with the statistics rule, small counts never show.
let payload: Payload
beforeAll(async () => {
  payload = await testPortal()
})

describe('public key figures', () => {
  it('counts people by the training’s region and sex, national row included, with every region listed', async () => {
    const figures = await publicFigures(payload)
    const stats = statistics(await trainingRecords(payload, null, true))
    const regions = await payload.count({ collection: 'regions', overrideAccess: true })
    expect(figures.regions).toHaveLength(regions.totalDocs)
    expect(figures.trained).toHaveLength(regions.totalDocs + 1)
    const national = figures.trained.at(-1)!
    expect(national[2]!.value).toBe(stats.people)
    for (const [i, name] of figures.regions.entries()) {
      const row = stats.byTrainingRegion.find((r) => r.key === name)
      expect(figures.trained[i]!.map((c) => c.value)).toEqual([row?.women ?? 0, row?.men ?? 0, row?.total ?? 0])
    }
  })

  it('never publishes a count under 5, nor one that subtraction would reveal, nor a name', async () => {
    const figures = await publicFigures(payload)
    for (const row of figures.trained) {
      for (const cell of row) {
        if (cell.value < 5) expect(cell.text).toBe('< 5')
        if (cell.suppressed === 'no') expect(cell.text.replace(/\s/g, '')).toBe(String(cell.value))
      }
    }
    // The demo training's region has people; regions with nobody trained show "< 5" like any small count.
    expect(figures.trained.some((row) => row[2]!.suppressed === 'no' && row[2]!.value >= 5)).toBe(true)
    expect(figures.trained.some((row) => row[2]!.text === '< 5')).toBe(true)
    const someone = (await payload.find({ collection: 'participants', limit: 1, overrideAccess: true })).docs[0]!
    expect(JSON.stringify(figures)).not.toContain(someone.lastName)
  })
})
