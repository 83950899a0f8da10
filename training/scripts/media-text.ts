// Pure text helpers for render-media.ts: what the synthetic voice reads, what the slides show, how captions are
// cut and timed, and how values are escaped for ffmpeg filter graphs. Kept apart from the script so they can be
// unit-tested without ffmpeg or espeak-ng.
import type { TCue } from '../schema.ts'

/** Caption line length: the usual broadcast limit, readable on a 240p phone screen. */
export const CAPTION_LINE_CHARS = 42

/** Acronyms espeak-ng reads correctly as words; every other capitalised acronym is spelled letter by letter. */
const READ_AS_WORDS = new Set(['UNICEF'])

/** Rewrites narration so espeak-ng pronounces it well: form codes ("1.A" → "1 A"), acronyms spelled ("DNPEF" → "D N P E F"). */
export function toSpeechText(text: string): string {
  return (
    text
      // "CPIMS+" otherwise comes out as "kpim plus".
      .replace(/\bCPIMS\+/g, 'C P I M S plus')
      // Form codes: espeak reads "2.A" as "deux point A".
      .replace(/\b([0-9A-B])\.([A-E0-9])\b/g, '$1 $2')
      .replace(/\b[A-Z]{2,6}\b/g, (word) => (READ_AS_WORDS.has(word) ? word : word.split('').join(' ')))
      .replace(/\s*\/\s*/g, ', ')
  )
}

/** Splits a paragraph into sentences, keeping their final punctuation. */
export function splitSentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?…])\s+(?=[«"A-ZÀ-ÖØ-Þ0-9])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0)
}

/** Greedy word wrap to at most `maxChars` per line (a longer single word gets its own line). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

// French typography puts a (non-breaking) space before ; : ! ? » — keep such punctuation on the word's line.
function gluePunctuation(text: string): string {
  return text.replace(/ ([;:!?»])/g, '\u00A0$1').replace(/« /g, '«\u00A0')
}

// Words a caption should not end on: the reader would wait for the next cue to make sense of them.
const WEAK_ENDINGS = new Set(['à', 'au', 'aux', 'de', 'des', 'du', 'en', 'et', 'ou', 'la', 'le', 'les', 'un', 'une', 'par', 'pour', 'sur', 'dans', 'avec', 'que', 'qui', 'ne', 'se', 'sa', 'son', 'ses', 'leur', 'leurs'])

// Splits a sentence too long for one cue into cues of near-equal length, preferring to cut after a comma and never
// right after a weak word.
function splitLongSentence(sentence: string, lineChars: number): string[] {
  const fits = (text: string) => wrapText(text, lineChars).length <= 2
  const words = sentence.split(/\s+/)
  const chunks: string[] = []
  let start = 0
  while (start < words.length) {
    const rest = words.slice(start).join(' ')
    if (fits(rest)) {
      chunks.push(rest)
      break
    }
    const target = rest.length / Math.ceil(wrapText(rest, lineChars).length / 2)
    let best = start + 1
    let bestScore = Number.POSITIVE_INFINITY
    for (let end = start + 1; end < words.length; end++) {
      const chunk = words.slice(start, end).join(' ')
      if (!fits(chunk)) break
      const last = (words[end - 1] ?? '').toLowerCase()
      const score = Math.abs(chunk.length - target) / target - (/[,;:]$/.test(chunk) ? 0.35 : 0) + (WEAK_ENDINGS.has(last) || /[’']$/.test(last) ? 0.5 : 0)
      if (score < bestScore) {
        bestScore = score
        best = end
      }
    }
    chunks.push(words.slice(start, best).join(' '))
    start = best
  }
  return chunks
}

/**
 * Cuts a paragraph into caption cues of at most two lines of `lineChars` characters, sentence by sentence:
 * short sentences share a cue, long ones are split across several cues.
 */
export function captionCues(paragraph: string, lineChars = CAPTION_LINE_CHARS): string[] {
  const cues: string[] = []
  let current = ''
  const fits = (text: string) => wrapText(text, lineChars).length <= 2
  for (const sentence of splitSentences(gluePunctuation(paragraph))) {
    const joined = current === '' ? sentence : `${current} ${sentence}`
    if (fits(joined)) {
      current = joined
      continue
    }
    if (current !== '') cues.push(current)
    const parts = splitLongSentence(sentence, lineChars)
    cues.push(...parts.slice(0, -1))
    // The end of a long sentence may share its cue with the next short one.
    current = parts.at(-1) ?? ''
  }
  if (current !== '') cues.push(current)
  return cues.map((cue) => wrapText(cue, lineChars).join('\n').replace(/\u00A0/g, ' '))
}

/** A narrated stretch of the video: where its speech starts, how long it lasts, and what is said. */
export type TSpokenSegment = { start: number; duration: number; text: string }

/** Times caption cues inside each narrated segment, sharing its duration in proportion to the characters of each cue. */
export function timeCaptions(segments: TSpokenSegment[], lineChars = CAPTION_LINE_CHARS): TCue[] {
  const cues: TCue[] = []
  for (const segment of segments) {
    const texts = captionCues(segment.text, lineChars)
    const total = texts.reduce((sum, text) => sum + text.replace(/\n/g, ' ').length, 0)
    let offset = 0
    for (const text of texts) {
      const length = text.replace(/\n/g, ' ').length
      const start = segment.start + (segment.duration * offset) / total
      offset += length
      const end = segment.start + (segment.duration * offset) / total
      cues.push({ start: round3(start), end: round3(end), text })
    }
  }
  return cues
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** Formats seconds as a WebVTT timestamp, hh:mm:ss.mmm. */
export function formatVttTime(seconds: number): string {
  const totalMs = Math.round(seconds * 1000)
  const ms = totalMs % 1000
  const totalS = (totalMs - ms) / 1000
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(Math.floor(totalS / 3600))}:${pad(Math.floor((totalS % 3600) / 60))}:${pad(totalS % 60)}.${pad(ms, 3)}`
}

/** Serialises cues as a WebVTT file (numbered cues, LF line endings). */
export function serializeVtt(cues: TCue[]): string {
  const blocks = cues.map((cue, index) => `${index + 1}\n${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}\n${cue.text}`)
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`
}

/**
 * Escapes a value for an ffmpeg filter option inside a filter graph: first the option level (\ ' :), then the graph
 * level (\ ' [ ] , ;). See ffmpeg-filters(1), "Notes on filtergraph escaping".
 */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (char) => `\\${char}`)
  return optionLevel.replace(/[\\'[\],;]/g, (char) => `\\${char}`)
}

/**
 * Picks the key sentences a slide shows: up to `max` sentences in narration order for which `fits` holds, skipping a
 * sentence that would overflow rather than cutting it mid-way.
 */
export function keySentences(paragraph: string, options: { max?: number; fits: (sentences: string[]) => boolean }): string[] {
  const max = options.max ?? 3
  const picked: string[] = []
  for (const sentence of splitSentences(paragraph)) {
    if (picked.length >= max) break
    if (options.fits([...picked, sentence])) picked.push(sentence)
  }
  return picked
}

/** Wraps slide text, keeping French punctuation on the line of the word before it. */
export function wrapSlideText(text: string, lineChars: number): string[] {
  return wrapText(gluePunctuation(text), lineChars).map((line) => line.replace(/\u00A0/g, ' '))
}
