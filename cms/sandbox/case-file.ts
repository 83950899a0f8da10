import type { Payload } from 'payload'
import type { TBlock, TDoc } from '../documents/model.ts'
import { PORTAL_AUTHOR } from '../documents/model.ts'
import { renderPdf } from '../documents/pdf.ts'
import { formatDateTime, formatDay } from '../rules/display.ts'
import { displayValue, isShown, type TFormDefinition, type TFormField, type TFormValues } from '../rules/sandbox-forms.ts'
import { APPROVAL_TYPES, consentOf, RISK_LEVELS, STAGES, TRANSITION_STATUSES, type TMember, type TRiskLevel, type TTransition } from '../rules/sandbox-workflow.ts'
import type { TCaseState } from './engine.ts'
import { sandboxForms } from './forms.ts'
import { historyOf, type TCaseRecord, type TOpened } from './service.ts'

// The printed case file of a sandbox case (« Imprimer le dossier »), as a document of the document kit
// (cms/documents/): who the case is, where it stands, every filled form with its French labels and values in the
// order of the steps, approvals, referrals and transfers with their states, and the history. Every page carries
// the fictitious-data banner in its running header and its footer, so a printed page taken out of the pile still
// says it is practice (docs/sandbox.md, "Printing a case file").

export const FICTITIOUS_BANNER = 'Données fictives — environnement d’entraînement'

export type TCaseFile = {
  caseId: string
  childName: string | null
  workspace: string
  stage: keyof typeof STAGES
  riskLevel: string | null
  state: TCaseState
  members: TMember[]
  /** Every form definition, in the order of the steps (sandboxForms()). */
  forms: readonly TFormDefinition[]
  attachments: { attachmentId: string; fileName: string }[]
  /** Newest first, as historyOf returns it. */
  history: { at: string; memberName?: string | null; action: string; form?: string | null; field?: string | null; before?: string | null; after?: string | null }[]
  printedBy: string
  now: Date
}

const yesNo = (value: boolean) => (value ? 'oui' : 'non')

/** The value of one field as printed: an attachment by its file name, every other type by displayValue. */
function printed(field: TFormField, value: unknown, file: TCaseFile): string {
  if (field.type === 'attachment' && typeof value === 'string') return file.attachments.find((a) => a.attachmentId === value)?.fileName ?? value
  return displayValue(field, value)
}

/** The fields of a saved form, in its order, skipping those its conditions hide (a hidden field is not part of the answer). */
function formBlocks(form: TFormDefinition, values: TFormValues, file: TCaseFile): TBlock[] {
  const blocks: TBlock[] = []
  for (const section of form.sections) {
    const shown = section.fields.filter((f) => isShown(f, values))
    if (!shown.length) continue
    blocks.push({ type: 'heading', level: 3, text: section.title })
    const items: [string, string][] = []
    const flush = () => {
      if (items.length) blocks.push({ type: 'fields', items: items.splice(0) })
    }
    for (const field of shown) {
      const value = values[field.name]
      if (field.type !== 'subform' || !Array.isArray(value) || value.length === 0) {
        items.push([field.label, printed(field, value, file)])
        continue
      }
      flush()
      blocks.push({ type: 'paragraph', text: [{ text: field.label, bold: true }] })
      const rows = value as TFormValues[]
      // A column per sub-field shown in at least one row; a cell its row's condition hides stays empty.
      const columns = field.fields.filter((f) => rows.some((row) => isShown(f, row)))
      blocks.push({
        type: 'table',
        columns: columns.map((c) => ({ header: c.label, width: c.type === 'textarea' ? 3 : 2 })),
        rows: rows.map((row) => columns.map((c) => (isShown(c, row) ? printed(c, row[c.name], file) : ''))),
        fontSize: 8,
      })
    }
    flush()
  }
  return blocks
}

function transitionLabel(t: TTransition): string {
  if (t.kind === 'approval') return `Approbation : ${t.approvalType ? APPROVAL_TYPES[t.approvalType].label : '—'}`
  if (t.kind === 'referral') return `Orientation${t.service ? ` (${t.service})` : ''}`
  return 'Transfert'
}

/** The case file as a document: identity and state, the forms, the transitions, the history. */
export function buildCaseFile(file: TCaseFile): TDoc {
  const { state } = file
  const name = (id: string | null | undefined) => (id ? (file.members.find((m) => m.id === id)?.name ?? id) : '—')
  const consent = consentOf(state)
  const blocks: TBlock[] = [
    { type: 'title', kicker: 'DOSSIER DE CAS — BAC À SABLE', text: `${file.caseId}${file.childName ? ` — ${file.childName}` : ''}` },
    {
      type: 'fields',
      items: [
        ['Identifiant', file.caseId],
        ['Espace', file.workspace],
        ['Statut', state.status === 'open' ? 'Ouvert' : 'Clôturé'],
        ['Étape', STAGES[file.stage]],
        ['Niveau de risque', file.riskLevel && file.riskLevel in RISK_LEVELS ? RISK_LEVELS[file.riskLevel as TRiskLevel] : '—'],
        ['Consentement', `services : ${yesNo(consent.services)} · partage d’informations : ${yesNo(consent.sharing)}`],
        ['Propriétaire', name(state.owner)],
        ['Assigné à', state.assigned.length ? state.assigned.map(name).join(', ') : '—'],
        ['Ouvert le', formatDay(state.createdAt)],
        ...(state.closedAt ? [['Clôturé le', formatDay(state.closedAt)] as [string, string]] : []),
        ['Imprimé le', `${formatDateTime(file.now.toISOString())} par ${file.printedBy}`],
      ],
    },
  ]
  const flags = state.flags.filter((f) => !f.removed)
  if (flags.length) blocks.push({ type: 'bullets', items: flags.map((f) => `Signalement : ${f.message} — ${name(f.by)}, ${formatDay(f.at)}`) })

  blocks.push({ type: 'heading', level: 1, text: 'Fiches remplies' })
  let printedForms = 0
  for (const form of file.forms) {
    const entries = state.forms.filter((f) => f.code === form.code)
    entries.forEach((entry, i) => {
      printedForms += 1
      const repeat = entries.length > 1 ? ` (${i + 1} sur ${entries.length})` : ''
      blocks.push({ type: 'heading', level: 2, text: `${form.code} — ${form.title}${repeat}` })
      blocks.push({ type: 'paragraph', style: 'note', text: `Enregistrée le ${formatDateTime(entry.savedAt)} par ${name(entry.savedBy)}.` })
      blocks.push(...formBlocks(form, entry.values, file))
    })
  }
  if (!printedForms) blocks.push({ type: 'paragraph', text: 'Aucune fiche remplie.' })

  blocks.push({ type: 'heading', level: 1, text: 'Approbations, orientations et transferts' })
  const transitions = [...state.transitions].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  if (!transitions.length) blocks.push({ type: 'paragraph', text: 'Aucune approbation, orientation ni transfert.' })
  else
    blocks.push({
      type: 'table',
      columns: [{ header: 'Date', width: 1.6 }, { header: 'Demande', width: 2.4 }, { header: 'État', width: 1.3 }, { header: 'De → à', width: 2.6 }, { header: 'Décision', width: 2.2 }, { header: 'Commentaire', width: 3 }],
      rows: transitions.map((t) => [
        formatDay(t.createdAt),
        transitionLabel(t),
        TRANSITION_STATUSES[t.status],
        `${name(t.from)}${t.to ? ` → ${name(t.to)}` : ''}`,
        t.decidedAt ? `${name(t.decidedBy)}, ${formatDay(t.decidedAt)}` : '—',
        t.comment ?? '',
      ]),
      fontSize: 8,
    })

  blocks.push({ type: 'heading', level: 1, text: 'Historique' })
  if (!file.history.length) blocks.push({ type: 'paragraph', text: 'Aucune modification enregistrée.' })
  else
    blocks.push({
      type: 'table',
      columns: [{ header: 'Quand', width: 1.8 }, { header: 'Qui', width: 2 }, { header: 'Action', width: 2 }, { header: 'Modification', width: 5 }],
      rows: file.history.map((h) => [formatDateTime(h.at), h.memberName ?? '—', `${h.action}${h.form ? ` ${h.form}` : ''}`, h.field ? `${h.field} : ${h.before ?? '—'} → ${h.after ?? '—'}` : (h.after ?? '')]),
      fontSize: 8,
    })

  return {
    title: `Dossier ${file.caseId}`,
    author: PORTAL_AUTHOR,
    footer: { text: `${FICTITIOUS_BANNER} — dossier ${file.caseId}`, pageNumbers: true },
    sections: [{ header: [{ type: 'paragraph', style: 'note', align: 'center', text: [{ text: FICTITIOUS_BANNER.toUpperCase(), bold: true }] }], blocks }],
  }
}

/** The case file as a PDF. */
export function renderCaseFilePdf(file: TCaseFile): Promise<Buffer> {
  return renderPdf(buildCaseFile(file), { now: file.now })
}

/** The printed case file of a case opened for the person (the caller has checked they may read it, as on the case page). */
export async function caseFilePdf(payload: Payload, opened: TOpened, record: TCaseRecord, printedBy: string, now: Date): Promise<Buffer> {
  return renderCaseFilePdf({
    caseId: record.doc.caseId,
    childName: record.doc.childName ?? null,
    workspace: opened.ws.name,
    stage: record.doc.stage,
    riskLevel: record.doc.riskLevel ?? null,
    state: record.state,
    members: opened.members,
    forms: [...sandboxForms().values()],
    attachments: (record.doc.attachments ?? []).map((a) => ({ attachmentId: a.attachmentId, fileName: a.fileName })),
    history: (await historyOf(payload, record)).lines,
    printedBy,
    now,
  })
}
