// Pure rules of the resource centre: years, versions, sizes, consultations.

import { numberFormatter } from './display.ts'

/** The year a resource is filed under: its validation year, else its publication year. */
export function resourceYear(doc: { validatedAt?: string | null; publishedAt?: string | null }): number | null {
  const date = doc.validatedAt ?? doc.publishedAt
  return date ? new Date(date).getUTCFullYear() : null
}

const FORMAT_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WEBP',
  'video/mp4': 'MP4',
  'video/webm': 'WEBM',
}

/** "PDF · 1,2 Mo" (French) or "PDF · 1.2 MB" (English): what a download costs before it starts. */
export function describeFile(mimeType: string | null | undefined, bytes: number | null | undefined, lang: 'fr' | 'en'): string {
  const format = (mimeType && FORMAT_NAMES[mimeType]) ?? (mimeType?.split('/')[1]?.toUpperCase() ?? '?')
  return bytes === null || bytes === undefined ? format : `${format} · ${formatBytes(bytes, lang)}`
}

/** A byte count in ko/Mo (fr) or kB/MB (en), one decimal under 10, none above. */
export function formatBytes(bytes: number, lang: 'fr' | 'en'): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  const text = numberFormatter(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)
  return `${text} ${units[unit]}`
}

/** A consultation is open on a draft document until its closing date (inclusive of the closing day's end). */
export function isConsultationOpen(doc: { documentStatus?: string | null; consultationClosesAt?: string | null }, now: Date): boolean {
  if (doc.documentStatus !== 'draft' || !doc.consultationClosesAt) return false
  const closes = new Date(doc.consultationClosesAt)
  closes.setUTCHours(23, 59, 59, 999)
  return now <= closes
}

/** A URL-safe slug from a French title: accents dropped, lowercase, hyphens. */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
}
