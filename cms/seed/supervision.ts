import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { z } from 'zod'
import { ZFramework } from '../rules/competency-framework.ts'
import { civilDay } from '../rules/periods.ts'
import { shiftDay } from '../rules/supervision.ts'

// Formative supervision on a fresh install: the competency framework from content/competencies/framework.json, and
// (demo) visits for part of the demo training's participants — some never visited — so that coverage is below
// 100 % and the monthly alert has people to list. Every person here is invented.

/** Loads the framework file into `competencies` once per version; a bad file stops the seed naming the field. */
export async function seedCompetencies(payload: Payload, file = path.resolve(process.cwd(), 'content/competencies/framework.json')): Promise<number> {
  const parsed = ZFramework.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`content/competencies/framework.json is invalid: ${z.prettifyError(parsed.error)}`)
  const existing = await payload.find({ collection: 'competencies', where: { version: { equals: parsed.data.version } }, limit: 1, depth: 0, overrideAccess: true })
  if (existing.docs[0]) return 0
  await payload.create({ collection: 'competencies', data: { framework: parsed.data }, overrideAccess: true })
  return 1
}

type TDemoVisit = {
  person: [firstName: string, lastName: string]
  by: string
  date: string
  mode: 'onSite' | 'phone' | 'video'
  steps: string[]
  ratings: [behaviour: string, rating: 'notObserved' | 'toStrengthen' | 'acquired' | 'mastered', observation: string][]
  strengths: string
  gaps: string
  /** Days from the seed's day to the next follow-up (so the demo always has one due this week), or a fixed day. */
  next?: number | string
  actions?: { activity: string; deadline: string }[]
}

const VISITS: TDemoVisit[] = [
  {
    person: ['Ousmane', 'Traoré'],
    by: 'superviseur@example.org',
    date: '2024-11-20',
    mode: 'onSite',
    steps: ['1', '2'],
    ratings: [
      ['is-justifie-decisions', 'toStrengthen', 'Les décisions du dossier ne sont pas justifiées par écrit.'],
      ['is-ne-pas-nuire', 'acquired', 'Vérifie les risques avant chaque visite à domicile.'],
    ],
    strengths: 'Bonne relation avec les familles ; dossiers à jour.',
    gaps: 'Justification écrite des décisions ; approbation de l’évaluation approfondie avant de passer au plan.',
    next: '2025-02-12',
  },
  {
    person: ['Ousmane', 'Traoré'],
    by: 'superviseur@example.org',
    date: '2025-02-12',
    mode: 'phone',
    steps: ['3'],
    ratings: [
      ['is-justifie-decisions', 'acquired', 'Chaque décision du plan d’action est motivée.'],
      ['is-ne-pas-nuire', 'mastered', 'Explique à l’équipe comment évaluer les risques.'],
    ],
    strengths: 'Progrès net sur la justification des décisions.',
    gaps: 'Conférences de cas encore rares.',
    next: 5,
    actions: [{ activity: 'Organiser une conférence de cas par mois avec l’équipe', deadline: '2025-03-31' }],
  },
  {
    person: ['Aïssata', 'Konaté'],
    by: 'coordination@example.org',
    date: '2024-11-25',
    mode: 'video',
    steps: ['1'],
    ratings: [['is-justifie-decisions', 'acquired', 'Décisions motivées dans les dossiers relus.']],
    strengths: 'Maîtrise des formulaires d’enregistrement.',
    gaps: 'Recueil du consentement à documenter systématiquement.',
  },
  {
    person: ['Mamadou', 'Sidibé'],
    by: 'coordination@example.org',
    date: '2024-12-03',
    mode: 'phone',
    steps: ['5'],
    ratings: [['is-ne-pas-nuire', 'toStrengthen', 'Les risques ne sont pas réévalués au suivi.']],
    strengths: 'Suivi régulier des dossiers.',
    gaps: 'Réévaluer les risques à chaque suivi.',
  },
  {
    person: ['Fanta', 'Camara'],
    by: 'coordination@example.org',
    date: '2024-12-03',
    mode: 'onSite',
    steps: ['2', '3'],
    ratings: [['is-justifie-decisions', 'toStrengthen', 'Plan d’action sans objectifs mesurables.']],
    strengths: 'Écoute de l’enfant.',
    gaps: 'Objectifs du plan d’action.',
  },
]

/** Demo visits, once (skipped when any visit exists already): 4 of the 18 demo participants are visited. */
export async function seedDemoVisits(payload: Payload, now = new Date()): Promise<number> {
  if ((await payload.count({ collection: 'supervision-visits', overrideAccess: true })).totalDocs > 0) return 0
  let created = 0
  for (const v of VISITS) {
    const person = (await payload.find({ collection: 'participants', where: { and: [{ firstName: { equals: v.person[0] } }, { lastName: { equals: v.person[1] } }] }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    const by = (await payload.find({ collection: 'users', where: { email: { equals: v.by } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    if (!person || !by) continue
    const visit = await payload.create({
      collection: 'supervision-visits',
      overrideAccess: true,
      data: {
        person: person.id,
        supervisor: by.id,
        date: v.date,
        mode: v.mode,
        stepsObserved: v.steps as never,
        ratings: v.ratings.map(([behaviour, rating, observation]) => ({ behaviour, rating, observation })),
        strengths: v.strengths,
        gaps: v.gaps,
        nextFollowUp: typeof v.next === 'number' ? shiftDay(civilDay(now), v.next) : v.next,
      },
    })
    created += 1
    for (const action of v.actions ?? []) {
      await payload.create({ collection: 'action-items', overrideAccess: true, data: { ...action, status: 'inProgress', responsiblePerson: by.id, source: { relationTo: 'supervision-visits', value: visit.id } } })
      created += 1
    }
  }
  return created
}
