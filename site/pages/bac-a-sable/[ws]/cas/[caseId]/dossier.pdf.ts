import { download, fileSlug } from '#cms/endpoints/download.ts'
import { caseFilePdf } from '#cms/sandbox/case-file.ts'
import { route } from '../../../../../lib/endpoint.ts'
import { sandboxCase } from '../../../../../lib/sandbox.ts'

/**
 * « Imprimer le dossier »: the case file as a PDF, to the people who read the case page and nobody else (404
 * otherwise, as the page). Fictitious data, so the plain download kit and no personal-data audit entry.
 */
export const GET = route(async (context) => {
  const found = await sandboxCase(context)
  if (!found) return new Response(null, { status: 404 })
  const { page, record } = found
  const body = await caseFilePdf(context.locals.payload, page.opened, record, page.actor?.name ?? page.user.name ?? page.user.email, new Date())
  return download({ body, kind: 'pdf', fileName: `dossier-${fileSlug(record.doc.caseId)}.pdf` })
})
