// The self-training curriculum is plain data in training/modules/<slug>/: module.json (metadata, chapters, quiz,
// media block), transcript.md (the French narration, one "## chapter" heading per paragraph) and captions.fr.vtt.
// This file is the single gate for that data: the site, the CMS seed and the media script all load it through
// loadCurriculum, so a typo in a quiz or a stale video fails loudly here instead of on a trainee's phone.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** Harmonised form codes a module may link (docs/domain.md); kept equal to cms/rules/toolkit.ts FORM_CODES by a test. */
export const FORM_CODE_LIST = [
  '1.A', '1.B', '1.C', '1.D', '1.E', '2.A', '3.A', '3.B', '4.A', '4.B', '4.C', '4.D', '4.E',
  '5.A', '5.B', '5.C', '6.A', '6.B', '6.C', 'A.1', 'A.2', 'A.3', 'B.1', 'checklist', 'cover',
] as const

/** Who a module is meant for (subset of the toolkit audiences that take the self-training). */
export const MODULE_AUDIENCES = ['caseManager', 'supervisor', 'administrator', 'trainer'] as const

/** The six case-management steps, as module.json spells them. */
export const STEP_LIST = ['1', '2', '3', '4', '5', '6'] as const

/** Pixel size of the small rendition: the page never shows it wider, so that it is never blurred by upscaling. */
export const SMALL_SIZE = { width: 426, height: 240 } as const

/** docs/budgets.md: the small rendition must stay at or under about 250 kbit/s. */
export const SMALL_MAX_KBPS = 250

/** How far the last caption may run past the end of the video, in seconds (encoders round the audio tail). */
export const CAPTION_END_TOLERANCE = 0.5

/** Paragraph (= chapter) count bounds for transcript.md. */
export const TRANSCRIPT_PARAGRAPHS = { min: 5, max: 8 } as const

// Via import.meta.url: the back office's Next.js bundle loads this file too, and has no import.meta.dirname.
const HERE = path.dirname(fileURLToPath(import.meta.url))

/** Default location of the module folders. */
export const MODULES_DIR = path.resolve(HERE, 'modules')

/** Default location of the resource-centre documents that linkedResources point at. */
export const RESOURCES_DIR = path.resolve(HERE, '..', 'content', 'resources')

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ZText = z.string().trim().min(1, 'texte vide')
const ZLabel = z.strictObject({ fr: ZText, en: ZText.optional() })
const ZId = z.string().regex(ID_PATTERN, 'identifiant attendu en minuscules, chiffres et tirets (ex. « q1 », « b »)')

/** A chapter of the video: its title (a transcript heading) and where it starts, in seconds. */
export const ZChapter = z.strictObject({ title: ZText, start: z.number().min(0) })
export type TChapter = z.infer<typeof ZChapter>

/** One answer option of a quiz question. */
export const ZOption = z.strictObject({ id: ZId, text: ZText })

/** One quiz question; `correct` lists option ids (exactly one for a single-choice question). */
export const ZQuestion = z
  .strictObject({
    id: ZId,
    kind: z.enum(['single', 'multiple']),
    prompt: ZText,
    options: z.array(ZOption).min(3, 'au moins 3 options').max(5, 'au plus 5 options'),
    correct: z.array(z.string()).min(1, 'au moins une bonne réponse'),
    explanation: ZText,
  })
  .superRefine((question, ctx) => {
    const optionIds = question.options.map((option) => option.id)
    optionIds.forEach((id, index) => {
      if (optionIds.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: `option « ${id} » en double` })
    })
    question.correct.forEach((id, index) => {
      if (!optionIds.includes(id)) ctx.addIssue({ code: 'custom', path: ['correct', index], message: `la bonne réponse « ${id} » ne correspond à aucune option` })
      if (question.correct.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: ['correct', index], message: `bonne réponse « ${id} » en double` })
    })
    if (question.kind === 'single' && question.correct.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'une question à choix unique doit avoir exactement une bonne réponse' })
    }
  })
export type TQuestion = z.infer<typeof ZQuestion>

/** A module's quiz: pass mark in percent and at least five questions with unique ids. */
export const ZQuiz = z
  .strictObject({
    passMark: z.int('nombre entier attendu').min(50, 'au moins 50 %').max(100, 'au plus 100 %'),
    questions: z.array(ZQuestion).min(5, 'au moins 5 questions'),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((question) => question.id)
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `question « ${id} » en double` })
    })
  })
export type TQuiz = z.infer<typeof ZQuiz>

const rendition = <F extends string>(file: F) =>
  z.strictObject({ file: z.literal(file), bytes: z.int().positive(), kbps: z.number().positive() })

/** The media block the render script writes: measured duration, both renditions and the poster. */
export const ZMedia = z.strictObject({
  durationSeconds: z.number().positive(),
  small: rendition('media/small.mp4').refine((small) => small.kbps <= SMALL_MAX_KBPS, {
    message: `la version légère dépasse ${SMALL_MAX_KBPS} kbit/s (docs/budgets.md) : raccourcissez la narration ou baissez le débit dans render-media.ts`,
    path: ['kbps'],
  }),
  standard: rendition('media/standard.mp4'),
  poster: z.literal('media/poster.jpg'),
})
export type TMedia = z.infer<typeof ZMedia>

const moduleShape = {
  slug: z.string().regex(ID_PATTERN, 'slug attendu en minuscules et tirets'),
  order: z.int('nombre entier attendu').min(1).max(10),
  title: ZLabel,
  summary: ZLabel,
  kind: z.enum(['step', 'complementary']),
  step: z.enum(STEP_LIST).optional(),
  objectives: z.array(ZText).min(2, 'au moins 2 objectifs').max(6, 'au plus 6 objectifs'),
  audience: z.array(z.enum(MODULE_AUDIENCES)).min(1, 'au moins un public'),
  durationMinutes: z.int('nombre entier de minutes attendu').positive(),
  chapters: z.array(ZChapter).min(1, 'au moins un chapitre'),
  quiz: ZQuiz,
  linkedForms: z.array(z.enum(FORM_CODE_LIST)),
  linkedResources: z.array(ZId),
  media: ZMedia,
}

type ModuleLike = {
  kind: 'step' | 'complementary'
  step?: string | undefined
  audience: string[]
  linkedForms: string[]
  linkedResources: string[]
  chapters?: TChapter[] | undefined
  media?: TMedia | undefined
  durationMinutes?: number | undefined
}

// Cross-field rules shared by the full schema and the draft the media script starts from.
function checkModule(module: ModuleLike, ctx: z.RefinementCtx): void {
  if (module.kind === 'step' && module.step === undefined) ctx.addIssue({ code: 'custom', path: ['step'], message: 'obligatoire pour un module de type « step »' })
  if (module.kind === 'complementary' && module.step !== undefined) ctx.addIssue({ code: 'custom', path: ['step'], message: 'à omettre pour un module complémentaire' })
  for (const key of ['audience', 'linkedForms', 'linkedResources'] as const) {
    module[key].forEach((value, index) => {
      if (module[key].indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: [key, index], message: `« ${value} » en double` })
    })
  }
  if (module.kind === 'step' && module.step !== undefined && !module.linkedForms.some((code) => code.startsWith(`${module.step}.`))) {
    ctx.addIssue({ code: 'custom', path: ['linkedForms'], message: `un module d’étape doit lier au moins un formulaire de l’étape ${module.step}` })
  }
  const chapters = module.chapters ?? []
  chapters.forEach((chapter, index) => {
    const previous = chapters[index - 1]
    if (index === 0 && chapter.start !== 0) ctx.addIssue({ code: 'custom', path: ['chapters', 0, 'start'], message: 'le premier chapitre doit commencer à 0' })
    if (previous && chapter.start <= previous.start) ctx.addIssue({ code: 'custom', path: ['chapters', index, 'start'], message: 'les chapitres doivent être triés par début croissant' })
  })
  const last = chapters.at(-1)
  if (module.media && last && last.start >= module.media.durationSeconds) {
    ctx.addIssue({ code: 'custom', path: ['chapters', chapters.length - 1, 'start'], message: `le dernier chapitre commence après la fin de la vidéo (${module.media.durationSeconds} s)` })
  }
  if (module.media && module.durationMinutes !== undefined && module.durationMinutes * 60 < module.media.durationSeconds) {
    ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'plus court que la vidéo elle-même' })
  }
}

/** module.json as shipped: every field present and consistent. */
export const ZModule = z.strictObject(moduleShape).superRefine(checkModule)
export type TModule = z.infer<typeof ZModule>

/** module.json before the media script has run: chapters, media and duration are computed by the script. */
export const ZModuleDraft = z
  .strictObject({ ...moduleShape, chapters: moduleShape.chapters.optional(), media: moduleShape.media.optional(), durationMinutes: moduleShape.durationMinutes.optional() })
  .superRefine(checkModule)
export type TModuleDraft = z.infer<typeof ZModuleDraft>

/** A timed caption cue, in seconds. */
export type TCue = { start: number; end: number; text: string }

/** One chapter of transcript.md: its heading and its single narration paragraph. */
export type TTranscriptChapter = { title: string; text: string }

/** A module as the portal uses it: validated metadata plus its transcript and captions. */
export type TLoadedModule = TModule & { dir: string; transcript: TTranscriptChapter[]; captions: TCue[] }

/** The whole curriculum, sorted by `order`. */
export type TCurriculum = TLoadedModule[]

const TIMING = /^((?:\d+:)?\d{2}:\d{2}\.\d{3})[ \t]+-->[ \t]+((?:\d+:)?\d{2}:\d{2}\.\d{3})(?:[ \t].*)?$/

function vttSeconds(stamp: string): number {
  const parts = stamp.split(':').map(Number)
  // mm:ss.mmm is legal WebVTT; hours are optional.
  const [hours, minutes, seconds] = parts.length === 3 ? parts : [0, ...parts]
  return (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)
}

/** Parses WebVTT cues (header, optional cue ids, NOTE/STYLE/REGION blocks skipped); throws on malformed input. */
export function parseVtt(text: string): TCue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new Error('ligne 1 : un fichier WebVTT doit commencer par « WEBVTT »')
  const cues: TCue[] = []
  let index = 1
  // Skip the rest of the header block.
  while (index < lines.length && lines[index] !== '') index++
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index++
    if (index >= lines.length) break
    const blockStart = index
    const block: string[] = []
    while (index < lines.length && (lines[index] ?? '').trim() !== '') block.push(lines[index++] ?? '')
    const first = block[0] ?? ''
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue
    let timingAt = 0
    if (!first.includes('-->')) timingAt = 1 // the first line is a cue identifier
    const match = TIMING.exec(block[timingAt] ?? '')
    if (!match) throw new Error(`ligne ${blockStart + timingAt + 1} : horodatage attendu « hh:mm:ss.mmm --> hh:mm:ss.mmm »`)
    const start = vttSeconds(match[1] ?? '')
    const end = vttSeconds(match[2] ?? '')
    if (!(end > start)) throw new Error(`ligne ${blockStart + timingAt + 1} : la fin du sous-titre doit suivre son début`)
    const cueText = block.slice(timingAt + 1).join('\n')
    if (cueText.trim() === '') throw new Error(`ligne ${blockStart + timingAt + 1} : sous-titre sans texte`)
    cues.push({ start, end, text: cueText })
  }
  return cues
}

/** Parses transcript.md into chapters: each `## heading` followed by exactly one paragraph; throws otherwise. */
export function parseTranscript(markdown: string): TTranscriptChapter[] {
  const chapters: TTranscriptChapter[] = []
  let current: { title: string; paragraphs: string[][] } | undefined
  const flush = () => {
    if (!current) return
    const paragraphs = current.paragraphs.filter((lines) => lines.length > 0)
    if (paragraphs.length !== 1) throw new Error(`chapitre « ${current.title} » : un seul paragraphe attendu, ${paragraphs.length} trouvé(s)`)
    chapters.push({ title: current.title, text: (paragraphs[0] ?? []).join(' ') })
  }
  markdown.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line.startsWith('## ')) {
      flush()
      current = { title: line.slice(3).trim(), paragraphs: [[]] }
      if (current.title === '') throw new Error(`ligne ${index + 1} : titre de chapitre vide`)
    } else if (line === '') {
      if (current && (current.paragraphs.at(-1)?.length ?? 0) > 0) current.paragraphs.push([])
    } else if (!current) {
      throw new Error(`ligne ${index + 1} : le texte doit suivre un titre « ## Chapitre »`)
    } else if (line.startsWith('#')) {
      throw new Error(`ligne ${index + 1} : seuls les titres de niveau 2 (« ## ») sont admis`)
    } else {
      current.paragraphs.at(-1)?.push(line)
    }
  })
  flush()
  return chapters
}

function fail(file: string, field: string, message: string): never {
  throw new Error(`${file} : ${field} — ${message}`)
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file)
  return rel.startsWith('..') ? file : rel
}

/** Formats zod issues as "field — message" lines, in French. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(racine)'} — ${issue.message}`).join('\n  ')
}

/** Parses module.json text against a schema, throwing an Error that names the file and each failing field. */
export function parseModuleJson<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    fail(relative(file), '(JSON)', `JSON invalide : ${(error as Error).message}`)
  }
  const result = schema.safeParse(data, { error: z.locales.fr().localeError })
  if (!result.success) throw new Error(`${relative(file)} :\n  ${formatIssues(result.error)}`)
  return result.data
}

function readText(file: string, field: string): string {
  if (!fs.existsSync(file)) fail(relative(file), field, 'fichier manquant')
  return fs.readFileSync(file, 'utf8')
}

/** Loads one module folder and checks it against its transcript, captions, media files and linked resources. */
export function loadModule(moduleDir: string, resourcesDir: string = RESOURCES_DIR): TLoadedModule {
  const folder = path.basename(moduleDir)
  const jsonFile = path.join(moduleDir, 'module.json')
  const module = parseModuleJson(ZModule, readText(jsonFile, 'module.json'), jsonFile)
  const jsonName = relative(jsonFile)
  if (module.slug !== folder) fail(jsonName, 'slug', `« ${module.slug} » doit être égal au nom du dossier « ${folder} »`)

  const transcriptFile = path.join(moduleDir, 'transcript.md')
  let transcript: TTranscriptChapter[]
  try {
    transcript = parseTranscript(readText(transcriptFile, 'transcript.md'))
  } catch (error) {
    fail(relative(transcriptFile), 'chapitres', (error as Error).message)
  }
  if (transcript.length < TRANSCRIPT_PARAGRAPHS.min || transcript.length > TRANSCRIPT_PARAGRAPHS.max) {
    fail(relative(transcriptFile), 'chapitres', `${TRANSCRIPT_PARAGRAPHS.min} à ${TRANSCRIPT_PARAGRAPHS.max} paragraphes attendus, ${transcript.length} trouvé(s)`)
  }
  if (transcript.length !== module.chapters.length) {
    fail(jsonName, 'chapters', `${module.chapters.length} chapitre(s) pour ${transcript.length} titre(s) dans transcript.md : relancez render-media.ts`)
  }
  module.chapters.forEach((chapter, index) => {
    const heading = transcript[index]?.title
    if (chapter.title !== heading) fail(jsonName, `chapters.${index}.title`, `« ${chapter.title} » ne correspond pas au titre « ${heading} » de transcript.md`)
  })

  const captionsFile = path.join(moduleDir, 'captions.fr.vtt')
  let captions: TCue[]
  try {
    captions = parseVtt(readText(captionsFile, 'captions.fr.vtt'))
  } catch (error) {
    fail(relative(captionsFile), 'cues', (error as Error).message)
  }
  if (captions.length === 0) fail(relative(captionsFile), 'cues', 'aucun sous-titre')
  captions.forEach((cue, index) => {
    const previous = captions[index - 1]
    if (previous && (cue.start < previous.start || cue.start < previous.end - 0.001)) {
      fail(relative(captionsFile), `cue ${index + 1}`, `commence à ${cue.start} s, avant la fin du sous-titre précédent (${previous.end} s)`)
    }
  })
  const lastCue = captions.at(-1)
  if (lastCue && lastCue.end > module.media.durationSeconds + CAPTION_END_TOLERANCE) {
    fail(relative(captionsFile), `cue ${captions.length}`, `se termine à ${lastCue.end} s, après la fin de la vidéo (${module.media.durationSeconds} s)`)
  }

  for (const key of ['small', 'standard'] as const) {
    const { file, bytes } = module.media[key]
    const mediaFile = path.join(moduleDir, file)
    if (!fs.existsSync(mediaFile)) fail(jsonName, `media.${key}.file`, `${file} manquant : lancez node training/scripts/render-media.ts ${module.slug}`)
    const size = fs.statSync(mediaFile).size
    if (size !== bytes) fail(jsonName, `media.${key}.bytes`, `${bytes} annoncés mais ${file} fait ${size} octets : relancez render-media.ts`)
  }
  if (!fs.existsSync(path.join(moduleDir, module.media.poster))) fail(jsonName, 'media.poster', `${module.media.poster} manquant`)

  module.linkedResources.forEach((slug, index) => {
    if (!fs.existsSync(path.join(resourcesDir, `${slug}.md`))) fail(jsonName, `linkedResources.${index}`, `aucune ressource content/resources/${slug}.md`)
  })

  return { ...module, dir: moduleDir, transcript, captions }
}

/** Reads and validates every module folder under `dir`; throws an Error naming the file and field on any problem. */
export function loadCurriculum(dir: string = MODULES_DIR, options: { resourcesDir?: string } = {}): TCurriculum {
  if (!fs.existsSync(dir)) throw new Error(`${relative(dir)} : dossier des modules introuvable`)
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
  const modules = folders.map((folder) => loadModule(path.join(dir, folder), options.resourcesDir))
  const seen = new Map<number, string>()
  for (const module of modules) {
    const other = seen.get(module.order)
    if (other) fail(relative(path.join(module.dir, 'module.json')), 'order', `${module.order} déjà utilisé par « ${other} »`)
    seen.set(module.order, module.slug)
  }
  return modules.sort((a, b) => a.order - b.order)
}
