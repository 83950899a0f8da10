import type { Payload } from 'payload'
import type { User } from '#cms/payload-types.ts'
import type { Lang } from '../i18n/index.ts'
import { homeFigures } from './figures.ts'
import { listNews } from './news.ts'
import { cacheKey, versionedReads } from './page-cache.ts'

// The home page greets a signed-in person by name, so it is rendered on every request; what it shows besides the
// greeting (the home global, the latest resources and news, the key figures) is the same for everyone with the
// same roles and scope, and is read once per content version instead of once per view (docs/performance.md).
const homeReads = versionedReads<Awaited<ReturnType<typeof readHome>>>(50)

/** What the home page shows besides the greeting, for this person's language, roles and scope. */
export function homeContent(payload: Payload, lang: Lang, user: User | null) {
  return homeReads(payload, cacheKey(lang, 'home', user), () => readHome(payload, lang, user))
}

async function readHome(payload: Payload, lang: Lang, user: User | null) {
  const [home, figures, latest, news] = await Promise.all([
    payload.findGlobal({ slug: 'home', depth: 1, locale: lang, fallbackLocale: 'fr', user, overrideAccess: false }),
    homeFigures(payload),
    payload.find({
      collection: 'resources',
      where: { and: [{ _status: { equals: 'published' } }, { supersededBy: { exists: false } }] },
      sort: '-publishedAt',
      limit: 4,
      depth: 1,
      locale: lang,
      fallbackLocale: 'fr',
      user,
      overrideAccess: false,
    }),
    listNews(payload, lang, user, 1, 3),
  ])
  return { home, figures, latest, news }
}
