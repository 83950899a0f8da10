import JSZip from 'jszip'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import type { TEnrolment, TParticipant } from '../rules/trainings.ts'
import { septemberEnrolments, septemberParticipants } from '../../tests/fixtures/training-of-trainers.ts'
import { solidPng } from '../../tests/helpers/images.ts'
import { MINISTRY_LETTERHEAD } from '../documents/model.ts'
import { buildTrainingReport, introductionSentence, renderAttendanceSheetPdf, renderTrainingReportDocx, renderTrainingReportPdf, type TTrainingReport } from './training-report.ts'
import { docxText } from '../../tests/helpers/docx.ts'

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
  'Restitution aux équipes régionales — Réalisé 15 octobre 2024',
  'Déploiement de CPIMS+ à Ségou — En cours Décembre 2024 Attente des tablettes',
  'Formation des gestionnaires de cas de Mopti — À faire',
  'Annexe — Liste de présence',
  'Traoré Aïssata F DNPEF Gestionnaire de cas P P A P P',
]

describe('training report content', () => {
  const content = { body: buildTrainingReport(report).sections[1]!.blocks }
  it('follows the structure of the Malian training reports', () => {
    const headings = content.body.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b.type === 'heading' ? b.text : ''))
    expect(headings).toEqual([
      'Introduction',
      '1. Objectifs et résultats attendus',
      '2. Méthodologie',
      '3. Déroulement de l’atelier',
      '4. Participants',
      '5. Présence',
      '6. Pré-test et post-test',
      '7. Évaluation de la formation',
      '8. Recommandations',
      '9. Prochaines étapes',
      '10. Conclusion',
    ])
    expect(content.body[0]).toEqual({ type: 'toc' })
  })
  it('names the structures present and the sex split in the introduction', () => {
    expect(introductionSentence(18, 6, 12, ['DNPEF', 'Tdh', 'IRC'])).toBe(
      'L’atelier a réuni 18 participants, dont 6 femmes et 12 hommes, venus des structures suivantes : DNPEF, Tdh et IRC. La liste de présence figure en annexe.',
    )
    expect(introductionSentence(1, 1, 0, ['DNPEF'])).toBe('L’atelier a réuni 1 participant, dont 1 femme et 0 homme, venus de la structure DNPEF. La liste de présence figure en annexe.')
  })
  it('tables participants by organisation with a total row', () => {
    const table = content.body.find((b) => b.type === 'table' && b.columns[0]?.header === 'Structure')
    expect(table?.type === 'table' && table.rows[0]).toEqual(['DNPEF', '2', '2', '4'])
    expect(table?.type === 'table' && table.rows.at(-1)).toEqual(['Total', '6', '12', '18'])
  })
  it('writes "Non renseigné." for empty narrative fields and bullets for dashed lines', () => {
    const afterHeading = (text: string) => content.body[content.body.findIndex((b) => b.type === 'heading' && b.text === text) + 1]
    expect(afterHeading('1.3 Résultats attendus')).toEqual({ type: 'paragraph', text: 'Non renseigné.' })
    expect(afterHeading('3. Déroulement de l’atelier')).toEqual({ type: 'paragraph', text: 'Non renseigné.' })
    expect(content.body).toContainEqual({ type: 'bullets', items: ['Harmoniser les pratiques', 'Déployer CPIMS+'] })
  })
  it('refuses dates in the wrong order', () => {
    expect(() => buildTrainingReport({ ...report, startDate: '2024-09-21', endDate: '2024-09-17' })).toThrow(/précède/)
  })
})

// A report with every written section filled in, photos, a letterhead with a logo and a signatory: what the
// ministry's reports contain, section by section, checked in the text of both files.
const complete: TTrainingReport = {
  ...report,
  participants: participants.map((p, i) => (i === 0 ? { ...p, phone: '+223 70 11 22 33', email: 'aissata.traore@example.org' } : p)),
  objectives: 'Renforcer les capacités des formateurs en gestion des cas.',
  specificObjectives: '- Maîtriser les six étapes\n- Pratiquer CPIMS+',
  expectedResults: 'Les formateurs savent animer une session',
  methodology: 'Séances pratiques dans CPIMS+, questions-réponses et brainstorming.',
  programme: [
    { date: '2024-09-18', modules: 'Évaluation approfondie', facilitators: 'Oumar Diarra', practised: 'Jeux de rôle en binômes.' },
    { date: '2024-09-17', modules: 'Principes directeurs\nLes six étapes', facilitators: 'Mariam Coulibaly', practised: 'Études de cas.', openedBy: 'Le chef de la division enfance de la DNPEF' },
    { date: '2024-09-21', modules: 'Techniques d’animation', closedBy: 'Le Directeur national' },
  ],
  photos: [
    { image: solidPng(40, 30, [30, 110, 60]), caption: 'Photo de famille des participants', onCover: true },
    { image: solidPng(40, 30, [200, 120, 40]), caption: 'Exercice pratique dans CPIMS+' },
  ],
  conclusion: 'Les objectifs ont été atteints.',
  nextSteps: [{ activity: 'Restitution aux équipes régionales', status: 'toDo', deadline: '2024-10-15', owner: 'Point focal DNPEF', comments: null }],
  signatory: { name: 'Mme Kadidia Sangaré', title: 'La Directrice nationale de la Promotion de l’Enfant et de la Famille' },
}
const SECTIONS = [
  'RAPPORT DE FORMATION',
  'Photo de famille des participants',
  'Sommaire',
  'Introduction',
  'Le Mali a adopté un cadre commun de gestion des cas.',
  'L’atelier a réuni 18 participants, dont 6 femmes et 12 hommes, venus des structures suivantes : DNPEF, DNAPE, IRC, Kanuya, SAMU SOCIAL Mali, Terre des hommes, UNICEF, ENDA Mali et GARDL.',
  '1.1 Objectif général',
  'Renforcer les capacités des formateurs en gestion des cas.',
  '1.2 Objectifs spécifiques',
  'Maîtriser les six étapes',
  '1.3 Résultats attendus',
  'Les formateurs savent animer une session',
  '2. Méthodologie',
  'Séances pratiques dans CPIMS+, questions-réponses et brainstorming.',
  '3. Déroulement de l’atelier',
  '3.1 Jour 1 — 17 septembre 2024',
  'Ouverture : Le chef de la division enfance de la DNPEF',
  'Modules traités :',
  'Principes directeurs',
  'Facilitation : Mariam Coulibaly',
  'Travaux pratiques :',
  'Études de cas.',
  '3.2 Jour 2 — 18 septembre 2024',
  '3.3 Jour 5 — 21 septembre 2024',
  'Clôture : Le Directeur national',
  '3.4 Photos de l’atelier',
  'Exercice pratique dans CPIMS+',
  '4. Participants',
  '6. Pré-test et post-test',
  'Moyenne au pré-test 56,1 / 100',
  '7. Évaluation de la formation',
  '8. Recommandations',
  'Organiser une session de recyclage en 2025.',
  '9. Prochaines étapes',
  'Activité Responsable Statut Échéance Commentaires',
  'Restitution aux équipes régionales Point focal DNPEF À faire 15 octobre 2024',
  '10. Conclusion',
  'Les objectifs ont été atteints.',
  'La Directrice nationale de la Promotion de l’Enfant et de la Famille',
  'Mme Kadidia Sangaré',
  'Annexe — Liste de présence',
  'N° Nom Prénom Sexe Structure Fonction Téléphone E-mail',
  'Traoré Aïssata F DNPEF Gestionnaire de cas +223 70 11 22 33 aissata.traore@example.org P P A P P',
]

describe('a complete training report', () => {
  const options = { letterhead: MINISTRY_LETTERHEAD, logos: [solidPng(60, 60, [0, 100, 0])] }
  it('has every section of the ministry’s reports in the PDF, in order', async () => {
    const { text } = await pdfText(await renderTrainingReportPdf(complete, options))
    let from = 0
    for (const section of [MINISTRY_LETTERHEAD[1]!, ...SECTIONS]) {
      const at = text.indexOf(section, from)
      expect(at, `« ${section} » after position ${from}`).toBeGreaterThanOrEqual(0)
      from = at + section.length
    }
    // The table of contents lists the chapters with their pages.
    expect(text).toMatch(/Sommaire Introduction \d+ 1\. Objectifs et résultats attendus \d+ 1\.1 Objectif général \d+/)
  })
  it('has every section in the DOCX, with the logo and both photos embedded', async () => {
    const docx = await renderTrainingReportDocx(complete, options)
    const text = await docxText(docx)
    for (const section of [MINISTRY_LETTERHEAD[1]!, ...SECTIONS]) expect(text, section).toContain(section)
    const zip = await JSZip.loadAsync(docx)
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBe(3)
  })
  it('says which written sections are empty rather than leaving them out', () => {
    const body = buildTrainingReport({ ...report, programme: [], photos: [] }).sections[1]!.blocks
    const after = (text: string) => body[body.findIndex((b) => b.type === 'heading' && b.text === text) + 1]
    for (const heading of ['1.2 Objectifs spécifiques', '2. Méthodologie', '10. Conclusion']) expect(after(heading), heading).toEqual({ type: 'paragraph', text: 'Non renseigné.' })
    expect(body.some((b) => b.type === 'figure')).toBe(false)
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
