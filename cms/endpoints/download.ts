import type { Payload } from 'payload'
import { audit, clientIp } from '../auth/audit.ts'

/** Content types of the files the portal hands out, by extension. */
export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const
export type FileKind = keyof typeof CONTENT_TYPES

/** A file name reduced to safe ASCII (accents dropped, anything else a dash), for the plain `filename=`. */
export function asciiFileName(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1] ?? ''
  const stem = ext ? name.slice(0, -ext.length - 1) : name
  const clean = (s: string) =>
    s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '')
  const safeStem = clean(stem).slice(0, 100) || 'fichier'
  return ext ? `${safeStem}.${ext}` : safeStem
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 and RFC 5987). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`
}

/** A URL-friendly slug of a title, for file names (`Formation à Kayes` → `formation-a-kayes`). */
export function fileSlug(title: string): string {
  return title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)
}

/** The file an endpoint hands out: its bytes, its name with extension, and how to show it. */
export type TDownload = { body: Uint8Array | string; fileName: string; kind: FileKind; inline?: boolean }

/**
 * The one way to answer with a file: content type from the kind, a safe `Content-Disposition`, never cached by the
 * browser or a proxy (`private, no-store`) and never sniffed as something else.
 */
export function download(file: TDownload): Response {
  const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body)
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[file.kind],
      'Content-Disposition': contentDisposition(file.fileName, file.inline ? 'inline' : 'attachment'),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/** Who asks: a Payload request, or `{ payload: locals.payload, user: locals.user, headers: request.headers }` in Astro. */
export type TRequester = { payload: Payload; user?: { id: number | string; email?: string | null } | null; headers: Headers }

/** What personal data a download carries, for the audit log: a name for it, how many people/rows, and context. */
export type TPersonalData = { what: string; rows: number; details?: Record<string, unknown> }

/**
 * A download that carries personal data: the export is written to the audit log (who, when, what, how many rows,
 * file name) before the file is answered. Every such download goes through here.
 */
export async function personalDataDownload(by: TRequester, data: TPersonalData, file: TDownload): Promise<Response> {
  await audit(by.payload, {
    action: 'export.personalData',
    actor: by.user ?? null,
    ip: clientIp(by.headers),
    details: { what: data.what, rows: data.rows, format: file.kind, file: file.fileName, ...data.details },
  })
  return download(file)
}
