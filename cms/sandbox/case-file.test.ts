import { describe, expect, it } from 'vitest'
import type { TBlock } from '../documents/model.ts'
import { plainText } from '../documents/model.ts'
import { ZFormDefinition, type TFormDefinition } from '../rules/sandbox-forms.ts'
import type { TMember } from '../rules/sandbox-workflow.ts'
import { buildCaseFile, FICTITIOUS_BANNER, type TCaseFile } from './case-file.ts'

// The printed case file's content, checked on the document model (the PDF renderer is tested by the document kit).

const members: TMember[] = [
  { id: 'gestionnaire-1', name: 'Aminata Traoré (fictive)', role: 'caseManager' },
  { id: 'superviseur-1', name: 'Moussa Keïta (fictif)', role: 'supervisor' },
]
const form = (definition: unknown): TFormDefinition => ZFormDefinition.parse(definition)
const consentForm = form({
  code: '1.A',
  group: '1',
  title: 'Consentement',
  sections: [{ title: 'Accord', fields: [{ name: 'consent_services', label: 'Consentement aux services', type: 'yesno' }, { name: 'consent_sharing', label: 'Consentement au partage', type: 'yesno' }] }],
})
const registration = form({
  code: '1.B',
  group: '1',
  title: 'Enregistrement',
  sections: [
    {
      title: 'Identité de l’enfant',
      fields: [
        { name: 'child_name', label: 'Nom de l’enfant', type: 'text' },
        { name: 'school', label: 'Scolarisé', type: 'yesno' },
        { name: 'school_name', label: 'Nom de l’école fréquentée', type: 'text', showIf: { field: 'school', equals: true } },
        { name: 'photo', label: 'Photo', type: 'attachment' },
      ],
    },
    { title: 'Fratrie', fields: [{ name: 'siblings', label: 'Frères et sœurs', type: 'subform', fields: [{ name: 'first_name', label: 'Prénom', type: 'text' }, { name: 'age', label: 'Âge', type: 'number' }] }] },
  ],
})
const assessment = form({ code: '2.A', group: '2', title: 'Évaluation approfondie', sections: [{ title: 'Besoins', fields: [{ name: 'needs', label: 'Besoins identifiés', type: 'textarea' }] }] })

function caseFile(over: Partial<TCaseFile> = {}): TCaseFile {
  return {
    caseId: 'TDH-3f9a2c1',
    childName: 'Awa (fictive)',
    workspace: 'Session de Ségou',
    stage: 'plan_action',
    riskLevel: 'eleve',
    members,
    forms: [consentForm, registration, assessment],
    attachments: [{ attachmentId: 'a1b2c3', fileName: 'photo-awa.jpg' }],
    state: {
      status: 'open',
      owner: 'gestionnaire-1',
      assigned: ['superviseur-1'],
      createdAt: '2026-11-20T09:00:00.000Z',
      closedAt: null,
      reopenedAt: null,
      flags: [],
      // Saved out of order on purpose: the file follows the steps, not the saving order.
      forms: [
        { id: 'f2', code: '2.A', values: { needs: 'Retour en famille.' }, savedAt: '2026-11-22T10:00:00.000Z', savedBy: 'gestionnaire-1' },
        { id: 'f1', code: '1.B', values: { child_name: 'Awa (fictive)', school: false, photo: 'a1b2c3', siblings: [{ first_name: 'Issa', age: 7 }] }, savedAt: '2026-11-20T09:00:00.000Z', savedBy: 'gestionnaire-1' },
        { id: 'f0', code: '1.A', values: { consent_services: true, consent_sharing: false }, savedAt: '2026-11-20T08:00:00.000Z', savedBy: 'gestionnaire-1' },
      ],
      transitions: [
        { id: 't1', kind: 'approval', approvalType: 'assessment', status: 'approved', from: 'gestionnaire-1', to: null, service: null, createdAt: '2026-11-22T11:00:00.000Z', decidedAt: '2026-11-23T09:00:00.000Z', decidedBy: 'superviseur-1', comment: 'Évaluation complète.' },
        { id: 't2', kind: 'referral', approvalType: null, status: 'rejected', from: 'gestionnaire-1', to: 'superviseur-1', service: 'sante', createdAt: '2026-11-24T11:00:00.000Z', decidedAt: '2026-11-24T15:00:00.000Z', decidedBy: 'superviseur-1', comment: 'Service indisponible.' },
      ],
    },
    history: [{ at: '2026-11-22T10:00:00.000Z', memberName: 'Aminata Traoré (fictive)', action: 'form.save', form: '2.A', field: 'Besoins identifiés', before: '—', after: 'Retour en famille.' }],
    printedBy: 'Aminata Traoré (fictive)',
    now: new Date('2026-12-01T10:00:00.000Z'),
    ...over,
  }
}

/** Every text of the blocks (headings, paragraphs, label/value lines, table cells), in order. */
function texts(blocks: TBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.type === 'title' || b.type === 'heading') return [b.text]
    if (b.type === 'paragraph') return [plainText(b.text)]
    if (b.type === 'fields') return b.items.map(([label, value]) => `${label} : ${value}`)
    if (b.type === 'bullets' || b.type === 'numbered') return b.items.map(plainText)
    if (b.type === 'table') return [b.columns.map((c) => c.header).join(' | '), ...b.rows.map((r) => r.join(' | '))]
    return []
  })
}

describe('the printed case file', () => {
  it('holds the identity, the state, the forms in the order of the steps, the transitions and the history', () => {
    const doc = buildCaseFile(caseFile())
    const all = texts(doc.sections[0]!.blocks)
    expect(all).toEqual(expect.arrayContaining(['Identifiant : TDH-3f9a2c1', 'Statut : Ouvert', 'Étape : Plan d’action', 'Niveau de risque : Élevé', 'Consentement : services : oui · partage d’informations : non', 'Propriétaire : Aminata Traoré (fictive)', 'Assigné à : Moussa Keïta (fictif)']))
    const headings = doc.sections[0]!.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)
    expect(headings.filter((h) => !['Accord', 'Identité de l’enfant', 'Fratrie', 'Besoins'].includes(h))).toEqual(['Fiches remplies', '1.A — Consentement', '1.B — Enregistrement', '2.A — Évaluation approfondie', 'Approbations, orientations et transferts', 'Historique'])
    expect(all).toContain('Scolarisé : Non')
    expect(all).toContain('Photo : photo-awa.jpg')
    expect(all).toContain('Prénom | Âge')
    expect(all).toContain('Issa | 7')
    expect(all.some((line) => line.includes('Approbation : évaluation approfondie | Approuvé') && line.includes('Évaluation complète.'))).toBe(true)
    expect(all.some((line) => line.includes('Orientation (sante) | Refusé') && line.includes('Service indisponible.'))).toBe(true)
    expect(all.some((line) => line.includes('form.save 2.A') && line.includes('Besoins identifiés : — → Retour en famille.'))).toBe(true)
  })

  it('leaves out a field its condition hides, and prints it once the condition holds', () => {
    const hidden = texts(buildCaseFile(caseFile()).sections[0]!.blocks)
    expect(hidden.some((line) => line.includes('Nom de l’école fréquentée'))).toBe(false)
    const file = caseFile()
    file.state.forms[1]!.values = { ...file.state.forms[1]!.values, school: true, school_name: 'École de Ségou' }
    expect(texts(buildCaseFile(file).sections[0]!.blocks)).toContain('Nom de l’école fréquentée : École de Ségou')
  })

  it('says so when nothing was filled, and prints only forms that were saved', () => {
    const file = caseFile()
    const empty = texts(buildCaseFile({ ...file, state: { ...file.state, forms: [], transitions: [] }, history: [] }).sections[0]!.blocks)
    expect(empty).toEqual(expect.arrayContaining(['Aucune fiche remplie.', 'Aucune approbation, orientation ni transfert.', 'Aucune modification enregistrée.']))
    expect(empty.some((line) => line.startsWith('1.A'))).toBe(false)
  })

  it('carries the fictitious-data banner on every page: running header and footer', () => {
    const doc = buildCaseFile(caseFile())
    expect(doc.sections).toHaveLength(1)
    expect(texts(doc.sections[0]!.header ?? [])).toEqual([FICTITIOUS_BANNER.toUpperCase()])
    expect(doc.footer?.text).toContain(FICTITIOUS_BANNER)
  })
})
