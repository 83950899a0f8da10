import type { GlobalConfig } from 'payload'
import { anyone, editorsOnly } from '../access/index.ts'

/** The editable parts of the public home page: its introduction and the documents put forward. */
export const Home: GlobalConfig = {
  slug: 'home',
  label: { fr: 'Page d’accueil', en: 'Home page' },
  admin: { group: { fr: 'Contenus', en: 'Content' } },
  access: { read: anyone, update: editorsOnly },
  fields: [
    {
      name: 'intro',
      type: 'textarea',
      localized: true,
      maxLength: 1200,
      label: { fr: 'Texte de présentation', en: 'Introduction' },
      admin: { description: { fr: 'Vide : le texte par défaut du portail est affiché.', en: 'Empty: the portal’s default text is shown.' } },
    },
    {
      name: 'featured',
      type: 'relationship',
      relationTo: 'resources',
      hasMany: true,
      maxRows: 4,
      label: { fr: 'Ressources à la une', en: 'Featured resources' },
      filterOptions: { _status: { equals: 'published' } },
    },
  ],
}
