import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import type { SanitizedConfig } from 'payload'
import { plainBodyToRichText, sectionBodyToMarkdown, type TSectionBody } from '../../rich-text/editor.ts'

// Section bodies of the toolkit documents become rich text (Lexical), as in the SQLite migration of the same name:
// in the documents (`sections.<locale>[].body`) and their versions (`version.sections.<locale>[].body`). A body
// already in rich text is left as it is; going down, each body becomes Markdown text again.

type TSection = { body?: unknown; [key: string]: unknown }
type TLocalised = Record<string, TSection[] | null | undefined>

async function convertSections(sections: TLocalised | null | undefined, convert: (body: unknown) => Promise<unknown>): Promise<TLocalised | null> {
  if (!sections || typeof sections !== 'object') return null
  let changed = false
  const out: TLocalised = {}
  for (const [locale, list] of Object.entries(sections)) {
    out[locale] = Array.isArray(list)
      ? await Promise.all(
          list.map(async (section) => {
            const body = await convert(section.body)
            if (body === null) return section
            changed = true
            return { ...section, body }
          }),
        )
      : list
  }
  return changed ? out : null
}

const toRich = (config: SanitizedConfig) => async (body: unknown) => plainBodyToRichText(config, body)
const toMarkdown = (config: SanitizedConfig) => async (body: unknown) =>
  typeof body === 'object' && body !== null && 'root' in body ? sectionBodyToMarkdown(config, body as TSectionBody) : null

async function run({ payload, session }: MigrateUpArgs | MigrateDownArgs, convert: (body: unknown) => Promise<unknown>): Promise<void> {
  const documents = payload.db.collections.resources!.collection
  for await (const doc of documents.find({}, { session, projection: { sections: 1 } })) {
    const sections = await convertSections(doc.sections as TLocalised, convert)
    if (sections) await documents.updateOne({ _id: doc._id }, { $set: { sections } }, { session })
  }
  const versions = payload.db.versions.resources!.collection
  for await (const version of versions.find({}, { session, projection: { 'version.sections': 1 } })) {
    const sections = await convertSections((version.version as { sections?: TLocalised } | undefined)?.sections, convert)
    if (sections) await versions.updateOne({ _id: version._id }, { $set: { 'version.sections': sections } }, { session })
  }
}

export async function up(args: MigrateUpArgs): Promise<void> {
  await run(args, toRich(args.payload.config))
}

export async function down(args: MigrateDownArgs): Promise<void> {
  await run(args, toMarkdown(args.payload.config))
}
