import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FORM_CODES } from '../cms/rules/toolkit.ts'
import { FORM_CODE_LIST, loadCurriculum, parseTranscript, parseVtt, SMALL_MAX_KBPS } from './schema.ts'

const SLUG = 'module-test'

function validModule(): Record<string, unknown> {
  const options = [
    { id: 'a', text: 'Première option' },
    { id: 'b', text: 'Deuxième option' },
    { id: 'c', text: 'Troisième option' },
  ]
  return {
    slug: SLUG,
    order: 1,
    title: { fr: 'Module de test' },
    summary: { fr: 'Un module fictif pour les tests.' },
    kind: 'step',
    step: '1',
    objectives: ['Premier objectif', 'Second objectif'],
    audience: ['caseManager'],
    durationMinutes: 3,
    chapters: [0, 10, 20, 30, 40].map((start, index) => ({ title: `Chapitre ${index + 1}`, start })),
    quiz: {
      passMark: 80,
      questions: [1, 2, 3, 4, 5].map((n) => ({
        id: `q${n}`,
        kind: n === 5 ? 'multiple' : 'single',
        prompt: `Question ${n} ?`,
        options,
        correct: n === 5 ? ['a', 'c'] : ['b'],
        explanation: 'Parce que.',
      })),
    },
    linkedForms: ['1.A', '1.B'],
    linkedResources: ['ressource-test'],
    media: {
      durationSeconds: 50,
      small: { file: 'media/small.mp4', bytes: 120, kbps: 50 },
      standard: { file: 'media/standard.mp4', bytes: 240, kbps: 100 },
      poster: 'media/poster.jpg',
    },
  }
}

const TRANSCRIPT = [1, 2, 3, 4, 5].map((n) => `## Chapitre ${n}\nLe paragraphe ${n} de la narration.\n`).join('\n')
const CAPTIONS = 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nPremier sous-titre\n\n2\n00:00:05.000 --> 00:00:49.800\nSecond sous-titre\n'

let root: string
let modulesDir: string
let resourcesDir: string

/** Writes one module folder; `edit` mutates the valid module.json, `files` overrides other files. */
function writeModule(edit: (module: Record<string, unknown>) => void = () => {}, files: Record<string, string> = {}, slug = SLUG): string {
  const dir = path.join(modulesDir, slug)
  fs.mkdirSync(path.join(dir, 'media'), { recursive: true })
  const module = validModule()
  module.slug = slug
  edit(module)
  fs.writeFileSync(path.join(dir, 'module.json'), files['module.json'] ?? JSON.stringify(module, null, 2))
  fs.writeFileSync(path.join(dir, 'transcript.md'), files['transcript.md'] ?? TRANSCRIPT)
  fs.writeFileSync(path.join(dir, 'captions.fr.vtt'), files['captions.fr.vtt'] ?? CAPTIONS)
  fs.writeFileSync(path.join(dir, 'media', 'small.mp4'), Buffer.alloc(120))
  fs.writeFileSync(path.join(dir, 'media', 'standard.mp4'), Buffer.alloc(240))
  fs.writeFileSync(path.join(dir, 'media', 'poster.jpg'), Buffer.alloc(10))
  return dir
}

const load = () => loadCurriculum(modulesDir, { resourcesDir })

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'curriculum-'))
  modulesDir = path.join(root, 'modules')
  resourcesDir = path.join(root, 'resources')
  fs.mkdirSync(modulesDir)
  fs.mkdirSync(resourcesDir)
  fs.writeFileSync(path.join(resourcesDir, 'ressource-test.md'), '# Ressource\n')
})

afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('loadCurriculum on fixtures', () => {
  it('loads a valid module with its transcript and captions', () => {
    writeModule()
    const [module] = load()
    expect(module?.slug).toBe(SLUG)
    expect(module?.transcript).toHaveLength(5)
    expect(module?.captions[1]).toEqual({ start: 5, end: 49.8, text: 'Second sous-titre' })
  })

  it('refuses a module without a quiz, naming the file and the field', () => {
    writeModule((module) => delete module.quiz)
    expect(load).toThrow(/module-test[\\/]module\.json[\s\S]*quiz/)
  })

  it('refuses a quiz of four questions', () => {
    writeModule((module) => {
      const quiz = module.quiz as { questions: unknown[] }
      quiz.questions = quiz.questions.slice(0, 4)
    })
    expect(load).toThrow(/quiz\.questions — au moins 5 questions/)
  })

  it('refuses a single-choice question with two correct answers', () => {
    writeModule((module) => {
      const quiz = module.quiz as { questions: { correct: string[] }[] }
      const first = quiz.questions[0]
      if (first) first.correct = ['a', 'b']
    })
    expect(load).toThrow(/quiz\.questions\.0\.correct — une question à choix unique doit avoir exactement une bonne réponse/)
  })

  it('refuses a correct answer that is not an option, and duplicate question ids', () => {
    writeModule((module) => {
      const quiz = module.quiz as { questions: { id: string; correct: string[] }[] }
      const [first, second] = quiz.questions
      if (first) first.correct = ['z']
      if (second) second.id = 'q1'
    })
    expect(load).toThrow(/quiz\.questions\.0\.correct\.0 — la bonne réponse « z »[\s\S]*quiz\.questions\.1\.id — question « q1 » en double/)
  })

  it('refuses an unknown form code', () => {
    writeModule((module) => (module.linkedForms = ['1.A', '7.Z']))
    expect(load).toThrow(/linkedForms\.1/)
  })

  it('refuses captions out of order', () => {
    writeModule(() => {}, { 'captions.fr.vtt': 'WEBVTT\n\n00:00:10.000 --> 00:00:12.000\nDeuxième\n\n00:00:02.000 --> 00:00:04.000\nPremier\n' })
    expect(load).toThrow(/captions\.fr\.vtt : cue 2 — commence à 2 s/)
  })

  it('refuses captions that run past the end of the video', () => {
    writeModule(() => {}, { 'captions.fr.vtt': 'WEBVTT\n\n00:00:00.000 --> 00:00:51.000\nTrop long\n' })
    expect(load).toThrow(/cue 1 — se termine à 51 s, après la fin de la vidéo \(50 s\)/)
  })

  it('refuses a captions file that is not WebVTT', () => {
    writeModule(() => {}, { 'captions.fr.vtt': '1\n00:00:00,000 --> 00:00:02,000\nSRT\n' })
    expect(load).toThrow(/captions\.fr\.vtt : cues — ligne 1 : un fichier WebVTT doit commencer par « WEBVTT »/)
  })

  it('refuses a media file whose size differs from module.json', () => {
    writeModule((module) => ((module.media as { small: { bytes: number } }).small.bytes = 999))
    expect(load).toThrow(/media\.small\.bytes — 999 annoncés mais media\/small\.mp4 fait 120 octets/)
  })

  it('refuses a small rendition above the bandwidth budget', () => {
    writeModule((module) => ((module.media as { small: { kbps: number } }).small.kbps = SMALL_MAX_KBPS + 1))
    expect(load).toThrow(/media\.small\.kbps — la version légère dépasse 250 kbit\/s/)
  })

  it('refuses chapters that do not match the transcript headings', () => {
    writeModule((module) => {
      const chapters = module.chapters as { title: string }[]
      if (chapters[2]) chapters[2].title = 'Autre titre'
    })
    expect(load).toThrow(/chapters\.2\.title — « Autre titre » ne correspond pas au titre « Chapitre 3 »/)
  })

  it('refuses unsorted chapters and a first chapter after 0', () => {
    writeModule((module) => (module.chapters = [5, 20, 10, 30, 40].map((start, index) => ({ title: `Chapitre ${index + 1}`, start }))))
    expect(load).toThrow(/chapters\.0\.start — le premier chapitre doit commencer à 0[\s\S]*chapters\.2\.start — les chapitres doivent être triés/)
  })

  it('refuses a step module without step, and a complementary module with one', () => {
    writeModule((module) => delete module.step)
    expect(load).toThrow(/step — obligatoire/)
    writeModule((module) => (module.kind = 'complementary'))
    expect(load).toThrow(/step — à omettre/)
  })

  it('refuses a linked resource that does not exist', () => {
    writeModule((module) => (module.linkedResources = ['ressource-absente']))
    expect(load).toThrow(/linkedResources\.0 — aucune ressource content\/resources\/ressource-absente\.md/)
  })

  it('refuses a slug that differs from its folder, and a duplicate order', () => {
    writeModule((module) => (module.slug = 'autre-slug'))
    expect(load).toThrow(/slug — « autre-slug » doit être égal au nom du dossier/)
    writeModule()
    writeModule(() => {}, {}, 'second-module')
    expect(load).toThrow(/order — 1 déjà utilisé/)
  })

  it('refuses invalid JSON and unknown keys', () => {
    writeModule(() => {}, { 'module.json': '{ "slug": ' })
    expect(load).toThrow(/module\.json : \(JSON\) — JSON invalide/)
    writeModule((module) => (module.quizz = {}))
    expect(load).toThrow(/quizz/)
  })

  it('refuses a transcript with text before the first heading or two paragraphs in a chapter', () => {
    writeModule(() => {}, { 'transcript.md': `Introduction libre.\n\n${TRANSCRIPT}` })
    expect(load).toThrow(/transcript\.md : chapitres — ligne 1/)
    writeModule(() => {}, { 'transcript.md': TRANSCRIPT.replace('Le paragraphe 2 de la narration.', 'Un.\n\nDeux.') })
    expect(load).toThrow(/chapitre « Chapitre 2 » : un seul paragraphe attendu/)
  })
})

describe('parseVtt', () => {
  it('reads cue ids, optional hours, settings, multi-line text and skips NOTE blocks', () => {
    const cues = parseVtt('\uFEFFWEBVTT - sous-titres\n\nNOTE relu\n\nintro\n00:01.500 --> 00:00:03.250 line:90%\nLigne une\nLigne deux\n\n01:00:00.000 --> 01:00:01.000\nFin\n')
    expect(cues).toEqual([
      { start: 1.5, end: 3.25, text: 'Ligne une\nLigne deux' },
      { start: 3600, end: 3601, text: 'Fin' },
    ])
  })
  it('throws on a malformed timing line, naming the line', () => {
    expect(() => parseVtt('WEBVTT\n\n00:00:01 --> 00:00:02\nTexte\n')).toThrow(/ligne 3 : horodatage attendu/)
  })
  it('throws on a cue that ends before it starts', () => {
    expect(() => parseVtt('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nTexte\n')).toThrow(/ligne 3 : la fin du sous-titre doit suivre son début/)
  })
})

describe('parseTranscript', () => {
  it('joins the lines of each chapter paragraph', () => {
    expect(parseTranscript('## Un\nLigne a\nligne b\n\n## Deux\nTexte.\n')).toEqual([
      { title: 'Un', text: 'Ligne a ligne b' },
      { title: 'Deux', text: 'Texte.' },
    ])
  })
})

describe('the shipped curriculum', () => {
  const curriculum = loadCurriculum()

  it('has the ten modules: six steps in order, then four complementary ones', () => {
    expect(curriculum.map((module) => module.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(curriculum.filter((module) => module.kind === 'step').map((module) => module.step)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(curriculum.filter((module) => module.kind === 'complementary').map((module) => module.slug)).toEqual([
      'principes-interet-superieur',
      'protection-des-donnees',
      'prise-en-main-cpims',
      'enfants-en-deplacement',
    ])
  })

  it('uses the form codes of the toolkit vocabulary', () => {
    expect([...FORM_CODE_LIST]).toEqual(Object.keys(FORM_CODES))
  })

  it('has 5 to 7 quiz questions per module, mixing single and multiple choice, with pass marks of 70 or 80', () => {
    for (const module of curriculum) {
      expect(module.quiz.questions.length, module.slug).toBeGreaterThanOrEqual(5)
      expect(module.quiz.questions.length, module.slug).toBeLessThanOrEqual(7)
      expect(new Set(module.quiz.questions.map((question) => question.kind)), module.slug).toEqual(new Set(['single', 'multiple']))
      expect([70, 80], module.slug).toContain(module.quiz.passMark)
    }
  })

  it('keeps the videos within the bandwidth and storage budgets', () => {
    const bytes = curriculum.reduce((sum, module) => sum + module.media.small.bytes + module.media.standard.bytes, 0)
    expect(bytes).toBeLessThan(25 * 1024 * 1024)
    for (const module of curriculum) {
      expect(module.media.small.kbps, module.slug).toBeLessThanOrEqual(SMALL_MAX_KBPS)
      // Under 2 MB per minute for the standard rendition too.
      expect(module.media.standard.bytes / (module.media.durationSeconds / 60), module.slug).toBeLessThan(2 * 1024 * 1024)
    }
  })

  it('has captions that cover the narration up to the end of the video', () => {
    for (const module of curriculum) {
      const last = module.captions.at(-1)
      expect(last && module.media.durationSeconds - last.end, module.slug).toBeLessThan(2)
    }
  })
})
