import type { Payload } from 'payload'
import { loadCurriculum } from '../../training/schema.ts'

/** Creates the ten self-training modules from the shipped curriculum, once each (matched on slug). */
export async function seedCurriculum(payload: Payload): Promise<number> {
  let created = 0
  for (const m of loadCurriculum()) {
    const existing = await payload.find({ collection: 'modules', where: { slug: { equals: m.slug } }, limit: 1, depth: 0, overrideAccess: true })
    if (existing.docs[0]) continue
    const resources = m.linkedResources.length
      ? (await payload.find({ collection: 'resources', where: { slug: { in: m.linkedResources } }, limit: 50, depth: 0, overrideAccess: true })).docs.map((d) => d.id)
      : []
    const doc = await payload.create({
      collection: 'modules',
      overrideAccess: true,
      locale: 'fr',
      data: {
        slug: m.slug,
        order: m.order,
        required: true,
        title: m.title.fr,
        summary: m.summary.fr,
        kind: m.kind,
        step: m.step,
        durationMinutes: m.durationMinutes,
        objectives: m.objectives.map((text) => ({ text })),
        audience: m.audience,
        transcript: m.transcript.map((c) => ({ title: c.title, text: c.text })),
        quiz: m.quiz,
        linkedForms: m.linkedForms as never,
        linkedResources: resources,
        chapters: m.chapters,
        media: m.media,
      },
    })
    if (m.title.en && m.summary.en) await payload.update({ collection: 'modules', id: doc.id, locale: 'en', overrideAccess: true, data: { title: m.title.en, summary: m.summary.en } })
    created += 1
  }
  return created
}
