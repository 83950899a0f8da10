import { addDataAndFileToRequest, type PayloadHandler } from 'payload'
import { PortalError } from '../../endpoints/errors.ts'
import { requireCapability } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { importCaseExport as importFile } from '../../imports/case-export.ts'

/** POST /api/case-aggregates/import (multipart, field `file`): a CPIMS+ case export, all or nothing. Coordination. */
export const importCaseExport: PayloadHandler = endpoint(async (req) => {
  requireCapability(req, 'coordinate')
  await addDataAndFileToRequest(req)
  if (!req.file) throw new PortalError('fileRequired', { field: 'file', kinds: 'XLSX ou CSV' })
  const outcome = await importFile(req, { name: req.file.name, data: req.file.data })
  return Response.json(outcome, { status: outcome.ok ? 200 : 400 })
})
