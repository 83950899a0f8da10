// The minutes (compte rendu) of a framework meeting and the capacity-building plan, as documents of the document kit
// (cms/documents/): this file says what they contain; the kit's renderers draw them in PDF and Word, under the
// ministry's letterhead. The minutes follow the official layout: header, date, place, attendance, agenda,
// discussion, decisions, action table, signatures.

import { renderDocx } from '../documents/docx.ts'
import { MINISTRY_LETTERHEAD, type TBlock, type TDoc, type TRenderOptions } from '../documents/model.ts'
import { renderPdf } from '../documents/pdf.ts'
import { statusLabel } from '../rules/action-items.ts'
import { PLAN_STATUSES, type PlanStatus } from '../rules/meetings.ts'
import { formatDateFr } from '../rules/trainings.ts'

export type TMinutes = {
  title: string
  kind: string // French label
  when: string // "jeudi 12 février 2026 à 09:00 – 13:00 (heure de Bamako)"
  where: string
  organiser: string
  attendance: { name: string; organisation: string; role?: string | null }[]
  agenda: string[]
  /** Open action points of earlier meetings, reviewed at this one. */
  carried: TMinutesAction[]
  discussion?: string | null
  decisions?: string | null
  planReview?: string | null
  actions: TMinutesAction[]
}
export type TMinutesAction = { activity: string; responsible: string; deadline?: string | null; status: string }

const EMPTY = 'Non renseigné.'

function paragraphs(text: string | null | undefined): TBlock[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  return lines.length === 0 ? [{ type: 'paragraph', style: 'note', text: EMPTY }] : lines.map((line) => ({ type: 'paragraph', text: line }))
}

const actionTable = (actions: TMinutesAction[]): TBlock => ({
  type: 'table',
  columns: [
    { header: 'N°', width: 0.5, align: 'center' },
    { header: 'Action', width: 4 },
    { header: 'Responsable', width: 2 },
    { header: 'Échéance', width: 1.3 },
    { header: 'Statut', width: 1.2 },
  ],
  rows: actions.map((a, i) => [String(i + 1), a.activity, a.responsible || '—', a.deadline ? formatDateFr(a.deadline.slice(0, 10)) : '—', statusLabel(a.status)]),
})

/** The minutes as a document model. */
export function buildMinutes(m: TMinutes): TDoc {
  const blocks: TBlock[] = [
    { type: 'title', kicker: 'COMPTE RENDU', text: m.title },
    { type: 'fields', items: [['Type', m.kind], ['Date', m.when], ['Lieu', m.where], ['Organisateur', m.organiser], ['Participants', String(m.attendance.length)]] },
    { type: 'heading', level: 1, text: '1. Participants' },
    m.attendance.length === 0
      ? { type: 'paragraph', style: 'note', text: 'Présence non renseignée.' }
      : { type: 'table', columns: [{ header: 'N°', width: 0.5, align: 'center' }, { header: 'Nom', width: 3 }, { header: 'Structure', width: 2 }, { header: 'Fonction', width: 2 }], rows: m.attendance.map((a, i) => [String(i + 1), a.name, a.organisation || '—', a.role || '—']) },
    { type: 'heading', level: 1, text: '2. Ordre du jour' },
    m.agenda.length === 0 && m.carried.length === 0 ? { type: 'paragraph', style: 'note', text: EMPTY } : { type: 'numbered', items: [...m.agenda, ...m.carried.map((c) => `Suivi : ${c.activity} (${c.responsible || 'responsable à préciser'})`)] },
    { type: 'heading', level: 1, text: '3. Déroulement et discussions' },
    ...paragraphs(m.discussion),
    { type: 'heading', level: 1, text: '4. Revue du plan de renforcement des capacités' },
    ...paragraphs(m.planReview),
    { type: 'heading', level: 1, text: '5. Décisions' },
    ...((m.decisions ?? '').trim() ? [{ type: 'numbered' as const, items: (m.decisions ?? '').split(/\r?\n/).map((l) => l.replace(/^[-•*–\d.)\s]+/, '').trim()).filter(Boolean) }] : [{ type: 'paragraph' as const, style: 'note' as const, text: EMPTY }]),
    { type: 'heading', level: 1, text: '6. Points d’action' },
    m.actions.length === 0 ? { type: 'paragraph', style: 'note', text: 'Aucun point d’action.' } : actionTable(m.actions),
    { type: 'heading', level: 1, text: 'Signatures' },
    { type: 'table', minRowHeight: 60, columns: [{ header: 'Le rapporteur', width: 1, align: 'center' }, { header: 'Le président de séance', width: 1, align: 'center' }], rows: [['', '']] },
  ]
  return { title: `Compte rendu — ${m.title}`, footer: { pageNumbers: true }, sections: [{ blocks }] }
}

export function renderMinutes(m: TMinutes, format: 'pdf' | 'docx', options: TRenderOptions = {}): Promise<Buffer> {
  const doc = buildMinutes(m)
  return format === 'pdf' ? renderPdf(doc, { letterhead: MINISTRY_LETTERHEAD, ...options }) : renderDocx(doc, { letterhead: MINISTRY_LETTERHEAD, ...options })
}

// ---------------------------------------------------------------------------------------------------------------
// The capacity-building plan

export type TPlanRow = { activity: string; targetGroup: string; region: string; responsible: string; period: string; budget: number | null; fundingSource: string; status: string; deadline: string | null; comments: string }

/** The plan's table headers, shared by the XLSX and PDF exports. */
export const PLAN_HEADERS = ['Activité', 'Groupe cible', 'Région', 'Responsable', 'Période', 'Budget (FCFA)', 'Financement', 'Statut', 'Échéance', 'Commentaires'] as const

export const planStatusLabel = (status: string): string => PLAN_STATUSES[status as PlanStatus]?.fr ?? status

/** One row of the plan's table, in French. */
export function planCells(r: TPlanRow): (string | number | null)[] {
  return [r.activity, r.targetGroup, r.region, r.responsible, r.period, r.budget, r.fundingSource, planStatusLabel(r.status), r.deadline ? formatDateFr(r.deadline.slice(0, 10)) : '', r.comments]
}

/** The plan as a landscape document; `at` names the date the plan is shown at when it is not today. */
export function buildCapacityPlan(rows: TPlanRow[], at: string | null): TDoc {
  const title = 'Plan de renforcement des capacités'
  const widths = [3.2, 1.6, 1, 1.4, 0.8, 1, 1.1, 0.9, 0.9, 2.2]
  return {
    title,
    footer: { pageNumbers: true },
    sections: [
      {
        orientation: 'landscape',
        margin: 30,
        blocks: [
          { type: 'title', kicker: 'CADRE COMMUN NATIONAL DE GESTION DES CAS', text: title },
          { type: 'paragraph', text: at ? `État du plan au ${formatDateFr(at)}.` : 'État actuel du plan.' },
          rows.length === 0
            ? { type: 'paragraph', style: 'note', text: 'Aucune activité au plan à cette date.' }
            : { type: 'table', fontSize: 8, columns: PLAN_HEADERS.map((header, i) => ({ header, width: widths[i]!, ...(i === 5 ? { align: 'right' as const } : {}) })), rows: rows.map((r) => planCells(r).map((c) => (c === null ? '' : typeof c === 'number' ? c.toLocaleString('fr-FR') : c))) },
        ],
      },
    ],
  }
}
