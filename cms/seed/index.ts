import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { z } from 'zod'
import type { Role } from '../rules/roles.ts'
import { DOCUMENT_STATUSES, RESOURCE_TYPES } from '../rules/toolkit.ts'
import { loadContent, renderResourcePdf, sectionsOf, ZNewsFile, ZResourceFile } from './content.ts'
import { markdownToSectionBody } from '../rich-text/editor.ts'
import { seedCurriculum } from './curriculum.ts'
import { seedDemoTraining } from './trainings.ts'
import { seedCompetencies, seedDemoVisits } from './supervision.ts'
import { seedFrameworkMeetings } from './meetings.ts'
import { seedFaq } from './faq.ts'
import { seedSandbox } from '../sandbox/seed.ts'

const contentRoot = path.resolve(process.cwd(), 'content')
const contentDir = path.join(contentRoot, 'reference')

const ZRegion = z.object({ code: z.string().min(2), name: z.string().min(2), kind: z.enum(['district', 'region']), order: z.number().int() })
const ZCercles = z.record(z.string(), z.array(z.string().min(2)))
const ZOrganisation = z.object({
  acronym: z.string().min(2),
  name: z.string().min(2),
  kind: z.enum(['state', 'nationalNgo', 'internationalNgo', 'unAgency']),
  region: z.string().optional(),
})
/** Reference data shipped in content/reference, validated before anything is written. */
export type TReferenceData = { regions: z.infer<typeof ZRegion>[]; cercles: z.infer<typeof ZCercles>; organisations: z.infer<typeof ZOrganisation>[] }

/** Reads and validates the reference files; a bad file stops the seed with the file and field at fault. */
export function loadReferenceData(dir = contentDir): TReferenceData {
  const read = <T>(file: string, schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
    if (!parsed.success) throw new Error(`content/reference/${file} is invalid: ${z.prettifyError(parsed.error)}`)
    return parsed.data
  }
  return {
    regions: read('regions.json', z.array(ZRegion)),
    cercles: read('cercles.json', ZCercles),
    organisations: read('organisations.json', z.array(ZOrganisation)),
  }
}

/** The demo accounts, one per role (README, "Comptes de démonstration"). */
export const DEMO_ACCOUNTS: { email: string; name: string; roles: Role[]; organisation?: string; region?: string }[] = [
  { email: 'admin@example.org', name: 'Aminata Diallo (démo)', roles: ['admin'], organisation: 'DNPEF', region: 'BKO' },
  { email: 'coordination@example.org', name: 'Moussa Keïta (démo)', roles: ['coordinator'], organisation: 'DNPEF', region: 'BKO' },
  { email: 'formateur@example.org', name: 'Fatoumata Coulibaly (démo)', roles: ['trainer'], organisation: 'Tdh', region: 'MOP' },
  { email: 'superviseur@example.org', name: 'Ibrahim Traoré (démo)', roles: ['supervisor'], organisation: 'IRC', region: 'GAO' },
  { email: 'gestionnaire@example.org', name: 'Awa Sangaré (démo)', roles: ['caseManager'], organisation: 'SAMU SOCIAL Mali', region: 'KAY' },
  { email: 'apprenant@example.org', name: 'Oumar Cissé (démo)', roles: ['learner'], region: 'SIK' },
  { email: 'editeur@example.org', name: 'Mariam Touré (démo)', roles: ['editor'], organisation: 'DNPEF', region: 'BKO' },
]

/** Creates the document when no document matches `where`; never updates (admins may have edited it). */
async function ensure(payload: Payload, collection: 'regions' | 'cercles' | 'organisations' | 'users' | 'news', where: Record<string, unknown>, data: Record<string, unknown>) {
  const { docs } = await payload.find({ collection, where: where as never, limit: 1, depth: 0, overrideAccess: true })
  if (docs[0]) return { id: docs[0].id, created: false }
  const doc = await payload.create({ collection, data: data as never, overrideAccess: true, disableVerificationEmail: true })
  return { id: doc.id, created: true }
}

/**
 * Idempotent seed: reference data always, demo accounts when asked. Records are matched on their natural key
 * (region code, cercle name + region, organisation acronym, email) so a second run changes nothing.
 */
export async function seed(payload: Payload, options: { demo: boolean; demoPassword: string }): Promise<{ created: number }> {
  const data = loadReferenceData()
  let created = 0
  const regionIds = new Map<string, number | string>()
  for (const region of data.regions) {
    const r = await ensure(payload, 'regions', { code: { equals: region.code } }, region)
    regionIds.set(region.code, r.id)
    created += Number(r.created)
  }
  for (const [code, names] of Object.entries(data.cercles)) {
    const region = regionIds.get(code)
    if (region === undefined) throw new Error(`content/reference/cercles.json names region "${code}", absent from regions.json.`)
    for (const name of names) created += Number((await ensure(payload, 'cercles', { name: { equals: name }, region: { equals: region } }, { name, region })).created)
  }
  const orgIds = new Map<string, number | string>()
  for (const org of data.organisations) {
    const r = await ensure(payload, 'organisations', { acronym: { equals: org.acronym } }, { ...org, region: org.region ? regionIds.get(org.region) : undefined })
    orgIds.set(org.acronym, r.id)
    created += Number(r.created)
  }
  if (options.demo) {
    for (const account of DEMO_ACCOUNTS) {
      const r = await ensure(payload, 'users', { email: { equals: account.email } }, {
        ...account,
        organisation: account.organisation ? orgIds.get(account.organisation) : undefined,
        region: account.region ? regionIds.get(account.region) : undefined,
        password: options.demoPassword,
        active: true,
        emailVerified: true,
        passwordExpiryExempt: true,
      })
      created += Number(r.created)
    }
  }
  created += await seedResources(payload)
  created += await seedNews(payload)
  created += await seedCurriculum(payload)
  if (options.demo) created += await seedDemoTraining(payload)
  created += await seedCompetencies(payload)
  if (options.demo) created += await seedDemoVisits(payload)
  if (options.demo) created += await seedFrameworkMeetings(payload)
  created += await seedFaq(payload)
  if (options.demo) created += await seedSandbox(payload)
  return { created }
}

/** Toolkit documents from content/resources, each with a generated PDF whose text is the document. */
async function seedResources(payload: Payload): Promise<number> {
  const files = loadContent(path.join(contentRoot, 'resources'), ZResourceFile)
  const known = new Set(files.map((f) => f.slug))
  for (const f of files) {
    for (const other of [...f.data.related, ...(f.data.supersedes ? [f.data.supersedes] : [])]) {
      if (!known.has(other)) throw new Error(`content/resources/${f.slug}.md links to "${other}", which is not in content/resources/.`)
    }
  }
  const created: typeof files = []
  for (const f of files) {
    const existing = await payload.find({ collection: 'resources', where: { slug: { equals: f.slug } }, limit: 1, depth: 0, overrideAccess: true, draft: true })
    if (existing.docs[0]) continue
    const r = f.data
    const sections = sectionsOf(f.body, `content/resources/${f.slug}.md`)
    const lines = [RESOURCE_TYPES[r.type as keyof typeof RESOURCE_TYPES].fr, `Version ${r.version}`, DOCUMENT_STATUSES[r.status as keyof typeof DOCUMENT_STATUSES].fr]
    if (r.validatedAt) lines.push(`Validé le ${new Date(r.validatedAt).toLocaleDateString('fr-FR')} — ${r.validatedBy}`)
    const pdf = await renderResourcePdf({ title: r.title, summary: r.summary, sections, lines })
    const media = await payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: r.title, visibility: 'private' },
      file: { data: pdf, mimetype: 'application/pdf', name: `${f.slug}.pdf`, size: pdf.length },
    })
    const doc = await payload.create({
      collection: 'resources',
      overrideAccess: true,
      draft: false,
      locale: 'fr',
      data: {
        _status: 'published',
        title: r.title,
        slug: f.slug,
        summary: r.summary,
        type: r.type as never,
        formCode: r.formCode as never,
        steps: r.steps as never,
        audience: r.audience as never,
        language: r.language,
        tags: r.tags,
        version: r.version,
        documentStatus: r.status as never,
        validatedAt: r.validatedAt,
        validatedBy: r.validatedBy,
        publishedAt: r.publishedAt,
        consultationClosesAt: r.consultationClosesAt,
        file: media.id,
        // The content files are Markdown: Lexical's own conversion turns their lists, links and tables into rich text.
        sections: await Promise.all(sections.map(async (s) => ({ heading: s.heading, body: await markdownToSectionBody(payload.config, s.body) }))),
      },
    })
    if (r.en) await payload.update({ collection: 'resources', id: doc.id, locale: 'en', overrideAccess: true, data: { title: r.en.title, summary: r.en.summary } })
    created.push(f)
  }
  // Links need every document to exist: a second pass over what this run created.
  for (const f of created) {
    if (f.data.related.length === 0 && !f.data.supersedes) continue
    const ids = async (slugs: string[]) =>
      (await payload.find({ collection: 'resources', where: { slug: { in: slugs } }, limit: slugs.length, depth: 0, overrideAccess: true })).docs.map((d) => d.id)
    const self = (await ids([f.slug]))[0]!
    await payload.update({
      collection: 'resources',
      id: self,
      overrideAccess: true,
      data: { related: await ids(f.data.related), supersedes: f.data.supersedes ? (await ids([f.data.supersedes]))[0] : undefined },
    })
  }
  return created.length
}

/** News items from content/news. */
async function seedNews(payload: Payload): Promise<number> {
  let created = 0
  for (const f of loadContent(path.join(contentRoot, 'news'), ZNewsFile)) {
    const existing = await payload.find({ collection: 'news', where: { slug: { equals: f.slug } }, limit: 1, depth: 0, overrideAccess: true, draft: true })
    if (existing.docs[0]) continue
    const doc = await payload.create({
      collection: 'news',
      overrideAccess: true,
      draft: false,
      locale: 'fr',
      data: { _status: 'published', title: f.data.title, slug: f.slug, summary: f.data.summary, body: f.body, publishedAt: f.data.publishedAt },
    })
    if (f.data.en) await payload.update({ collection: 'news', id: doc.id, locale: 'en', overrideAccess: true, data: { title: f.data.en.title, summary: f.data.en.summary } })
    created += 1
  }
  return created
}
