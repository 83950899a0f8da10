// Word (DOCX) renderer of the document model (./model.ts), with the docx library: one Word section per model
// section (so a landscape annex is a landscape section), the running header as the section's page header, the footer
// with Word's own page number fields, and Word styles for the headings so that its navigation pane and table of
// contents work. The file stays editable: organisers complete reports in Word.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { DEFAULT_MARGIN, footerLabel, imageInfo, LOGO_HEIGHT, PORTAL_AUTHOR, rendererWords, spans, type TAlign, type TBlock, type TDoc, type TInline, type TRenderOptions, type TTable } from './model.ts'

const GREEN = '0B5D3B'
const GREY = '555555'
const A4_PORTRAIT = { width: 11906, height: 16838 } // twips
const NUMBERED = 'numbered'

/** Text safe in WordprocessingML: XML 1.0 forbids most control characters. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

const twips = (points: number) => Math.round(points * 20)

function alignment(align: TAlign | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : align === 'justify' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT
}

function runs(text: TInline, style: { italics?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return spans(text).map((s) => new TextRun({ text: xmlText(s.text), bold: s.bold, italics: s.italic || style.italics, size: style.size, color: style.color }))
}

function docxTable(table: TTable, widthTwips: number): Table {
  const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0)
  const widths = table.columns.map((c) => Math.round((c.width / totalWeight) * widthTwips))
  const size = Math.round((table.fontSize ?? 9) * 2)
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' }
  const cell = (text: string, index: number, bold: boolean, fill: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EFE9' } } : {}),
      children: [new Paragraph({ alignment: alignment(table.columns[index]?.align), children: [new TextRun({ text: xmlText(text), bold, size })] })],
    })
  const height = table.minRowHeight ? { height: { value: twips(table.minRowHeight), rule: HeightRule.ATLEAST } } : {}
  return new Table({
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cell(c.header, i, true, true)) }),
      ...table.rows.map((row, r) => {
        const isTotal = table.totalRow === true && r === table.rows.length - 1
        return new TableRow({ cantSplit: true, ...height, children: row.map((text, i) => cell(text, i, isTotal, isTotal)) })
      }),
    ],
  })
}

type TContext = { widthTwips: number; words: ReturnType<typeof rendererWords>; nextList: () => number }

function docxBlocks(blocks: TBlock[], context: TContext): (Paragraph | Table | TableOfContents)[] {
  return blocks.flatMap((block): (Paragraph | Table | TableOfContents)[] => {
    switch (block.type) {
      case 'title': {
        const large = block.size !== 'small'
        return [
          ...(block.kicker ? [new Paragraph({ children: [new TextRun({ text: xmlText(block.kicker), bold: true, size: 18, color: GREEN })] })] : []),
          new Paragraph({ spacing: large ? { before: 120, after: 240 } : { after: 60 }, children: [new TextRun({ text: xmlText(block.text), bold: true, size: large ? 36 : 26 })] }),
        ]
      }
      case 'heading': {
        const heading = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[block.level]
        return [new Paragraph({ heading, keepNext: true, children: [new TextRun({ text: xmlText(block.text) })] })]
      }
      case 'paragraph':
        return [
          new Paragraph({
            spacing: { after: 120 },
            alignment: alignment(block.align),
            children: block.style === 'note' ? runs(block.text, { italics: true, size: 18, color: GREY }) : runs(block.text),
          }),
        ]
      case 'fields':
        return block.items.map(([label, value]) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${xmlText(label)} : `, bold: true }), new TextRun({ text: xmlText(value) })] }))
      case 'bullets':
        return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }))
      case 'numbered': {
        // Each list of the model is its own Word list, numbered from 1.
        const instance = context.nextList()
        return block.items.map((item) => new Paragraph({ numbering: { reference: NUMBERED, level: 0, instance }, children: runs(item) }))
      }
      case 'table':
        return [docxTable(block, context.widthTwips), new Paragraph({ spacing: { after: 120 }, children: [] })]
      case 'figure': {
        const info = imageInfo(block.image)
        // docx sizes images in pixels at 96 dpi: 15 twips each.
        const width = Math.round((context.widthTwips / 15) * Math.min(Math.max(block.width ?? 1, 0.05), 1))
        const image = new ImageRun({
          type: info.type,
          data: block.image,
          transformation: { width, height: Math.round((width * info.height) / info.width) },
          ...(block.alt || block.caption ? { altText: { name: 'Figure', description: xmlText(block.alt ?? block.caption ?? ''), title: xmlText(block.caption ?? block.alt ?? '') } } : {}),
        })
        return [
          new Paragraph({ alignment: AlignmentType.CENTER, keepNext: Boolean(block.caption), children: [image] }),
          ...(block.caption ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: runs(block.caption, { italics: true, size: 18, color: GREY }) })] : []),
        ]
      }
      case 'chart':
        // Word gets the chart's data as a table under its title: readable, editable, and the same figures.
        return [
          new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: runs([{ text: block.title, bold: true }]) }),
          docxTable({ type: 'table', columns: [{ header: 'Catégorie', width: 3 }, { header: 'Nombre', width: 1, align: 'right' }], rows: block.bars.map((b) => [b.label, b.shown ?? String(b.value)]) }, context.widthTwips),
          ...(block.caption ? [new Paragraph({ spacing: { after: 200 }, children: runs(block.caption, { italics: true, size: 18, color: GREY }) })] : [new Paragraph({ spacing: { after: 120 }, children: [] })]),
        ]
      case 'rule':
        return [new Paragraph({ spacing: { after: 200 }, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: GREEN, space: 4 } }, children: [] })]
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })]
      case 'toc':
        return [
          new Paragraph({ spacing: { before: 120, after: 120 }, children: [new TextRun({ text: xmlText(block.heading ?? context.words.contents), bold: true, size: 28, color: GREEN })] }),
          new TableOfContents(xmlText(block.heading ?? context.words.contents), { hyperlink: true, headingStyleRange: '1-2' }),
        ]
    }
  })
}

function docxFooter(label: string, pageNumbers: boolean, words: TContext['words']): Footer {
  const style = { size: 16, color: GREY }
  // "Page {n} sur {N}" with Word's fields in place of the numbers.
  const children = pageNumbers
    ? [
        new TextRun({ text: `${xmlText(label)} — ${words.page} `, ...style }),
        new TextRun({ children: [PageNumber.CURRENT], ...style }),
        new TextRun({ text: ` ${words.of} `, ...style }),
        new TextRun({ children: [PageNumber.TOTAL_PAGES], ...style }),
      ]
    : [new TextRun({ text: xmlText(label), ...style })]
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] })
}

/** The document as a Word file (DOCX). */
export async function renderDocx(model: TDoc, options: TRenderOptions = {}): Promise<Buffer> {
  const words = rendererWords(options.locale)
  let lists = 0
  const pageNumbers = model.footer?.pageNumbers !== false
  const footers = pageNumbers || model.footer?.text ? { default: docxFooter(footerLabel(model), pageNumbers, words) } : undefined
  // Logos side by side in one centred paragraph, at the PDF's height (docx sizes images in pixels at 96 dpi).
  const logoPixels = Math.round((LOGO_HEIGHT * 96) / 72)
  const logos = (options.logos ?? []).length
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
          children: (options.logos ?? []).flatMap((logo, i) => {
            const info = imageInfo(logo)
            const image = new ImageRun({ type: info.type, data: logo, transformation: { height: logoPixels, width: Math.round((logoPixels * info.width) / info.height) }, altText: { name: 'Logo', description: 'Logo', title: 'Logo' } })
            return i === 0 ? [image] : [new TextRun({ text: '\u2003\u2003' }), image]
          }),
        }),
      ]
    : []
  const letterhead = (options.letterhead ?? []).map(
    (line, i, all) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        ...(i === all.length - 1 ? { spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: GREEN, space: 4 } } } : {}),
        children: [new TextRun({ text: xmlText(line), bold: i === 0, size: 18, color: GREEN })],
      }),
  )
  const doc = new Document({
    creator: xmlText(model.author ?? PORTAL_AUTHOR),
    title: xmlText(model.title),
    styles: {
      // The document's language as the proofing language, so that Word checks the spelling in French.
      default: { document: { run: { font: 'Calibri', size: 21, language: { value: options.locale === 'en' ? 'en-GB' : 'fr-FR' } } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 28, color: GREEN }, paragraph: { spacing: { before: 300, after: 120 } } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 23 }, paragraph: { spacing: { before: 200, after: 80 } } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 21 }, paragraph: { spacing: { before: 160, after: 60 } } },
      ],
    },
    numbering: { config: [{ reference: NUMBERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 540, hanging: 360 } } } }] }] },
    sections: model.sections.map((section, index) => {
      const landscape = section.orientation === 'landscape'
      const margin = twips(section.margin ?? DEFAULT_MARGIN)
      const context: TContext = { widthTwips: (landscape ? A4_PORTRAIT.height : A4_PORTRAIT.width) - 2 * margin, words, nextList: () => ++lists }
      return {
        // docx swaps width and height itself for a landscape section: give the portrait dimensions.
        properties: {
          page: {
            size: { ...A4_PORTRAIT, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: margin, bottom: margin, left: margin, right: margin },
          },
        },
        ...(section.header?.length ? { headers: { default: new Header({ children: docxBlocks(section.header, context).filter((c): c is Paragraph | Table => !(c instanceof TableOfContents)) }) } } : {}),
        ...(footers ? { footers } : {}),
        children: [...(index === 0 ? [...logos, ...letterhead] : []), ...docxBlocks(section.blocks, context)],
      }
    }),
  })
  return Packer.toBuffer(doc)
}
