import {
  BlockquoteFeature,
  BoldFeature,
  convertLexicalToMarkdown,
  convertMarkdownToLexical,
  editorConfigFactory,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineCodeFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
  type FeatureProviderServer,
  type SanitizedServerEditorConfig,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { SanitizedConfig } from 'payload'
import type { Resource } from '../payload-types.ts'

/** A section body as stored (a Lexical editor state). */
export type TSectionBody = NonNullable<Resource['sections']>[number]['body']

// The editor of the toolkit documents' section bodies: what the site can show and nothing more (lists, links,
// emphasis, sub-headings, quotes, tables). No uploads, colours, alignment or underline: the public HTML keeps
// none of them (cms/rich-text/html.ts), so offering them would mislead editors.

/** The features, shared by the admin field and by the Markdown conversion of the seed and the data migration. */
export function sectionBodyFeatures(): FeatureProviderServer<unknown, unknown, unknown>[] {
  return [
    ParagraphFeature(),
    BoldFeature(),
    ItalicFeature(),
    InlineCodeFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h4', 'h5'] }),
    UnorderedListFeature(),
    OrderedListFeature(),
    // Internal links point to another document of the toolkit; external ones are checked again when shown.
    LinkFeature({ enabledCollections: ['resources'] }),
    BlockquoteFeature(),
    HorizontalRuleFeature(),
    EXPERIMENTAL_TableFeature(),
    InlineToolbarFeature(),
    FixedToolbarFeature(),
  ] as FeatureProviderServer<unknown, unknown, unknown>[]
}

/** The rich-text editor of a section body. */
export const sectionBodyEditor = lexicalEditor({ features: sectionBodyFeatures() })

const configs = new WeakMap<SanitizedConfig, Promise<SanitizedServerEditorConfig>>()

/** The sanitised editor configuration, built once per Payload configuration. */
export function sectionBodyEditorConfig(config: SanitizedConfig): Promise<SanitizedServerEditorConfig> {
  let found = configs.get(config)
  if (!found) {
    found = editorConfigFactory.fromFeatures({ config, features: sectionBodyFeatures() })
    configs.set(config, found)
  }
  return found
}

/** Markdown (the seed's content files, the former plain-text bodies) to a section body. */
export async function markdownToSectionBody(config: SanitizedConfig, markdown: string): Promise<TSectionBody> {
  return convertMarkdownToLexical({ editorConfig: await sectionBodyEditorConfig(config), markdown }) as unknown as TSectionBody
}

/** A section body back to Markdown (the down migration to plain-text bodies keeps lists as "- " lines). */
export async function sectionBodyToMarkdown(config: SanitizedConfig, body: TSectionBody): Promise<string> {
  return convertLexicalToMarkdown({ data: body as unknown as SerializedEditorState, editorConfig: await sectionBodyEditorConfig(config) })
}

/**
 * One stored body, as the data migration sees it: a former plain-text body (paragraphs separated by blank lines,
 * "- " lines for lists, which is what the seed's Markdown left there) becomes rich text through the Markdown
 * conversion; a body that is already rich text, or empty, is left alone (null), so the migration can run twice.
 */
export async function plainBodyToRichText(config: SanitizedConfig, stored: unknown): Promise<TSectionBody | null> {
  if (typeof stored !== 'string' || stored.trim() === '') return null
  try {
    const parsed: unknown = JSON.parse(stored)
    if (typeof parsed === 'object' && parsed !== null && 'root' in parsed) return null
  } catch {
    // Not JSON: a plain-text body, converted below.
  }
  return markdownToSectionBody(config, stored)
}
