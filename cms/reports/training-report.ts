// The training report and the attendance sheet to sign (feuille d’émargement) of a face-to-face training, as
// documents of the document kit (cms/documents/): this file says what they contain, the kit's renderers draw them
// in PDF and Word. The report follows the training reports the ministry files (docs/domain.md, "How a training
// report is laid out"): a cover with a photo, a table of contents, an introduction naming the structures present
// and the participants by sex, objectives (general, specific) and expected results, the methodology, the
// proceedings day by day with photos, participants, attendance, pre/post tests, evaluation, recommendations, next
// steps with who is responsible, a conclusion and the signatory, and the attendance list with contact details as a
// landscape annex. Every figure comes from the rules of cms/rules/trainings.ts.

import { renderDocx } from '../documents/docx.ts'
import type { TBlock, TDoc, TRenderOptions, TTable } from '../documents/model.ts'
import { renderPdf } from '../documents/pdf.ts'
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
import { figuresByOrganisation, figuresBySex, type TGroupFigures } from '../rules/training-figures.ts'

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
  /** The general objective. */
  objectives?: string | null
  /** One per line. */
  specificObjectives?: string | null
  /** One per line. */
  expectedResults?: string | null
  methodology?: string | null
  agenda?: string | null
  programme?: TProgrammeDay[]
  photos?: TPhoto[]
  recommendations?: string | null
  evaluationNotes?: string | null
  conclusion?: string | null
  participants: TParticipant[]
  enrolments: TEnrolment[]
  nextSteps: TActionItem[]
  /** Who signs the report (the letterhead's signatory); no signature block when absent. */
  signatory?: { name: string; title: string } | null
}

/** One day of the programme as it happened: modules (one per line), who facilitated, what was practised, ceremonies. */
export type TProgrammeDay = { date: string; modules?: string | null; facilitators?: string | null; practised?: string | null; openedBy?: string | null; closedBy?: string | null }
/** A workshop photo (PNG or JPEG bytes) and its caption; the cover photo is printed on the first page. */
export type TPhoto = { image: Uint8Array; caption: string; onCover?: boolean }

/** What a narrative field shows when it was left empty. */
export const EMPTY_NARRATIVE = 'Non renseigné.'

/** The training report: a portrait body and the attendance list as a landscape annex. */
export function buildTrainingReport(report: TTrainingReport): TDoc {
  const days = trainingDays(report.startDate, report.endDate)
  const people = disaggregate(report.participants)
  const body: TBlock[] = [{ type: 'toc' }, { type: 'pageBreak' }]
  // Chapters are numbered in order (the introduction is not), their sub-headings after them: 3.1, 3.2…
  let chapter = 0
  let sub = 0
  const h1 = (text: string, numbered = true) => {
    if (numbered) [chapter, sub] = [chapter + 1, 0]
    body.push({ type: 'heading', level: 1, text: numbered ? `${chapter}. ${text}` : text })
  }
  const h2 = (text: string) => body.push({ type: 'heading', level: 2, text: `${chapter}.${++sub} ${text}` })
  const photos = report.photos ?? []
  const cover = photos.find((p) => p.onCover) ?? null

  h1('Introduction', false)
  body.push(...narrative(report.context, ''))
  body.push({ type: 'paragraph', text: introductionSentence(people.total, people.women, people.men, people.byOrganisation.map((o) => o.organisation)) })

  h1('Objectifs et résultats attendus')
  h2('Objectif général')
  body.push(...narrative(report.objectives))
  h2('Objectifs spécifiques')
  body.push(...list(report.specificObjectives))
  h2('Résultats attendus')
  body.push(...list(report.expectedResults))

  h1('Méthodologie')
  body.push(...narrative(report.methodology))

  h1('Déroulement de l’atelier')
  const programme = [...(report.programme ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  body.push(...narrative(report.agenda, programme.length > 0 ? '' : EMPTY_NARRATIVE))
  for (const day of programme) {
    const index = days.indexOf(isoDay(day.date) ?? day.date)
    h2(`${index >= 0 ? `Jour ${index + 1} — ` : ''}${formatDateFr(day.date)}`)
    body.push(...programmeDay(day))
  }
  const gallery = photos.filter((p) => p !== cover)
  if (gallery.length > 0) {
    h2('Photos de l’atelier')
    for (const photo of gallery) body.push({ type: 'figure', image: photo.image, width: 0.75, caption: photo.caption, alt: photo.caption })
  }

  h1('Participants')
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

  h1('Présence')
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
      text: [{ bold: true, text: `Taux de présence global : ${formatPercent(attendanceRate(report.enrolments, days))} (présents et retards, sur ${enrolled} ${plural(enrolled, 'participant inscrit', 'participants inscrits')} et ${days.length} ${plural(days.length, 'jour', 'jours')}).` }],
    })
    const unmarked = byDay.reduce((sum, d) => sum + d.unmarked, 0)
    if (unmarked > 0) {
      body.push({ type: 'paragraph', text: [{ italic: true, text: `${unmarked} ${plural(unmarked, 'présence non renseignée, comptée', 'présences non renseignées, comptées')} comme absence dans les taux.` }] })
    }
  }

  h1('Pré-test et post-test')
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

  body.push(...groupFiguresBlocks(report, days))

  h1('Évaluation de la formation')
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
    body.push({ type: 'paragraph', text: [{ bold: true, text: 'Commentaires des participants :' }] })
    body.push({ type: 'bullets', items: evaluation.comments })
  }
  if (notes.length === 0 && evaluation.items.length === 0 && evaluation.comments.length === 0) body.push(...narrative(null))

  h1('Recommandations')
  body.push(...narrative(report.recommendations))

  h1('Prochaines étapes')
  if (report.nextSteps.length === 0) {
    body.push({ type: 'paragraph', text: 'Aucune prochaine étape enregistrée.' })
  } else {
    body.push({
      type: 'table',
      columns: [
        { header: 'Activité', width: 4 },
        { header: 'Responsable', width: 2.4 },
        { header: 'Statut', width: 1.5 },
        { header: 'Échéance', width: 1.8 },
        { header: 'Commentaires', width: 2.8 },
      ],
      rows: report.nextSteps.map((s) => [
        s.activity,
        s.owner?.trim() || '—',
        statusLabel(s.status),
        s.deadline?.trim() ? (isoDay(s.deadline) ? formatDateFr(s.deadline) : s.deadline.trim()) : '—',
        s.comments?.trim() || '—',
      ]),
    })
  }

  h1('Conclusion')
  body.push(...narrative(report.conclusion))
  const signatory = report.signatory
  if (signatory && (signatory.name.trim() || signatory.title.trim())) {
    body.push({ type: 'paragraph', text: ' ' })
    if (signatory.title.trim()) body.push({ type: 'paragraph', align: 'right', text: signatory.title.trim() })
    if (signatory.name.trim()) body.push({ type: 'paragraph', align: 'right', text: [{ bold: true, text: signatory.name.trim() }] })
  }

  const coverFields: [string, string][] = [
    ['Type de formation', report.kind],
    ['Dates', `${formatDateRangeFr(report.startDate, report.endDate)} (${days.length} ${plural(days.length, 'jour', 'jours')})`],
    ['Lieu', report.venue],
    ['Région', report.region],
    ['Organisateur', report.organiser],
    ['Financement', report.funder?.trim() || 'Non renseigné'],
    ['Formateurs', report.trainers.map((t) => t.trim()).filter(Boolean).join(', ') || 'Non renseigné'],
    ['Participants', participantsSentence(people.total, people.women, people.men)],
  ]
  const annex: TBlock[] = report.participants.length === 0 ? [{ type: 'paragraph', text: 'Aucun participant enregistré.' }] : attendanceListTables(report, days)
  return {
    title: report.title,
    sections: [
      {
        blocks: [
          { type: 'title', kicker: 'RAPPORT DE FORMATION', text: report.title },
          { type: 'fields', items: coverFields },
          { type: 'rule' },
          ...(cover ? [{ type: 'figure' as const, image: cover.image, width: 0.85, caption: cover.caption, alt: cover.caption }] : []),
        ],
      },
      { blocks: body },
      {
        orientation: 'landscape',
        margin: 40,
        blocks: [
          { type: 'heading', level: 1, text: 'Annexe — Liste de présence' },
          ...annex,
          { type: 'paragraph', style: 'note', text: 'P : présent · R : en retard · A : absent · E : excusé · case vide : non renseigné.' },
        ],
      },
    ],
  }
}

/**
 * Attendance and pre/post-test results by sex and by organisation (cms/rules/training-figures.ts): the figures
 * tables of the report, kept apart from its narrative sections.
 */
function groupFiguresBlocks(report: TTrainingReport, days: string[]): TBlock[] {
  if (report.enrolments.length === 0) return []
  const score = (n: number | null) => (n === null ? '—' : formatNumber(n))
  const table = (first: string, rows: TGroupFigures[]): TTable => ({
    type: 'table',
    columns: [{ header: first, width: 3 }, ...['Inscrits', 'Présence', 'Deux tests', 'Pré-test', 'Post-test', 'Progression'].map((header) => ({ header, width: 1.3, align: 'right' as const }))],
    rows: rows.map((r) => [r.key, String(r.enrolled), formatPercent(r.attendanceRate), String(r.withBoth), score(r.averagePre), score(r.averagePost), r.averageProgression === null ? '—' : `${r.averageProgression > 0 ? '+' : ''}${formatNumber(r.averageProgression)}`]),
    totalRow: true,
  })
  return [
    { type: 'heading', level: 2, text: 'Présence et résultats par sexe' },
    table('Sexe', figuresBySex(report.participants, report.enrolments, days)),
    { type: 'heading', level: 2, text: 'Présence et résultats par structure' },
    table('Structure', figuresByOrganisation(report.participants, report.enrolments, days)),
    { type: 'paragraph', style: 'note', text: 'Présence : présents et retards sur les jours de formation. Scores sur 100, moyennes des participants ayant passé les deux tests.' },
  ]
}

/** Days per annex table: beyond, the identity columns are repeated in a further table so that codes stay legible. */
const ANNEX_DAYS_PER_TABLE = 7

function attendanceListTables(report: TTrainingReport, days: string[]): TTable[] {
  const enrolments = new Map(report.enrolments.map((e) => [String(e.participantId), e]))
  const people = sortedParticipants(report.participants)
  const tables: TTable[] = []
  for (let first = 0; first < days.length; first += ANNEX_DAYS_PER_TABLE) {
    const chunk = days.slice(first, first + ANNEX_DAYS_PER_TABLE)
    tables.push({
      type: 'table',
      fontSize: 8,
      columns: [
        { header: 'N°', width: 0.7, align: 'center' },
        { header: 'Nom', width: 2.4 },
        { header: 'Prénom', width: 2.4 },
        { header: 'Sexe', width: 0.9, align: 'center' },
        { header: 'Structure', width: 2.2 },
        { header: 'Fonction', width: 2.6 },
        { header: 'Téléphone', width: 2.3 },
        { header: 'E-mail', width: 3.4 },
        ...chunk.map((day, i) => ({ header: `J${first + i + 1} ${formatShortDateFr(day)}`, width: 1.1, align: 'center' as const })),
      ],
      rows: people.map((p, n) => {
        const marks = new Map((enrolments.get(String(p.id))?.attendance ?? []).map((a) => [isoDay(a.date) ?? a.date, a.status]))
        return [String(n + 1), p.lastName, p.firstName, p.sex, p.organisation, p.function, p.phone?.trim() || '', p.email?.trim() || '', ...chunk.map((day) => codeOf(marks.get(day)))]
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
export function narrative(text: string | null | undefined, empty: string = EMPTY_NARRATIVE): TBlock[] {
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

/** A list written one item per line (leading dashes or numbers dropped) as a numbered list, or "Non renseigné.". */
function list(text: string | null | undefined): TBlock[] {
  const items = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^(?:[-•*–]|\d+[.)])\s*/, ''))
    .filter(Boolean)
  return items.length > 0 ? [{ type: 'numbered', items }] : [{ type: 'paragraph', text: EMPTY_NARRATIVE }]
}

/** One day of the proceedings: who opened it, the modules, who facilitated, what was practised, who closed it. */
function programmeDay(day: TProgrammeDay): TBlock[] {
  const blocks: TBlock[] = []
  const line = (label: string, value: string | null | undefined) => {
    if (value?.trim()) blocks.push({ type: 'paragraph', text: [{ bold: true, text: `${label} : ` }, value.trim()] })
  }
  line('Ouverture', day.openedBy)
  const modules = (day.modules ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[-•*–]\s*/, ''))
    .filter(Boolean)
  if (modules.length > 0) {
    blocks.push({ type: 'paragraph', text: [{ bold: true, text: 'Modules traités :' }] })
    blocks.push({ type: 'bullets', items: modules })
  }
  line('Facilitation', day.facilitators)
  if (day.practised?.trim()) {
    blocks.push({ type: 'paragraph', text: [{ bold: true, text: 'Travaux pratiques :' }] })
    blocks.push(...narrative(day.practised))
  }
  line('Clôture', day.closedBy)
  return blocks.length > 0 ? blocks : [{ type: 'paragraph', text: EMPTY_NARRATIVE }]
}

/** The introduction's count: "L’atelier a réuni 18 participants, dont 6 femmes et 12 hommes, venus des structures suivantes : A, B et C." */
export function introductionSentence(total: number, women: number, men: number, structures: string[]): string {
  const named = structures.map((s) => s.trim()).filter(Boolean)
  const from = named.length === 0 ? '' : named.length === 1 ? `, venus de la structure ${named[0]}` : `, venus des structures suivantes : ${named.slice(0, -1).join(', ')} et ${named.at(-1)}`
  return `L’atelier a réuni ${participantsSentence(total, women, men)}${from}. La liste de présence figure en annexe.`
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
// Attendance sheet to sign

/** Signature columns per page set: beyond, a 2 cm wide signature box no longer fits on landscape A4. */
const SIGNATURE_DAYS_PER_PAGE = 5
/** Blank rows printed when nobody is registered yet, so the sheet can still be used on the day. */
const BLANK_SHEET_ROWS = 15

/** The attendance sheet to sign (feuille d’émargement): landscape A4, one row per participant, one signature column per day. */
export function buildAttendanceSheet(report: TTrainingReport): TDoc {
  const days = trainingDays(report.startDate, report.endDate)
  const people = sortedParticipants(report.participants)
  const title = `Feuille d’émargement — ${report.title}`
  const rows: string[][] =
    people.length > 0
      ? people.map((p, i) => [String(i + 1), `${p.lastName.toLocaleUpperCase('fr')} ${p.firstName}`, p.organisation, p.function, ''])
      : Array.from({ length: BLANK_SHEET_ROWS }, (_, i) => [String(i + 1), '', '', '', ''])
  // "Hôtel Olympe, Bamako" already names the region Bamako: say it once.
  const venue = report.venue.trim()
  const where = venue && normaliseName(venue).includes(normaliseName(report.region)) ? venue : [venue, report.region.trim()].filter(Boolean).join(', ')
  const line = `${capitalise(formatDateRangeFr(report.startDate, report.endDate))}${where ? ` — ${where}` : ''} — Organisateur : ${report.organiser}`
  const sections: TDoc['sections'] = []
  // One page set per five days, each headed on every page by the title, the dates and the days it covers.
  for (let first = 0; first < days.length; first += SIGNATURE_DAYS_PER_PAGE) {
    const chunk = days.slice(first, first + SIGNATURE_DAYS_PER_PAGE)
    const header: TBlock[] = [
      { type: 'title', size: 'small', kicker: 'FEUILLE D’ÉMARGEMENT', text: report.title },
      { type: 'paragraph', align: 'left', text: line },
    ]
    if (days.length > SIGNATURE_DAYS_PER_PAGE) header.push({ type: 'paragraph', align: 'left', text: [{ italic: true, text: `Jours ${first + 1} à ${first + chunk.length} sur ${days.length}` }] })
    const table: TTable = {
      type: 'table',
      fontSize: 8.5,
      minRowHeight: 30,
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
    }
    sections.push({ orientation: 'landscape', margin: 30, header, blocks: [table] })
  }
  return { title, sections }
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1)
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/** The training report as an A4 PDF, with the attendance list as a landscape annex. */
export function renderTrainingReportPdf(report: TTrainingReport, options: TRenderOptions = {}): Promise<Buffer> {
  return renderPdf(buildTrainingReport(report), options)
}

/** The training report as a Word document (DOCX), editable by the organisers; same content as the PDF. */
export function renderTrainingReportDocx(report: TTrainingReport, options: TRenderOptions = {}): Promise<Buffer> {
  return renderDocx(buildTrainingReport(report), options)
}

/** The attendance sheet to sign, as a landscape A4 PDF. */
export function renderAttendanceSheetPdf(report: TTrainingReport, options: TRenderOptions = {}): Promise<Buffer> {
  return renderPdf(buildAttendanceSheet(report), options)
}
