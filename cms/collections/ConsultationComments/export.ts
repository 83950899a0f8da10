import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { PayloadHandler } from 'payload'
import { z } from 'zod'
import { audit, clientIp } from '../../auth/audit.ts'
import { can } from '../../rules/roles.ts'

const ZExportQuery = z.object({
  resource: z.string().regex(/^[A-Za-z0-9]{1,40}$/, { error: 'Paramètre « resource » invalide : identifiant du document attendu.' }),
  format: z.enum(['csv', 'xlsx'], { error: 'Paramètre « format » invalide : csv ou xlsx.' }).default('csv'),
})

const DECISIONS: Record<string, string> = { pending: 'En attente', accepted: 'Retenu', rejected: 'Non retenu' }
const HEADERS = ['N°', 'Section', 'Commentaire', 'Auteur', 'Structure', 'Date', 'Décision', 'Réponse']

const json = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/**
 * GET /api/consultation-comments/export?resource=<id>&format=csv|xlsx — the consolidated comment table
 * (section, comment, author, organisation, date, decision, reply) for the drafting team; journalled as an export
 * of personal data.
 */
export const exportComments: PayloadHandler = async (req) => {
  if (!can(req.user as never, 'editContent')) return json(403, 'Réservé à l’équipe éditoriale (éditeurs et administrateurs).')
  const parsed = ZExportQuery.safeParse(Object.fromEntries(req.searchParams ?? new URLSearchParams()))
  if (!parsed.success) return json(400, parsed.error.issues.map((i) => i.message).join(' '))
  const { payload } = req
  const resource = await payload.findByID({ collection: 'resources', id: parsed.data.resource, depth: 0, user: req.user, overrideAccess: false, disableErrors: true })
  if (!resource) return json(404, 'Document introuvable.')
  const { docs } = await payload.find({
    collection: 'consultation-comments',
    where: { resource: { equals: resource.id } },
    sort: 'createdAt',
    depth: 0,
    limit: 10_000,
    user: req.user,
    overrideAccess: false,
  })
  // Names and organisations of the contributors: the only personal data in the table, read for this journalled export.
  const authorIds = [...new Set(docs.map((c) => (typeof c.author === 'object' && c.author ? c.author.id : c.author)).filter((id) => id != null))]
  const authors = await payload.find({
    collection: 'users',
    where: { id: { in: authorIds } },
    limit: authorIds.length,
    depth: 1,
    select: { name: true, organisation: true },
    overrideAccess: true,
  })
  const byId = new Map(authors.docs.map((a) => [a.id, a]))
  const rows = docs.map((c, i) => {
    const author = byId.get(typeof c.author === 'object' && c.author ? c.author.id : (c.author as number))
    const organisation = author && typeof author.organisation === 'object' && author.organisation ? author.organisation.acronym : ''
    return [String(i + 1), c.section, c.comment, author?.name ?? '', organisation, new Date(c.createdAt).toLocaleDateString('fr-FR'), DECISIONS[c.decision] ?? c.decision, c.reply ?? '']
  })
  await audit(payload, {
    action: 'export.personalData',
    actor: req.user as { id: number; email: string },
    ip: clientIp(req.headers),
    details: { what: 'consultation-comments', resource: resource.id, format: parsed.data.format, rows: rows.length },
  })
  const base = `commentaires-${resource.slug}`
  if (parsed.data.format === 'csv') {
    // BOM so that spreadsheet software opens the French accents correctly.
    const body = `\uFEFF${stringify([HEADERS, ...rows], { delimiter: ';' })}`
    return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${base}.csv"` } })
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Commentaires')
  sheet.addRow([`Consultation : ${resource.title}`])
  sheet.addRow(HEADERS).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  sheet.columns.forEach((column, index) => (column.width = [6, 28, 60, 24, 16, 12, 14, 60][index]))
  const buffer = await workbook.xlsx.writeBuffer()
  return new Response(buffer, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${base}.xlsx"`,
    },
  })
}
