// The training report (PDF and Word) and the attendance sheet to sign (PDF) of a face-to-face training. The
// report follows the Malian training reports: cover, context and objectives, agenda, participants, attendance,
// pre/post tests, evaluation, recommendations, next steps, and the attendance list as annex.
//
// Both formats are drawn from one neutral content model (`buildTrainingReport`), so the PDF and the Word file
// always say the same thing; every figure comes from the rules of cms/rules/trainings.ts.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import PDFDocument from 'pdfkit'
import {
  ATTENDANCE_STATUSES,
  attendanceByDay,
  attendanceRate,
  disaggregate,
  evaluationSummary,
  formatDateRangeFr,
  formatDateFr,
  formatShortDateFr,
  isoDay,
  normaliseName,
  testProgression,
  trainingDays,
  type TEnrolment,
  type TParticipant,
} from '../rules/trainings.ts'
import { statusLabel, type TActionItem } from '../rules/action-items.ts'

export type TTrainingReport = {
  title: string
  kind: string /* French label already */
  startDate: string
  endDate: string
  venue: string
  region: string
  organiser: string
  funder?: string | null
  trainers: string[]
  context?: string | null
  objectives?: string | null
  expectedResults?: string | null
  agenda?: string | null
  recommendations?: string | null
  evaluationNotes?: string | null
  participants: TParticipant[]
  enrolments: TEnrolment[]
  nextSteps: TActionItem[]
}

/** Options of the renderers: `now` dates the generated file (defaults to the current time). */
export type TRenderOptions = { now?: Date }

// ---------------------------------------------------------------------------------------------------------------
// Content model

export type TAlign = 'left' | 'center' | 'right'
export type TTableColumn = { header: string; width: number /* relative */; align?: TAlign }
export type TTableBlock = { type: 'table'; columns: TTableColumn[]; rows: string[][]; totalRow?: boolean }
export type TBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string; emphasis?: 'bold' | 'italic' }
  | { type: 'bullets'; items: string[] }
  | TTableBlock
export type TReportDocument = {
  title: string
  /** Label / value lines of the cover block. */
  cover: [string, string][]
  body: TBlock[]
  annex: { heading: string; tables: TTableBlock[]; legend: string }
}

/** What a narrative field shows when it was left empty. */
export const EMPTY_NARRATIVE = 'Non renseigné.'

/** The report's content, format-neutral: the PDF and Word renderers draw exactly this. */
export function buildTrainingReport(report: TTrainingReport): TReportDocument {
  const days = trainingDays(report.startDate, report.endDate)
  const people = disaggregate(report.participants)
  const body: TBlock[] = []
  const h1 = (text: string) => body.push({ type: 'heading', level: 1, text })
  const h2 = (text: string) => body.push({ type: 'heading', level: 2, text })

  h1('1. Contexte et objectifs')
  h2('1.1 Contexte')
  body.push(...narrative(report.context))
  h2('1.2 Objectifs')
  body.push(...narrative(report.objectives))
  h2('1.3 Résultats attendus')
  body.push(...narrative(report.expectedResults))

  h1('2. Déroulement de la formation')
  body.push(...narrative(report.agenda))

  h1('3. Participants')
  body.push({ type: 'paragraph', text: `${participantsSentence(people.total, people.women, people.men)}.` })
  if (people.total > 0) {
    body.push({
      type: 'table',
      columns: [{ header: 'Structure', width: 4 }, ...['Femmes', 'Hommes', 'Total'].map((header) => ({ header, width: 1, align: 'right' as const }))],
      rows: [
        ...people.byOrganisation.map((o) => [o.organisation, String(o.women), String(o.men), String(o.total)]),
        ['Total', String(people.women), String(people.men), String(people.total)],
      ],
      totalRow: true,
    })
  }

  h1('4. Présence')
  const enrolled = report.enrolments.length
  if (enrolled === 0) {
    body.push({ type: 'paragraph', text: 'Aucune inscription : la présence n’a pas été enregistrée.' })
  } else {
    const byDay = attendanceByDay(report.enrolments, days)
    body.push({
      type: 'table',
      columns: [
        { header: 'Date', width: 3 },
        ...['Présents', 'Retards', 'Absents', 'Excusés', 'Taux'].map((header) => ({ header, width: 1.4, align: 'right' as const })),
      ],
      rows: byDay.map((d, i) => [`Jour ${i + 1} — ${formatDateFr(d.date)}`, String(d.present), String(d.late), String(d.absent), String(d.excused), formatPercent(d.rate)]),
    })
    body.push({
      type: 'paragraph',
      emphasis: 'bold',
      text: `Taux de présence global : ${formatPercent(attendanceRate(report.enrolments, days))} (présents et retards, sur ${enrolled} ${plural(enrolled, 'participant inscrit', 'participants inscrits')} et ${days.length} ${plural(days.length, 'jour', 'jours')}).`,
    })
    const unmarked = byDay.reduce((sum, d) => sum + d.unmarked, 0)
    if (unmarked > 0) {
      body.push({ type: 'paragraph', emphasis: 'italic', text: `${unmarked} ${plural(unmarked, 'présence non renseignée, comptée', 'présences non renseignées, comptées')} comme absence dans les taux.` })
    }
  }

  h1('5. Pré-test et post-test')
  const tests = testProgression(report.enrolments)
  if (tests.withBoth === 0 || tests.averagePre === null || tests.averagePost === null || tests.averageProgression === null) {
    body.push({ type: 'paragraph', text: 'Aucun participant n’a de score au pré-test et au post-test.' })
  } else {
    body.push({
      type: 'table',
      columns: [
        { header: 'Indicateur', width: 3 },
        { header: 'Résultat', width: 2, align: 'right' },
      ],
      rows: [
        ['Participants ayant passé les deux tests', `${tests.withBoth} sur ${enrolled}`],
        ['Moyenne au pré-test', `${formatNumber(tests.averagePre)} / 100`],
        ['Moyenne au post-test', `${formatNumber(tests.averagePost)} / 100`],
        ['Progression moyenne', `${tests.averageProgression > 0 ? '+' : ''}${formatNumber(tests.averageProgression)} ${plural(Math.abs(tests.averageProgression), 'point', 'points')}`],
        ['Participants en progression', `${tests.improved} sur ${tests.withBoth} (${formatPercent(tests.improvedShare ?? 0)})`],
      ],
    })
  }

  h1('6. Évaluation de la formation')
  const evaluation = evaluationSummary(report.enrolments)
  const notes = narrative(report.evaluationNotes, '')
  body.push(...notes)
  if (evaluation.items.length > 0) {
    body.push({
      type: 'paragraph',
      text: `Appréciations de ${evaluation.respondents} ${plural(evaluation.respondents, 'participant', 'participants')}, de 1 (insuffisant) à 5 (excellent) :`,
    })
    body.push({
      type: 'table',
      columns: [
        { header: 'Élément évalué', width: 4 },
        { header: 'Moyenne (sur 5)', width: 1.5, align: 'right' },
        { header: 'Réponses', width: 1.2, align: 'right' },
      ],
      rows: evaluation.items.map((i) => [i.item, formatNumber(i.average), String(i.responses)]),
    })
  }
  if (evaluation.comments.length > 0) {
    body.push({ type: 'paragraph', emphasis: 'bold', text: 'Commentaires des participants :' })
    body.push({ type: 'bullets', items: evaluation.comments })
  }
  if (notes.length === 0 && evaluation.items.length === 0 && evaluation.comments.length === 0) body.push(...narrative(null))

  h1('7. Recommandations')
  body.push(...narrative(report.recommendations))

  h1('8. Prochaines étapes')
  if (report.nextSteps.length === 0) {
    body.push({ type: 'paragraph', text: 'Aucune prochaine étape enregistrée.' })
  } else {
    body.push({
      type: 'table',
      columns: [
        { header: 'Activité', width: 4 },
        { header: 'Statut', width: 1.6 },
        { header: 'Échéance', width: 1.8 },
        { header: 'Commentaires', width: 3.5 },
      ],
      rows: report.nextSteps.map((s) => [
        s.activity,
        statusLabel(s.status),
        s.deadline?.trim() ? (isoDay(s.deadline) ? formatDateFr(s.deadline) : s.deadline.trim()) : '—',
        s.comments?.trim() || '—',
      ]),
    })
  }

  const cover: [string, string][] = [
    ['Type de formation', report.kind],
    ['Dates', `${formatDateRangeFr(report.startDate, report.endDate)} (${days.length} ${plural(days.length, 'jour', 'jours')})`],
    ['Lieu', report.venue],
    ['Région', report.region],
    ['Organisateur', report.organiser],
    ['Financement', report.funder?.trim() || 'Non renseigné'],
    ['Formateurs', report.trainers.map((t) => t.trim()).filter(Boolean).join(', ') || 'Non renseigné'],
    ['Participants', participantsSentence(people.total, people.women, people.men)],
  ]
  return {
    title: report.title,
    cover,
    body,
    annex: {
      heading: 'Annexe — Liste de présence',
      tables: attendanceListTables(report, days),
      legend: 'P : présent · R : en retard · A : absent · E : excusé · case vide : non renseigné.',
    },
  }
}

/** Days per annex table: beyond, the identity columns are repeated in a further table so that codes stay legible. */
const ANNEX_DAYS_PER_TABLE = 10

function attendanceListTables(report: TTrainingReport, days: string[]): TTableBlock[] {
  const enrolments = new Map(report.enrolments.map((e) => [String(e.participantId), e]))
  const people = sortedParticipants(report.participants)
  const tables: TTableBlock[] = []
  for (let first = 0; first < days.length; first += ANNEX_DAYS_PER_TABLE) {
    const chunk = days.slice(first, first + ANNEX_DAYS_PER_TABLE)
    tables.push({
      type: 'table',
      columns: [
        { header: 'Nom', width: 3 },
        { header: 'Prénom', width: 3 },
        { header: 'Sexe', width: 1.1, align: 'center' },
        { header: 'Structure', width: 2.6 },
        { header: 'Fonction', width: 3 },
        ...chunk.map((day, i) => ({ header: `J${first + i + 1} ${formatShortDateFr(day)}`, width: 1.2, align: 'center' as const })),
      ],
      rows: people.map((p) => {
        const marks = new Map((enrolments.get(String(p.id))?.attendance ?? []).map((a) => [isoDay(a.date) ?? a.date, a.status]))
        return [p.lastName, p.firstName, p.sex, p.organisation, p.function, ...chunk.map((day) => codeOf(marks.get(day)))]
      }),
    })
  }
  return tables
}

function codeOf(status: keyof typeof ATTENDANCE_STATUSES | undefined): string {
  return status ? ATTENDANCE_STATUSES[status].code : ''
}

/** Alphabetical by last name then first name, the order of a signed attendance list. */
function sortedParticipants(participants: TParticipant[]): TParticipant[] {
  const compare = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true })
  return [...participants].sort((a, b) => compare(a.lastName, b.lastName) || compare(a.firstName, b.firstName))
}

/** A narrative field as paragraphs (one per line, "- " lines as bullets), or "Non renseigné." when empty. */
function narrative(text: string | null | undefined, empty: string = EMPTY_NARRATIVE): TBlock[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length === 0) return empty ? [{ type: 'paragraph', text: empty }] : []
  const blocks: TBlock[] = []
  for (const line of lines) {
    const bullet = /^[-•*–]\s+(.*)$/.exec(line)
    const last = blocks[blocks.length - 1]
    if (bullet) {
      if (last?.type === 'bullets') last.items.push(bullet[1] ?? '')
      else blocks.push({ type: 'bullets', items: [bullet[1] ?? ''] })
    } else blocks.push({ type: 'paragraph', text: line })
  }
  return blocks
}

function plural(n: number, one: string, many: string): string {
  // French: 0 and 1 take the singular.
  return Math.abs(n) < 2 ? one : many
}

/** "18 participants, dont 6 femmes et 12 hommes", with French singulars for 0 and 1. */
export function participantsSentence(total: number, women: number, men: number): string {
  return `${total} ${plural(total, 'participant', 'participants')}, dont ${women} ${plural(women, 'femme', 'femmes')} et ${men} ${plural(men, 'homme', 'hommes')}`
}

/** A number in French with at most one decimal: 96.7 → "96,7", 80 → "80". */
export function formatNumber(n: number): string {
  return (Math.round(n * 10) / 10).toString().replace('.', ',')
}

/** A percentage in French, with a non-breaking space before the sign: "96,7 %". */
export function formatPercent(rate: number): string {
  return `${formatNumber(rate)}\u00a0%`
}

// ---------------------------------------------------------------------------------------------------------------
// PDF (pdfkit)

const GREEN = '#0b5d3b'
const GREY = '#555555'
const HEADER_FILL = '#e8efe9'
const FONT = 'Helvetica'
const BOLD = 'Helvetica-Bold'
const ITALIC = 'Helvetica-Oblique'

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

function newPdf(title: string, layout: 'portrait' | 'landscape', margin: number, options: TRenderOptions): { doc: Pdf; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin,
    bufferPages: true,
    lang: 'fr-FR',
    info: { Title: toWinAnsi(title), Author: 'Portail national de protection de l’enfant (Mali)', ...(options.now ? { CreationDate: options.now } : {}) },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, done }
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function bottomLimit(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom
}

/** Starts a new page when less than `needed` points remain, so a heading never ends a page alone. */
function ensureSpace(doc: Pdf, needed: number): void {
  if (doc.y + needed > bottomLimit(doc)) addPageLike(doc)
}

function addPageLike(doc: Pdf): void {
  const { layout, margins } = doc.page
  doc.addPage({ size: 'A4', layout: layout === 'landscape' ? 'landscape' : 'portrait', margins })
}

type TPdfTableOptions = { fontSize?: number; minRowHeight?: number; onNewPage?: () => void }

/** Draws a table at the left margin; rows never split, and the header row is repeated on every new page. */
function drawTable(doc: Pdf, table: TTableBlock, options: TPdfTableOptions = {}): void {
  const fontSize = options.fontSize ?? 9
  const padding = 4
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0)
  const widths = table.columns.map((c) => (c.width / totalWeight) * width)
  const measure = (cells: string[], font: string, isHeader = false) => {
    doc.font(font).fontSize(fontSize)
    const textHeight = Math.max(...cells.map((cell, i) => doc.heightOfString(toWinAnsi(cell) || ' ', { width: (widths[i] ?? 0) - 2 * padding })))
    return Math.max(textHeight + 2 * padding, isHeader ? 0 : (options.minRowHeight ?? 0))
  }
  const drawRow = (cells: string[], font: string, fill: string | null, isHeader = false) => {
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
  const drawHeader = () => drawRow(header, BOLD, HEADER_FILL, true)
  const headerHeight = measure(header, BOLD, true)
  if (doc.y + headerHeight + measure(table.rows[0] ?? header, FONT) > bottomLimit(doc)) {
    addPageLike(doc)
    options.onNewPage?.()
  }
  drawHeader()
  table.rows.forEach((row, index) => {
    const isTotal = table.totalRow === true && index === table.rows.length - 1
    const font = isTotal ? BOLD : FONT
    if (doc.y + measure(row, font) > bottomLimit(doc)) {
      addPageLike(doc)
      options.onNewPage?.()
      drawHeader()
    }
    drawRow(row, font, isTotal ? HEADER_FILL : null)
  })
  doc.moveDown(0.8)
}

function drawBlocks(doc: Pdf, blocks: TBlock[]): void {
  const left = doc.page.margins.left
  for (const block of blocks) {
    doc.x = left
    if (block.type === 'heading') {
      ensureSpace(doc, block.level === 1 ? 90 : 60)
      doc.moveDown(block.level === 1 ? 0.8 : 0.4)
      doc.font(BOLD).fontSize(block.level === 1 ? 14 : 11.5).fillColor(block.level === 1 ? GREEN : '#000000').text(toWinAnsi(block.text), { width: contentWidth(doc) })
      doc.moveDown(0.3)
    } else if (block.type === 'paragraph') {
      const font = block.emphasis === 'bold' ? BOLD : block.emphasis === 'italic' ? ITALIC : FONT
      doc.font(font).fontSize(10.5).fillColor('#000000').text(toWinAnsi(block.text), { width: contentWidth(doc), align: 'justify' })
      doc.moveDown(0.4)
    } else if (block.type === 'bullets') {
      for (const item of block.items) {
        doc.font(FONT).fontSize(10.5).fillColor('#000000').text(`•  ${toWinAnsi(item)}`, left + 12, doc.y, { width: contentWidth(doc) - 12, align: 'left' })
      }
      doc.x = left
      doc.moveDown(0.4)
    } else {
      doc.moveDown(0.2)
      drawTable(doc, block)
    }
  }
}

/** Writes "title — Page n sur N" at the foot of every buffered page. */
function drawFooters(doc: Pdf, label: string): void {
  // The footer holds on one line: a very long title is shortened there (it is printed in full on the first page).
  const shortLabel = label.length > 90 ? `${label.slice(0, 89).trimEnd()}…` : label
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin while the footer is drawn.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(GREY)
      .text(toWinAnsi(`${shortLabel} — Page ${i + 1 - range.start} sur ${range.count}`), doc.page.margins.left, doc.page.height - bottom / 2 - 4, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
}

/** The training report as an A4 PDF, with the attendance list as a landscape annex. */
export async function renderTrainingReportPdf(report: TTrainingReport, options: TRenderOptions = {}): Promise<Buffer> {
  const content = buildTrainingReport(report)
  const { doc, done } = newPdf(content.title, 'portrait', 56, options)
  doc.font(BOLD).fontSize(9).fillColor(GREEN).text('RAPPORT DE FORMATION')
  doc.moveDown(0.5).font(BOLD).fontSize(18).fillColor('#000000').text(toWinAnsi(content.title))
  doc.moveDown(0.6)
  for (const [label, value] of content.cover) {
    doc.font(BOLD).fontSize(10.5).fillColor('#000000').text(toWinAnsi(`${label} : `), { continued: true })
    doc.font(FONT).text(toWinAnsi(value))
  }
  doc.moveDown(0.5)
  doc.moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).lineWidth(1).strokeColor(GREEN).stroke()
  doc.moveDown(0.5)
  drawBlocks(doc, content.body)

  doc.addPage({ size: 'A4', layout: 'landscape', margin: 40 })
  doc.font(BOLD).fontSize(14).fillColor(GREEN).text(toWinAnsi(content.annex.heading))
  doc.moveDown(0.5)
  if (report.participants.length === 0) doc.font(FONT).fontSize(10.5).fillColor('#000000').text('Aucun participant enregistré.')
  for (const table of content.annex.tables) if (table.rows.length > 0) drawTable(doc, table, { fontSize: 8 })
  ensureSpace(doc, 30)
  doc.font(ITALIC).fontSize(9).fillColor(GREY).text(toWinAnsi(content.annex.legend))
  drawFooters(doc, content.title)
  doc.end()
  return done
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance sheet to sign (PDF)

/** Signature columns per page set: beyond, a 2 cm wide signature box no longer fits on landscape A4. */
const SIGNATURE_DAYS_PER_PAGE = 5
/** Blank rows printed when nobody is registered yet, so the sheet can still be used on the day. */
const BLANK_SHEET_ROWS = 15

/** The attendance sheet to sign (feuille d’émargement): landscape A4, one row per participant, one signature column per day. */
export async function renderAttendanceSheetPdf(report: TTrainingReport, options: TRenderOptions = {}): Promise<Buffer> {
  const days = trainingDays(report.startDate, report.endDate)
  const people = sortedParticipants(report.participants)
  const { doc, done } = newPdf(`Feuille d’émargement — ${report.title}`, 'landscape', 30, options)
  const rows: string[][] =
    people.length > 0
      ? people.map((p, i) => [String(i + 1), `${p.lastName.toLocaleUpperCase('fr')} ${p.firstName}`, p.organisation, p.function, ''])
      : Array.from({ length: BLANK_SHEET_ROWS }, (_, i) => [String(i + 1), '', '', '', ''])
  for (let first = 0; first < days.length; first += SIGNATURE_DAYS_PER_PAGE) {
    const chunk = days.slice(first, first + SIGNATURE_DAYS_PER_PAGE)
    if (first > 0) doc.addPage({ size: 'A4', layout: 'landscape', margin: 30 })
    const header = () => {
      doc.x = doc.page.margins.left
      doc.font(BOLD).fontSize(9).fillColor(GREEN).text('FEUILLE D’ÉMARGEMENT')
      doc.font(BOLD).fontSize(13).fillColor('#000000').text(toWinAnsi(report.title), { width: contentWidth(doc) })
      // "Hôtel Olympe, Bamako" already names the region Bamako: say it once.
      const venue = report.venue.trim()
      const where = venue && normaliseName(venue).includes(normaliseName(report.region)) ? venue : [venue, report.region.trim()].filter(Boolean).join(', ')
      doc
        .font(FONT)
        .fontSize(9.5)
        .text(toWinAnsi(`${capitalise(formatDateRangeFr(report.startDate, report.endDate))}${where ? ` — ${where}` : ''} — Organisateur : ${report.organiser}`), { width: contentWidth(doc) })
      if (days.length > SIGNATURE_DAYS_PER_PAGE) {
        doc.font(ITALIC).text(`Jours ${first + 1} à ${first + chunk.length} sur ${days.length}`)
      }
      doc.moveDown(0.5)
    }
    header()
    drawTable(
      doc,
      {
        type: 'table',
        columns: [
          { header: 'N°', width: 0.45, align: 'center' },
          { header: 'Nom et prénom', width: 3.2 },
          { header: 'Structure', width: 1.6 },
          { header: 'Fonction', width: 2 },
          { header: 'Téléphone', width: 1.6 },
          ...chunk.map((day, i) => ({ header: `Jour ${first + i + 1} — ${formatShortDateFr(day)}`, width: 1.45, align: 'center' as const })),
        ],
        // The signature boxes stay empty: the telephone too is written by hand on the day.
        rows: rows.map((row) => [...row, ...chunk.map(() => '')]),
      },
      { fontSize: 8.5, minRowHeight: 30, onNewPage: header },
    )
  }
  drawFooters(doc, `Feuille d’émargement — ${report.title}`)
  doc.end()
  return done
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1)
}

// ---------------------------------------------------------------------------------------------------------------
// Word (docx)

/** Text safe in WordprocessingML: XML 1.0 forbids most control characters. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

const A4_PORTRAIT = { width: 11906, height: 16838 }
const MARGIN_TWIPS = 1134 // 2 cm

function docxTable(table: TTableBlock, widthTwips: number): Table {
  const totalWeight = table.columns.reduce((sum, c) => sum + c.width, 0)
  const widths = table.columns.map((c) => Math.round((c.width / totalWeight) * widthTwips))
  const alignment = (align: TAlign | undefined) => (align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT)
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' }
  const cell = (text: string, index: number, bold: boolean, fill: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EFE9' } } : {}),
      children: [new Paragraph({ alignment: alignment(table.columns[index]?.align), children: [new TextRun({ text: xmlText(text), bold, size: 18 })] })],
    })
  return new Table({
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cell(c.header, i, true, true)) }),
      ...table.rows.map((row, r) => {
        const isTotal = table.totalRow === true && r === table.rows.length - 1
        return new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, isTotal, isTotal)) })
      }),
    ],
  })
}

function docxBlocks(blocks: TBlock[], widthTwips: number): (Paragraph | Table)[] {
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.type === 'heading') {
      return [new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: xmlText(block.text) })] })]
    }
    if (block.type === 'paragraph') {
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [new TextRun({ text: xmlText(block.text), bold: block.emphasis === 'bold', italics: block.emphasis === 'italic' })],
        }),
      ]
    }
    if (block.type === 'bullets') return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: xmlText(item) })] }))
    return [docxTable(block, widthTwips), new Paragraph({ spacing: { after: 120 }, children: [] })]
  })
}

function docxFooter(label: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: `${xmlText(label)} — Page `, size: 16, color: '555555' }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '555555' }), new TextRun({ text: ' sur ', size: 16, color: '555555' }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '555555' })],
      }),
    ],
  })
}

/** The training report as a Word document (DOCX), editable by the organisers; same content as the PDF. */
export async function renderTrainingReportDocx(report: TTrainingReport): Promise<Buffer> {
  const content = buildTrainingReport(report)
  const portraitWidth = A4_PORTRAIT.width - 2 * MARGIN_TWIPS
  const landscapeWidth = A4_PORTRAIT.height - 2 * MARGIN_TWIPS
  const margins = { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS }
  const footer = { default: docxFooter(content.title) }
  const doc = new Document({
    creator: 'Portail national de protection de l’enfant (Mali)',
    title: xmlText(content.title),
    styles: {
      // French as the proofing language, so that Word checks the spelling in French.
      default: { document: { run: { font: 'Calibri', size: 21, language: { value: 'fr-FR' } } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 28, color: '0B5D3B' }, paragraph: { spacing: { before: 300, after: 120 } } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 23 }, paragraph: { spacing: { before: 200, after: 80 } } },
      ],
    },
    sections: [
      {
        properties: { page: { size: { ...A4_PORTRAIT, orientation: PageOrientation.PORTRAIT }, margin: margins } },
        footers: footer,
        children: [
          new Paragraph({ children: [new TextRun({ text: 'RAPPORT DE FORMATION', bold: true, size: 18, color: '0B5D3B' })] }),
          new Paragraph({ spacing: { before: 120, after: 240 }, children: [new TextRun({ text: xmlText(content.title), bold: true, size: 36 })] }),
          ...content.cover.map(
            ([label, value]) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun({ text: xmlText(value) })] }),
          ),
          new Paragraph({ spacing: { after: 200 }, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '0B5D3B', space: 4 } }, children: [] }),
          ...docxBlocks(content.body, portraitWidth),
        ],
      },
      {
        // docx swaps width and height itself for a landscape section: give the portrait dimensions.
        properties: { page: { size: { ...A4_PORTRAIT, orientation: PageOrientation.LANDSCAPE }, margin: margins } },
        footers: footer,
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: content.annex.heading })] }),
          ...(report.participants.length === 0 ? [new Paragraph({ children: [new TextRun({ text: 'Aucun participant enregistré.' })] })] : []),
          ...content.annex.tables.filter((t) => t.rows.length > 0).flatMap((t) => [docxTable(t, landscapeWidth), new Paragraph({ children: [] })]),
          new Paragraph({ children: [new TextRun({ text: content.annex.legend, italics: true, size: 18, color: '555555' })] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
