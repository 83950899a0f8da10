import { ValidationError, type CollectionBeforeValidateHook, type CollectionConfig } from 'payload'
import { editorsOnly, publishedOrEditors } from '../access/index.ts'
import { idOf } from '../fields/relations.ts'
import { SUPPORT_CATEGORIES } from '../rules/support.ts'

/**
 * Starts an entry from the resolved request an editor chose: the request must be resolved, and an empty question
 * or answer is filled from the request's description and its last reply (the editor then rewrites them without
 * names before publishing). The requester is never copied.
 */
export const startFromRequest: CollectionBeforeValidateHook = async ({ data, req, originalDoc }) => {
  if (!data) return data
  const source = idOf(data.sourceRequest ?? originalDoc?.sourceRequest)
  if (source === null || idOf(originalDoc?.sourceRequest) === source) return data
  const request = await req.payload.findByID({ collection: 'support-requests', id: source, overrideAccess: true, depth: 0, req }).catch(() => null)
  if (!request || request.status !== 'resolved') {
    throw new ValidationError({ errors: [{ path: 'sourceRequest', message: 'Seule une demande résolue peut alimenter la FAQ.' }] }, req.t)
  }
  data.category ??= request.category
  if (!data.question) data.question = request.description
  if (!data.answer) data.answer = request.replies?.at(-1)?.message ?? ''
  return data
}

/** The public FAQ of /aide: entries an editor writes, usually from a resolved support request, published like news. */
export const Faq: CollectionConfig = {
  slug: 'faq',
  labels: { singular: { fr: 'Question fréquente', en: 'FAQ entry' }, plural: { fr: 'Questions fréquentes (FAQ)', en: 'FAQ' } },
  admin: { useAsTitle: 'question', group: { fr: 'Assistance', en: 'Support' } },
  access: { read: publishedOrEditors, create: editorsOnly, update: editorsOnly, delete: editorsOnly, readVersions: editorsOnly },
  versions: { drafts: true, maxPerDoc: 10 },
  hooks: { beforeValidate: [startFromRequest] },
  fields: [
    {
      name: 'sourceRequest',
      type: 'relationship',
      relationTo: 'support-requests',
      filterOptions: { status: { equals: 'resolved' } },
      label: { fr: 'Demande résolue d’origine', en: 'Resolved request it comes from' },
      admin: { description: { fr: 'Choisir une demande résolue remplit la question et la réponse à reformuler (sans nom ni donnée personnelle).', en: 'Choosing a resolved request fills the question and answer, to be rewritten without names or personal data.' } },
    },
    { name: 'question', type: 'text', required: true, localized: true, maxLength: 4000, label: { fr: 'Question', en: 'Question' } },
    { name: 'answer', type: 'textarea', required: true, localized: true, maxLength: 8000, label: { fr: 'Réponse', en: 'Answer' }, admin: { description: { fr: 'Paragraphes séparés par une ligne vide, texte simple.', en: 'Paragraphs separated by a blank line, plain text.' } } },
    { name: 'category', type: 'select', required: true, options: SUPPORT_CATEGORIES.map((o) => ({ value: o.value, label: { ...o.label } })), label: { fr: 'Catégorie', en: 'Category' } },
    { name: 'order', type: 'number', defaultValue: 100, label: { fr: 'Ordre d’affichage', en: 'Display order' }, admin: { position: 'sidebar' } },
  ],
}
