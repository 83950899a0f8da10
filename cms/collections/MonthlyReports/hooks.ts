import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../fields/relations.ts'
import { monthFromRecords } from '../../reports/monthly-data.ts'
import { monthOfCode, plannedText, ZMonthCode } from '../../rules/monthly-report.ts'
import { formatDateFr } from '../../rules/trainings.ts'

/**
 * A monthly report's life (docs/reports.md): created as a draft, version 1 for its month — or the next version when
 * the month's report was already submitted; never two drafts of one month. A new report's "planned next month" is
 * prefilled from the records. Submitting (status → submitted) freezes the month's figures in the record and stamps
 * who and when; a submitted report is never changed again (access refuses it; this hook refuses it even to the
 * server), so the history keeps what was sent.
 */
export const prepareMonthlyReport: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const refuse = (path: string, message: string) => {
    throw new ValidationError({ collection: 'monthly-reports', errors: [{ path, message }] }, req.t)
  }
  if (operation === 'update' && originalDoc?.status === 'submitted') refuse('status', 'Ce rapport a été soumis : il ne se modifie plus. Créez une nouvelle version du même mois.')
  const month = operation === 'create' ? data.month : originalDoc?.month
  const parsed = ZMonthCode.safeParse(month)
  if (!parsed.success) return refuse('month', parsed.error.issues[0]!.message)
  data.month = parsed.data

  if (operation === 'create') {
    const { docs } = await req.payload.find({ collection: 'monthly-reports', where: { month: { equals: parsed.data } }, sort: '-version', limit: 0, pagination: false, depth: 0, overrideAccess: true, req })
    const draft = docs.find((d) => d.status === 'draft')
    if (draft) refuse('month', `Un brouillon du rapport de ce mois existe déjà (version ${draft.version}) : complétez-le plutôt que d’en créer un autre.`)
    data.version = (docs[0]?.version ?? 0) + 1
    if (!String(data.plannedNextMonth ?? '').trim()) {
      const { plans } = await monthFromRecords(req.payload, monthOfCode(parsed.data), req)
      data.plannedNextMonth = plannedText(plans, formatDateFr)
    }
  }
  if (data.status === 'submitted') {
    if (!req.user) refuse('status', 'Seule une personne connectée peut soumettre un rapport mensuel.')
    data.figures = (await monthFromRecords(req.payload, monthOfCode(parsed.data), req)).figures
    data.submittedBy = idOf(req.user)
    data.submittedAt = new Date().toISOString()
  } else {
    data.status = 'draft'
  }
  return data
}
