import { escapeHtml } from '#cms/rules/display.ts'

// A page rendered once for everyone with the same roles and scope (`Astro.locals.sharedByRole`, site/lib/page-cache.ts)
// may still name the person it is shown to: it writes these stand-ins where their id or name goes, and the
// middleware fills them in for each request (`fillPersonSlots`). The layout writes the id this way on every shared
// page (`<body data-user>`, which the offline queue keys on), so a cached rendering never carries the id of the
// person it was first rendered for.

const PREFIX = '@@portail-personne-'

/** Stand-ins for the person's id and name: plain text that HTML escaping leaves as it is and no content contains. */
export const PERSON_SLOT = { id: `${PREFIX}id@@`, name: `${PREFIX}nom@@` } as const

/** The page with the stand-ins replaced by this person's id and (escaped) name; the page itself when it has none. */
export function fillPersonSlots(html: string, person: { id: number | string; name?: string | null }): string {
  if (!html.includes(PREFIX)) return html
  return html.replaceAll(PERSON_SLOT.id, escapeHtml(String(person.id))).replaceAll(PERSON_SLOT.name, escapeHtml(person.name ?? ''))
}
