import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { PortalError } from '#cms/endpoints/errors.ts'
import type { User } from '#cms/payload-types.ts'
import { addAttachment, addTrainingTrainees, assignTrainee, caseOf, casesOf, checked, createGroupWorkspace, linkableTrainings, linkTraining, openWorkspace, personalWorkspace, registerCase, actingAs, ZTraineeRole, ZTrainingChoice } from '#cms/sandbox/service.ts'
import { FICTITIOUS_BANNER } from '#cms/sandbox/case-file.ts'
import { solidPng } from '../helpers/images.ts'
import { pdfText } from '../helpers/pdf.ts'
import { accountByEmail, testPortal } from '../helpers/portal.ts'

// What a trainer and a trainee get around a sandbox case on a real database: the printed case file (to those who
// read the case page only), and a group workspace linked to one of the trainer's trainings, whose enrolled
// participants with a portal account become trainees in one action.

let payload: Payload
let trainer: User
let trainee: User
let stranger: User
let wsId: number
const now = new Date()
const sys = { overrideAccess: true as const, depth: 0 }

async function person(email: string, roles: string[], name = email.split('@')[0]!): Promise<User> {
  return (await payload.create({ collection: 'users', data: { email, name, password: 'Baobab-sous-la-pluie-7', roles, passwordExpiryExempt: true } as never, ...sys })) as User
}
async function refusal(operation: () => Promise<unknown>): Promise<string | null> {
  try {
    await operation()
    return null
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    return [error.message, ...(error.fields ?? []).map((f) => f.message)].join(' | ')
  }
}
/** The case file as the route answers it to a person. */
async function print(who: User | null, ws: number, caseId: string): Promise<Response> {
  const { GET } = await import('../../site/pages/bac-a-sable/[ws]/cas/[caseId]/dossier.pdf.ts')
  const url = new URL(`http://localhost:4321/bac-a-sable/${ws}/cas/${caseId}/dossier.pdf`)
  return GET({ url, request: new Request(url), params: { ws: String(ws), caseId }, cookies: { get: () => undefined }, locals: { payload, user: who, lang: 'fr' } } as never) as Promise<Response>
}

/** A form save as the offline queue sends it. */
async function save(who: User | null, ws: number, caseId: string, body: unknown, key: string | null): Promise<Response> {
  const { POST } = await import('../../site/pages/bac-a-sable/[ws]/cas/[caseId]/fiche.json.ts')
  const url = new URL(`http://localhost:4321/bac-a-sable/${ws}/cas/${caseId}/fiche.json`)
  const request = new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) })
  return POST({ url, request, params: { ws: String(ws), caseId }, cookies: { get: () => undefined }, locals: { payload, user: who, lang: 'fr' } } as never) as Promise<Response>
}
const messages = async (response: Response) => ((await response.json()) as { errors: { message: string }[] }).errors.map((e) => e.message).join(' | ')

beforeAll(async () => {
  payload = await testPortal()
  trainer = await accountByEmail(payload, 'formateur@example.org')
  trainee = await person('stagiaire.impression@example.org', ['learner'])
  stranger = await person('stagiaire.autre-espace@example.org', ['learner'])
  const ws = await createGroupWorkspace(payload, trainer, { name: 'Session de Mopti', organisationCode: 'TDH', scenarios: ['violence-sexuelle-kayes', 'mariage-precoce-segou'] }, now)
  wsId = ws.id
  await assignTrainee(payload, await openWorkspace(payload, trainer, wsId), 'gestionnaire-1', trainee)
  await personalWorkspace(payload, stranger, now)
}, 600_000)

describe('printing a case file', () => {
  it('gives the trainee who reads the case a PDF with its state, forms, transitions, history and the banner', async () => {
    const opened = await openWorkspace(payload, trainee, wsId)
    const kayes = (await casesOf(payload, opened)).find((c) => c.doc.scenario === 'violence-sexuelle-kayes')!
    const response = await print(trainee, wsId, kayes.doc.caseId)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toContain(`dossier-${kayes.doc.caseId.toLowerCase()}.pdf`)
    const text = await pdfText(Buffer.from(await response.arrayBuffer()))
    for (const expected of [kayes.doc.caseId, 'Fanta (fictive)', 'Statut : Clôturé', 'Fiches remplies', '1.B — Enregistrement', 'Prénom et nom de l’enfant (fictifs) : Fanta (fictive)', 'Mesure immédiate prise', 'Approbations, orientations et transferts', 'Transfert', 'Approuvé', 'Historique'])
      expect(text).toContain(expected)
    // The banner heads every page and closes it in the footer.
    const pages = (text.match(/Page \d+ sur (\d+)/) ?? [])[1]
    expect(Number(pages)).toBeGreaterThan(1)
    expect(text.split(FICTITIOUS_BANNER.toUpperCase()).length - 1).toBe(Number(pages))
    expect(text.split(`${FICTITIOUS_BANNER} — dossier ${kayes.doc.caseId}`).length - 1).toBe(Number(pages))
  })

  it('leaves out a field its condition hides', async () => {
    const opened = await openWorkspace(payload, trainee, wsId)
    const doc = await registerCase(payload, trainee, opened, actingAs(opened), { registration_date: '2026-11-28', child_name: 'Oumar (fictif)', sex: 'garcon', age: 9, region: 'mopti', living_with: 'parents', identified_by: 'communaute', protection_concerns: ['negligence'], situation: 'Situation fictive pour l’impression.', immediate_danger: false }, now)
    const text = await pdfText(Buffer.from(await (await print(trainee, wsId, doc.caseId)).arrayBuffer()))
    expect(text).toContain('L’enfant est en danger immédiat : Non')
    expect(text).not.toContain('Mesure immédiate prise')
  })

  it('refuses a trainee of another workspace and a signed-out visitor with a 404, as the case page', async () => {
    const opened = await openWorkspace(payload, trainer, wsId)
    const caseId = (await casesOf(payload, opened))[0]!.doc.caseId
    expect((await print(stranger, wsId, caseId)).status).toBe(404)
    expect((await print(null, wsId, caseId)).status).toBe(404)
    expect((await print(trainer, wsId, caseId)).status).toBe(200)
    expect((await print(trainee, wsId, 'TDH-0000000')).status).toBe(404)
  })

  it('refuses a case manager of the same workspace a case neither theirs nor shared with them, file and attachments alike', async () => {
    const colleague = await person('stagiaire.collegue@example.org', ['learner'])
    await assignTrainee(payload, await openWorkspace(payload, trainer, wsId), 'gestionnaire-2', colleague)
    const theirs = await openWorkspace(payload, colleague, wsId)
    const doc = await registerCase(payload, colleague, theirs, actingAs(theirs), { registration_date: '2026-11-28', child_name: 'Bintou (fictive)', sex: 'fille', age: 8, region: 'mopti', living_with: 'parents', identified_by: 'communaute', protection_concerns: ['negligence'], situation: 'Situation fictive d’une collègue.', immediate_danger: false }, now)
    expect((await print(colleague, wsId, doc.caseId)).status).toBe(200)
    expect((await print(trainee, wsId, doc.caseId)).status).toBe(404)
    await addAttachment(payload, colleague, theirs, actingAs(theirs), doc.caseId, { name: 'photo.png', data: solidPng(4, 4, [200, 120, 40]) }, now)
    const attachmentId = (await caseOf(payload, theirs, doc.caseId)).doc.attachments![0]!.attachmentId
    const { GET } = await import('../../site/pages/bac-a-sable/[ws]/cas/[caseId]/pieces/[attachment].ts')
    const url = new URL(`http://localhost:4321/bac-a-sable/${wsId}/cas/${doc.caseId}/pieces/${attachmentId}`)
    const fetchAs = async (who: User) => ((await GET({ url, request: new Request(url), params: { ws: String(wsId), caseId: doc.caseId, attachment: attachmentId }, cookies: { get: () => undefined }, locals: { payload, user: who, lang: 'fr' } } as never)) as Response).status
    expect(await fetchAs(colleague)).toBe(200)
    expect(await fetchAs(trainee)).toBe(404)
  })
})

describe('saving a form through the offline queue', () => {
  const followUp = { followup_date: '2026-11-30', followup_type: 'visite_domicile', child_seen: true, progress: 'en_cours', observations: 'Visite fictive à domicile.', plan_review_needed: false }

  it('stores a save once: the copy sent again with the same key is refused as already received', async () => {
    const opened = await openWorkspace(payload, trainee, wsId)
    const marriage = (await casesOf(payload, opened)).find((c) => c.doc.scenario === 'mariage-precoce-segou')!
    const before = marriage.state.forms.filter((f) => f.code === '5.A').length
    const key = crypto.randomUUID()
    const body = { form: '5.A', actor: 'gestionnaire-1', values: followUp }
    const first = await save(trainee, wsId, marriage.doc.caseId, body, key)
    expect(first.status).toBe(201)
    expect(await first.json()).toMatchObject({ caseId: marriage.doc.caseId, form: '5.A' })
    const again = await save(trainee, wsId, marriage.doc.caseId, body, key)
    expect(again.status).toBe(409)
    expect(await messages(again)).toMatch(/déjà été reçu/)
    const after = (await casesOf(payload, await openWorkspace(payload, trainee, wsId))).find((c) => c.doc.id === marriage.doc.id)!
    expect(after.state.forms.filter((f) => f.code === '5.A').length).toBe(before + 1)
  })

  it('refuses bad values with the form’s French messages, action forms, bad keys, other workspaces and signed-out visitors', async () => {
    const opened = await openWorkspace(payload, trainee, wsId)
    const caseId = (await casesOf(payload, opened)).find((c) => c.doc.scenario === 'mariage-precoce-segou')!.doc.caseId
    const bad = await save(trainee, wsId, caseId, { form: '5.A', actor: 'gestionnaire-1', values: { ...followUp, child_seen: false, observations: 'Appeler le 76 12 34 56' } }, crypto.randomUUID())
    expect(bad.status).toBe(400)
    const said = await messages(bad)
    expect(said).toContain('« Pourquoi l’enfant n’a pas été vu » est obligatoire.')
    expect(said).toContain('ressemble à un numéro de téléphone')
    expect((await save(trainee, wsId, caseId, { form: 'A.1', actor: 'gestionnaire-1', values: {} }, crypto.randomUUID())).status).toBe(400)
    expect((await save(trainee, wsId, caseId, { form: '5.A', actor: 'superviseur-1', values: followUp }, crypto.randomUUID())).status).toBe(422)
    expect((await save(trainee, wsId, caseId, { form: '5.A', actor: 'gestionnaire-1', values: followUp }, 'pas-un-uuid')).status).toBe(400)
    expect((await save(stranger, wsId, caseId, { form: '5.A', actor: 'gestionnaire-1', values: followUp }, crypto.randomUUID())).status).toBe(404)
    expect((await save(null, wsId, caseId, { form: '5.A', actor: 'gestionnaire-1', values: followUp }, crypto.randomUUID())).status).toBe(401)
  })
})

describe('linking a group workspace to a training', () => {
  let demoTraining: number
  let otherTraining: number
  let enrolledWithAccount: User

  beforeAll(async () => {
    const demo = (await payload.find({ collection: 'trainings', where: { trainers: { in: [trainer.id] } }, limit: 1, ...sys })).docs[0]!
    demoTraining = demo.id
    otherTraining = (await payload.create({ collection: 'trainings', data: { title: 'Formation d’un autre formateur', kind: demo.kind, status: 'planned', startDate: '2027-01-10', endDate: '2027-01-12', venue: 'Sikasso', region: demo.region, organiser: demo.organiser, trainers: [] } as never, ...sys })).id
    const enrolment = (await payload.find({ collection: 'enrolments', where: { training: { equals: demoTraining } }, limit: 1, depth: 1, overrideAccess: true })).docs[0]!
    const participant = enrolment.participant as { id: number; email?: string | null }
    const email = participant.email ?? `participant.${participant.id}@example.org`
    if (!participant.email) await payload.update({ collection: 'participants', id: participant.id, data: { email }, ...sys })
    enrolledWithAccount = await person(email, ['learner'], 'Participante inscrite')
  })

  it('lists only the trainer’s trainings and refuses one out of their scope', async () => {
    const listed = (await linkableTrainings(payload, trainer)).map((x) => x.id)
    expect(listed).toContain(demoTraining)
    expect(listed).not.toContain(otherTraining)
    const opened = await openWorkspace(payload, trainer, wsId)
    expect(await refusal(() => linkTraining(payload, trainer, opened, otherTraining, now))).toMatch(/hors de votre périmètre/)
    expect((await openWorkspace(payload, trainer, wsId)).ws.training ?? null).toBeNull()
  })

  it('refuses the trainees, and a personal workspace', async () => {
    expect(await refusal(async () => linkTraining(payload, trainee, await openWorkspace(payload, trainee, wsId), demoTraining, now))).toMatch(/Seul le formateur/)
    expect(await refusal(async () => addTrainingTrainees(payload, trainee, await openWorkspace(payload, trainee, wsId), 'caseManager'))).toMatch(/Seul le formateur/)
    const own = await personalWorkspace(payload, trainer, now)
    expect(await refusal(async () => linkTraining(payload, trainer, await openWorkspace(payload, trainer, own.id), demoTraining, now))).toMatch(/espace de groupe/)
  })

  it('checks the form values with French messages', () => {
    expect(() => checked(ZTrainingChoice, 'abc', 'formation')).toThrow(/invalides/)
    expect(checked(ZTrainingChoice, '', 'formation')).toBe('')
    expect(checked(ZTraineeRole, 'supervisor', 'role')).toBe('supervisor')
    try {
      checked(ZTraineeRole, 'orgAdmin', 'role')
      throw new Error('accepted')
    } catch (error) {
      expect((error as PortalError).fields).toEqual([{ path: 'role', message: 'Rôle inconnu : gestionnaire de cas ou superviseur.' }])
    }
  })

  it('asks for a training before adding trainees, links, enrols the participants with an account once, changes and removes', async () => {
    expect(await refusal(async () => addTrainingTrainees(payload, trainer, await openWorkspace(payload, trainer, wsId), 'caseManager'))).toMatch(/Reliez d’abord/)
    await linkTraining(payload, trainer, await openWorkspace(payload, trainer, wsId), demoTraining, now)
    expect((await openWorkspace(payload, trainer, wsId)).ws.training).toBe(demoTraining)

    const enrolled = (await payload.find({ collection: 'enrolments', where: { training: { equals: demoTraining } }, limit: 0, ...sys })).totalDocs
    const first = await addTrainingTrainees(payload, trainer, await openWorkspace(payload, trainer, wsId), 'caseManager')
    expect(first.added).toContain('Participante inscrite')
    expect(first.added.length + first.alreadyIn + first.withoutAccount).toBeGreaterThanOrEqual(enrolled)
    const opened = await openWorkspace(payload, enrolledWithAccount, wsId)
    expect(opened.actors).toEqual([expect.objectContaining({ name: 'Participante inscrite', role: 'caseManager' })])
    const again = await addTrainingTrainees(payload, trainer, await openWorkspace(payload, trainer, wsId), 'supervisor')
    expect(again.added).toEqual([])
    expect(again.alreadyIn).toBe(first.added.length + first.alreadyIn)
    expect((await openWorkspace(payload, enrolledWithAccount, wsId)).actors).toHaveLength(1)

    await linkTraining(payload, trainer, await openWorkspace(payload, trainer, wsId), null, now)
    expect((await openWorkspace(payload, trainer, wsId)).ws.training ?? null).toBeNull()
  })
})
