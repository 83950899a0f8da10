import type { Payload } from 'payload'
import type { ActionItemStatus } from '../rules/action-items.ts'

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

const NEXT_STEPS: { activity: string; status: ActionItemStatus; deadline: string; comments?: string }[] = [
  { activity: 'Missions de mise en place de la remontée des données par formulaires numériques', status: 'toDo', deadline: '2024-09-30', comments: 'Fonds attendus' },
  { activity: 'Formation des membres du cadre commun sur l’engagement communautaire', status: 'toDo', deadline: '2024-10-31' },
  { activity: 'Suivi formatif des acteurs de protection sur les outils harmonisés', status: 'toDo', deadline: '2024-11-30' },
  { activity: 'Configuration de CPIMS+', status: 'inProgress', deadline: '2024-09-30' },
  { activity: 'Formation des administrateurs décentralisés', status: 'toDo', deadline: '2024-11-30' },
  { activity: 'Formation des travailleurs sociaux et des superviseurs', status: 'toDo', deadline: '2025-01-31' },
  { activity: 'Nom de domaine et hébergement du site', status: 'done', deadline: '2024-09-12' },
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
      objectives: 'Renforcer les capacités des formateurs sur la gestion des cas et l’utilisation de CPIMS+ afin qu’ils forment à leur tour les gestionnaires de cas et les superviseurs de leurs structures.',
      expectedResults: 'Les participants maîtrisent les six étapes de la gestion des cas, les formulaires harmonisés et les huit modules pratiques de CPIMS+, et savent animer une session de formation.',
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
