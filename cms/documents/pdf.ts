// PDF renderer of the document model (./model.ts), with pdfkit and its standard Helvetica fonts: A4 pages, the
// running header of a section on each of its pages, tables whose rows never split and whose header row is repeated
// on every page, and "title — Page n sur N" at the foot of every page.

import PDFDocument from 'pdfkit'
import {
  DEFAULT_MARGIN,
  footerLabel,
  imageInfo,
  LOGO_HEIGHT,
  PORTAL_AUTHOR,
  rendererWords,
  spans,
  tocEntries,
  type TAlign,
  type TBlock,
  type TDoc,
  type TInline,
  type TRenderOptions,
  type TSection,
  type TChart,
  type TTable,
} from './model.ts'

const GREEN = '#0b5d3b'
const GREY = '#555555'
const HEADER_FILL = '#e8efe9'
const FONTS = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', boldItalic: 'Helvetica-BoldOblique' }
const BODY_SIZE = 10.5

// The standard PDF fonts only know the WinAnsi characters; other letters (Bambara ɛ, ɔ, ɲ, ŋ…) are spelled with
// their closest Latin letters rather than printed as blanks, and symbols such as emoji are dropped.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const LATIN_FALLBACK: Record<string, string> = {
  ɛ: 'e', Ɛ: 'E', ɔ: 'o', Ɔ: 'O', ɲ: 'ny', Ɲ: 'Ny', ŋ: 'ng', Ŋ: 'Ng', ƴ: 'y', Ƴ: 'Y', ɓ: 'b', Ɓ: 'B', ɗ: 'd', Ɗ: 'D',
  '\u202f': '\u00a0', '\u2009': ' ', '\u2010': '-', '\u2011': '-', '\u2212': '-', '→': '->', '≤': '<=', '≥': '>=', '✓': 'x', '✔': 'x',
}

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0
  return ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)
}

/** Text made printable with the standard PDF fonts (WinAnsi), keeping French accents intact. */
export function toWinAnsi(text: string): string {
  let out = ''
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC')) {
    if (isWinAnsi(ch)) {
      out += ch
      continue
    }
    const mapped = LATIN_FALLBACK[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '')
    if (mapped && [...mapped].every(isWinAnsi)) out += mapped
    else if (/\p{L}/u.test(ch)) out += '?'
  }
  return out
}

type Pdf = PDFKit.PDFDocument

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function bottomLimit(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom
}

function addPageLike(doc: Pdf): void {
  const { layout, margins } = doc.page
  doc.addPage({ size: 'A4', layout: layout === 'landscape' ? 'landscape' : 'portrait', margins })
}

/** Starts a new page when less than `needed` points remain, so a heading never ends a page alone. */
function ensureSpace(doc: Pdf, needed: number): void {
  if (doc.y + needed > bottomLimit(doc)) addPageLike(doc)
}

/** Writes inline text at the left margin (plus `indent`), switching fonts between spans. */
function drawInline(doc: Pdf, text: TInline, options: { size: number; italic?: boolean; color?: string; align?: TAlign; indent?: number; prefix?: string }): void {
  const parts = spans(text).filter((s) => s.text !== '')
  if (options.prefix) parts.unshift({ text: options.prefix })
  if (parts.length === 0) parts.push({ text: '' })
  const indent = options.indent ?? 0
  doc.fillColor(options.color ?? '#000000').fontSize(options.size)
  parts.forEach((part, i) => {
    const italic = part.italic || options.italic
    doc.font(part.bold ? (italic ? FONTS.boldItalic : FONTS.bold) : italic ? FONTS.italic : FONTS.regular)
    const layout = { width: contentWidth(doc) - indent, align: options.align ?? 'left', continued: i < parts.length - 1 }
    if (i === 0) doc.text(toWinAnsi(part.text), doc.page.margins.left + indent, doc.y, layout)
    else doc.text(toWinAnsi(part.text), layout)
  })
  doc.x = doc.page.margins.left
}

/** Draws a table at the left margin; rows never split, and the header row is repeated on every new page. */
function drawTable(doc: Pdf, table: TTable): void {
  const fontSize = table.fontSize ?? 9
  const padding = 4
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0)
  const widths = table.columns.map((c) => (c.width / totalWeight) * width)
  const measure = (cells: string[], font: string, isHeader = false) => {
    doc.font(font).fontSize(fontSize)
    const textHeight = Math.max(...cells.map((cell, i) => doc.heightOfString(toWinAnsi(cell) || ' ', { width: (widths[i] ?? 0) - 2 * padding })))
    return Math.max(textHeight + 2 * padding, isHeader ? 0 : (table.minRowHeight ?? 0))
  }
  const drawRow = (cells: string[], font: string, fill: string | null, isHeader = false) => {
    // A row taller than a page is cut (with an ellipsis) rather than split.
    const maxHeight = bottomLimit(doc) - doc.page.margins.top - 40
    const height = Math.min(measure(cells, font, isHeader), maxHeight)
    const y = doc.y
    let x = left
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0
      if (fill) doc.rect(x, y, w, height).fill(fill)
      doc.rect(x, y, w, height).lineWidth(0.5).strokeColor('#888888').stroke()
      doc
        .font(font)
        .fontSize(fontSize)
        .fillColor('#000000')
        .text(toWinAnsi(cell), x + padding, y + padding, { width: w - 2 * padding, height: height - 2 * padding, align: table.columns[i]?.align ?? 'left', ellipsis: true })
      x += w
    })
    doc.x = left
    doc.y = y + height
  }
  const header = table.columns.map((c) => c.header)
  const drawHeader = () => drawRow(header, FONTS.bold, HEADER_FILL, true)
  if (doc.y + measure(header, FONTS.bold, true) + measure(table.rows[0] ?? header, FONTS.regular) > bottomLimit(doc)) addPageLike(doc)
  drawHeader()
  table.rows.forEach((row, index) => {
    const isTotal = table.totalRow === true && index === table.rows.length - 1
    const font = isTotal ? FONTS.bold : FONTS.regular
    if (doc.y + measure(row, font) > bottomLimit(doc)) {
      addPageLike(doc)
      drawHeader()
    }
    drawRow(row, font, isTotal ? HEADER_FILL : null)
  })
  doc.moveDown(0.8)
}

type TTocSlot = { page: number; y: number; level: 1 | 2; text: string }

/** State of one rendering: the table of contents is laid out first and filled in once the headings' pages are known. */
type TState = { pageTop: number; tocSlots: TTocSlot[]; headingPages: number[]; words: ReturnType<typeof rendererWords>; toc: { level: 1 | 2; text: string }[] }

function currentPage(doc: Pdf): number {
  const range = doc.bufferedPageRange()
  return range.start + range.count - 1
}

/** A horizontal bar chart in vector shapes: the title, then one row per bar (label, bar, value); rows never split. */
function drawChart(doc: Pdf, chart: TChart): void {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const row = 14
  const labelWidth = width * 0.38
  const valueWidth = 40
  const barSpace = width - labelWidth - valueWidth - 8
  const max = Math.max(1, ...chart.bars.filter((b) => b.shown === undefined).map((b) => b.value))
  ensureSpace(doc, 40 + Math.min(chart.bars.length, 6) * row)
  doc.font(FONTS.bold).fontSize(BODY_SIZE).fillColor('#000000').text(toWinAnsi(chart.title), left, doc.y, { width })
  doc.moveDown(0.3)
  for (const bar of chart.bars) {
    ensureSpace(doc, row)
    const y = doc.y
    doc.font(FONTS.regular).fontSize(8.5).fillColor('#000000').text(toWinAnsi(bar.label), left, y + 2, { width: labelWidth - 6, height: row, ellipsis: true, lineBreak: false })
    if (bar.shown === undefined && bar.value > 0) doc.rect(left + labelWidth, y + 2, Math.max(1, (barSpace * bar.value) / max), row - 5).fillColor(GREEN).fill()
    doc.font(FONTS.regular).fontSize(8.5).fillColor('#000000').text(toWinAnsi(bar.shown ?? String(bar.value)), left + width - valueWidth, y + 2, { width: valueWidth, align: 'right', lineBreak: false })
    doc.x = left
    doc.y = y + row
  }
  if (chart.caption) drawInline(doc, chart.caption, { size: 9, italic: true, color: GREY })
  doc.moveDown(0.6)
}

function drawBlocks(doc: Pdf, blocks: TBlock[], state: TState, running = false): void {
  const left = doc.page.margins.left
  for (const block of blocks) {
    doc.x = left
    switch (block.type) {
      case 'title': {
        if (block.kicker) doc.font(FONTS.bold).fontSize(9).fillColor(GREEN).text(toWinAnsi(block.kicker), { width: contentWidth(doc) })
        const large = block.size !== 'small'
        if (large && block.kicker) doc.moveDown(0.5)
        doc.font(FONTS.bold).fontSize(large ? 18 : 13).fillColor('#000000').text(toWinAnsi(block.text), { width: contentWidth(doc) })
        if (large) doc.moveDown(0.6)
        break
      }
      case 'heading': {
        const style = { 1: { space: 90, before: 0.8, size: 14, color: GREEN }, 2: { space: 60, before: 0.4, size: 11.5, color: '#000000' }, 3: { space: 50, before: 0.3, size: BODY_SIZE, color: '#000000' } }[block.level]
        ensureSpace(doc, style.space)
        // No space above a heading that opens a page.
        if (doc.y > state.pageTop + 0.5) doc.moveDown(style.before)
        if (!running && block.level <= 2) state.headingPages.push(currentPage(doc))
        doc.font(FONTS.bold).fontSize(style.size).fillColor(style.color).text(toWinAnsi(block.text), { width: contentWidth(doc) })
        doc.moveDown(0.3)
        break
      }
      case 'paragraph':
        if (block.style === 'note') drawInline(doc, block.text, { size: 9, italic: true, color: GREY, align: block.align })
        else drawInline(doc, block.text, { size: BODY_SIZE, align: block.align ?? 'justify' })
        doc.moveDown(0.4)
        break
      case 'fields':
        for (const [label, value] of block.items) drawInline(doc, [{ text: `${label} : `, bold: true }, value], { size: BODY_SIZE })
        doc.moveDown(0.5)
        break
      case 'bullets':
      case 'numbered':
        block.items.forEach((item, i) => drawInline(doc, item, { size: BODY_SIZE, indent: 12, prefix: block.type === 'bullets' ? '•  ' : `${i + 1}.  ` }))
        doc.moveDown(0.4)
        break
      case 'table':
        if (doc.y > state.pageTop + 0.5) doc.moveDown(0.2)
        drawTable(doc, block)
        break
      case 'figure': {
        const info = imageInfo(block.image)
        const available = bottomLimit(doc) - state.pageTop - 30
        const width = Math.min(contentWidth(doc) * Math.min(Math.max(block.width ?? 1, 0.05), 1), (available * info.width) / info.height)
        const height = (width * info.height) / info.width
        ensureSpace(doc, height + (block.caption ? 24 : 8))
        const y = doc.y
        doc.image(Buffer.from(block.image), left + (contentWidth(doc) - width) / 2, y, { width, height })
        doc.x = left
        doc.y = y + height + 4
        if (block.caption) drawInline(doc, block.caption, { size: 9, italic: true, color: GREY, align: 'center' })
        doc.moveDown(0.6)
        break
      }
      case 'chart':
        drawChart(doc, block)
        break
      case 'rule':
        doc.moveTo(left, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).lineWidth(1).strokeColor(GREEN).stroke()
        doc.moveDown(0.5)
        break
      case 'pageBreak':
        addPageLike(doc)
        break
      case 'toc': {
        doc.font(FONTS.bold).fontSize(14).fillColor(GREEN).text(toWinAnsi(block.heading ?? state.words.contents), { width: contentWidth(doc) })
        doc.moveDown(0.5)
        // Room for every entry now; the texts and page numbers are written once the whole document is laid out.
        const lineHeight = 16
        for (const entry of state.toc) {
          ensureSpace(doc, lineHeight)
          state.tocSlots.push({ page: currentPage(doc), y: doc.y, ...entry })
          doc.y += lineHeight
        }
        doc.moveDown(0.6)
        break
      }
    }
  }
}

function drawLetterhead(doc: Pdf, lines: readonly string[], logos: readonly Uint8Array[]): void {
  if (logos.length > 0) {
    // Side by side at one height, the row centred; widths follow each logo's proportions.
    const widths = logos.map((logo) => {
      const info = imageInfo(logo)
      return (LOGO_HEIGHT * info.width) / info.height
    })
    const gap = 24
    const total = widths.reduce((sum, w) => sum + w, 0) + gap * (logos.length - 1)
    let x = doc.page.margins.left + Math.max(0, (contentWidth(doc) - total) / 2)
    const y = doc.y
    logos.forEach((logo, i) => {
      doc.image(Buffer.from(logo), x, y, { height: LOGO_HEIGHT, width: widths[i] })
      x += (widths[i] ?? 0) + gap
    })
    doc.x = doc.page.margins.left
    doc.y = y + LOGO_HEIGHT + 6
  }
  lines.forEach((line, i) => {
    doc.font(i === 0 ? FONTS.bold : FONTS.regular).fontSize(9).fillColor(GREEN).text(toWinAnsi(line), doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' })
  })
  doc.moveDown(0.3)
  doc.moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).lineWidth(0.5).strokeColor(GREEN).stroke()
  doc.moveDown(1)
}

/** Fills in the table of contents laid out by the `toc` block. */
function drawToc(doc: Pdf, state: TState): void {
  const first = doc.bufferedPageRange().start
  state.tocSlots.forEach((slot, i) => {
    doc.switchToPage(slot.page)
    const left = doc.page.margins.left + (slot.level === 2 ? 14 : 0)
    const width = doc.page.width - doc.page.margins.right - left
    const page = String((state.headingPages[i] ?? first) - first + 1)
    doc.font(slot.level === 1 ? FONTS.bold : FONTS.regular).fontSize(BODY_SIZE).fillColor('#000000')
    doc.text(toWinAnsi(slot.text), left, slot.y, { width: width - 40, height: 14, ellipsis: true, lineBreak: false })
    doc.text(page, left, slot.y, { width, align: 'right', lineBreak: false })
  })
}

/** Writes "label — Page n sur N" at the foot of every buffered page. */
function drawFooters(doc: Pdf, label: string, pageNumbers: boolean, words: TState['words']): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin while the footer is drawn.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const text = pageNumbers ? `${label} — ${words.page} ${i + 1 - range.start} ${words.of} ${range.count}` : label
    doc
      .font(FONTS.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(toWinAnsi(text), doc.page.margins.left, doc.page.height - bottom / 2 - 4, { width: contentWidth(doc), align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}

/** The document as an A4 PDF. */
export async function renderPdf(model: TDoc, options: TRenderOptions = {}): Promise<Buffer> {
  const words = rendererWords(options.locale)
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    lang: options.locale === 'en' ? 'en-GB' : 'fr-FR',
    info: { Title: toWinAnsi(model.title), Author: toWinAnsi(model.author ?? PORTAL_AUTHOR), ...(options.now ? { CreationDate: options.now } : {}) },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const state: TState = { pageTop: 0, tocSlots: [], headingPages: [], words, toc: tocEntries(model) }
  let section: TSection | null = null
  let firstPage = true
  let drawingHeader = false
  // Every new page, whether opened by a section, a table or text running over, gets the section's running header.
  doc.on('pageAdded', () => {
    if (drawingHeader) return
    drawingHeader = true
    // Text running over to this page goes on in its own font and colour once the header is drawn.
    const text = doc as Pdf & { _font?: { name?: string }; _fontSize?: number; _fillColor?: [string, number] }
    const [font, size, fill, x] = [text._font?.name, text._fontSize, text._fillColor, doc.x]
    if (firstPage && (options.letterhead?.length || options.logos?.length)) drawLetterhead(doc, options.letterhead ?? [], options.logos ?? [])
    firstPage = false
    if (section?.header?.length) drawBlocks(doc, section.header, state, true)
    state.pageTop = doc.y
    if (font) doc.font(font)
    if (size) doc.fontSize(size)
    if (fill) doc.fillColor(...fill)
    doc.x = x
    drawingHeader = false
  })
  for (const s of model.sections) {
    section = s
    doc.addPage({ size: 'A4', layout: s.orientation ?? 'portrait', margin: s.margin ?? DEFAULT_MARGIN })
    drawBlocks(doc, s.blocks, state)
  }
  drawToc(doc, state)
  if (model.footer?.pageNumbers !== false || model.footer?.text) drawFooters(doc, footerLabel(model), model.footer?.pageNumbers !== false, words)
  doc.end()
  return done
}
