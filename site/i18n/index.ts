import en from './en.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }

/** The site's languages: French at the root, English under /en/. */
export const LANGS = ['fr', 'en'] as const
export type Lang = (typeof LANGS)[number]
/** Every interface text key; fr.json is the source. */
export type MessageKey = keyof typeof fr

const dictionaries: Record<Lang, Record<MessageKey, string>> = { fr, en }

/** Translates a key, filling `{name}` placeholders; a missing English text falls back to French. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[lang][key] ?? dictionaries.fr[key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

/** True for a string that names a message key (zod issues carry keys, pages translate them). */
export function isMessageKey(value: string): value is MessageKey {
  return value in fr
}

/** The URL of a site path in a language: French paths as they are, English ones under /en. */
export function localePath(lang: Lang, path: string): string {
  if (lang === 'fr') return path
  return path === '/' ? '/en/' : `/en${path}`
}
