import type { Payload, Where } from 'payload'
import { suppressCount, suppressTable } from '#cms/rules/small-cells.ts'
import { statistics } from '#cms/rules/trainings.ts'
import { peopleTrained, trainingRecords } from '#cms/trainings/statistics.ts'

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

/**
 * The public "Chiffres clés" page: people trained by the region of their training and by sex (every region, zeros
 * included), modules completed, certificates and documents published — counts only, suppressed by the small-cell
 * rule before they reach the page (cms/rules/small-cells.ts).
 */
export async function publicFigures(payload: Payload) {
  const current: Where[] = [{ _status: { equals: 'published' } }, { supersededBy: { exists: false } }]
  const [records, regions, modulesCompleted, certificates, resources] = await Promise.all([
    trainingRecords(payload, null, true),
    payload.find({ collection: 'regions', limit: 0, pagination: false, depth: 0, overrideAccess: true, sort: 'order' }),
    payload.count({ collection: 'module-progress', where: { passed: { equals: true } }, overrideAccess: true }),
    payload.count({ collection: 'certificates', where: { revoked: { not_equals: true } }, overrideAccess: true }),
    payload.count({ collection: 'resources', where: { and: current }, overrideAccess: true }),
  ])
  const byRegion = new Map(statistics(records).byTrainingRegion.map((r) => [r.key, r]))
  const names = regions.docs.map((r) => r.name)
  const table = suppressTable(names.map((name) => [byRegion.get(name)?.women ?? 0, byRegion.get(name)?.men ?? 0]))
  return {
    regions: names,
    /** One row per region then the national row; columns women, men, total. */
    trained: table,
    modulesCompleted: suppressCount(modulesCompleted.totalDocs),
    certificates: suppressCount(certificates.totalDocs),
    resources: suppressCount(resources.totalDocs),
  }
}
