import type { Payload, PayloadRequest } from 'payload'
import { QUIET } from '../collections/Meetings/hooks.ts'
import type { ActionItemStatus } from '../rules/action-items.ts'
import { bamakoInstant, type PlanStatus } from '../rules/meetings.ts'
import { civilDay, periodDays, periodLabel, periodOf, previousPeriod } from '../rules/periods.ts'

// Demo data of the common framework: last quarter's meeting held (attendance, minutes, action points) and the next
// one planned, so quarter compliance and the action points carried onto the next agenda show on a fresh install;
// and the capacity-building plan as it stood after the September 2024 training of trainers (docs/domain.md), with
// the changes made since, so the plan's history and its state at a past date show too.

const INVITED = ['DNPEF', 'DNAPE', 'UNICEF', 'OIM', 'Tdh', 'IRC', 'SAMU SOCIAL Mali', 'ENDA Mali', 'Kanuya', 'GARDL']
const AGENDA = ['Suivi des points d’action de la réunion précédente', 'Revue du plan de renforcement des capacités', 'Déploiement de CPIMS+ dans les régions', 'Divers']

type TPlanSeed = { activity: string; targetGroup?: string; responsible: string; period?: string; fundingSource?: string; budget?: number; region?: string; status: PlanStatus; deadline?: string; comments?: string; later?: { at: string; status: PlanStatus; deadline?: string; comments?: string }[] }

/** The next-steps table that ends the training-of-trainers report (September 2024), and what happened since. */
const PLAN: TPlanSeed[] = [
  { activity: 'Mini-atelier du cadre commun national de gestion des cas', responsible: 'DNPEF', status: 'done', deadline: '2024-08-02', period: '2024Q3' },
  { activity: 'Atelier national d’adaptation des outils harmonisés aux enfants en conflit avec la loi, avec les acteurs de la justice', targetGroup: 'Acteurs de la justice', responsible: 'DNPEF, DNAPE', status: 'done', deadline: '2024-08-15', period: '2024Q3', comments: 'Rapport de synthèse attendu' },
  { activity: 'Formation des formateurs sur CPIMS+', targetGroup: 'Formateurs des structures', responsible: 'DNPEF', fundingSource: 'UNICEF', status: 'done', deadline: '2024-09-21', period: '2024Q3' },
  {
    activity: 'Missions de mise en place de la remontée des données par formulaires numériques',
    targetGroup: 'Gestionnaires de cas',
    responsible: 'DNPEF',
    region: 'MOP',
    fundingSource: 'UNICEF',
    status: 'notDone',
    deadline: '2024-09-30',
    period: '2024Q3',
    comments: 'Fonds attendus',
    later: [{ at: '2024-10-15T10:00:00.000Z', status: 'postponed', deadline: '2025-03-31', comments: 'Fonds attendus ; reporté au 1er trimestre 2025' }],
  },
  { activity: 'Formation des membres du cadre commun sur l’engagement communautaire', targetGroup: 'Membres du cadre commun', responsible: 'DNPEF', status: 'notDone', deadline: '2024-10-31', period: '2024Q4' },
  { activity: 'Suivi formatif des acteurs de protection sur les outils harmonisés', targetGroup: 'Gestionnaires de cas et superviseurs formés', responsible: 'DNPEF et structures', status: 'notDone', deadline: '2024-11-30', period: '2024Q4', later: [{ at: '2025-02-10T10:00:00.000Z', status: 'inProgress', comments: 'Suivi à distance commencé' }] },
  { activity: 'Signature du protocole d’accord MPFEF–UNICEF', responsible: 'MPFEF', status: 'notDone', deadline: '2024-09-15', period: '2024Q3' },
  { activity: 'Signature de l’arrêté ministériel', responsible: 'MPFEF', status: 'notDone', deadline: '2024-09-15', period: '2024Q3' },
  { activity: 'Atelier national de lancement et de planification du déploiement', responsible: 'DNPEF', fundingSource: 'UNICEF', budget: 12_500_000, status: 'notDone', deadline: '2024-09-30', period: '2024Q3', later: [{ at: '2025-01-20T10:00:00.000Z', status: 'postponed', deadline: '2025-06-30', comments: 'Reporté après la signature de l’arrêté' }] },
  {
    activity: 'Configuration de CPIMS+',
    responsible: 'Consultant, DNPEF',
    fundingSource: 'UNICEF',
    status: 'notDone',
    deadline: '2024-09-30',
    period: '2024Q3',
    later: [
      { at: '2024-11-20T10:00:00.000Z', status: 'inProgress', deadline: '2024-12-31' },
      { at: '2025-02-28T10:00:00.000Z', status: 'done', comments: 'Formulaires harmonisés et flux d’approbation configurés' },
    ],
  },
  { activity: 'Accords d’utilisation avec les structures utilisatrices', responsible: 'DNPEF', status: 'notDone', deadline: '2024-09-30', period: '2024Q3' },
  { activity: 'Formation des administrateurs décentralisés de CPIMS+', targetGroup: 'Administrateurs des structures', responsible: 'DNPEF', fundingSource: 'UNICEF', status: 'notDone', deadline: '2024-11-30', period: '2024Q4', later: [{ at: '2025-03-15T10:00:00.000Z', status: 'inProgress' }] },
  { activity: 'Formation des travailleurs sociaux et des superviseurs', targetGroup: 'Travailleurs sociaux et superviseurs', responsible: 'Formateurs', status: 'notDone', deadline: '2025-01-31', period: '2025Q1' },
  { activity: 'Supervision et suivi (en présentiel et à distance)', responsible: 'DNPEF', status: 'notDone', comments: 'En continu' },
  { activity: 'Maintenance de CPIMS+', responsible: 'Consultant', fundingSource: 'UNICEF', status: 'inProgress', comments: 'En continu' },
  { activity: 'Rapport d’évaluation et de passage à l’échelle', responsible: 'DNPEF', status: 'notDone' },
  { activity: 'Maintenance du site web', responsible: 'Consultant', fundingSource: 'UNICEF', status: 'inProgress', comments: 'En continu' },
  { activity: 'Nom de domaine et hébergement du site', responsible: 'Consultant', status: 'done', deadline: '2024-09-12', period: '2024Q3' },
  { activity: 'Présentation de la plateforme aux partenaires gouvernementaux', responsible: 'DNPEF', status: 'notDone', comments: 'Lors de l’atelier de lancement' },
]

/** The day the plan was first written down: the end of the training of trainers. */
const PLAN_WRITTEN_AT = '2024-09-21T17:00:00.000Z'

type Ids = { org: (acronym: string) => number | undefined; user: (email: string) => number | undefined; region: (code: string) => number | undefined }

async function lookups(payload: Payload): Promise<Ids> {
  const [orgs, users, regions] = await Promise.all([
    payload.find({ collection: 'organisations', overrideAccess: true, depth: 0, limit: 500, pagination: false }),
    payload.find({ collection: 'users', overrideAccess: true, depth: 0, limit: 50, pagination: false, where: { email: { like: '@example.org' } } }),
    payload.find({ collection: 'regions', overrideAccess: true, depth: 0, limit: 500, pagination: false }),
  ])
  return {
    org: (a) => orgs.docs.find((o) => o.acronym === a)?.id,
    user: (e) => users.docs.find((u) => u.email === e)?.id,
    region: (c) => regions.docs.find((r) => r.code === c)?.id,
  }
}

/** The demo meetings (matched on their demo titles) and plan (when empty); returns how many records were created. */
export async function seedFrameworkMeetings(payload: Payload, now = new Date()): Promise<number> {
  const ids = await lookups(payload)
  return (await seedMeetings(payload, ids, now)) + (await seedPlan(payload, ids))
}

async function seedMeetings(payload: Payload, ids: Ids, now: Date): Promise<number> {
  const existing = await payload.count({ collection: 'meetings', overrideAccess: true, where: { title: { like: '(démo)' } } })
  if (existing.totalDocs > 0) return 0
  const context = { [QUIET]: true }
  const invited = INVITED.map(ids.org).filter((id): id is number => id !== undefined)
  const coordinator = ids.user('coordination@example.org')
  // Last quarter's meeting, held on the 12th of its second month; the next one two weeks from today.
  const last = previousPeriod(periodOf('quarter', now))
  const heldDay = `${periodDays(last).first.slice(0, 5)}${String(3 * last.quarter - 1).padStart(2, '0')}-12`
  const plannedDay = civilDay(new Date(now.getTime() + 14 * 86_400_000))
  const planned = periodOf('quarter', plannedDay)
  const base = { kind: 'quarterly' as const, venue: 'DNPEF, salle de conférence, Bamako', organiser: ids.org('DNPEF'), invitedOrganisations: invited, agenda: AGENDA.map((item) => ({ item })) }
  const attendee = (email: string, role: string) => ({ person: ids.user(email), organisation: undefined as number | undefined, role })
  const held = await payload.create({
    collection: 'meetings',
    overrideAccess: true,
    context,
    data: {
      ...base,
      title: `Réunion du cadre commun — ${periodLabel(last)} (démo)`,
      status: 'held',
      start: bamakoInstant(heldDay, '09:00').toISOString(),
      end: bamakoInstant(heldDay, '13:00').toISOString(),
      attendance: [
        { ...attendee('coordination@example.org', 'Coordination DNPEF'), organisation: ids.org('DNPEF') },
        { ...attendee('formateur@example.org', 'Formatrice'), organisation: ids.org('Tdh') },
        { ...attendee('superviseur@example.org', 'Superviseur'), organisation: ids.org('IRC') },
        { ...attendee('gestionnaire@example.org', 'Gestionnaire de cas'), organisation: ids.org('SAMU SOCIAL Mali') },
        { person: undefined, name: 'Représentant de l’UNICEF (démo)', organisation: ids.org('UNICEF'), role: 'Spécialiste protection de l’enfant' },
        { person: undefined, name: 'Représentante de la DNAPE (démo)', organisation: ids.org('DNAPE'), role: 'Point focal' },
      ],
      discussion: 'La DNPEF a ouvert la séance et rappelé l’obligation de réunir le cadre commun chaque trimestre.\nLes structures ont présenté l’état de la formation en cascade et les difficultés de connexion dans les régions.\nL’UNICEF a fait le point sur le financement des missions de remontée des données.',
      decisions: 'Tenir la prochaine réunion au trimestre suivant\nPrioriser la formation des administrateurs décentralisés\nPartager le compte rendu sous une semaine',
      planReview: 'Configuration de CPIMS+ : réalisée. Formation des administrateurs décentralisés : en cours. Atelier de lancement : reporté après la signature de l’arrêté.',
      rsvps: [],
    },
  })
  const items: { activity: string; status: ActionItemStatus; deadline: string; org: string }[] = [
    { activity: 'Partager le compte rendu de la réunion avec les structures membres', status: 'done', deadline: heldDay, org: 'DNPEF' },
    { activity: 'Transmettre la liste des administrateurs à former, par structure', status: 'toDo', deadline: periodDays(planned).first, org: 'Tdh' },
    { activity: 'Organiser la formation des administrateurs décentralisés', status: 'inProgress', deadline: periodDays(planned).last, org: 'DNPEF' },
  ]
  for (const item of items) {
    await payload.create({ collection: 'action-items', overrideAccess: true, data: { activity: item.activity, status: item.status, deadline: item.deadline, responsibleOrganisation: ids.org(item.org), responsiblePerson: item.org === 'DNPEF' ? coordinator : undefined, source: { relationTo: 'meetings', value: held.id } } })
  }
  await payload.create({
    collection: 'meetings',
    overrideAccess: true,
    context,
    data: { ...base, title: `Réunion du cadre commun — ${periodLabel(planned)} (démo)`, status: 'planned', start: bamakoInstant(plannedDay, '09:00').toISOString(), end: bamakoInstant(plannedDay, '13:00').toISOString() },
  })
  return 2 + items.length
}

async function seedPlan(payload: Payload, ids: Ids): Promise<number> {
  if ((await payload.count({ collection: 'capacity-plan-items', overrideAccess: true })).totalDocs > 0) return 0
  const coordinator = ids.user('coordination@example.org')
  // Changes are written as the demo coordinator at their own dates, so the history reads as it happened.
  const by = coordinator === undefined ? undefined : ((await payload.findByID({ collection: 'users', id: coordinator, overrideAccess: true, depth: 0 })) as unknown as PayloadRequest['user'])
  for (const entry of PLAN) {
    const { later, region, ...fields } = entry
    const item = await payload.create({ collection: 'capacity-plan-items', overrideAccess: true, user: by, context: { planHistoryAt: PLAN_WRITTEN_AT }, data: { ...fields, region: region ? ids.region(region) : undefined } })
    for (const change of later ?? []) {
      const { at, ...data } = change
      await payload.update({ collection: 'capacity-plan-items', id: item.id, overrideAccess: true, user: by, context: { planHistoryAt: at }, data })
    }
  }
  return PLAN.length
}
