// Renders the self-training videos from the curriculum data, so that the media always match the words:
//
//   node training/scripts/render-media.ts [slug...]     (all modules when no slug is given)
//
// For each module: speaks every transcript paragraph with espeak-ng (French voice), measures the speech with
// ffprobe, draws one slide per chapter with ffmpeg (title card first), and writes media/small.mp4 (426×240,
// ≤ 250 kbit/s for 2G/3G), media/standard.mp4 (1280×720), media/poster.jpg, captions.fr.vtt timed on the real
// narration, and the measured chapters, duration and media block back into module.json.
// Needs ffmpeg, espeak-ng and the DejaVu fonts: apt-get install -y ffmpeg espeak-ng fonts-dejavu-core
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadCurriculum, MODULES_DIR, parseModuleJson, parseTranscript, SMALL_SIZE, ZModule, ZModuleDraft } from '../schema.ts'
import type { TChapter, TMedia, TModule, TModuleDraft, TTranscriptChapter } from '../schema.ts'
import { escapeFilterValue, keySentences, serializeVtt, timeCaptions, toSpeechText, wrapSlideText } from './media-text.ts'
import type { TSpokenSegment } from './media-text.ts'

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
const PORTAL = 'Portail national de protection de l’enfant — Autoformation'
const VOICE = { name: 'fr', wordsPerMinute: 150 }
/** Silence after each paragraph, so slides do not change mid-breath. */
const GAP_SECONDS = 0.6
/** The title card stays at least this long even if its title is read faster. */
const TITLE_MIN_SECONDS = 3.5
/** Slides are static: 10 frames per second is plenty and keeps the files small. */
const FPS = 10
/** Seconds of learner time counted per quiz question when estimating durationMinutes. */
const SECONDS_PER_QUESTION = 30
const WIDTH = 1280
const HEIGHT = 720
const COLORS = { band: '0x0E5A63', paper: '0xF6F3EA', ink: '0x1F2A2E', heading: '0x0E3B43', accent: '0xE0A526', muted: '0x5B6B70', light: '0xD7E8EA', white: '0xFFFFFF' }

class RenderError extends Error {}

function log(slug: string, message: string): void {
  console.log(`[${slug}] ${message}`)
}

/** Runs a command, throwing with its stderr when it fails. */
function run(command: string, args: string[], options: { input?: string } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input: options.input, maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw new RenderError(`${command} : ${result.error.message}`)
  if (result.status !== 0) throw new RenderError(`${command} ${args.slice(0, 6).join(' ')} … a échoué (code ${result.status}) :\n${result.stderr.slice(-2000)}`)
  return result.stdout
}

function checkTools(): void {
  for (const tool of ['ffmpeg', 'ffprobe', 'espeak-ng']) {
    const result = spawnSync(tool, [tool === 'espeak-ng' ? '--version' : '-version'], { encoding: 'utf8' })
    if (result.error || result.status !== 0) {
      throw new RenderError(`${tool} est introuvable. Installez ffmpeg et espeak-ng : apt-get install -y ffmpeg espeak-ng`)
    }
  }
  for (const font of [FONT, FONT_BOLD]) {
    if (!fs.existsSync(font)) throw new RenderError(`Police ${font} introuvable. Installez-la : apt-get install -y fonts-dejavu-core`)
  }
}

type Probe = { duration: number; bitRate: number; size: number; codecs: string[] }

/** Reads duration, bit rate, size and stream codecs with ffprobe. */
function probe(file: string): Probe {
  const out = JSON.parse(run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration,bit_rate,size:stream=codec_name', '-of', 'json', file])) as {
    format: { duration?: string; bit_rate?: string; size?: string }
    streams?: { codec_name?: string }[]
  }
  const duration = Number(out.format.duration)
  if (!Number.isFinite(duration) || duration <= 0) throw new RenderError(`${file} : durée illisible`)
  return { duration, bitRate: Number(out.format.bit_rate ?? 0), size: Number(out.format.size ?? fs.statSync(file).size), codecs: (out.streams ?? []).map((stream) => stream.codec_name ?? '?') }
}

type TextItem = { text: string; x: number | string; y: number; size: number; color: string; bold?: boolean; lineSpacing?: number }

// Text goes through textfile= with expansion=none, so accents, apostrophes, colons and percent signs in the French
// text need no escaping at all; only the file path is escaped for the filter graph.
function drawText(work: string, item: TextItem, index: number, prefix: string): string {
  const file = path.join(work, `${prefix}-text-${index}.txt`)
  fs.writeFileSync(file, item.text)
  const options = [
    `fontfile=${escapeFilterValue(item.bold ? FONT_BOLD : FONT)}`,
    `textfile=${escapeFilterValue(file)}`,
    'expansion=none',
    `fontsize=${item.size}`,
    `fontcolor=${item.color}`,
    `x=${typeof item.x === 'number' ? item.x : escapeFilterValue(item.x)}`,
    // drawtext puts the tallest glyph of the string at y, so a leading "É" would push the line down. Anchor the
    // baseline instead at y + DejaVu's ascender height (0.76 em, an "l"); ffmpeg 5 has no font-ascent variable.
    `y=${item.y + Math.round(item.size * 0.76)}-max_glyph_a`,
    `line_spacing=${item.lineSpacing ?? 0}`,
  ]
  return `drawtext=${options.join(':')}`
}

/** Height drawtext gives a block of `lines` lines (DejaVu's line box is about 1.17 em). */
function blockHeight(lines: number, size: number, spacing: number): number {
  return Math.round(lines * size * 1.17 + (lines - 1) * spacing)
}

function renderPng(work: string, name: string, background: string, filters: string[]): string {
  const file = path.join(work, `${name}.png`)
  run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=c=${background}:s=${WIDTH}x${HEIGHT}:d=1`, '-vf', filters.join(','), '-frames:v', '1', '-update', '1', file])
  return file
}

function titleCard(work: string, module: TModuleDraft, total: number): string {
  const titleLines = wrapSlideText(module.title.fr, 28)
  const titleY = 250
  const titleSize = 60
  const titleBottom = titleY + blockHeight(titleLines.length, titleSize, 14)
  const kindLabel = module.kind === 'step' ? `Étape ${module.step} de la gestion des cas` : 'Module complémentaire'
  const items: TextItem[] = [
    { text: `Autoformation · module ${module.order} sur ${total}`, x: 80, y: 80, size: 28, color: COLORS.light },
    { text: kindLabel, x: 80, y: 180, size: 34, color: COLORS.accent, bold: true },
    { text: titleLines.join('\n'), x: 80, y: titleY, size: titleSize, color: COLORS.white, bold: true, lineSpacing: 14 },
    { text: PORTAL, x: 80, y: 630, size: 28, color: COLORS.white },
  ]
  if (titleBottom > 590) throw new RenderError(`titre « ${module.title.fr} » trop long pour la carte de titre`)
  const filters = [`drawbox=x=80:y=${titleBottom + 28}:w=160:h=8:color=${COLORS.accent}:t=fill`, ...items.map((item, index) => drawText(work, item, index, 'title'))]
  return renderPng(work, 'slide-00', COLORS.band, filters)
}

function chapterSlide(work: string, module: TModuleDraft, chapter: TTranscriptChapter, index: number, count: number): string {
  const titleSize = 48
  const titleLines = wrapSlideText(chapter.title, 38)
  const titleY = 132
  const titleBottom = titleY + blockHeight(titleLines.length, titleSize, 10)
  const bodySize = 38
  const bodySpacing = 10
  const bodyChars = 50
  const bodyTop = titleBottom + 56
  const bodyLimit = 648
  const itemGap = 24
  const bodyHeight = (sentences: string[]) =>
    sentences.reduce((sum, sentence) => sum + blockHeight(wrapSlideText(sentence, bodyChars).length, bodySize, bodySpacing), 0) + (sentences.length - 1) * itemGap
  const sentences = keySentences(chapter.text, { max: 3, fits: (candidate) => bodyTop + bodyHeight(candidate) <= bodyLimit })
  if (sentences.length === 0) throw new RenderError(`chapitre « ${chapter.title} » : aucune phrase ne tient sur la diapositive, raccourcissez-la`)
  if (sentences.length === 1) log(module.slug, `attention : une seule phrase tient sur la diapositive « ${chapter.title} » ; raccourcissez le titre ou les phrases`)
  const items: TextItem[] = [
    { text: module.title.fr, x: 60, y: 30, size: 26, color: COLORS.white },
    { text: `${index + 1} / ${count}`, x: 'w-tw-60', y: 30, size: 26, color: COLORS.light },
    { text: titleLines.join('\n'), x: 80, y: titleY, size: titleSize, color: COLORS.heading, bold: true, lineSpacing: 10 },
    { text: PORTAL, x: 80, y: 674, size: 22, color: COLORS.muted },
  ]
  const bullets: string[] = []
  let y = bodyTop
  for (const sentence of sentences) {
    const lines = wrapSlideText(sentence, bodyChars)
    bullets.push(`drawbox=x=84:y=${y + 16}:w=12:h=12:color=${COLORS.accent}:t=fill`)
    items.push({ text: lines.join('\n'), x: 118, y, size: bodySize, color: COLORS.ink, lineSpacing: bodySpacing })
    y += blockHeight(lines.length, bodySize, bodySpacing) + itemGap
  }
  if (y - itemGap > bodyLimit + 4) throw new RenderError(`chapitre « ${chapter.title} » : le texte déborde de la diapositive`)
  const filters = [
    `drawbox=x=0:y=0:w=${WIDTH}:h=88:color=${COLORS.band}:t=fill`,
    `drawbox=x=80:y=${titleBottom + 16}:w=120:h=6:color=${COLORS.accent}:t=fill`,
    ...bullets,
    ...items.map((item, itemIndex) => drawText(work, item, itemIndex, `chapter-${index}`)),
  ]
  return renderPng(work, `slide-${String(index + 1).padStart(2, '0')}`, COLORS.paper, filters)
}

/** Speaks `text` to a WAV file followed by a short silence (longer if needed to last `minSeconds`); returns both durations. */
function speak(work: string, name: string, text: string, minSeconds: number): { file: string; speech: number; padded: number } {
  const textFile = path.join(work, `${name}.txt`)
  const raw = path.join(work, `${name}-raw.wav`)
  const padded = path.join(work, `${name}.wav`)
  fs.writeFileSync(textFile, toSpeechText(text))
  run('espeak-ng', ['-v', VOICE.name, '-s', String(VOICE.wordsPerMinute), '-w', raw, '-f', textFile])
  const speech = probe(raw).duration
  const pad = Math.max(GAP_SECONDS, minSeconds - speech)
  // Resample to 22.05 kHz mono PCM once, so every segment concatenates without re-timing.
  run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', raw, '-af', `apad=pad_dur=${pad.toFixed(3)}`, '-ar', '22050', '-ac', '1', '-c:a', 'pcm_s16le', padded])
  return { file: padded, speech, padded: probe(padded).duration }
}

function concatList(entries: { file: string; duration?: number }[]): string {
  const quote = (file: string) => `'${file.replace(/'/g, `'\\''`)}'`
  return ['ffconcat version 1.0', ...entries.flatMap((entry) => [`file ${quote(entry.file)}`, ...(entry.duration === undefined ? [] : [`duration ${entry.duration.toFixed(3)}`])])].join('\n') + '\n'
}

const BITEXACT = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact']

function encode(slides: string, audio: string, total: number, keyframes: number[], out: string, rendition: 'small' | 'standard'): void {
  const video =
    rendition === 'small'
      ? // Baseline profile for old phones; capped VBR: static slides cost almost nothing, the cap guards the budget.
        ['-vf', `fps=${FPS},scale=${SMALL_SIZE.width}:${SMALL_SIZE.height}:flags=lanczos,setsar=1,format=yuv420p`, '-c:v', 'libx264', '-profile:v', 'baseline', '-level:v', '3.0', '-crf', '30', '-maxrate', '150k', '-bufsize', '300k']
      : ['-vf', `fps=${FPS},format=yuv420p`, '-c:v', 'libx264', '-profile:v', 'high', '-level:v', '3.1', '-crf', '24', '-maxrate', '600k', '-bufsize', '1200k']
  const audioArgs = rendition === 'small' ? ['-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-ar', '22050'] : ['-c:a', 'aac', '-b:a', '64k', '-ac', '1', '-ar', '22050']
  run('ffmpeg', [
    '-y', '-hide_banner', '-loglevel', 'error',
    '-f', 'concat', '-safe', '0', '-i', slides,
    '-i', audio,
    '-map', '0:v', '-map', '1:a', '-t', total.toFixed(3),
    ...video,
    // Still-image tuning, one thread for repeatable output, a keyframe at every chapter so seeking lands on it.
    '-preset', 'veryslow', '-tune', 'stillimage', '-threads', '1',
    '-g', String(FPS * 30), '-force_key_frames', keyframes.map((time) => time.toFixed(2)).join(','),
    ...audioArgs,
    '-movflags', '+faststart',
    ...BITEXACT,
    out,
  ])
}

function moduleOrderedJson(module: TModule): string {
  // A stable key order keeps diffs of module.json readable after each render.
  const ordered = {
    slug: module.slug,
    order: module.order,
    title: module.title,
    summary: module.summary,
    kind: module.kind,
    ...(module.step === undefined ? {} : { step: module.step }),
    objectives: module.objectives,
    audience: module.audience,
    durationMinutes: module.durationMinutes,
    chapters: module.chapters,
    quiz: module.quiz,
    linkedForms: module.linkedForms,
    linkedResources: module.linkedResources,
    media: module.media,
  }
  return `${JSON.stringify(ordered, null, 2)}\n`
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function renderModule(moduleDir: string, total: number): void {
  const slug = path.basename(moduleDir)
  const jsonFile = path.join(moduleDir, 'module.json')
  const draft = parseModuleJson(ZModuleDraft, fs.readFileSync(jsonFile, 'utf8'), jsonFile)
  const transcript = parseTranscript(fs.readFileSync(path.join(moduleDir, 'transcript.md'), 'utf8'))
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `render-${slug}-`))
  try {
    log(slug, `narration : titre + ${transcript.length} paragraphes (espeak-ng -v ${VOICE.name} -s ${VOICE.wordsPerMinute})`)
    const intro = speak(work, 'seg-00', `${draft.title.fr}.`, TITLE_MIN_SECONDS)
    const spoken = transcript.map((chapter, index) => speak(work, `seg-${String(index + 1).padStart(2, '0')}`, chapter.text, 0))
    const segments = [intro, ...spoken]
    const starts: number[] = []
    let clock = 0
    for (const segment of segments) {
      starts.push(clock)
      clock += segment.padded
    }
    const audioList = path.join(work, 'audio.ffconcat')
    fs.writeFileSync(audioList, concatList(segments.map((segment) => ({ file: segment.file }))))
    const narration = path.join(work, 'narration.wav')
    run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', audioList, '-c:a', 'pcm_s16le', narration])
    const narrationSeconds = probe(narration).duration
    log(slug, `narration mesurée : ${narrationSeconds.toFixed(1)} s (${segments.map((segment) => segment.speech.toFixed(1)).join(' + ')} s de parole)`)

    log(slug, `diapositives : carte de titre + ${transcript.length} chapitres (ffmpeg drawtext, DejaVu Sans)`)
    const cover = titleCard(work, draft, total)
    const slides = [cover, ...transcript.map((chapter, index) => chapterSlide(work, draft, chapter, index, transcript.length))]
    const slideList = path.join(work, 'slides.ffconcat')
    const lastSlide = slides.at(-1) ?? cover
    // The concat demuxer ignores the last entry's duration unless the file is listed once more.
    fs.writeFileSync(slideList, concatList([...slides.map((file, index) => ({ file, duration: segments[index]?.padded ?? 0 })), { file: lastSlide }]))

    // Chapter 1 includes the title card, so the first chapter starts at 0 as the schema requires.
    const chapters: TChapter[] = transcript.map((chapter, index) => ({ title: chapter.title, start: index === 0 ? 0 : round2(starts[index + 1] ?? 0) }))
    const keyframes = chapters.map((chapter) => chapter.start).filter((start) => start > 0)

    const mediaDir = path.join(work, 'media')
    fs.mkdirSync(mediaDir)
    const outputs = { small: path.join(mediaDir, 'small.mp4'), standard: path.join(mediaDir, 'standard.mp4'), poster: path.join(mediaDir, 'poster.jpg') }
    for (const rendition of ['small', 'standard'] as const) {
      log(slug, `encodage ${rendition}.mp4`)
      encode(slideList, narration, narrationSeconds, keyframes, outputs[rendition], rendition)
    }
    run('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-i', cover, '-vf', 'scale=640:360:flags=lanczos', '-q:v', '5', ...BITEXACT, outputs.poster])

    const small = probe(outputs.small)
    const standard = probe(outputs.standard)
    for (const [name, result] of [['small', small], ['standard', standard]] as const) {
      if (!result.codecs.includes('h264') || !result.codecs.includes('aac')) throw new RenderError(`${name}.mp4 : flux h264 + aac attendus, trouvés ${result.codecs.join(', ')}`)
      if (Math.abs(result.duration - narrationSeconds) > 0.5) throw new RenderError(`${name}.mp4 : durée ${result.duration} s au lieu de ${narrationSeconds} s`)
    }
    const media: TMedia = {
      durationSeconds: round2(small.duration),
      small: { file: 'media/small.mp4', bytes: fs.statSync(outputs.small).size, kbps: Math.round(small.bitRate / 1000) },
      standard: { file: 'media/standard.mp4', bytes: fs.statSync(outputs.standard).size, kbps: Math.round(standard.bitRate / 1000) },
      poster: 'media/poster.jpg',
    }
    const posterBytes = fs.statSync(outputs.poster).size
    log(slug, `small.mp4 ${kb(media.small.bytes)} (${media.small.kbps} kbit/s), standard.mp4 ${kb(media.standard.bytes)} (${media.standard.kbps} kbit/s), poster.jpg ${kb(posterBytes)}, ${media.durationSeconds} s`)
    if (posterBytes > 40 * 1024) throw new RenderError(`poster.jpg fait ${kb(posterBytes)}, au-delà de 40 Ko`)

    const cues = timeCaptions([
      { start: 0, duration: intro.speech, text: `${draft.title.fr}.` },
      ...transcript.map((chapter, index): TSpokenSegment => ({ start: starts[index + 1] ?? 0, duration: spoken[index]?.speech ?? 0, text: chapter.text })),
    ])
    log(slug, `sous-titres : ${cues.length} cues`)

    const module = ZModule.parse({
      ...draft,
      chapters,
      durationMinutes: Math.ceil((media.durationSeconds + SECONDS_PER_QUESTION * draft.quiz.questions.length) / 60),
      media,
    })
    // Write everything only once all steps succeeded, so a failed run leaves the previous media intact.
    const targetMedia = path.join(moduleDir, 'media')
    fs.mkdirSync(targetMedia, { recursive: true })
    for (const file of Object.values(outputs)) fs.copyFileSync(file, path.join(targetMedia, path.basename(file)))
    fs.writeFileSync(path.join(moduleDir, 'captions.fr.vtt'), serializeVtt(cues))
    fs.writeFileSync(jsonFile, moduleOrderedJson(module))
    log(slug, 'module.json, captions.fr.vtt et media/ écrits')
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} Ko`
}

function main(): void {
  checkTools()
  const all = fs
    .readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((slug) => !all.includes(slug))
  if (unknown.length > 0) throw new RenderError(`module(s) inconnu(s) : ${unknown.join(', ')}. Modules disponibles : ${all.join(', ')}`)
  const slugs = wanted.length > 0 ? wanted : all
  for (const slug of slugs) renderModule(path.join(MODULES_DIR, slug), all.length)
  // Final gate: the shipped curriculum must load, with sizes and captions consistent.
  try {
    const curriculum = loadCurriculum()
    const bytes = curriculum.reduce((sum, module) => sum + module.media.small.bytes + module.media.standard.bytes, 0)
    console.log(`Curriculum valide : ${curriculum.length} modules, ${(bytes / 1024 / 1024).toFixed(1)} Mo de vidéos.`)
  } catch (error) {
    console.log(`Rendu terminé, mais le curriculum ne se charge pas encore :\n${(error as Error).message}`)
    process.exitCode = 1
  }
}

try {
  main()
} catch (error) {
  console.error(error instanceof RenderError ? `Erreur : ${error.message}` : error)
  process.exitCode = 1
}
