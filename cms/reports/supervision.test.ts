import { describe, expect, it } from 'vitest'
import type { TBlock } from '../documents/model.ts'
import { buildVisitReport, summaryRows, type TSupervisionSummary } from './supervision.ts'

describe('supervision documents', () => {
  it('puts visits by region and mode beside coverage, with a total row', () => {
    const summary: TSupervisionSummary = {
      monthLabel: 'novembre 2026',
      byRegionAndMode: [{ region: 'Gao', counts: { onSite: 1, phone: 2, video: 0 }, total: 3 }],
      coverage: { key: 'national', total: 5, followed: 2, share: 40, byRegion: [{ key: 'Gao', total: 2, followed: 1, share: 50 }, { key: 'Mopti', total: 3, followed: 1, share: 33 }], byOrganisation: [], notFollowed: [] },
      gaps: [],
    }
    const { headers, rows } = summaryRows(summary)
    expect(headers).toEqual(['Région', 'Sur site', 'À distance : téléphone', 'À distance : visio', 'Total visites', 'Personnes formées', 'Suivies au moins une fois', 'Couverture (%)'])
    expect(rows).toEqual([
      ['Gao', 1, 2, 0, 3, 2, 1, 50],
      ['Mopti', 0, 0, 0, 0, 3, 1, 33],
      ['Total', 1, 2, 0, 3, 5, 2, 40],
    ])
  })

  it('writes the behaviour’s wording, the French level and each agreed action in the visit report', () => {
    const doc = buildVisitReport({
      person: { name: 'MAÏGA Hamidou', function: 'Gestionnaire de cas', organisation: 'IRC', region: 'Gao', trainings: [] },
      supervisor: 'Ibrahim Traoré',
      date: '2026-11-20T00:00:00.000Z',
      mode: 'phone',
      stepsObserved: ['2'],
      frameworkVersion: '2026.1',
      framework: { domains: [{ id: 'd', title: { fr: 'D' }, competencies: [{ id: 'c', title: { fr: 'C' }, behaviours: [{ id: 'b', text: { fr: 'Vérifie les risques.' }, audiences: ['caseManager'], steps: [] }] }] }] },
      ratings: [{ behaviour: 'b', rating: 'toStrengthen', observation: 'Pas encore systématique.' }],
      actions: [{ activity: 'Relire trois dossiers', status: 'toDo', deadline: '2026-12-15' }],
    })
    const tables = doc.sections[0]!.blocks.filter((b): b is Extract<TBlock, { type: 'table' }> => b.type === 'table')
    expect(tables[0]!.rows).toEqual([['Vérifie les risques.', 'À renforcer', 'Pas encore systématique.']])
    expect(tables[1]!.rows[0]).toEqual(['Relire trois dossiers', '', '15 décembre 2026', 'À faire'])
  })
})
