import type { APIRoute } from 'astro'
import { readFile } from 'node:fs/promises'
import { download } from '#cms/endpoints/download.ts'
import { attachmentPath } from '#cms/sandbox/service.ts'
import { sandboxCase } from '../../../../../../lib/sandbox.ts'

/** An attachment of a sandbox case, to those who read the case page only (fictitious data, not audited). */
export const GET: APIRoute = async (context) => {
  const found = await sandboxCase(context)
  const file = found ? attachmentPath(found.record, String(context.params['attachment'])) : null
  if (!file) return new Response(null, { status: 404 })
  const body = await readFile(file.file)
  return download({ body, kind: file.mimeType === 'application/pdf' ? 'pdf' : file.mimeType === 'image/png' ? 'png' : 'jpeg', fileName: file.fileName, inline: true })
}
