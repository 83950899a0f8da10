import type { Endpoint, PayloadHandler } from 'payload'
import { renderPdf } from '../../documents/pdf.ts'
import { MINISTRY_LETTERHEAD } from '../../documents/model.ts'
import { download } from '../../endpoints/download.ts'
import { PortalError } from '../../endpoints/errors.ts'
import { requireUser } from '../../endpoints/guards.ts'
import { endpoint } from '../../endpoints/handler.ts'
import { choiceParam } from '../../endpoints/params.ts'
import { exportTable } from '../../endpoints/table-export.ts'
import { capacityPlan } from '../../meetings/plan.ts'
import { buildCapacityPlan, PLAN_HEADERS, planCells } from '../../reports/meeting-minutes.ts'
import { staffOnly } from '../../access/index.ts'

/**
 * GET /api/capacity-plan-items/export?format=xlsx|pdf[&at=YYYY-MM-DD] — the plan as it stands, or as it stood at
 * the end of a past day (from each item's change history). No person is named: responsibles are structures.
 */
const exportPlan: PayloadHandler = async (req) => {
  requireUser(req, { fr: 'exporter le plan', en: 'export the plan' })
  if (!staffOnly({ req })) throw new PortalError('forbidden')
  const format = choiceParam(req.searchParams, 'format', ['xlsx', 'pdf'], 'xlsx')
  const at = req.searchParams.get('at')
  if (at !== null && !/^\d{4}-\d{2}-\d{2}$/.test(at)) throw new PortalError('invalidParameter', { name: 'at', allowed: ['une date AAAA-MM-JJ'] })
  const rows = await capacityPlan(req.payload, at, req)
  const fileName = `plan-renforcement-capacites${at ? `-${at}` : ''}`
  if (format === 'pdf') return download({ body: await renderPdf(buildCapacityPlan(rows, at), { letterhead: MINISTRY_LETTERHEAD }), kind: 'pdf', fileName: `${fileName}.pdf` })
  return exportTable(req, { headers: PLAN_HEADERS, rows: rows.map(planCells), sheet: 'Plan', title: at ? `Plan de renforcement des capacités au ${at}` : 'Plan de renforcement des capacités' }, { format: 'xlsx', fileName, personalData: false })
}

export const capacityPlanEndpoints: Endpoint[] = [{ path: '/export', method: 'get', handler: endpoint(exportPlan) }]
