import { describe, expect, it } from 'vitest'
import { pdfText } from '../../tests/helpers/pdf.ts'
import { docxText } from '../../tests/helpers/docx.ts'
import { MINISTRY_LETTERHEAD } from '../documents/model.ts'
import type { TMonthlyFigures } from '../rules/monthly-report.ts'
import { buildMonthlyReport, MONTHLY_SECTIONS, renderMonthlyReportDocx, renderMonthlyReportPdf, type TMonthlyReport } from './monthly-report.ts'

const figures: TMonthlyFigures = {
  month: '2026-03',
  trainings: [{ title: 'Gestion des cas — Kayes', region: 'Kayes', startDate: '2026-03-02', endDate: '2026-03-06' }],
  trainingsHeld: 1,
  peopleTrained: { women: 7, men: 11, total: 18 },
  visits: { total: 3, byRegion: [{ region: 'Kayes', counts: { onSite: 1, phone: 1, video: 0 }, total: 2 }, { region: 'Mopti', counts: { onSite: 0, phone: 0, video: 1 }, total: 1 }] },
  meetingsHeld: [{ title: 'Réunion du 1er trimestre', day: '2026-03-26' }],
  resourcesPublished: 4,
  newsPublished: 2,
  support: { received: 6, resolved: 5 },
}
const report: TMonthlyReport = {
  figures,
  summary: 'Un mois consacré au déploiement de CPIMS+ à Kayes.',
  difficulties: '- Retards de connexion à Mopti\n- Tablettes en nombre insuffisant',
  plannedNextMonth: '',
  status: 'submitted',
  version: 2,
  submittedBy: 'Awa Coordination',
  submittedAt: '2026-04-01T09:00:00.000Z',
  signatory: { name: 'Mariam Diallo', title: 'Directrice nationale' },
}

// What both formats must state: every section and every figure of the month.
const FACTS = [
  ...MONTHLY_SECTIONS,
  'RAPPORT MENSUEL D’ACTIVITÉS',
  'Mars 2026',
  'Version : 2',
  'État : Soumis le 1er avril 2026 par Awa Coordination',
  'Un mois consacré au déploiement de CPIMS+ à Kayes.',
  'Formations en présentiel tenues 1',
  'Personnes formées — femmes 7',
  'Personnes formées — hommes 11',
  'Personnes formées — total 18',
  'Visites de supervision 3',
  'Réunions du cadre commun tenues 1',
  'Ressources publiées 4',
  'Actualités publiées 2',
  'Demandes d’assistance reçues 6',
  'Demandes d’assistance résolues 5',
  'Gestion des cas — Kayes Kayes du 2 au 6 mars 2026',
  'Kayes 1 1 0 2',
  'Total 1 1 1 3',
  'Réunion du 1er trimestre — 26 mars 2026',
  'Retards de connexion à Mopti',
  'Tablettes en nombre insuffisant',
  'Mariam Diallo',
]

describe('monthly report content', () => {
  const doc = buildMonthlyReport(report)
  it('has the four sections in order', () => {
    const headings = doc.sections[0]!.blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : []))
    expect(headings).toEqual([...MONTHLY_SECTIONS])
  })
  it('says "Non renseigné." for an empty narrative and "Brouillon" for a draft', () => {
    const draft = buildMonthlyReport({ ...report, status: 'draft', submittedAt: null, submittedBy: null })
    const blocks = draft.sections[0]!.blocks
    const after = blocks[blocks.findIndex((b) => b.type === 'heading' && b.text === MONTHLY_SECTIONS[3]) + 1]
    expect(after).toEqual({ type: 'paragraph', text: 'Non renseigné.' })
    expect(blocks.find((b) => b.type === 'fields')).toMatchObject({ items: expect.arrayContaining([['État', 'Brouillon (non soumis)']]) })
  })
  it('says so when nothing happened instead of printing empty tables', () => {
    const quiet = buildMonthlyReport({ ...report, figures: { ...figures, trainings: [], trainingsHeld: 0, visits: { total: 0, byRegion: [] }, meetingsHeld: [] } })
    const texts = quiet.sections[0]!.blocks.flatMap((b) => (b.type === 'paragraph' && typeof b.text === 'string' ? [b.text] : []))
    expect(texts).toEqual(expect.arrayContaining(['Aucune formation tenue ce mois.', 'Aucune visite de supervision ce mois.', 'Aucune réunion tenue ce mois.']))
  })
})

describe('monthly report files', () => {
  it('states every section and figure in the PDF', async () => {
    const text = await pdfText(await renderMonthlyReportPdf(report, { letterhead: MINISTRY_LETTERHEAD, now: new Date('2026-04-01T10:00:00Z') }))
    for (const fact of FACTS) expect(text, fact).toContain(fact)
    expect(text).toContain('RÉPUBLIQUE DU MALI')
  })
  it('states the same in the Word file', async () => {
    const text = await docxText(await renderMonthlyReportDocx(report, { letterhead: MINISTRY_LETTERHEAD }))
    for (const fact of FACTS) expect(text, fact).toContain(fact)
  })
})
