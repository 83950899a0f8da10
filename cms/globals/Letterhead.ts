import type { GlobalConfig, Payload } from 'payload'
import { coordinatorsOrAdmins } from '../access/index.ts'
import { reportImageBytes } from '../collections/ReportImages.ts'
import { MINISTRY_LETTERHEAD, type TRenderOptions } from '../documents/model.ts'
import { idOf } from '../fields/relations.ts'

/**
 * The letterhead of generated reports: the ministry's header lines, its logos and who signs. Coordinators and
 * admins edit it when the ministry's name or the director changes; left empty, the reports print the built-in
 * `MINISTRY_LETTERHEAD` and no signature.
 */
export const Letterhead: GlobalConfig = {
  slug: 'letterhead',
  label: { fr: 'En-tête des rapports', en: 'Report letterhead' },
  admin: { group: { fr: 'Formations', en: 'Trainings' } },
  access: { read: coordinatorsOrAdmins, update: coordinatorsOrAdmins },
  fields: [
    {
      name: 'lines',
      type: 'array',
      maxRows: 6,
      label: { fr: 'Lignes de l’en-tête', en: 'Header lines' },
      labels: { singular: { fr: 'Ligne', en: 'Line' }, plural: { fr: 'Lignes', en: 'Lines' } },
      admin: { description: { fr: 'De haut en bas (la première en gras). Vide : « République du Mali », le ministère et la DNPEF.', en: 'Top to bottom (the first in bold). Empty: the built-in ministry header.' } },
      fields: [{ name: 'text', type: 'text', required: true, maxLength: 200, label: { fr: 'Texte', en: 'Text' } }],
    },
    {
      name: 'logos',
      type: 'upload',
      relationTo: 'report-images',
      hasMany: true,
      maxRows: 3,
      label: { fr: 'Logos (PNG ou JPEG)', en: 'Logos (PNG or JPEG)' },
      admin: { description: { fr: 'Imprimés côte à côte au-dessus de l’en-tête, dans cet ordre.', en: 'Printed side by side above the header, in this order.' } },
    },
    {
      type: 'row',
      fields: [
        { name: 'signatoryName', type: 'text', maxLength: 120, label: { fr: 'Signataire (nom)', en: 'Signatory (name)' } },
        { name: 'signatoryTitle', type: 'text', maxLength: 200, label: { fr: 'Signataire (fonction)', en: 'Signatory (title)' } },
      ],
    },
  ],
}

/** What a report prints from the letterhead: the renderers' options and the signatory, if any. */
export type TLetterhead = { render: Pick<TRenderOptions, 'letterhead' | 'logos'>; signatory: { name: string; title: string } | null }

/** The configured letterhead, read as the system; the built-in ministry header when no line is set. */
export async function reportLetterhead(payload: Payload): Promise<TLetterhead> {
  const global = await payload.findGlobal({ slug: 'letterhead', depth: 0, overrideAccess: true })
  const lines = (global.lines ?? []).map((l) => l.text.trim()).filter(Boolean)
  const logos: Uint8Array[] = []
  for (const logo of global.logos ?? []) {
    const id = idOf(logo)
    const bytes = id === null ? null : await reportImageBytes(payload, id)
    if (bytes) logos.push(bytes)
  }
  const name = global.signatoryName?.trim() ?? ''
  const title = global.signatoryTitle?.trim() ?? ''
  return { render: { letterhead: lines.length > 0 ? lines : MINISTRY_LETTERHEAD, logos }, signatory: name || title ? { name, title } : null }
}
