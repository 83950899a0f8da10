import type { PayloadHandler } from 'payload'
import { z } from 'zod'
import { PortalError } from '../../endpoints/errors.ts'
import { requireCapability } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { exportTable, tableFormat } from '../../endpoints/table-export.ts'

const ZResource = z.string({ error: 'Paramètre « resource » manquant : identifiant du document attendu.' }).regex(/^[A-Za-z0-9]{1,40}$/, { error: 'Paramètre « resource » invalide : identifiant du document attendu.' })

const DECISIONS: Record<string, string> = { pending: 'En attente', accepted: 'Retenu', rejected: 'Non retenu' }
const HEADERS = ['N°', 'Section', 'Commentaire', 'Auteur', 'Structure', 'Date', 'Décision', 'Réponse']

/**
 * GET /api/consultation-comments/export?resource=<id>&format=csv|xlsx — the consolidated comment table
 * (section, comment, author, organisation, date, decision, reply) for the drafting team; journalled as an export
 * of personal data.
 */
export const exportComments: PayloadHandler = endpoint(async (req) => {
  requireCapability(req, 'editContent')
  const id = z.object({ resource: ZResource }).parse({ resource: req.searchParams?.get('resource') ?? undefined }).resource
  const format = tableFormat(req.searchParams)
  const { payload } = req
  const resource = await payload.findByID({ collection: 'resources', id, depth: 0, user: req.user, overrideAccess: false, disableErrors: true })
  if (!resource) throw new PortalError('notFound', { thing: 'resource' })
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
  return exportTable(
    req,
    { title: `Consultation : ${resource.title}`, headers: HEADERS, rows, sheet: 'Commentaires', widths: [6, 28, 60, 24, 16, 12, 14, 60] },
    { format, fileName: `commentaires-${resource.slug}`, personalData: { what: 'consultation-comments', details: { resource: resource.id } } },
  )
})
