import { describe, expect, it } from 'vitest'
import { plainText, type TBlock } from '../documents/model.ts'
import { buildCapacityPlan, buildMinutes, planCells, type TMinutes } from './meeting-minutes.ts'

const minutes: TMinutes = {
  title: 'Réunion du cadre commun — 3e trimestre 2026',
  kind: 'Réunion trimestrielle du cadre commun',
  when: 'mercredi 12 août 2026 à 09:00 – 13:00 (heure de Bamako)',
  where: 'DNPEF, Bamako',
  organiser: 'DNPEF',
  attendance: [{ name: 'Awa Sangaré', organisation: 'SAMU SOCIAL Mali', role: 'Gestionnaire de cas' }],
  agenda: ['Revue du plan'],
  carried: [{ activity: 'Transmettre la liste des administrateurs', responsible: 'Tdh', status: 'toDo' }],
  discussion: 'Tour de table.',
  decisions: '1. Valider le plan\n- Partager le compte rendu',
  planReview: null,
  actions: [{ activity: 'Former les administrateurs', responsible: 'DNPEF', deadline: '2026-10-31', status: 'inProgress' }],
}

const text = (block: TBlock): string => {
  switch (block.type) {
    case 'heading':
    case 'title':
      return block.text
    case 'paragraph':
      return plainText(block.text)
    case 'numbered':
    case 'bullets':
      return block.items.map(plainText).join(' | ')
    case 'table':
      return [block.columns.map((c) => c.header).join(' | '), ...block.rows.map((r) => r.join(' | '))].join('\n')
    case 'fields':
      return block.items.map(([k, v]) => `${k}: ${v}`).join('\n')
    default:
      return ''
  }
}

describe('the minutes in the official layout', () => {
  it('has date, place, attendance, agenda with carried points, discussion, decisions, the action table and signatures, in that order', () => {
    const doc = buildMinutes(minutes)
    const blocks = doc.sections[0]!.blocks.map(text)
    const headings = doc.sections[0]!.blocks.filter((b) => b.type === 'heading').map(text)
    expect(headings).toEqual(['1. Participants', '2. Ordre du jour', '3. Déroulement et discussions', '4. Revue du plan de renforcement des capacités', '5. Décisions', '6. Points d’action', 'Signatures'])
    const all = blocks.join('\n')
    expect(all).toContain('Date: mercredi 12 août 2026')
    expect(all).toContain('Lieu: DNPEF, Bamako')
    expect(all).toContain('1 | Awa Sangaré | SAMU SOCIAL Mali | Gestionnaire de cas')
    expect(all).toContain('Revue du plan | Suivi : Transmettre la liste des administrateurs (Tdh)')
    expect(all).toContain('Valider le plan | Partager le compte rendu')
    expect(all).toContain('1 | Former les administrateurs | DNPEF | 31 octobre 2026 | En cours')
    expect(all).toContain('Le rapporteur | Le président de séance')
    expect(all).toContain('Non renseigné.')
  })

  it('shows the plan with French statuses and the date it is shown at', () => {
    const row = { activity: 'Configuration de CPIMS+', targetGroup: '', region: 'Mopti', responsible: 'Consultant', period: '2024Q3', budget: 1_500_000, fundingSource: 'UNICEF', status: 'notDone', deadline: '2024-09-30', comments: '' }
    expect(planCells(row)).toEqual(['Configuration de CPIMS+', '', 'Mopti', 'Consultant', '2024Q3', 1_500_000, 'UNICEF', 'Pas réalisé', '30 septembre 2024', ''])
    const blocks = buildCapacityPlan([row], '2025-01-01').sections[0]!.blocks.map(text).join('\n')
    expect(blocks).toContain('État du plan au 1er janvier 2025.')
    expect(buildCapacityPlan([], null).sections[0]!.blocks.map(text).join('\n')).toContain('Aucune activité au plan à cette date.')
  })
})
