import type { UIField } from 'payload'

/**
 * The publication or withdrawal scheduled for a document, with its date: a list column and, in the form's
 * sidebar, the French scheduling form (cms/admin/SchedulePublication.tsx). No stored value: the schedule lives in
 * Payload's jobs queue, not on the document (cms/admin/ScheduledCell.tsx reads it for the list).
 */
export const scheduledColumn: UIField = {
  name: 'scheduled',
  type: 'ui',
  label: { fr: 'Programmation', en: 'Scheduled' },
  admin: {
    position: 'sidebar',
    disableListColumn: false,
    components: { Cell: '/admin/ScheduledCell.tsx#ScheduledCell', Field: '/admin/SchedulePublication.tsx#SchedulePublication' },
  },
}
