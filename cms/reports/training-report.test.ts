import JSZip from 'jszip'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import type { TEnrolment, TParticipant } from '../rules/trainings.ts'
import { septemberEnrolments, septemberParticipants } from '../../tests/fixtures/training-of-trainers.ts'
import { buildTrainingReport, renderAttendanceSheetPdf, renderTrainingReportDocx, renderTrainingReportPdf, type TTrainingReport } from './training-report.ts'

// The September 2024 training of trainers (tests/fixtures/training-of-trainers.ts): one absence, one late arrival,
// one excused absence, one day not marked.
const participants: TParticipant[] = septemberParticipants((i) => ({ firstName: `Prénom${i + 1}`, lastName: `Nom${String(i + 1).padStart(2, '0')}`, function: 'Gestionnaire de cas', region: 'Bamako' }))
participants[0] = { ...participants[0]!, firstName: 'Aïssata', lastName: 'Traoré' }
const enrolments: TEnrolment[] = septemberEnrolments(participants, (i) =>
  i < 10 ? { ratings: { 'Atteinte des objectifs': i < 5 ? 5 : 4, 'Qualité des formateurs': 5 }, comment: i === 0 ? 'Prévoir plus de temps pour CPIMS+.' : '' } : undefined,
)
const report: TTrainingReport = {
  title: 'Formation des formateurs sur la gestion des cas et CPIMS+',
  kind: 'Formation de formateurs',
  startDate: '2024-09-17',
  endDate: '2024-09-21',
  venue: 'Hôtel Olympe, Bamako',
  region: 'Bamako',
  organiser: 'DNPEF',
  funder: 'UNICEF',
  trainers: ['Mariam Coulibaly', 'Oumar Diarra'],
  context: 'Le Mali a adopté un cadre commun de gestion des cas.\n- Harmoniser les pratiques\n- Déployer CPIMS+',
  objectives: 'Renforcer les capacités des formateurs.',
  expectedResults: null,
  agenda: '',
  recommendations: 'Organiser une session de recyclage en 2025.',
  evaluationNotes: null,
  participants,
  enrolments,
  nextSteps: [
    { activity: 'Restitution aux équipes régionales', status: 'done', deadline: '2024-10-15', comments: null },
    { activity: 'Déploiement de CPIMS+ à Ségou', status: 'inProgress', deadline: 'Décembre 2024', comments: 'Attente des tablettes' },
    { activity: 'Formation des gestionnaires de cas de Mopti', status: 'toDo', deadline: null, comments: null },
  ],
}

/** PDF text with every run of white space (line breaks, non-breaking spaces) reduced to one space. */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { text, totalPages } = await extractText(document, { mergePages: true })
  return { text: text.replace(/\s+/g, ' '), pages: totalPages }
}

/** The visible text of a DOCX body, paragraphs separated by a space. */
async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx)
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ')
}

// The facts both formats must state, figures from the rules: 87 attended participant-days out of 90 → 96.7 %.
const FACTS = [
  '18 participants, dont 6 femmes et 12 hommes',
  'du 17 au 21 septembre 2024',
  'Hôtel Olympe, Bamako',
  'Financement : UNICEF',
  'Taux de présence global : 96,7 %',
  'Jour 3 — 19 septembre 2024 17 0 1 0 94,4 %',
  'Jour 5 — 21 septembre 2024 16 0 0 1 88,9 %',
  '1 présence non renseignée',
  'Moyenne au pré-test 56,1 / 100',
  'Moyenne au post-test 74,7 / 100',
  'Progression moyenne +18,6 points',
  'Participants en progression 16 sur 17 (94,1 %)',
  'Atteinte des objectifs 4,5 10',
  'Prévoir plus de temps pour CPIMS+.',
  'Organiser une session de recyclage en 2025.',
  'Restitution aux équipes régionales Réalisé 15 octobre 2024',
  'Déploiement de CPIMS+ à Ségou En cours Décembre 2024 Attente des tablettes',
  'Formation des gestionnaires de cas de Mopti À faire',
  'Annexe — Liste de présence',
  'Traoré Aïssata F DNPEF Gestionnaire de cas P P A P P',
]

describe('training report content', () => {
  const content = { body: buildTrainingReport(report).sections[0]!.blocks }
  it('follows the structure of the Malian training reports', () => {
    const headings = content.body.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b.type === 'heading' ? b.text : ''))
    expect(headings).toEqual([
      '1. Contexte et objectifs',
      '2. Déroulement de la formation',
      '3. Participants',
      '4. Présence',
      '5. Pré-test et post-test',
      '6. Évaluation de la formation',
      '7. Recommandations',
      '8. Prochaines étapes',
    ])
  })
  it('tables participants by organisation with a total row', () => {
    const table = content.body.find((b) => b.type === 'table' && b.columns[0]?.header === 'Structure')
    expect(table?.type === 'table' && table.rows[0]).toEqual(['DNPEF', '2', '2', '4'])
    expect(table?.type === 'table' && table.rows.at(-1)).toEqual(['Total', '6', '12', '18'])
  })
  it('writes "Non renseigné." for empty narrative fields and bullets for dashed lines', () => {
    const afterHeading = (text: string) => content.body[content.body.findIndex((b) => b.type === 'heading' && b.text === text) + 1]
    expect(afterHeading('1.3 Résultats attendus')).toEqual({ type: 'paragraph', text: 'Non renseigné.' })
    expect(afterHeading('2. Déroulement de la formation')).toEqual({ type: 'paragraph', text: 'Non renseigné.' })
    expect(content.body).toContainEqual({ type: 'bullets', items: ['Harmoniser les pratiques', 'Déployer CPIMS+'] })
  })
  it('refuses dates in the wrong order', () => {
    expect(() => buildTrainingReport({ ...report, startDate: '2024-09-21', endDate: '2024-09-17' })).toThrow(/précède/)
  })
})

describe('training report PDF', () => {
  it('states the figures, in extractable French text', async () => {
    const pdf = await renderTrainingReportPdf(report, { now: new Date('2024-10-01T00:00:00Z') })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const { text, pages } = await pdfText(pdf)
    for (const fact of FACTS) expect(text).toContain(fact)
    expect(text).toContain('Page 1 sur')
    expect(pages).toBeGreaterThanOrEqual(3)
  })
  it('handles a training without participants, scores or next steps', async () => {
    const { text } = await pdfText(await renderTrainingReportPdf({ ...report, participants: [], enrolments: [], nextSteps: [], funder: null, trainers: [] }))
    expect(text).toContain('0 participant, dont 0 femme et 0 homme')
    expect(text).toContain('Aucune inscription')
    expect(text).toContain('Aucun participant n’a de score au pré-test et au post-test.')
    expect(text).toContain('Aucune prochaine étape enregistrée.')
    expect(text).toContain('Financement : Non renseigné')
  })
  it('keeps the table header on every page of a long annex', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...participants[i % 18]!, id: 100 + i, lastName: `Famille${String(i).padStart(2, '0')}` }))
    const { text } = await pdfText(await renderTrainingReportPdf({ ...report, participants: many, enrolments: [] }))
    expect(text.split('Nom Prénom Sexe Structure Fonction').length - 1).toBeGreaterThanOrEqual(2)
    expect(text).toContain('Famille59')
  })
})

describe('training report DOCX', () => {
  it('states the same figures', async () => {
    const docx = await renderTrainingReportDocx(report)
    expect(docx.subarray(0, 2).toString()).toBe('PK')
    const text = await docxText(docx)
    for (const fact of FACTS) expect(text).toContain(fact)
  })
})

describe('attendance sheet PDF', () => {
  it('lists each participant with one signature column per day', async () => {
    const { text } = await pdfText(await renderAttendanceSheetPdf(report))
    expect(text).toContain('FEUILLE D’ÉMARGEMENT')
    expect(text).toContain('Du 17 au 21 septembre 2024 — Hôtel Olympe, Bamako — Organisateur : DNPEF')
    expect(text).toContain('N° Nom et prénom Structure Fonction Téléphone Jour 1 — 17/09 Jour 2 — 18/09 Jour 3 — 19/09 Jour 4 — 20/09 Jour 5 — 21/09')
    expect(text).toContain('TRAORÉ Aïssata')
    expect(text).toContain('NOM18 Prénom18')
  })
  it('repeats the header on every page', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...participants[0]!, id: i, lastName: `Famille${String(i).padStart(2, '0')}` }))
    const { text, pages } = await pdfText(await renderAttendanceSheetPdf({ ...report, participants: many }))
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(text.split('FEUILLE D’ÉMARGEMENT').length - 1).toBe(pages)
    expect(text.split('Jour 1 — 17/09').length - 1).toBe(pages)
    expect(text).toContain('40 FAMILLE39')
  })
  it('prints numbered blank rows when nobody is registered yet', async () => {
    const { text } = await pdfText(await renderAttendanceSheetPdf({ ...report, participants: [], startDate: '2024-09-17', endDate: '2024-09-17' }))
    expect(text).toContain('Téléphone Jour 1 — 17/09 1 2 3')
    expect(text).toContain(' 15 ')
    expect(text).not.toContain('Jour 2')
  })
  it('splits long trainings into page sets of five days', async () => {
    const { text } = await pdfText(await renderAttendanceSheetPdf({ ...report, startDate: '2024-09-16', endDate: '2024-09-22' }))
    expect(text).toContain('Jours 1 à 5 sur 7')
    expect(text).toContain('Jours 6 à 7 sur 7')
    expect(text).toContain('Jour 7 — 22/09')
  })
})
