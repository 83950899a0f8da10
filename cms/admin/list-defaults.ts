import type { CollectionConfig } from 'payload'
import { adminListHref, type TCondition } from '../rules/admin-links.ts'
import { OPEN_STATUSES } from '../rules/action-items.ts'
import type { Label } from '../rules/toolkit.ts'

// How each list of the back office opens, in one place (docs/back-office.md, "Lists and forms"): the columns
// shown, the order, the fields the search box looks in, and — where staff mostly want part of the list — a
// pre-filtered view offered in the menu. `portalAdmin` (cms/admin/config.ts) applies the table to the
// collections; a collection file does not repeat these settings.
//
// Payload 3.90 opens a list with the person's saved preferences, else the collection's `defaultSort` and
// `admin.defaultColumns`. It has no default filter that a person can lift: `admin.baseFilter` always applies, and
// query presets need a collection of their own. A default filter is therefore a link to the filtered list
// (the list's own filter bar shows its conditions and the person can change them), listed in the menu.

/** A pre-filtered view of a list, offered in the menu. */
export type TListView = { label: Label; conditions: readonly TCondition[]; sort?: string }

/** How a list opens. Field names are the collection's; `sort` is a field, `-field` for descending. */
export type TListDefault = {
  columns: readonly string[]
  sort: string
  /** Searched besides the title field (`useAsTitle`), which Payload always searches. */
  search?: readonly string[]
  view?: TListView
}

export const LIST_DEFAULTS: Record<string, TListDefault> = {
  // Content (editors)
  resources: {
    columns: ['title', 'type', 'formCode', 'documentStatus', 'version', '_status', 'scheduled', 'updatedAt'],
    sort: '-updatedAt',
    search: ['summary', 'slug', 'formCode'],
    view: { label: { fr: 'Documents en vigueur (non archivés)', en: 'Current documents (not archived)' }, conditions: [['documentStatus', 'not_equals', 'archived']] },
  },
  news: { columns: ['title', 'publishedAt', '_status', 'scheduled'], sort: '-publishedAt', search: ['summary', 'slug'] },
  media: { columns: ['filename', 'alt', 'mimeType', 'filesize', 'visibility'], sort: '-createdAt', search: ['alt'] },
  'consultation-comments': {
    columns: ['resource', 'section', 'author', 'decision', 'createdAt'],
    sort: '-createdAt',
    search: ['comment', 'section'],
    view: { label: { fr: 'Commentaires à traiter', en: 'Comments awaiting an answer' }, conditions: [['decision', 'equals', 'pending']], sort: 'createdAt' },
  },
  modules: { columns: ['order', 'title', 'kind', 'required'], sort: 'order' },
  videos: { columns: ['filename', 'description', 'filesize', 'updatedAt'], sort: '-updatedAt', search: ['description'] },
  faq: { columns: ['question', 'category', '_status'], sort: 'order', search: ['answer'] },
  // Self-training records (coordination)
  'module-progress': { columns: ['learnerName', 'module', 'watchedRatio', 'bestScore', 'completedAt'], sort: '-updatedAt' },
  'quiz-attempts': { columns: ['learnerName', 'module', 'score', 'passed', 'createdAt'], sort: '-createdAt' },
  certificates: { columns: ['holderName', 'issuedAt', 'revoked'], sort: '-issuedAt' },
  // Trainings (trainers and coordination)
  trainings: {
    columns: ['title', 'kind', 'startDate', 'region', 'status'],
    sort: '-startDate',
    search: ['venue'],
    view: { label: { fr: 'Formations prévues ou en cours', en: 'Planned or ongoing trainings' }, conditions: [['status', 'in', ['planned', 'ongoing']]], sort: 'startDate' },
  },
  participants: { columns: ['fullName', 'sex', 'function', 'organisation', 'region'], sort: 'lastName', search: ['lastName', 'firstName'] },
  enrolments: { columns: ['participantName', 'training', 'preTest', 'postTest'], sort: '-createdAt' },
  // Overdue first: the earliest deadline opens the list.
  'action-items': {
    columns: ['activity', 'status', 'deadline', 'responsiblePerson', 'responsibleOrganisation', 'source'],
    sort: 'deadline',
    view: { label: { fr: 'Suites à donner non réalisées', en: 'Next steps not done' }, conditions: [['status', 'in', OPEN_STATUSES]], sort: 'deadline' },
  },
  users: { columns: ['name', 'email', 'roles', 'organisation', 'region', 'active'], sort: 'name', search: ['email'] },
  // Supervision, framework, reports (coordination, supervisors)
  competencies: { columns: ['version', 'title', 'updatedAt'], sort: '-createdAt' },
  'supervision-visits': { columns: ['personName', 'date', 'mode', 'supervisor', 'nextFollowUp'], sort: '-date' },
  meetings: { columns: ['title', 'kind', 'start', 'status'], sort: '-start', search: ['venue'] },
  'capacity-plan-items': { columns: ['activity', 'status', 'deadline', 'period', 'responsible'], sort: 'deadline' },
  // Urgent requests first ('urgent' sorts after 'normal').
  'support-requests': {
    columns: ['reference', 'status', 'urgency', 'category', 'assignee', 'createdAt'],
    sort: '-urgency',
    search: ['reference', 'requesterName', 'requesterEmail'],
    view: { label: { fr: 'Demandes d’assistance non résolues', en: 'Support requests not resolved' }, conditions: [['status', 'not_equals', 'resolved']], sort: '-urgency' },
  },
  'dhis2-mappings': { columns: ['label', 'kind', 'dataElement', 'categoryOptionCombo', 'orgUnit'], sort: 'label' },
  'dhis2-sends': { columns: ['period', 'createdAt', 'values', 'imported', 'updated', 'sentBy'], sort: '-createdAt' },
  'case-aggregates': { columns: ['month', 'region', 'sex', 'ageGroup', 'dimension', 'category', 'count'], sort: '-month' },
  'indicator-snapshots': { columns: ['quarter', 'lockedAt', 'lockedBy'], sort: '-quarter' },
  'monthly-reports': { columns: ['month', 'version', 'status', 'submittedAt', 'files'], sort: '-month', search: ['summary'] },
  // Reference data and operations (administrators)
  regions: { columns: ['name', 'code', 'kind'], sort: 'order' },
  cercles: { columns: ['name', 'region'], sort: 'name' },
  organisations: { columns: ['acronym', 'name', 'kind'], sort: 'acronym', search: ['name'] },
  'report-images': { columns: ['filename', 'alt', 'createdAt'], sort: '-createdAt', search: ['alt'] },
  'audit-log': { columns: ['createdAt', 'action', 'actorEmail', 'subjectEmail', 'ip'], sort: '-createdAt', search: ['actorEmail', 'subjectEmail'] },
  outbox: { columns: ['createdAt', 'to', 'subject', 'status', 'attempts'], sort: '-createdAt', search: ['to'] },
}

/** The collection with its list defaults from the table (unchanged when the table has no entry). */
export function withListDefaults(collection: CollectionConfig): CollectionConfig {
  const defaults = LIST_DEFAULTS[collection.slug]
  if (!defaults) return collection
  return {
    ...collection,
    defaultSort: defaults.sort,
    admin: { ...collection.admin, defaultColumns: [...defaults.columns], ...(defaults.search ? { listSearchableFields: [...defaults.search] } : {}) },
  }
}

/** The pre-filtered views of the given collections (in table order), each with the address of its list. */
export function listViewsOf(slugs: readonly string[]): { slug: string; label: Label; href: string }[] {
  return Object.entries(LIST_DEFAULTS).flatMap(([slug, defaults]) =>
    defaults.view && slugs.includes(slug) ? [{ slug, label: defaults.view.label, href: adminListHref(slug, defaults.view.conditions, defaults.view.sort ?? defaults.sort) }] : [],
  )
}
