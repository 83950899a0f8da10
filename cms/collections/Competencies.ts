import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'
import { adminsOnly, coordinatorsOrAdmins, signedIn } from '../access/index.ts'
import { behavioursOf, ZFramework } from '../rules/competency-framework.ts'

/**
 * A framework version is checked whole with ZFramework before it is written; its version number is the one inside
 * the framework. Once a visit used a version, that version keeps its number and every behaviour it had (wording may
 * still be corrected): a changed framework is a new version, so old visits stay readable.
 */
const checkFramework: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const parsed = ZFramework.safeParse(data.framework ?? originalDoc?.framework)
  const fail = (message: string) => {
    throw new ValidationError({ collection: 'competencies', errors: [{ path: 'framework', message }] }, req.t)
  }
  if (!parsed.success) fail(`Référentiel invalide : ${parsed.error.issues.map((i) => `${i.path.join('.') || 'référentiel'} : ${i.message}`).join(' ; ')}`)
  const framework = parsed.data!
  data.version = framework.version
  data.title = framework.title.fr
  if (operation === 'update' && originalDoc) {
    const used = await req.payload.count({ collection: 'supervision-visits', where: { frameworkVersion: { equals: originalDoc.version } }, overrideAccess: true, req })
    if (used.totalDocs > 0) {
      if (framework.version !== originalDoc.version) fail(`La version ${originalDoc.version} est utilisée par ${used.totalDocs} visite(s) : créez une nouvelle version au lieu de changer son numéro.`)
      const kept = new Set(behavioursOf(framework).map((b) => b.id))
      const removed = behavioursOf(ZFramework.parse(originalDoc.framework)).filter((b) => !kept.has(b.id))
      if (removed.length > 0) fail(`La version ${originalDoc.version} est utilisée par des visites : ces comportements ne peuvent pas être retirés (${removed.map((b) => b.id).join(', ')}). Créez une nouvelle version.`)
    }
  }
  return data
}

/** The competency framework, one record per version (content/competencies/framework.json is loaded by the seed). */
export const Competencies: CollectionConfig = {
  slug: 'competencies',
  labels: { singular: { fr: 'Référentiel de compétences', en: 'Competency framework' }, plural: { fr: 'Référentiels de compétences', en: 'Competency frameworks' } },
  admin: { useAsTitle: 'version', group: { fr: 'Suivi formatif', en: 'Supervision' } },
  access: { read: signedIn, create: coordinatorsOrAdmins, update: coordinatorsOrAdmins, delete: adminsOnly },
  hooks: { beforeChange: [checkFramework] },
  fields: [
    { name: 'version', type: 'text', unique: true, index: true, admin: { readOnly: true, description: { fr: 'Lue dans le référentiel (champ « version »).', en: 'Read from the framework (“version” field).' } }, label: { fr: 'Version', en: 'Version' } },
    { name: 'title', type: 'text', admin: { readOnly: true }, label: { fr: 'Titre', en: 'Title' } },
    {
      name: 'framework',
      type: 'json',
      required: true,
      label: { fr: 'Référentiel (domaines, compétences, comportements)', en: 'Framework (domains, competencies, behaviours)' },
      admin: { description: { fr: 'Pour un changement de fond, créez une nouvelle version (ex. 2026.2) : les visites gardent la version utilisée.', en: 'For a change of substance, create a new version (e.g. 2026.2): visits keep the version they used.' } },
    },
  ],
}
