import type { CollectionConfig } from 'payload'
import { editorsOnly, publishedOrEditors } from '../../access/index.ts'
import { slugField } from '../../fields/slug.ts'
import { scheduledColumn } from '../../fields/publication.ts'
import { stampPublication } from './hooks.ts'

/** News of the child-protection system (workshops, trainings, consultations). */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: { fr: 'Actualité', en: 'News item' }, plural: { fr: 'Actualités', en: 'News' } },
  admin: {
    useAsTitle: 'title',
    group: { fr: 'Contenus', en: 'Content' },
    preview: (doc) => (typeof doc.slug === 'string' ? `/actualites/${doc.slug}?apercu=1` : null),
  },
  access: { read: publishedOrEditors, create: editorsOnly, update: editorsOnly, delete: editorsOnly, readVersions: editorsOnly },
  versions: { drafts: { schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 15 } }, maxPerDoc: 25 },
  hooks: { beforeChange: [stampPublication] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 200, label: { fr: 'Titre', en: 'Title' } },
    slugField(),
    scheduledColumn,
    { name: 'summary', type: 'textarea', required: true, localized: true, maxLength: 600, label: { fr: 'Chapeau', en: 'Summary' } },
    {
      name: 'body',
      type: 'textarea',
      localized: true,
      // Required in French only: an English translation may cover the title and summary first.
      validate: (value: unknown, { req }: { req: { locale?: string | null } }) =>
        req.locale === 'en' || (typeof value === 'string' && value.trim() !== '') ? true : 'Le texte de l’actualité est obligatoire.',
      maxLength: 20000,
      label: { fr: 'Texte', en: 'Text' },
      admin: { description: { fr: 'Paragraphes séparés par une ligne vide. Le texte est affiché tel quel (aucun HTML).', en: 'Paragraphs separated by a blank line. Shown as plain text (no HTML).' } },
    },
    { name: 'publishedAt', type: 'date', index: true, label: { fr: 'Date de publication', en: 'Publication date' }, admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
  ],
}
