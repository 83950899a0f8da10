// The monthly activity report as a document of the document kit (cms/documents/): this file says what it contains,
// the kit's renderers draw it in PDF and Word. The figures come from cms/rules/monthly-report.ts; the narrative
// sections (summary, difficulties, plans) are written by coordinators in the back office (`monthly-reports`).
// Layout and versions: docs/reports.md.

import { renderDocx } from '../documents/docx.ts'
import type { TBlock, TDoc, TRenderOptions } from '../documents/model.ts'
import { renderPdf } from '../documents/pdf.ts'
import { monthOfCode, type TMonthlyFigures } from '../rules/monthly-report.ts'
import { periodLabel } from '../rules/periods.ts'
import { VISIT_MODES } from '../rules/supervision.ts'
import { formatDateFr, formatDateRangeFr } from '../rules/trainings.ts'
import { capitalise, narrative } from './training-report.ts'

export type TMonthlyReport = {
  figures: TMonthlyFigures
  summary?: string | null
  difficulties?: string | null
  plannedNextMonth?: string | null
  status: 'draft' | 'submitted'
  version: number
  submittedBy?: string | null
  submittedAt?: string | null
  signatory?: { name: string; title: string } | null
}

/** The report's sections, in order: the tests and the back office's description name the same ones. */
export const MONTHLY_SECTIONS = ['1. Résumé du mois', '2. Activités réalisées', '3. Difficultés rencontrées', '4. Activités prévues le mois prochain'] as const

export function buildMonthlyReport(report: TMonthlyReport): TDoc {
  const { figures: f } = report
  const month = periodLabel(monthOfCode(f.month))
  const title = `Rapport mensuel d’activités — ${month}`
  const state = report.status === 'submitted' ? `Soumis${report.submittedAt ? ` le ${formatDateFr(report.submittedAt)}` : ''}${report.submittedBy ? ` par ${report.submittedBy}` : ''}` : 'Brouillon (non soumis)'
  const blocks: TBlock[] = [
    { type: 'title', kicker: 'RAPPORT MENSUEL D’ACTIVITÉS', text: capitalise(month) },
    { type: 'fields', items: [['Période', capitalise(month)], ['Version', String(report.version)], ['État', state]] },
    { type: 'heading', level: 1, text: MONTHLY_SECTIONS[0] },
    ...narrative(report.summary),
    { type: 'heading', level: 1, text: MONTHLY_SECTIONS[1] },
    {
      type: 'table',
      columns: [{ header: 'Indicateur', width: 4 }, { header: 'Nombre', width: 1, align: 'right' }],
      rows: [
        ['Formations en présentiel tenues', String(f.trainingsHeld)],
        ['Personnes formées — femmes', String(f.peopleTrained.women)],
        ['Personnes formées — hommes', String(f.peopleTrained.men)],
        ['Personnes formées — total', String(f.peopleTrained.total)],
        ['Visites de supervision', String(f.visits.total)],
        ['Réunions du cadre commun tenues', String(f.meetingsHeld.length)],
        ['Ressources publiées', String(f.resourcesPublished)],
        ['Actualités publiées', String(f.newsPublished)],
        ['Demandes d’assistance reçues', String(f.support.received)],
        ['Demandes d’assistance résolues', String(f.support.resolved)],
      ],
    },
    { type: 'heading', level: 2, text: '2.1 Formations tenues' },
    f.trainings.length === 0
      ? { type: 'paragraph', text: 'Aucune formation tenue ce mois.' }
      : { type: 'table', columns: [{ header: 'Formation', width: 4 }, { header: 'Région', width: 1.5 }, { header: 'Dates', width: 2.5 }], rows: f.trainings.map((t) => [t.title, t.region, formatDateRangeFr(t.startDate, t.endDate)]) },
    { type: 'heading', level: 2, text: '2.2 Visites de supervision' },
    f.visits.byRegion.length === 0
      ? { type: 'paragraph', text: 'Aucune visite de supervision ce mois.' }
      : {
          type: 'table',
          totalRow: true,
          columns: [{ header: 'Région', width: 2.5 }, ...Object.values(VISIT_MODES).map((m) => ({ header: m.fr, width: 1.5, align: 'right' as const })), { header: 'Total', width: 1, align: 'right' }],
          rows: [
            ...f.visits.byRegion.map((r) => [r.region, String(r.counts.onSite), String(r.counts.phone), String(r.counts.video), String(r.total)]),
            ['Total', ...(['onSite', 'phone', 'video'] as const).map((m) => String(f.visits.byRegion.reduce((n, r) => n + r.counts[m], 0))), String(f.visits.total)],
          ],
        },
    { type: 'heading', level: 2, text: '2.3 Réunions du cadre commun' },
    f.meetingsHeld.length === 0 ? { type: 'paragraph', text: 'Aucune réunion tenue ce mois.' } : { type: 'bullets', items: f.meetingsHeld.map((m) => `${m.title} — ${formatDateFr(m.day)}`) },
    { type: 'heading', level: 1, text: MONTHLY_SECTIONS[2] },
    ...narrative(report.difficulties),
    { type: 'heading', level: 1, text: MONTHLY_SECTIONS[3] },
    ...narrative(report.plannedNextMonth),
  ]
  if (report.signatory) blocks.push({ type: 'paragraph', align: 'right', text: [{ bold: true, text: report.signatory.name }, ` — ${report.signatory.title}`] })
  return { title, footer: { pageNumbers: true }, sections: [{ blocks }] }
}

export function renderMonthlyReportPdf(report: TMonthlyReport, options: TRenderOptions = {}): Promise<Buffer> {
  return renderPdf(buildMonthlyReport(report), options)
}

export function renderMonthlyReportDocx(report: TMonthlyReport, options: TRenderOptions = {}): Promise<Buffer> {
  return renderDocx(buildMonthlyReport(report), options)
}
