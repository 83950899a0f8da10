import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseVtt } from '../schema.ts'
import { CAPTION_LINE_CHARS, captionCues, escapeFilterValue, formatVttTime, keySentences, serializeVtt, splitSentences, timeCaptions, toSpeechText, wrapText } from './media-text.ts'

const PARAGRAPH =
  'Avant d’enregistrer le cas, expliquez à l’enfant et à sa famille ce que l’accompagnement implique, dans une langue qu’ils comprennent. ' +
  'Le consentement doit être libre et éclairé, et il peut être retiré. ' +
  'Si un parent est soupçonné d’être l’auteur des violences, la décision est prise avec le superviseur et motivée par écrit.'

describe('toSpeechText', () => {
  it('spells acronyms and reads form codes as the trainers say them', () => {
    expect(toSpeechText('Dans CPIMS+, la DNPEF et l’OIM utilisent le formulaire 2.A puis A.1.')).toBe(
      'Dans C P I M S plus, la D N P E F et l’O I M utilisent le formulaire 2 A puis A 1.',
    )
  })
  it('leaves ordinary words, UNICEF and French punctuation alone', () => {
    expect(toSpeechText('L’UNICEF appuie l’enfant : « ne pas nuire ».')).toBe('L’UNICEF appuie l’enfant : « ne pas nuire ».')
  })
})

describe('splitSentences', () => {
  it('splits on sentence ends but not inside form codes', () => {
    expect(splitSentences('Le formulaire 1.A est signé. Ensuite ? Le 1.B suit.')).toEqual(['Le formulaire 1.A est signé.', 'Ensuite ?', 'Le 1.B suit.'])
  })
})

describe('captions', () => {
  it('cuts a paragraph into cues of at most two lines of 42 characters, losing no word', () => {
    const cues = captionCues(PARAGRAPH)
    expect(cues.length).toBeGreaterThan(2)
    for (const cue of cues) {
      const lines = cue.split('\n')
      expect(lines.length).toBeLessThanOrEqual(2)
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(CAPTION_LINE_CHARS)
    }
    expect(cues.join(' ').replace(/\n/g, ' ')).toBe(PARAGRAPH)
  })

  it('keeps French punctuation with the word before it', () => {
    for (const cue of captionCues('Une question simple se pose toujours au premier contact avec un enfant : est-il en sécurité aujourd’hui ?')) {
      expect(cue).not.toMatch(/^[:?]|\n[:?]/)
    }
  })

  it('times cues inside each segment in proportion to their length', () => {
    const cues = timeCaptions([
      { start: 0, duration: 2, text: 'Titre du module.' },
      { start: 3.5, duration: 18, text: PARAGRAPH },
    ])
    expect(cues[0]).toEqual({ start: 0, end: 2, text: 'Titre du module.' })
    expect(cues[1]?.start).toBe(3.5)
    expect(cues.at(-1)?.end).toBe(21.5)
    cues.slice(1).forEach((cue, index, rest) => {
      const previous = rest[index - 1]
      if (previous) expect(cue.start).toBe(previous.end)
      expect(cue.end - cue.start).toBeLessThanOrEqual(12)
    })
  })

  it('serialises WebVTT that parseVtt reads back', () => {
    const cues = timeCaptions([{ start: 3725.5, duration: 9, text: PARAGRAPH }])
    expect(formatVttTime(3725.5)).toBe('01:02:05.500')
    expect(parseVtt(serializeVtt(cues))).toEqual(cues)
  })
})

describe('slides', () => {
  it('wraps words without exceeding the width', () => {
    expect(wrapText('un deux trois quatre cinq', 10)).toEqual(['un deux', 'trois', 'quatre', 'cinq'])
  })
  it('picks up to three sentences that fit, skipping one that would overflow', () => {
    const fitsInFiveLines = (sentences: string[]) => sentences.reduce((sum, sentence) => sum + wrapText(sentence, 50).length, 0) <= 5
    expect(keySentences(PARAGRAPH, { fits: fitsInFiveLines })).toEqual([splitSentences(PARAGRAPH)[0], splitSentences(PARAGRAPH)[1]])
    expect(keySentences('Un. Deux. Trois. Quatre.', { fits: () => true })).toEqual(['Un.', 'Deux.', 'Trois.'])
  })
})

describe('escapeFilterValue', () => {
  it('escapes option-level then graph-level special characters', () => {
    // ':' is escaped once for the option parser; the graph parser then only needs that backslash doubled.
    expect(escapeFilterValue('/tmp/a:b')).toBe('/tmp/a\\\\:b')
    expect(escapeFilterValue("l'a,b")).toBe("l\\\\\\'a\\,b")
    expect(escapeFilterValue('[x];y')).toBe('\\[x\\]\\;y')
  })

  // ffmpeg is a test dependency (npm test installs it on Debian, like Chromium): this test never skips.
  it('lets ffmpeg drawtext read a text file whose path holds quotes, colons and commas', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "draw'text:,["))
    try {
      const textFile = path.join(dir, 'texte.txt')
      fs.writeFileSync(textFile, 'L’enfant : 100 % « protégé », c’est l’essentiel')
      const out = path.join(dir, 'out.png')
      const filter = `drawtext=fontfile=${escapeFilterValue('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')}:textfile=${escapeFilterValue(textFile)}:expansion=none:fontsize=20:x=10:y=10`
      const result = spawnSync('ffmpeg', ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=white:s=320x60:d=1', '-vf', filter, '-frames:v', '1', '-update', '1', out], { encoding: 'utf8' })
      expect(result.stderr).toBe('')
      expect(fs.statSync(out).size).toBeGreaterThan(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('caption cuts', () => {
  it('prefers cutting after a comma and never after a weak word', () => {
    const cues = captionCues('Une divulgation peut l’exposer à des représailles, à la stigmatisation ou à de nouvelles violences graves et durables.')
    expect(cues[0]?.replace(/\n/g, ' ')).toBe('Une divulgation peut l’exposer à des représailles,')
    for (const cue of cues) expect(cue).not.toMatch(/\s(à|de|des|la|le|et|ou)$/)
  })
})
