import { describe, expect, it } from 'vitest'
import type { TBlock } from '../documents/model.ts'
import type { TParticipant } from '../rules/trainings.ts'
import { septemberEnrolments, septemberParticipants } from '../../tests/fixtures/training-of-trainers.ts'
import { buildTrainingReport, type TTrainingReport } from './training-report.ts'

// The figures tables of the training report (attendance and tests by sex and by organisation), on the September
// 2024 training of trainers (tests/fixtures/training-of-trainers.ts).
const participants: TParticipant[] = septemberParticipants((i) => ({ firstName: `Prénom${i + 1}`, lastName: `Nom${i + 1}`, function: 'Gestionnaire de cas', region: 'Bamako' }))
const base: TTrainingReport = {
  title: 'Formation des formateurs',
  kind: 'Formation de formateurs',
  startDate: '2024-09-17',
  endDate: '2024-09-21',
  venue: 'Bamako',
  region: 'Bamako',
  organiser: 'DNPEF',
  trainers: [],
  participants,
  enrolments: septemberEnrolments(participants, () => undefined),
  nextSteps: [],
}
const blocks = (report: TTrainingReport): TBlock[] => buildTrainingReport(report).sections.flatMap((s) => s.blocks)
const tableAfter = (all: TBlock[], heading: string) => {
  const at = all.findIndex((b) => b.type === 'heading' && b.text === heading)
  return at === -1 ? null : all[at + 1]
}

describe('figures by sex and by organisation in the training report', () => {
  it('prints women, men and total with enrolment, attendance and both test averages', () => {
    const table = tableAfter(blocks(base), 'Présence et résultats par sexe')
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.rows.map((r) => r.slice(0, 2))).toEqual([['Femmes', '6'], ['Hommes', '12'], ['Total', '18']])
    expect(table.rows[2]![2]).toMatch(/^\d+(,\d)?\s%$/)
  })
  it('prints one row per organisation and a total, and nothing when nobody is enrolled', () => {
    const table = tableAfter(blocks(base), 'Présence et résultats par structure')
    if (table?.type !== 'table') throw new Error('no organisation table')
    expect(table.rows.at(-1)![0]).toBe('Total')
    expect(table.rows.slice(0, -1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(18)
    expect(tableAfter(blocks({ ...base, participants: [], enrolments: [] }), 'Présence et résultats par sexe')).toBeNull()
  })
})
