// The annual report as a document of the document kit (cms/documents/): CPIMS+ case aggregates of the year with
// the portal's training and supervision figures, as tables and bar charts (the `chart` block: vector bars in the
// PDF, a table in Word). Figures and small-cell suppression: cms/rules/annual-report.ts; docs/reports.md.

import { renderDocx } from '../documents/docx.ts'
import type { TBlock, TDoc, TRenderOptions } from '../documents/model.ts'
import { renderPdf } from '../documents/pdf.ts'
import type { TAnnualFigures, TBreakdown } from '../rules/annual-report.ts'
import { VISIT_MODES } from '../rules/supervision.ts'

export const ANNUAL_SECTIONS = [
  '1. Cas de protection enregistrés (CPIMS+)',
  '2. Préoccupations de protection et types de violence',
  '3. Services fournis et références',
  '4. Formations en présentiel',
  '5. Supervision formative',
  'Note sur les petits effectifs',
] as const

const SUPPRESSION_NOTE = 'Les effectifs inférieurs à 5 sont affichés « < 5 » ; « × » masque un effectif qui permettrait de les retrouver par soustraction. Les barres de ces effectifs ne sont pas tracées.'

/** A breakdown as a table (category, number, with its total row when it has one) and the same lines as a bar chart. */
function breakdown(title: string, header: string, b: TBreakdown): TBlock[] {
  if (b.lines.length === 0) return [{ type: 'paragraph', text: `${title} : aucun cas enregistré.` }]
  const rows = [...b.lines, ...(b.total ? [b.total] : [])].map((l) => [l.label, l.shown])
  return [
    { type: 'table', totalRow: Boolean(b.total), columns: [{ header, width: 3 }, { header: 'Nombre de cas', width: 1, align: 'right' }], rows },
    { type: 'chart', title, bars: b.lines.map((l) => ({ label: l.label, value: l.value, ...(l.suppressed ? { shown: l.shown } : {}) })) },
  ]
}

export function buildAnnualReport(f: TAnnualFigures, signatory?: { name: string; title: string } | null): TDoc {
  const c = f.cases
  const blocks: TBlock[] = [
    { type: 'title', kicker: 'RAPPORT ANNUEL', text: `Protection de l’enfant — année ${f.year}` },
    { type: 'paragraph', text: `Ce rapport réunit les agrégats des dossiers de gestion des cas exportés de CPIMS+ (aucun dossier individuel n’est conservé par le portail) et les chiffres des formations et de la supervision enregistrés sur le portail pour ${f.year}.` },
    { type: 'toc' },
    { type: 'heading', level: 1, text: ANNUAL_SECTIONS[0] },
    { type: 'fields', items: [['Cas enregistrés en ' + f.year, c.total]] },
    { type: 'heading', level: 2, text: '1.1 Par région' },
    ...breakdown('Cas par région', 'Région', c.byRegion),
    { type: 'heading', level: 2, text: '1.2 Par sexe' },
    ...breakdown('Cas par sexe', 'Sexe', c.bySex),
    { type: 'heading', level: 2, text: '1.3 Par tranche d’âge' },
    ...breakdown('Cas par tranche d’âge', 'Tranche d’âge', c.byAge),
    { type: 'heading', level: 2, text: '1.4 Par statut' },
    ...breakdown('Cas par statut', 'Statut', c.byStatus),
    { type: 'heading', level: 1, text: ANNUAL_SECTIONS[1] },
    ...breakdown('Préoccupations de protection', 'Préoccupation', c.concerns),
    { type: 'paragraph', style: 'note', text: 'Un cas compte une fois dans chacune de ses préoccupations : la somme dépasse le nombre de cas.' },
    { type: 'heading', level: 1, text: ANNUAL_SECTIONS[2] },
    { type: 'heading', level: 2, text: '3.1 Services fournis' },
    ...breakdown('Services fournis', 'Service', c.services),
    { type: 'heading', level: 2, text: '3.2 Références' },
    ...breakdown('Références par service', 'Service', c.referrals),
    { type: 'heading', level: 1, text: ANNUAL_SECTIONS[3] },
    {
      type: 'table',
      columns: [{ header: 'Indicateur', width: 4 }, { header: 'Nombre', width: 1, align: 'right' }],
      rows: [
        ['Formations tenues', String(f.training.trainingsHeld)],
        ['Personnes formées — femmes', String(f.training.women)],
        ['Personnes formées — hommes', String(f.training.men)],
        ['Personnes formées — total', String(f.training.people)],
      ],
    },
    ...(f.training.byTrainingRegion.length === 0
      ? []
      : [
          { type: 'table', totalRow: false, columns: [{ header: 'Région de la formation', width: 3 }, { header: 'Femmes', width: 1, align: 'right' }, { header: 'Hommes', width: 1, align: 'right' }, { header: 'Total', width: 1, align: 'right' }], rows: f.training.byTrainingRegion.map((r) => [r.label, String(r.women), String(r.men), String(r.total)]) } satisfies TBlock,
          { type: 'chart', title: 'Personnes formées par région de la formation', bars: f.training.byTrainingRegion.map((r) => ({ label: r.label, value: r.total })) } satisfies TBlock,
        ]),
    { type: 'heading', level: 1, text: ANNUAL_SECTIONS[4] },
    { type: 'fields', items: [['Visites de supervision', String(f.supervision.visits)]] },
    ...(f.supervision.byRegion.length === 0
      ? [{ type: 'paragraph', text: 'Aucune visite de supervision enregistrée.' } satisfies TBlock]
      : [
          {
            type: 'table',
            columns: [{ header: 'Région', width: 2.5 }, ...Object.values(VISIT_MODES).map((m) => ({ header: m.fr, width: 1.5, align: 'right' as const })), { header: 'Total', width: 1, align: 'right' }],
            rows: f.supervision.byRegion.map((r) => [r.region, String(r.counts.onSite), String(r.counts.phone), String(r.counts.video), String(r.total)]),
          } satisfies TBlock,
          { type: 'chart', title: 'Visites de supervision par région', bars: f.supervision.byRegion.map((r) => ({ label: r.region, value: r.total })) } satisfies TBlock,
        ]),
    { type: 'heading', level: 1, text: ANNUAL_SECTIONS[5] },
    { type: 'paragraph', style: 'note', text: SUPPRESSION_NOTE },
  ]
  if (signatory) blocks.push({ type: 'paragraph', align: 'right', text: [{ bold: true, text: signatory.name }, ` — ${signatory.title}`] })
  return { title: `Rapport annuel ${f.year} — Protection de l’enfant`, footer: { pageNumbers: true }, sections: [{ blocks }] }
}

export function renderAnnualReportPdf(f: TAnnualFigures, signatory: { name: string; title: string } | null, options: TRenderOptions = {}): Promise<Buffer> {
  return renderPdf(buildAnnualReport(f, signatory), options)
}

export function renderAnnualReportDocx(f: TAnnualFigures, signatory: { name: string; title: string } | null, options: TRenderOptions = {}): Promise<Buffer> {
  return renderDocx(buildAnnualReport(f, signatory), options)
}
