import { FOLLOW_UP_HEADERS, followUp, followUpQuery, ZFollowUpFilters } from '#cms/self-training/follow-up.ts'
import { requireCapability } from '#cms/endpoints/guards.ts'
import { exportTable, tableFormat } from '#cms/endpoints/table-export.ts'
import { requester, route } from '../../../lib/endpoint.ts'

/** GET ?format=csv|xlsx[&structure=&region=&role=] — learners' progress (personal data: the export is written to the audit log). */
export const GET = route(async (context) => {
  const user = requireCapability(context.locals, 'followLearners')
  const format = tableFormat(context.url.searchParams)
  // A bad filter is refused (400, the field named), never widened to every learner.
  const filters = ZFollowUpFilters.parse(followUpQuery(context.url.searchParams))
  const { rows } = await followUp(context.locals.payload, user, filters)
  return exportTable(requester(context), { headers: FOLLOW_UP_HEADERS, rows, sheet: 'Progression' }, { format, fileName: 'progression-autoformation', personalData: { what: 'self-training-progress' } })
})
