import type { DefaultServerCellComponentProps } from 'payload'
import { formatDateTime } from '../rules/display.ts'

/**
 * The publication (or withdrawal) scheduled for a document of the list, with its date, read from Payload's jobs
 * queue where the schedule lives; empty when nothing is scheduled.
 */
export async function ScheduledCell({ payload, rowData, collectionConfig, i18n }: DefaultServerCellComponentProps) {
  // The queue is an administrators' collection; the list only shows the date of a document its reader sees.
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    // The same query as Payload's schedule drawer (its "upcoming events").
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { waitUntil: { greater_than: new Date().toISOString() } }, { 'input.doc.relationTo': { equals: collectionConfig.slug } }, { 'input.doc.value': { equals: String(rowData.id) } }] },
    sort: 'waitUntil',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const job = docs[0]
  if (!job?.waitUntil) return <span>—</span>
  const withdrawal = (job.input as { type?: string } | null)?.type === 'unpublish'
  const english = i18n.language === 'en'
  const what = withdrawal ? (english ? 'Withdrawal' : 'Retrait') : 'Publication'
  return <span>{`${what}${english ? ':' : ' :'} ${formatDateTime(job.waitUntil)}`}</span>
}
