import { describe, expect, it } from 'vitest'
import { Trainings } from '../collections/Trainings/index.ts'
import { emptyReportSections, reportSections } from './report-data.ts'

describe('written sections of the training report', () => {
  it('are the trainings’ fields marked as report sections, nested ones included', () => {
    const names = reportSections(Trainings.fields).map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['objectives', 'expectedResults', 'context', 'agenda', 'evaluationNotes', 'recommendations']))
    expect(names).not.toContain('title')
  })
  it('lists those left empty or blank, with their French label', () => {
    const empty = emptyReportSections(Trainings.fields, { objectives: 'Renforcer les capacités.', context: '   ', agenda: 'Jour 1…', evaluationNotes: 'Bonne participation.', recommendations: 'Recycler en 2025.' })
    expect(empty.map((s) => s.label.fr).sort()).toEqual(['Contexte', 'Résultats attendus'])
  })
})
