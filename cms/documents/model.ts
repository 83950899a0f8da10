// The format-neutral document model of every generated document (training report, attendance sheet, minutes,
// visit reports, monthly and annual reports). A builder turns records into a `TDoc`; `renderPdf` (./pdf.ts) and
// `renderDocx` (./docx.ts) draw it, so both formats always say the same thing and no builder knows about pdfkit or
// docx. The renderers know nothing of trainings: what a document says belongs to its builder.
// How to write a builder: docs/documents-and-periods.md.

/** Horizontal alignment of a table column or a paragraph. */
export type TAlign = 'left' | 'center' | 'right' | 'justify'

/** A piece of text with simple inline emphasis. */
export type TSpan = { text: string; bold?: boolean; italic?: boolean }
/** Text of a paragraph or list item: plain, or spans with emphasis. */
export type TInline = string | (string | TSpan)[]

/** A table column: its header cell, its relative width (weights, not units) and its alignment. */
export type TColumn = { header: string; width: number; align?: Exclude<TAlign, 'justify'> }

export type TTable = {
  type: 'table'
  columns: TColumn[]
  rows: string[][]
  /** The last row is a total: bold and shaded. */
  totalRow?: boolean
  /** Font size in points (9 by default); a wide annex table may use 8. */
  fontSize?: number
  /** Minimum height of a body row in points, e.g. room for a handwritten signature. */
  minRowHeight?: number
}

/**
 * A horizontal bar chart: one bar per item, scaled to the largest value, its label on the left and its value on
 * the right. `shown` replaces the printed value (e.g. "< 5" for a suppressed small count), and such a bar is not
 * drawn, so its length gives nothing away. PDF: drawn as vector shapes; Word: the same data as a table.
 */
export type TChart = { type: 'chart'; title: string; bars: { label: string; value: number; shown?: string }[]; caption?: string }

export type TBlock =
  /** The title block: an optional small capitalised kicker ("RAPPORT DE FORMATION") above the title. */
  | { type: 'title'; text: string; kicker?: string; size?: 'large' | 'small' }
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** `note`: small grey italic text, for legends and remarks. */
  | { type: 'paragraph'; text: TInline; style?: 'normal' | 'note'; align?: TAlign }
  /** Label / value lines ("Lieu : Bamako"), as on a cover or at the head of minutes. */
  | { type: 'fields'; items: [label: string, value: string][] }
  | { type: 'bullets'; items: TInline[] }
  | { type: 'numbered'; items: TInline[] }
  | TTable
  /** A PNG or JPEG image; `width` is a share of the text width (1 by default). */
  | { type: 'figure'; image: Uint8Array; width?: number; caption?: string; alt?: string }
  | TChart
  /** A thin horizontal line across the text width. */
  | { type: 'rule' }
  | { type: 'pageBreak' }
  /** The table of contents: every level 1 and 2 heading of the document with its page (PDF) or a Word field (DOCX). */
  | { type: 'toc'; heading?: string }

/** A run of pages sharing one layout. A new section always starts on a new page: an annex in landscape is a section. */
export type TSection = {
  orientation?: 'portrait' | 'landscape'
  /** Page margins in points (2 cm = 56.7 pt by default). */
  margin?: number
  /** Running header: blocks repeated at the top of every page of the section (e.g. the head of a sheet to sign). */
  header?: TBlock[]
  blocks: TBlock[]
}

export type TDoc = {
  /** The document's title, in its metadata and, unless `footer.text` says otherwise, in the footer. */
  title: string
  author?: string
  /** Footer of every page: "text — Page n sur N". A text longer than one line is shortened there. */
  footer?: { text?: string; pageNumbers?: boolean }
  sections: TSection[]
}

/** The ministry's letterhead, printed at the top of the first page when a renderer is given it. */
export const MINISTRY_LETTERHEAD: readonly string[] = [
  'RÉPUBLIQUE DU MALI — Un Peuple – Un But – Une Foi',
  'Ministère de la Promotion de la Femme, de l’Enfant et de la Famille',
  'Direction nationale de la Promotion de l’Enfant et de la Famille (DNPEF)',
]

export const PORTAL_AUTHOR = 'Portail national de protection de l’enfant (Mali)'

/** Options shared by both renderers. */
export type TRenderOptions = {
  /** Dates the generated PDF (the current time by default); the docx library always stamps a Word file with the current time. */
  now?: Date
  /** Lines of the letterhead printed at the top of the first page, e.g. `MINISTRY_LETTERHEAD`; none by default. */
  letterhead?: readonly string[]
  /** Logos (PNG or JPEG) printed side by side above the letterhead's lines, at the same height. */
  logos?: readonly Uint8Array[]
  /** Language of the words the renderer adds itself ("Page 1 sur 3", "Sommaire"); French by default. */
  locale?: 'fr' | 'en'
}

export const DEFAULT_MARGIN = 56.7

/** Height of the letterhead's logos, in points (about 1.5 cm). */
export const LOGO_HEIGHT = 42

/** The words a renderer adds itself, in the document's language. */
export function rendererWords(locale: TRenderOptions['locale'] = 'fr'): { page: string; of: string; contents: string } {
  return locale === 'en' ? { page: 'Page', of: 'of', contents: 'Contents' } : { page: 'Page', of: 'sur', contents: 'Sommaire' }
}

/** The spans of a text, plain strings as spans without emphasis. */
export function spans(text: TInline): TSpan[] {
  return (typeof text === 'string' ? [text] : text).map((s) => (typeof s === 'string' ? { text: s } : s))
}

/** The plain text of an inline text (emphasis dropped). */
export function plainText(text: TInline): string {
  return spans(text)
    .map((s) => s.text)
    .join('')
}

/** The footer's label, shortened so that it holds on one line with the page number (the title is printed in full on the first page). */
export function footerLabel(doc: TDoc): string {
  const label = doc.footer?.text ?? doc.title
  return label.length > 90 ? `${label.slice(0, 89).trimEnd()}…` : label
}

/** Level 1 and 2 headings of a document, in order: the entries of its table of contents. */
export function tocEntries(doc: TDoc): { level: 1 | 2; text: string }[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'heading' && b.level <= 2 ? [{ level: b.level as 1 | 2, text: b.text }] : [])))
}

/** Format and pixel size of a PNG or JPEG image, read from its header; throws a clear error for anything else. */
export function imageInfo(image: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength)
  if (image.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (image.length >= 4 && image[0] === 0xff && image[1] === 0xd8) {
    // Walk the JPEG segments up to a start-of-frame marker (SOF0…SOF15 except DHT, JPG and DAC), which holds the size.
    let offset = 2
    while (offset + 9 < image.length && image[offset] === 0xff) {
      const marker = image[offset + 1] ?? 0
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) }
      }
      offset += 2 + view.getUint16(offset + 2)
    }
  }
  throw new Error('Image illisible : une figure doit être une image PNG ou JPEG.')
}
