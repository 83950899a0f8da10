// The documents of formative supervision, as builders of the document kit (cms/documents/): the visit report for
// the person supervised and their organisation, and the monthly supervision summary. This file says what they
// contain; the kit's renderers draw them in PDF and Word.
import type { TBlock, TDoc } from '../documents/model.ts'
import { statusLabel, type TActionItem } from '../rules/action-items.ts'
import { findBehaviour, RATINGS, type Rating, type TFramework } from '../rules/competency-framework.ts'
import { VISIT_MODES, type TCoverage, type VisitMode } from '../rules/supervision.ts'
import { STEPS } from '../rules/toolkit.ts'
import { formatDateFr } from '../rules/trainings.ts'

/** Everything the visit report shows, already read within the asker's reach. */
export type TVisitReport = {
  person: { name: string; function: string; organisation: string; region: string; trainings: string[] }
  supervisor: string
  date: string
  mode: string
  stepsObserved: string[]
  frameworkVersion: string
  framework: Pick<TFramework, 'domains'> | null
  ratings: { behaviour: string; rating: string; observation?: string | null }[]
  strengths?: string | null
  gaps?: string | null
  nextFollowUp?: string | null
  actions: (TActionItem & { responsible?: string })[]
}

const orDash = (text: string | null | undefined) => (text && text.trim() ? text.trim() : 'Non renseigné.')
const ratingLabel = (rating: string) => RATINGS[rating as Rating]?.fr ?? rating

/** The visit report: who, when, how; ratings per behaviour with the observation; strengths, gaps, agreed actions. */
export function buildVisitReport(r: TVisitReport): TDoc {
  const blocks: TBlock[] = [
    { type: 'title', kicker: 'RAPPORT DE VISITE DE SUIVI FORMATIF', text: r.person.name },
    {
      type: 'fields',
      items: [
        ['Fonction', r.person.function],
        ['Structure', r.person.organisation],
        ['Région', r.person.region],
        ['Formations suivies', r.person.trainings.join(' ; ') || 'Aucune enregistrée'],
        ['Superviseur ou coach', r.supervisor],
        ['Date de la visite', formatDateFr(r.date.slice(0, 10))],
        ['Modalité', VISIT_MODES[r.mode as VisitMode]?.fr ?? r.mode],
        ['Étapes observées', r.stepsObserved.map((s) => STEPS[s as keyof typeof STEPS]?.fr ?? s).join(' ; ') || 'Non renseigné.'],
        ['Référentiel de compétences', `version ${r.frameworkVersion}`],
        ['Prochain suivi prévu', r.nextFollowUp ? formatDateFr(r.nextFollowUp.slice(0, 10)) : 'Non planifié'],
      ],
    },
    { type: 'heading', level: 1, text: '1. Comportements observés' },
  ]
  if (r.ratings.length === 0) blocks.push({ type: 'paragraph', text: 'Aucun comportement noté lors de cette visite.' })
  else
    blocks.push({
      type: 'table',
      columns: [
        { header: 'Comportement', width: 4 },
        { header: 'Niveau', width: 1.3 },
        { header: 'Observation', width: 3.5 },
      ],
      rows: r.ratings.map((x) => [(r.framework && findBehaviour(r.framework, x.behaviour)?.text.fr) || x.behaviour, ratingLabel(x.rating), x.observation ?? '']),
    })
  blocks.push(
    { type: 'heading', level: 1, text: '2. Points forts' },
    { type: 'paragraph', text: orDash(r.strengths) },
    { type: 'heading', level: 1, text: '3. Points à améliorer' },
    { type: 'paragraph', text: orDash(r.gaps) },
    { type: 'heading', level: 1, text: '4. Actions convenues' },
  )
  if (r.actions.length === 0) blocks.push({ type: 'paragraph', text: 'Aucune action convenue.' })
  else
    blocks.push({
      type: 'table',
      columns: [
        { header: 'Action', width: 4 },
        { header: 'Responsable', width: 2 },
        { header: 'Échéance', width: 1.3 },
        { header: 'Statut', width: 1.2 },
      ],
      rows: r.actions.map((a) => [a.activity, a.responsible ?? a.owner ?? '', a.deadline ? formatDateFr(a.deadline.slice(0, 10)) : '', statusLabel(a.status)]),
    })
  return { title: `Visite de suivi formatif — ${r.person.name} — ${r.date.slice(0, 10)}`, sections: [{ blocks }] }
}

/** The monthly summary: visits by region and mode, coverage, the most common gaps. */
export type TSupervisionSummary = {
  monthLabel: string
  byRegionAndMode: { region: string; counts: Record<VisitMode, number>; total: number }[]
  coverage: TCoverage
  gaps: { behaviour: string; count: number }[]
}

/** The rows of the summary's tables, shared by the PDF and the XLSX export. */
export function summaryRows(s: TSupervisionSummary): { headers: string[]; rows: (string | number)[][] } {
  const modes = Object.keys(VISIT_MODES) as VisitMode[]
  const headers = ['Région', ...modes.map((m) => VISIT_MODES[m].fr), 'Total visites', 'Personnes formées', 'Suivies au moins une fois', 'Couverture (%)']
  const coverageOf = new Map(s.coverage.byRegion.map((l) => [l.key, l]))
  const regions = [...new Set([...s.byRegionAndMode.map((r) => r.region), ...coverageOf.keys()])].sort((a, b) => a.localeCompare(b, 'fr'))
  const rows = regions.map((region) => {
    const v = s.byRegionAndMode.find((r) => r.region === region)
    const c = coverageOf.get(region)
    return [region, ...modes.map((m) => v?.counts[m] ?? 0), v?.total ?? 0, c?.total ?? 0, c?.followed ?? 0, c?.share ?? 0]
  })
  const sum = (i: number) => rows.reduce((n, r) => n + Number(r[i]), 0)
  rows.push(['Total', ...modes.map((_, i) => sum(i + 1)), sum(modes.length + 1), s.coverage.total, s.coverage.followed, s.coverage.share])
  return { headers, rows }
}

export function buildSupervisionSummary(s: TSupervisionSummary): TDoc {
  const { headers, rows } = summaryRows(s)
  const blocks: TBlock[] = [
    { type: 'title', kicker: 'SUIVI FORMATIF — SYNTHÈSE MENSUELLE', text: s.monthLabel },
    { type: 'paragraph', text: `Couverture à la fin du mois : ${s.coverage.followed} personne(s) formée(s) sur ${s.coverage.total} ont reçu au moins un suivi formatif (${s.coverage.share} %).` },
    { type: 'heading', level: 1, text: '1. Visites par région et par modalité, couverture' },
    { type: 'table', totalRow: true, fontSize: 8, columns: headers.map((header, i) => ({ header, width: i === 0 ? 2 : 1, align: i === 0 ? 'left' : 'right' })), rows: rows.map((r) => r.map(String)) },
    { type: 'heading', level: 1, text: '2. Points à renforcer les plus fréquents' },
  ]
  if (s.gaps.length === 0) blocks.push({ type: 'paragraph', text: 'Aucun comportement noté « à renforcer » ce mois-ci.' })
  else blocks.push({ type: 'numbered', items: s.gaps.map((g) => `${g.behaviour} — ${g.count} fois`) })
  return { title: `Synthèse du suivi formatif — ${s.monthLabel}`, sections: [{ orientation: 'landscape', blocks }] }
}
