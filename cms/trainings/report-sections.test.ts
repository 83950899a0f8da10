import { describe, expect, it } from 'vitest'
import { Trainings } from '../collections/Trainings/index.ts'
import { emptyReportSections, reportSections } from './report-data.ts'

describe('written sections of the training report', () => {
  it('are the trainings’ fields marked as report sections, nested ones included', () => {
    const names = reportSections(Trainings.fields).map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['objectives', 'expectedResults', 'context', 'agenda', 'evaluationNotes', 'recommendations']))
    expect(names).toEqual(expect.arrayContaining(['specificObjectives', 'methodology', 'conclusion']))
    expect(names).not.toContain('title')
    // A day of the programme is not a section of its own: its fields are inside the day-by-day account.
    expect(names).not.toContain('modules')
    expect(names).not.toContain('practised')
  })
  it('lists those left empty or blank, with their French label', () => {
    const filled = { objectives: 'Renforcer les capacités.', specificObjectives: 'Maîtriser CPIMS+.', methodology: 'Exercices pratiques.', agenda: 'Jour 1…', evaluationNotes: 'Bonne participation.', recommendations: 'Recycler en 2025.', conclusion: 'Objectifs atteints.' }
    const empty = emptyReportSections(Trainings.fields, { ...filled, context: '   ' })
    expect(empty.map((s) => s.label.fr).sort()).toEqual(['Introduction (contexte, organisateurs, partenaires)', 'Résultats attendus'])
  })
})
