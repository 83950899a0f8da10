import type { Payload, Where } from 'payload'
import { peopleTrained } from '#cms/trainings/statistics.ts'

/** Key figures of the home page, counted from the database (public aggregates only, no personal data). */
export async function homeFigures(payload: Payload) {
  const current: Where[] = [{ _status: { equals: 'published' } }, { supersededBy: { exists: false } }]
  const [resources, forms, organisations, regions, trained] = await Promise.all([
    payload.count({ collection: 'resources', where: { and: current }, overrideAccess: true }),
    payload.count({ collection: 'resources', where: { and: [...current, { type: { equals: 'form' } }] }, overrideAccess: true }),
    payload.count({ collection: 'organisations', overrideAccess: true }),
    payload.count({ collection: 'regions', overrideAccess: true }),
    peopleTrained(payload),
  ])
  return { resources: resources.totalDocs, forms: forms.totalDocs, organisations: organisations.totalDocs, regions: regions.totalDocs, trained }
}
