import { describe, expect, it } from 'vitest'
import { docxText } from '../../tests/helpers/docx.ts'
import { pdfText } from '../../tests/helpers/pdf.ts'
import { annualFigures } from '../rules/annual-report.ts'
import { ANNUAL_SECTIONS, buildAnnualReport, renderAnnualReportDocx, renderAnnualReportPdf } from './annual-report.ts'

const figures = annualFigures(
  {
    regions: [{ code: 'KAY', name: 'Kayes' }, { code: 'MOP', name: 'Mopti' }],
    aggregates: [
      { month: '2026-02', region: 'KAY', sex: 'F', ageGroup: '6-11', dimension: 'cases', category: 'open', count: 31 },
      { month: '2026-04', region: 'MOP', sex: 'M', ageGroup: '15-17', dimension: 'cases', category: 'closed', count: 17 },
      { month: '2026-04', region: 'MOP', sex: 'M', ageGroup: '15-17', dimension: 'concern', category: 'childLabour', count: 17 },
      { month: '2026-04', region: 'MOP', sex: 'M', ageGroup: '15-17', dimension: 'service', category: 'education', count: 3 },
    ],
    participations: [{ participant: { id: 1, firstName: 'A', lastName: 'B', sex: 'F', function: 'x', organisation: 'DNPEF', region: 'Kayes' }, trainingKind: 'k', trainingRegion: 'Kayes', startDate: '2026-05-04' }],
    trainings: [{ status: 'done', startDate: '2026-05-04' }],
    visits: [{ date: '2026-07-01', mode: 'phone', region: 'Mopti' }],
  },
  2026,
)
const FACTS = [...ANNUAL_SECTIONS, 'RAPPORT ANNUEL', 'Cas enregistrés en 2026 : 48', 'Kayes 31', 'Mopti 17', 'Total 48', 'Travail des enfants 17', 'Éducation < 5', 'Personnes formées — femmes 1', 'Visites de supervision : 1', 'Cas par région', 'Visites de supervision par région']

describe('annual report', () => {
  it('draws each breakdown as a table and a chart, a suppressed bar carrying its "< 5" and no length', () => {
    const blocks = buildAnnualReport(figures).sections[0]!.blocks
    const charts = blocks.filter((b) => b.type === 'chart')
    expect(charts.map((c) => c.title)).toEqual(expect.arrayContaining(['Cas par région', 'Cas par sexe', 'Préoccupations de protection', 'Personnes formées par région de la formation']))
    const services = charts.find((c) => c.title === 'Services fournis')
    expect(services?.bars).toEqual([{ label: 'Éducation', value: 3, shown: '< 5' }])
  })
  it('states every section and figure in the PDF and in the Word file', async () => {
    const pdf = await pdfText(await renderAnnualReportPdf(figures, null))
    const docx = await docxText(await renderAnnualReportDocx(figures, null))
    for (const fact of FACTS) {
      expect(pdf, fact).toContain(fact)
      expect(docx, fact).toContain(fact)
    }
  })
})
