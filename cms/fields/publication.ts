import type { UIField } from 'payload'

/**
 * A list column (no stored value) showing the publication or withdrawal scheduled for a document, with its date:
 * the schedule lives in Payload's jobs queue, not on the document (cms/admin/ScheduledCell.tsx).
 */
export const scheduledColumn: UIField = {
  name: 'scheduled',
  type: 'ui',
  label: { fr: 'Programmation', en: 'Scheduled' },
  admin: { disableListColumn: false, components: { Cell: '/admin/ScheduledCell.tsx#ScheduledCell' } },
}
