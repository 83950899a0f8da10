import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import type { ActionItemStatus } from '../rules/action-items.ts'
import { MODULES_DIR } from '../../training/schema.ts'

// A fictitious training of trainers in the shape of the September 2024 one (docs/domain.md): 18 participants, 6 women
// and 12 men, 5 days, the organisations of the system, attendance, tests, evaluation and next steps — so that the
// report can be produced on a fresh install. Every person here is invented.

const TITLE = 'Formation des formateurs sur la gestion des cas et CPIMS+ (démo)'
const DAYS = ['2024-09-17', '2024-09-18', '2024-09-19', '2024-09-20', '2024-09-21']

const PEOPLE: [string, string, 'F' | 'M', string, string][] = [
  ['Aïssata', 'Konaté', 'F', 'Chargée de protection de l’enfant', 'DNPEF'],
  ['Bakary', 'Diarra', 'M', 'Gestionnaire de cas', 'DNPEF'],
  ['Mamadou', 'Sidibé', 'M', 'Superviseur', 'Tdh'],
  ['Fanta', 'Camara', 'F', 'Gestionnaire de cas', 'Tdh'],
  ['Seydou', 'Ballo', 'M', 'Administrateur CPIMS+', 'UNICEF'],
  ['Adama', 'Coulibaly', 'M', 'Animateur', 'Kanuya'],
  ['Kadiatou', 'Doumbia', 'F', 'Travailleuse sociale', 'Kanuya'],
  ['Ousmane', 'Traoré', 'M', 'Superviseur', 'IRC'],
  ['Hamidou', 'Maïga', 'M', 'Gestionnaire de cas', 'IRC'],
  ['Salimata', 'Keïta', 'F', 'Psychologue', 'SAMU SOCIAL Mali'],
  ['Youssouf', 'Dembélé', 'M', 'Éducateur', 'SAMU SOCIAL Mali'],
  ['Ibrahima', 'Sangaré', 'M', 'Éducateur surveillé', 'DNAPE'],
  ['Moussa', 'Cissé', 'M', 'Chef de section', 'DNAPE'],
  ['Rokia', 'Diallo', 'F', 'Gestionnaire de cas', 'ENDA Mali'],
  ['Drissa', 'Togola', 'M', 'Superviseur', 'ENDA Mali'],
  ['Boubacar', 'Guindo', 'M', 'Gestionnaire de cas', 'GARDL'],
  ['Souleymane', 'Kanté', 'M', 'Coordinateur de projet', 'GARDL'],
  ['Nana', 'Bagayoko', 'F', 'Travailleuse sociale', 'DNPEF'],
]
const REGION_OF: Record<string, string> = { GARDL: 'MOP', Tdh: 'MOP', IRC: 'GAO' }

/** Attendance of participant i on day d: mostly present, a few late, absent or excused (deterministic). */
function status(i: number, d: number): 'present' | 'late' | 'absent' | 'excused' {
  if ((i * 7 + d * 3) % 23 === 0) return 'absent'
  if ((i + d) % 11 === 0) return 'late'
  if (i === 13 && d === 4) return 'excused'
  return 'present'
}

const NEXT_STEPS: { activity: string; status: ActionItemStatus; deadline: string; comments?: string; owner: string }[] = [
  { activity: 'Missions de mise en place de la remontée des données par formulaires numériques', status: 'toDo', deadline: '2024-09-30', comments: 'Fonds attendus', owner: 'DNPEF, division enfance' },
  { activity: 'Formation des membres du cadre commun sur l’engagement communautaire', status: 'toDo', deadline: '2024-10-31', owner: 'DNPEF et UNICEF' },
  { activity: 'Suivi formatif des acteurs de protection sur les outils harmonisés', status: 'toDo', deadline: '2024-11-30', owner: 'Formateurs formés' },
  { activity: 'Configuration de CPIMS+', status: 'inProgress', deadline: '2024-09-30', owner: 'Administrateur national CPIMS+' },
  { activity: 'Formation des administrateurs décentralisés', status: 'toDo', deadline: '2024-11-30', owner: 'Administrateur national CPIMS+' },
  { activity: 'Formation des travailleurs sociaux et des superviseurs', status: 'toDo', deadline: '2025-01-31', owner: 'Formateurs formés' },
  { activity: 'Nom de domaine et hébergement du site', status: 'done', deadline: '2024-09-12', owner: 'DNPEF' },
]

// What the report tells of each day (modules, facilitation, practice, ceremonies): invented, in the real shape.
const PROGRAMME = [
  {
    modules: 'Principes directeurs de la gestion des cas\nLes six étapes de la gestion des cas',
    facilitators: 'Équipe de formation DNPEF',
    practised: 'Études de cas en groupes sur l’identification et l’enregistrement.',
    openedBy: 'Le chef de la division enfance de la DNPEF, qui a remercié l’UNICEF pour son appui',
  },
  { modules: 'Évaluation initiale et approfondie\nPlan d’action et conférence de cas', facilitators: 'Équipe de formation DNPEF et Tdh', practised: 'Jeux de rôle : entretien avec un enfant et sa famille ; rédaction d’un plan d’action.' },
  { modules: 'Prise en main de CPIMS+\nEnregistrement, évaluation approfondie et approbations dans CPIMS+', facilitators: 'Administrateur CPIMS+ (UNICEF)', practised: 'Exercices pratiques dans l’environnement d’entraînement de CPIMS+.' },
  { modules: 'Suivi et réexamen\nClôture, référencement et transfert dans CPIMS+', facilitators: 'Administrateur CPIMS+ (UNICEF) et équipe DNPEF', practised: 'Référencement d’un cas entre deux structures dans CPIMS+.' },
  {
    modules: 'Comptes utilisateurs et pièces jointes\nTechniques d’animation d’une formation',
    facilitators: 'Équipe de formation DNPEF',
    practised: 'Micro-enseignements : chaque participant anime une séquence de 15 minutes.',
    closedBy: 'Le Directeur national de la Promotion de l’Enfant et de la Famille',
  },
]

// Demo "photos": illustrations of the self-training modules shown during the sessions, stored as private report images.
const PHOTOS: { module: string; caption: string; onCover?: boolean }[] = [
  { module: 'etape-1-identification-enregistrement', caption: 'Séance plénière sur les six étapes de la gestion des cas (illustration de démonstration)', onCover: true },
  { module: 'etape-3-plan-action-conference', caption: 'Travaux de groupe sur le plan d’action (illustration de démonstration)' },
  { module: 'prise-en-main-cpims', caption: 'Exercices pratiques dans CPIMS+ (illustration de démonstration)' },
]

/** Creates the demo training once (matched on its title); returns how many records were created. */
export async function seedDemoTraining(payload: Payload): Promise<number> {
  const existing = await payload.find({ collection: 'trainings', where: { title: { equals: TITLE } }, limit: 1, depth: 0, overrideAccess: true })
  if (existing.docs[0]) return 0
  const find = async (collection: 'organisations' | 'regions' | 'users', field: string, value: string) =>
    (await payload.find({ collection, where: { [field]: { equals: value } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]?.id
  const trainer = await find('users', 'email', 'formateur@example.org')
  const bamako = await find('regions', 'code', 'BKO')
  const training = await payload.create({
    collection: 'trainings',
    overrideAccess: true,
    data: {
      title: TITLE,
      kind: 'trainingOfTrainers',
      status: 'done',
      startDate: DAYS[0]!,
      endDate: DAYS[DAYS.length - 1]!,
      venue: 'Bamako, salle de conférence de la DNPEF',
      region: bamako as number,
      organiser: (await find('organisations', 'acronym', 'DNPEF')) as number,
      funder: (await find('organisations', 'acronym', 'UNICEF')) as number,
      trainers: trainer ? [trainer as number] : [],
      specificObjectives: [
        'Maîtriser les principes directeurs et les six étapes de la gestion des cas',
        'Utiliser les formulaires harmonisés à chaque étape',
        'Pratiquer les huit modules de CPIMS+ dans l’environnement d’entraînement',
        'Savoir animer une session de formation des gestionnaires de cas',
      ].join('\n'),
      methodology: 'La formation a alterné des exposés courts, des séances pratiques dans CPIMS+, des questions-réponses, des discussions en plénière, des travaux de groupe et des séances de brainstorming. Un pré-test et un post-test ont mesuré les acquis.',
      conclusion: 'Les objectifs de la formation ont été atteints : la progression entre le pré-test et le post-test et les micro-enseignements montrent que les participants peuvent former à leur tour. Le suivi formatif et la disponibilité d’une connexion pour les exercices dans CPIMS+ conditionnent la réussite des formations en cascade.',
      programme: DAYS.map((date, d) => ({ date, ...PROGRAMME[d] })),
      photos: await demoPhotos(payload, trainer as number | undefined),
      objectives: 'Renforcer les capacités des formateurs sur la gestion des cas et l’utilisation de CPIMS+ afin qu’ils forment à leur tour les gestionnaires de cas et les superviseurs de leurs structures.',
      expectedResults: [
        'Les participants maîtrisent les six étapes de la gestion des cas et les formulaires harmonisés',
        'Les participants savent utiliser les huit modules pratiques de CPIMS+',
        'Les participants savent animer une session de formation',
      ].join('\n'),
      context: 'Dans le cadre du déploiement de CPIMS+ au Mali, la DNPEF a organisé avec l’appui de l’UNICEF une formation des formateurs réunissant les structures qui pratiquent la gestion des cas.',
      agenda: 'Jour 1 : principes et six étapes de la gestion des cas. Jour 2 : évaluation et plan d’action. Jour 3 : CPIMS+, enregistrement, évaluation approfondie et approbations. Jour 4 : suivi, clôture, référencement et transfert. Jour 5 : comptes utilisateurs, pièces jointes, techniques d’animation et évaluation.',
      recommendations: 'Planifier sans délai les formations en cascade dans les régions ; assurer un suivi formatif de chaque personne formée ; prévoir des connexions suffisantes pour les exercices pratiques.',
    },
  })
  let created = 1
  for (const [i, [firstName, lastName, sex, fn, acronym]] of PEOPLE.entries()) {
    const participant = await payload.create({
      collection: 'participants',
      overrideAccess: true,
      data: {
        firstName,
        lastName,
        sex,
        function: fn,
        organisation: (await find('organisations', 'acronym', acronym)) as number,
        region: (await find('regions', 'code', REGION_OF[acronym] ?? 'BKO')) as number,
        phone: `+223 70 00 ${String(10 + i).padStart(2, '0')} ${String(20 + i).padStart(2, '0')}`,
        email: `${asciiName(firstName)}.${asciiName(lastName)}@example.org`,
        confirmedDistinct: true,
      },
    })
    const pre = 35 + ((i * 13) % 30)
    await payload.create({
      collection: 'enrolments',
      overrideAccess: true,
      data: {
        training: training.id,
        participant: participant.id,
        attendance: DAYS.map((date, d) => ({ date, status: status(i, d) })),
        preTest: pre,
        postTest: Math.min(100, pre + 15 + ((i * 7) % 20)),
        evaluation: { organisation: 3 + (i % 3), content: 4 + (i % 2), methods: 4, trainers: 5 - (i % 2), usefulness: 4 + ((i + 1) % 2), comment: i % 4 === 0 ? 'Plus de temps pour les exercices pratiques sur CPIMS+.' : undefined },
      },
    })
    created += 2
  }
  for (const step of NEXT_STEPS) {
    await payload.create({ collection: 'action-items', overrideAccess: true, data: { ...step, source: { relationTo: 'trainings', value: training.id } } })
    created += 1
  }
  return created
}

/** Uploads the demo photos as private report images of the demo trainer. */
async function demoPhotos(payload: Payload, trainer: number | undefined): Promise<{ image: number; caption: string; onCover: boolean }[]> {
  const photos = []
  for (const photo of PHOTOS) {
    const file = path.join(MODULES_DIR, photo.module, 'media', 'poster.jpg')
    const data = await fs.readFile(file)
    const image = await payload.create({
      collection: 'report-images',
      overrideAccess: true,
      data: { alt: photo.caption, trainers: trainer ? [trainer] : [] },
      file: { data, mimetype: 'image/jpeg', name: `demo-${photo.module}.jpg`, size: data.length },
    })
    photos.push({ image: image.id, caption: photo.caption, onCover: photo.onCover ?? false })
  }
  return photos
}

/** A name as the local part of a demo email address: lower case, accents removed. */
function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()
}
