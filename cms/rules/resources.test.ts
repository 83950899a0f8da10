import { describe, expect, it } from 'vitest'
import { describeFile, formatBytes, isConsultationOpen, resourceYear, slugify } from './resources.ts'

describe('resources rules', () => {
  it('files a resource under its validation year, else its publication year', () => {
    expect(resourceYear({ validatedAt: '2024-08-13T00:00:00Z', publishedAt: '2025-01-02T00:00:00Z' })).toBe(2024)
    expect(resourceYear({ publishedAt: '2025-01-02T00:00:00Z' })).toBe(2025)
    expect(resourceYear({})).toBeNull()
  })
  it('describes a download as format and size, French style', () => {
    expect(describeFile('application/pdf', 1_234_567, 'fr')).toBe('PDF · 1,2 Mo')
    expect(describeFile('application/pdf', 1_234_567, 'en')).toBe('PDF · 1.2 MB')
    expect(describeFile('application/pdf', 48_200, 'fr')).toBe('PDF · 48 ko')
    expect(formatBytes(950, 'fr')).toBe('950 o')
  })
  it('keeps a consultation open until the end of its closing day, on drafts only', () => {
    const doc = { documentStatus: 'draft', consultationClosesAt: '2026-12-31T00:00:00.000Z' }
    expect(isConsultationOpen(doc, new Date('2026-12-31T22:00:00Z'))).toBe(true)
    expect(isConsultationOpen(doc, new Date('2027-01-01T00:00:01Z'))).toBe(false)
    expect(isConsultationOpen({ ...doc, documentStatus: 'validated' }, new Date('2026-12-01'))).toBe(false)
    expect(isConsultationOpen({ documentStatus: 'draft' }, new Date('2026-12-01'))).toBe(false)
  })
  it('slugifies French titles', () => {
    expect(slugify('Formulaire 1.C — Évaluation initiale')).toBe('formulaire-1-c-evaluation-initiale')
    expect(slugify('Œuvre d’intérêt')).toBe('oeuvre-d-interet')
  })
})
