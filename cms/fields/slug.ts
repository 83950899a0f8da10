import type { TextField } from 'payload'
import { slugify } from '../rules/resources.ts'

/** A unique URL slug, made from the title when left empty; only lowercase letters, digits and hyphens. */
export function slugField(): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    maxLength: 100,
    label: { fr: 'Adresse (slug)', en: 'Slug' },
    // Required in the database, but optional to the person (made from the title): no required marker.
    admin: { position: 'sidebar', description: { fr: 'Facultatif : laissé vide, elle est créée à partir du titre.', en: 'Optional: left empty, it is made from the title.' }, components: { Label: '/admin/fields.tsx#OptionalLabel' } },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim() !== '') return slugify(value)
          const title = typeof data?.title === 'string' ? data.title : ''
          return title ? slugify(title) : value
        },
      ],
    },
    validate: (value: unknown) =>
      typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : 'Adresse invalide : lettres minuscules, chiffres et tirets uniquement (ou laissez-la vide et donnez un titre).',
  }
}
