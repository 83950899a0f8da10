import type { CollectionConfig } from 'payload'
import { editorsOnly, publishedOrEditors } from '../../access/index.ts'
import { AUDIENCES, DOCUMENT_STATUSES, FORM_CODES, LANGUAGES, RESOURCE_TYPES, selectOptions, STEPS } from '../../rules/toolkit.ts'
import { deriveResourceFields, publishAttachedFile, recordSupersession, withdrawAttachedFile } from './hooks.ts'
import { slugField } from '../../fields/slug.ts'
import { sectionBodyEditor } from '../../rich-text/editor.ts'
import { scheduledColumn } from '../../fields/publication.ts'

/** Documents of the case-management toolkit: forms, guidelines, SOPs, protocol, competency framework… */
export const Resources: CollectionConfig = {
  slug: 'resources',
  labels: { singular: { fr: 'Ressource', en: 'Resource' }, plural: { fr: 'Ressources', en: 'Resources' } },
  admin: {
    useAsTitle: 'title',
    group: { fr: 'Contenus', en: 'Content' },
    preview: (doc) => (typeof doc.slug === 'string' ? `/ressources/${doc.slug}?apercu=1` : null),
  },
  access: { read: publishedOrEditors, create: editorsOnly, update: editorsOnly, delete: editorsOnly, readVersions: editorsOnly },
  versions: { drafts: { schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 15 } }, maxPerDoc: 25 },
  hooks: { beforeChange: [deriveResourceFields], afterChange: [publishAttachedFile, recordSupersession], afterDelete: [withdrawAttachedFile] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 200, label: { fr: 'Titre', en: 'Title' } },
    slugField(),
    scheduledColumn,
    { name: 'summary', type: 'textarea', required: true, localized: true, maxLength: 1200, label: { fr: 'Résumé', en: 'Summary' } },
    {
      type: 'row',
      fields: [
        { name: 'type', type: 'select', required: true, index: true, options: selectOptions(RESOURCE_TYPES), label: { fr: 'Type', en: 'Type' } },
        {
          name: 'formCode',
          type: 'select',
          index: true,
          options: Object.entries(FORM_CODES).map(([value, f]) => ({ value, label: { fr: `${value} — ${f.fr}`, en: `${value} — ${f.en}` } })),
          label: { fr: 'Code du formulaire', en: 'Form code' },
          admin: { condition: (data) => data?.type === 'form' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'steps', type: 'select', hasMany: true, options: selectOptions(STEPS), label: { fr: 'Étapes de la gestion des cas', en: 'Case-management steps' } },
        { name: 'audience', type: 'select', hasMany: true, options: selectOptions(AUDIENCES), label: { fr: 'Public', en: 'Audience' } },
        { name: 'language', type: 'select', required: true, defaultValue: 'fr', options: selectOptions(LANGUAGES), label: { fr: 'Langue du document', en: 'Document language' } },
      ],
    },
    { name: 'tags', type: 'text', hasMany: true, maxLength: 40, label: { fr: 'Mots-clés', en: 'Tags' } },
    {
      type: 'row',
      fields: [
        { name: 'version', type: 'text', maxLength: 20, defaultValue: '1.0', label: { fr: 'Version', en: 'Version' } },
        { name: 'documentStatus', type: 'select', required: true, defaultValue: 'draft', options: selectOptions(DOCUMENT_STATUSES), label: { fr: 'Statut du document', en: 'Document status' } },
        { name: 'validatedAt', type: 'date', label: { fr: 'Date de validation', en: 'Validation date' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
        { name: 'validatedBy', type: 'text', maxLength: 200, label: { fr: 'Instance de validation', en: 'Validating body' } },
      ],
    },
    { name: 'file', type: 'upload', relationTo: 'media', label: { fr: 'Fichier à télécharger', en: 'Downloadable file' } },
    {
      name: 'sections',
      type: 'array',
      localized: true,
      label: { fr: 'Sections (lecture en ligne et consultation)', en: 'Sections (online reading and consultation)' },
      labels: { singular: { fr: 'Section', en: 'Section' }, plural: { fr: 'Sections', en: 'Sections' } },
      fields: [
        { name: 'heading', type: 'text', required: true, maxLength: 200, label: { fr: 'Titre de la section', en: 'Section heading' } },
        {
          name: 'body',
          type: 'richText',
          required: true,
          editor: sectionBodyEditor,
          label: { fr: 'Texte', en: 'Text' },
          admin: { description: { fr: 'Listes, liens, gras, italique, intertitres, citations et tableaux sont affichés sur le site ; le reste est ignoré.', en: 'Lists, links, bold, italic, sub-headings, quotes and tables show on the site; anything else is dropped.' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'supersedes', type: 'relationship', relationTo: 'resources', label: { fr: 'Remplace la version', en: 'Supersedes' } },
        {
          name: 'supersededBy',
          type: 'relationship',
          relationTo: 'resources',
          index: true,
          label: { fr: 'Remplacée par', en: 'Superseded by' },
          admin: { readOnly: true, description: { fr: 'Renseigné automatiquement quand une nouvelle version est publiée.', en: 'Set when a newer version is published.' } },
        },
      ],
    },
    { name: 'related', type: 'relationship', relationTo: 'resources', hasMany: true, label: { fr: 'Ressources liées', en: 'Related resources' } },
    {
      name: 'consultationClosesAt',
      type: 'date',
      label: { fr: 'Consultation ouverte jusqu’au', en: 'Consultation open until' },
      admin: {
        condition: (data) => data?.documentStatus === 'draft',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
        description: { fr: 'Laisser vide : pas de consultation. Les praticiens connectés commentent section par section.', en: 'Empty: no consultation. Signed-in practitioners comment section by section.' },
      },
    },
    {
      name: 'consultationExport',
      type: 'ui',
      admin: { condition: (data) => Boolean(data?.consultationClosesAt), components: { Field: '/admin/ConsultationExport.tsx#ConsultationExport' } },
    },
    { name: 'publishedAt', type: 'date', index: true, label: { fr: 'Date de publication', en: 'Publication date' }, admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
    { name: 'year', type: 'number', index: true, admin: { hidden: true } },
  ],
}
