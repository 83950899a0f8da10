import type { CollectionConfig } from 'payload'
import { adminsOnly, anyone, curriculumEditors } from '../../access/index.ts'
import { FORM_CODES } from '../../rules/toolkit.ts'
import { can } from '../../rules/roles.ts'
import { checkQuiz } from './hooks.ts'

const readOnly = { readOnly: true, description: { fr: 'Issu du curriculum livré (training/modules) et de ses médias.', en: 'From the shipped curriculum (training/modules) and its media.' } }

/**
 * The ten self-training modules. The shipped curriculum (training/modules) is the seed; trainers edit the texts
 * and the quiz here, and may replace a generated video by an uploaded production one.
 */
export const Modules: CollectionConfig = {
  slug: 'modules',
  labels: { singular: { fr: 'Module d’autoformation', en: 'Self-training module' }, plural: { fr: 'Modules d’autoformation', en: 'Self-training modules' } },
  admin: { useAsTitle: 'title', group: { fr: 'Autoformation', en: 'Self-training' } },
  access: { read: anyone, create: adminsOnly, update: curriculumEditors, delete: adminsOnly },
  hooks: { beforeValidate: [checkQuiz] },
  fields: [
    { name: 'slug', type: 'text', required: true, unique: true, index: true, admin: { position: 'sidebar', readOnly: true }, label: { fr: 'Adresse (slug)', en: 'Slug' } },
    { name: 'order', type: 'number', required: true, admin: { position: 'sidebar' }, label: { fr: 'Ordre', en: 'Order' } },
    { name: 'required', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' }, label: { fr: 'Requis pour l’attestation', en: 'Required for the certificate' } },
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 200, label: { fr: 'Titre', en: 'Title' } },
    { name: 'summary', type: 'textarea', required: true, localized: true, maxLength: 1000, label: { fr: 'Résumé', en: 'Summary' } },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, options: [{ value: 'step', label: { fr: 'Étape de la gestion des cas', en: 'Case-management step' } }, { value: 'complementary', label: { fr: 'Complémentaire', en: 'Complementary' } }], label: { fr: 'Type', en: 'Kind' } },
        { name: 'step', type: 'select', options: ['1', '2', '3', '4', '5', '6'], label: { fr: 'Étape', en: 'Step' } },
        { name: 'durationMinutes', type: 'number', min: 1, label: { fr: 'Durée (minutes)', en: 'Duration (minutes)' } },
      ],
    },
    { name: 'objectives', type: 'array', label: { fr: 'Objectifs', en: 'Objectives' }, fields: [{ name: 'text', type: 'text', required: true, maxLength: 300, label: { fr: 'Objectif', en: 'Objective' } }] },
    {
      name: 'audience',
      type: 'select',
      hasMany: true,
      options: [
        { value: 'caseManager', label: { fr: 'Gestionnaires de cas', en: 'Case managers' } },
        { value: 'supervisor', label: { fr: 'Superviseurs', en: 'Supervisors' } },
        { value: 'administrator', label: { fr: 'Administrateurs', en: 'Administrators' } },
        { value: 'trainer', label: { fr: 'Formateurs', en: 'Trainers' } },
      ],
      label: { fr: 'Public', en: 'Audience' },
    },
    {
      name: 'transcript',
      type: 'array',
      label: { fr: 'Transcription (par chapitre)', en: 'Transcript (by chapter)' },
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 200, label: { fr: 'Chapitre', en: 'Chapter' } },
        { name: 'text', type: 'textarea', required: true, maxLength: 5000, label: { fr: 'Texte', en: 'Text' } },
      ],
    },
    {
      // The answers stay on the server: the site renders questions through loadQuiz() and scores there.
      name: 'quiz',
      type: 'json',
      required: true,
      access: { read: ({ req }) => can(req.user as never, 'editCurriculum') },
      label: { fr: 'Quiz (questions, réponses, explications, seuil de réussite)', en: 'Quiz (questions, answers, explanations, pass mark)' },
    },
    { name: 'linkedForms', type: 'select', hasMany: true, options: Object.keys(FORM_CODES), label: { fr: 'Formulaires liés', en: 'Linked forms' } },
    { name: 'linkedResources', type: 'relationship', relationTo: 'resources', hasMany: true, label: { fr: 'Ressources liées', en: 'Linked resources' } },
    {
      type: 'collapsible',
      label: { fr: 'Vidéo', en: 'Video' },
      fields: [
        { name: 'chapters', type: 'json', admin: readOnly, label: { fr: 'Chapitres (début en secondes)', en: 'Chapters (start in seconds)' } },
        { name: 'media', type: 'json', admin: readOnly, label: { fr: 'Rendus livrés (durée, tailles, débits)', en: 'Shipped renditions (duration, sizes, bitrates)' } },
        { name: 'videoStandard', type: 'upload', relationTo: 'videos', label: { fr: 'Remplacer la vidéo standard', en: 'Replace the standard video' } },
        { name: 'videoSmall', type: 'upload', relationTo: 'videos', label: { fr: 'Remplacer la petite version (≤ 250 kbit/s)', en: 'Replace the small rendition (≤ 250 kbit/s)' } },
      ],
    },
  ],
}
