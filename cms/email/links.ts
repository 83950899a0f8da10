// The links of a stored email, for the outbox screen of the back office: an administrator reading a kept message
// (local install without SMTP) can open the link it carries. Only web addresses are returned, each parsed by the URL
// parser: a `javascript:` or `data:` text is never turned into a link, and the back office renders them as plain
// anchors (React escapes the address), opened without giving the new page access to the admin's window.

/** A web address in a text: up to the first space, quote or angle bracket. */
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'«»]+/gi
/** Punctuation that ends a sentence rather than the address ("…/connexion." or "(voir https://…)"). */
const TRAILING = /[.,;:!?)\]]+$/

/** The distinct http(s) links of a text, in order of appearance. */
export function linksIn(text: string): string[] {
  const links: string[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = match[0].replace(TRAILING, '')
    let url: URL
    try {
      url = new URL(candidate)
    } catch {
      continue
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !links.includes(url.href)) links.push(url.href)
  }
  return links
}
