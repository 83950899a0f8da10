import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import xss, { FilterXSS } from 'xss'

// Rich text (Lexical) to HTML for the public pages, and to plain text for search. Lexical's own converters draw
// the HTML; an allow-list then keeps only the tags and attributes the site styles, so nothing an editor pastes
// (or a crafted API write stores) can run a script, load a resource or carry an inline style the CSP refuses.
// docs/security.md "Rich text" says why each rule is there.

/** Tags kept, with the attributes each may carry; everything else is removed, its text kept. */
const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  code: [],
  sub: [],
  sup: [],
  h4: [],
  h5: [],
  h6: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  hr: [],
  a: ['href'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
}

/** Links to the web, to an email address, or inside the site; `javascript:`, `data:` and the like are refused. */
export function isSafeHref(href: string): boolean {
  // Browsers drop tabs and line breaks anywhere in a URL (`java\tscript:` is `javascript:`), so this does too.
  const value = href.replace(/[\t\n\r]/g, '').trim()
  if (value === '' || [...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return false
  // A colon before the first `/`, `?` or `#` means a scheme: only these three, spelt exactly (no `jav ascript:`).
  const head = value.split(/[/?#]/, 1)[0]!
  if (head.includes(':')) return /^(?:https?|mailto):/i.test(value)
  // Relative: a path, a query or a fragment, but not a protocol-relative `//host` or `/\host` (another site).
  return !/^[/\\]{2}/.test(value)
}

// The package attaches its helpers to module.exports at run time, so Node sees them only on the default export.
const { friendlyAttrValue } = xss as unknown as { friendlyAttrValue: (value: string) => string }

const NAMED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" }

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const filter = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
  allowCommentTag: false,
  css: false,
  safeAttrValue: (tag, name, value) => {
    // Entities are decoded first, so `&#106;avascript:` is judged as what the browser would read.
    if (name === 'href') {
      const decoded = friendlyAttrValue(value).replace(/&(amp|quot|lt|gt|apos);/gi, (_, name: string) => NAMED[name.toLowerCase()]!)
      return isSafeHref(decoded) ? escapeAttribute(decoded) : '#'
    }
    if (name === 'colspan' || name === 'rowspan' || name === 'start') return /^\d{1,3}$/.test(value) ? value : '1'
    if (name === 'scope') return ['row', 'col'].includes(value) ? value : 'col'
    return ''
  },
})

/** Cleans HTML through the allow-list above (exported for the tests and any other HTML the site must show). */
export function sanitiseHtml(html: string): string {
  return filter.process(html)
}

/**
 * Lexical's converters, with two changes: headings start at level 4 (the page gives h1–h3 to the document and its
 * sections) and links to other documents of the toolkit point to their page.
 */
function converters(resourceHref: (slug: string) => string): HTMLConverters {
  return {
    ...defaultHTMLConverters,
    heading: ({ node, nodesToHTML }) => {
      const level = Math.min(6, Math.max(4, Number(String(node.tag).slice(1)) || 4))
      return `<h${level}>${nodesToHTML({ nodes: node.children }).join('')}</h${level}>`
    },
    link: ({ node, nodesToHTML }) => {
      const children = nodesToHTML({ nodes: node.children }).join('')
      const doc = node.fields.doc?.value
      const href = node.fields.linkType === 'internal' ? (doc && typeof doc === 'object' && typeof doc.slug === 'string' ? resourceHref(doc.slug) : '#') : (node.fields.url ?? '#')
      return `<a href="${escapeAttribute(href)}">${children}</a>`
    },
  }
}

/** True when a value is a Lexical editor state (not a legacy string, not empty). */
export function isRichText(value: unknown): value is SerializedEditorState {
  return typeof value === 'object' && value !== null && 'root' in value && typeof (value as { root: unknown }).root === 'object'
}

/**
 * The safe HTML of a rich-text value. Whitespace runs are collapsed (the converters indent their output, and no
 * `<pre>` is allowed, so this changes nothing visible) to keep pages light.
 */
export function richTextToHtml(value: unknown, resourceHref: (slug: string) => string = (slug) => `/ressources/${slug}`): string {
  if (!isRichText(value)) return ''
  const raw = convertLexicalToHTML({ data: value, converters: converters(resourceHref), disableContainer: true, disableIndent: true, disableTextAlign: true })
  return sanitiseHtml(raw).replace(/\s+/g, ' ').trim()
}

/** The words of a rich-text value, for the search index and summaries. */
export function richTextToPlainText(value: unknown): string {
  if (!isRichText(value)) return ''
  return convertLexicalToPlaintext({ data: value }).replace(/\s+/g, ' ').trim()
}
