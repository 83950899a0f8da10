import fs from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import YAML from 'yaml'
import { z } from 'zod'
import { AUDIENCES, DOCUMENT_STATUSES, FORM_CODES, RESOURCE_TYPES } from '../rules/toolkit.ts'

// The seed corpus shipped in content/: Markdown files with YAML front matter, validated here before anything
// is written (a bad file stops the seed with its name and the field at fault).

const date = z.iso.date({ error: 'date attendue au format AAAA-MM-JJ' })
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
const ZTranslation = z.object({ title: z.string().min(3).max(200), summary: z.string().min(20).max(1200) }).strict()

export const ZResourceFile = z
  .object({
    title: z.string().min(3).max(200),
    type: z.enum(Object.keys(RESOURCE_TYPES) as [string, ...string[]]),
    formCode: z.enum(Object.keys(FORM_CODES) as [string, ...string[]]).optional(),
    steps: z.array(z.union([z.number().int().min(1).max(6).transform(String), z.literal('annex')])).min(1),
    audience: z.array(z.enum(Object.keys(AUDIENCES) as [string, ...string[]])).min(1),
    language: z.enum(['fr', 'en']),
    version: z.string().min(1).max(20),
    status: z.enum(Object.keys(DOCUMENT_STATUSES) as [string, ...string[]]),
    validatedAt: date.optional(),
    validatedBy: z.string().max(200).optional(),
    publishedAt: date,
    tags: z.array(z.string().min(2).max(40)).max(8).default([]),
    summary: z.string().min(50).max(1200),
    related: z.array(slug).default([]),
    supersedes: slug.optional(),
    consultationClosesAt: date.optional(),
    en: ZTranslation.optional(),
  })
  .strict()
  .refine((r) => (r.type === 'form') === (r.formCode !== undefined), { error: 'formCode est requis pour un formulaire, et seulement pour lui', path: ['formCode'] })
  .refine((r) => r.status === 'draft' || (r.validatedAt && r.validatedBy), { error: 'validatedAt et validatedBy sont requis hors projet', path: ['validatedAt'] })
  .refine((r) => !r.consultationClosesAt || r.status === 'draft', { error: 'une consultation ne porte que sur un projet', path: ['consultationClosesAt'] })
export type TResourceFile = z.infer<typeof ZResourceFile>

export const ZNewsFile = z.object({ title: z.string().min(3).max(200), publishedAt: date, summary: z.string().min(20).max(600), en: ZTranslation.optional() }).strict()
export type TNewsFile = z.infer<typeof ZNewsFile>

/** A section of a document's body: its `## ` heading and its text. */
export type TSection = { heading: string; body: string }

/** Splits `---\nyaml\n---\nbody` into its parts. */
export function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source)
  if (!match) throw new Error(`${file}: front matter missing (the file must start with a --- block).`)
  return { data: YAML.parse(match[1]!), body: match[2]!.trim() }
}

/** The `## ` sections of a body; text before the first heading is refused (every text belongs to a section). */
export function sectionsOf(body: string, file: string): TSection[] {
  const parts = body.split(/^## +/m)
  if (parts[0]!.trim() !== '') throw new Error(`${file}: text before the first "## " heading.`)
  return parts.slice(1).map((part) => {
    const [heading, ...rest] = part.split('\n')
    return { heading: heading!.trim(), body: rest.join('\n').trim() }
  })
}

/** Reads and validates every file of a content folder. */
export function loadContent<T>(dir: string, schema: z.ZodType<T>): { slug: string; data: T; body: string }[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const rel = path.relative(process.cwd(), path.join(dir, file))
      const { data, body } = splitFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8'), rel)
      const parsed = schema.safeParse(data)
      if (!parsed.success) throw new Error(`${rel} is invalid:\n${z.prettifyError(parsed.error)}`)
      return { slug: file.replace(/\.md$/, ''), data: parsed.data, body }
    })
}

/** A real PDF of the document: title, reference lines, summary and every section, so the download is the content. */
export function renderResourcePdf(resource: { title: string; summary: string; sections: TSection[]; lines: string[] }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: resource.title, Author: 'DNPEF — Portail national de protection de l’enfant' }, lang: 'fr-FR' })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.fontSize(9).fillColor('#0b5d3b').text('RÉPUBLIQUE DU MALI — Ministère de la Promotion de la Femme, de l’Enfant et de la Famille — DNPEF')
    doc.moveDown().fontSize(18).fillColor('#000').text(resource.title)
    doc.moveDown(0.5).fontSize(9).fillColor('#444').text(resource.lines.join('  ·  '))
    doc.moveDown().fontSize(11).fillColor('#000').text(resource.summary, { align: 'justify' })
    for (const section of resource.sections) {
      doc.moveDown().fontSize(13).fillColor('#0b5d3b').text(section.heading)
      doc.moveDown(0.3).fontSize(11).fillColor('#000').text(section.body, { align: 'justify' })
    }
    doc.end()
  })
}
