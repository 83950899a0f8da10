import type { APIRoute } from 'astro'
import { readFile } from 'node:fs/promises'
import { download } from '#cms/endpoints/download.ts'
import { attachmentPath, caseOf } from '#cms/sandbox/service.ts'
import { sandboxPage } from '../../../../../../lib/sandbox.ts'

/** An attachment of a sandbox case, to the people of its workspace only (fictitious data, not audited). */
export const GET: APIRoute = async (context) => {
  const page = await sandboxPage(context)
  if (!page) return new Response(null, { status: 404 })
  const record = await caseOf(context.locals.payload, page.opened, String(context.params['caseId'])).catch(() => null)
  const found = record ? attachmentPath(record, String(context.params['attachment'])) : null
  if (!found) return new Response(null, { status: 404 })
  const body = await readFile(found.file)
  return download({ body, kind: found.mimeType === 'application/pdf' ? 'pdf' : found.mimeType === 'image/png' ? 'png' : 'jpeg', fileName: found.fileName, inline: true })
}
