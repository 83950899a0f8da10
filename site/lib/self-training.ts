import type { Payload } from 'payload'
import type { Module, User, Video } from '#cms/payload-types.ts'
import type { TMedia, TQuiz } from '#training/schema.ts'
import { learnerOverview, loadQuiz, moduleCatalogue, type TModuleCatalogue } from '#cms/self-training/progress.ts'
import { cacheKey, versionedReads } from './page-cache.ts'

// Reading the self-training modules for the pages: videos (shipped renditions or uploaded replacements),
// captions, chapters.

/** One playable rendition with what it costs to download. */
export type TRendition = { key: 'small' | 'standard'; url: string; bytes: number; mimeType: string }

/** The path of a shipped file of a module (served by site/server from training/modules). */
export function shippedFile(slug: string, file: 'small.mp4' | 'standard.mp4' | 'poster.jpg' | 'captions.fr.vtt'): string {
  return `/formation/media/${slug}/${file}`
}

/** Both renditions of a module; an uploaded production video replaces the generated one. */
export function renditions(module: Module): Record<'small' | 'standard', TRendition> {
  const media = module.media as TMedia | null
  const pick = (key: 'small' | 'standard', upload: Module['videoSmall']): TRendition => {
    const video = upload && typeof upload === 'object' ? (upload as Video) : null
    if (video?.url) return { key, url: video.url, bytes: video.filesize ?? 0, mimeType: video.mimeType ?? 'video/mp4' }
    return { key, url: shippedFile(module.slug, `${key}.mp4`), bytes: media?.[key]?.bytes ?? 0, mimeType: 'video/mp4' }
  }
  return { small: pick('small', module.videoSmall), standard: pick('standard', module.videoStandard) }
}

const moduleLists = versionedReads<Awaited<ReturnType<typeof readModuleList>>>(50)

/** The ten modules in order: what their cards show (not the transcripts, captions and quizzes). */
export function listModules(payload: Payload, lang: 'fr' | 'en', user: User | null) {
  return moduleLists(payload, cacheKey(lang, 'modules', user), () => readModuleList(payload, lang, user))
}

function readModuleList(payload: Payload, lang: 'fr' | 'en', user: User | null) {
  return payload.find({
    collection: 'modules',
    sort: 'order',
    limit: 50,
    depth: 0,
    locale: lang,
    fallbackLocale: 'fr',
    select: { slug: true, title: true, summary: true, kind: true, step: true, durationMinutes: true },
    user,
    overrideAccess: false,
  })
}

// A module is large (transcript, chapters, objectives, quiz) and the same for everyone with the same roles and
// scope: each process reads it once per content version instead of once per page view.
const moduleDocs = versionedReads<Module | null>(200)
const quizzes = versionedReads<TQuiz>(50)

/** A module by slug with its linked resources (slug and title: what the page links) and uploaded videos, or null. */
export function findModule(payload: Payload, slug: string, lang: 'fr' | 'en', user: User | null): Promise<Module | null> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return Promise.resolve(null)
  return moduleDocs(payload, cacheKey(lang, `module:${slug}`, user), () => readModule(payload, slug, lang, user))
}

/** A module's quiz with its answers (server side only), read once per content version like the module. */
export function quizOf(payload: Payload, module: Pick<Module, 'id'>): Promise<TQuiz> {
  return quizzes(payload, String(module.id), () => loadQuiz(payload, module))
}

async function readModule(payload: Payload, slug: string, lang: 'fr' | 'en', user: User | null): Promise<Module | null> {
  const { docs } = await payload.find({
    collection: 'modules',
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 1,
    populate: { resources: { slug: true, title: true } },
    locale: lang,
    fallbackLocale: 'fr',
    user,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/** "1:05" from seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

const catalogues = versionedReads<TModuleCatalogue>(4)

/** A learner's overview (state of every module, certificate eligibility), the module catalogue read once per content version. */
export async function overviewOf(payload: Payload, user: User, lang: 'fr' | 'en') {
  const catalogue = await catalogues(payload, `catalogue|${lang}`, () => moduleCatalogue(payload, lang))
  return learnerOverview(payload, user, lang, catalogue)
}
