import JSZip from 'jszip'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Training, User } from '#cms/payload-types.ts'
import { trainingEndpoints } from '#cms/collections/Trainings/endpoints.ts'
import { MINISTRY_LETTERHEAD } from '#cms/documents/model.ts'
import { solidPng } from '../helpers/images.ts'
import { pdfText } from '../helpers/pdf.ts'
import { accountByEmail, allowed, testPortal } from '../helpers/portal.ts'
import { docxText } from '../helpers/docx.ts'

// The training report of a fresh install, through its endpoint, as complete as the reports the ministry files
// (docs/domain.md): every section present in the PDF and in the Word file, the photos private, the letterhead
// configurable by coordination with the built-in ministry header as the default.
let payload: Payload
const users: Record<string, User> = {}
let demo: Training
beforeAll(async () => {
  payload = await testPortal()
  for (const email of ['admin', 'coordination', 'formateur', 'editeur']) users[email] = await accountByEmail(payload, `${email}@example.org`)
  demo = (await payload.find({ collection: 'trainings', where: { title: { like: '(démo)' } }, limit: 1, overrideAccess: true })).docs[0]!

  // Booting the portal (migrations and seed) takes minutes on a loaded machine.
}, 600_000)

async function report(format: 'pdf' | 'docx', who: User = users.formateur!): Promise<Buffer> {
  const route = trainingEndpoints.find((e) => e.path === '/:id/report')!
  const req = (await createLocalReq({ user: who }, payload)) as PayloadRequest
  Object.assign(req, { user: { ...who, collection: 'users' }, searchParams: new URLSearchParams({ format }), routeParams: { id: String(demo.id) } })
  const response = await route.handler(req)
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

// Each section of the real report, as the seeded demo training fills it in, in the order it is printed.
const SECTIONS = [
  MINISTRY_LETTERHEAD[1]!,
  'RAPPORT DE FORMATION',
  'Séance plénière sur les six étapes de la gestion des cas (illustration de démonstration)',
  'Sommaire',
  'Introduction',
  'L’atelier a réuni 18 participants, dont 6 femmes et 12 hommes, venus des structures suivantes : DNPEF',
  '1.1 Objectif général',
  '1.2 Objectifs spécifiques',
  'Pratiquer les huit modules de CPIMS+',
  '1.3 Résultats attendus',
  '2. Méthodologie',
  'brainstorming',
  '3. Déroulement de l’atelier',
  '3.1 Jour 1 — 17 septembre 2024',
  'Ouverture : Le chef de la division enfance de la DNPEF',
  'Modules traités :',
  'Facilitation : Équipe de formation DNPEF',
  'Travaux pratiques :',
  '3.5 Jour 5 — 21 septembre 2024',
  'Clôture : Le Directeur national de la Promotion de l’Enfant et de la Famille',
  '3.6 Photos de l’atelier',
  'Exercices pratiques dans CPIMS+ (illustration de démonstration)',
  '4. Participants',
  '6. Pré-test et post-test',
  'Moyenne au pré-test',
  '7. Évaluation de la formation',
  '8. Recommandations',
  '9. Prochaines étapes',
  'Activité Responsable Statut Échéance Commentaires',
  'Configuration de CPIMS+ Administrateur national CPIMS+ En cours',
  '10. Conclusion',
  'Les objectifs de la formation ont été atteints',
  'Annexe — Liste de présence',
  'N° Nom Prénom Sexe Structure Fonction Téléphone E-mail',
  'Bagayoko Nana F DNPEF Travailleuse sociale 70002737 nana.bagayoko@example.org P P P P P',
]

describe('the demo training’s report on a fresh install', () => {
  it('has every section of the ministry’s reports in the PDF, in order, with no empty written section', async () => {
    const text = await pdfText(await report('pdf'))
    let from = 0
    for (const section of SECTIONS) {
      const at = text.indexOf(section, from)
      expect(at, `« ${section} » after position ${from}`).toBeGreaterThanOrEqual(0)
      from = at + section.length
    }
    expect(text).not.toContain('Non renseigné')
  })

  it('has every section in the Word file, with the three photos embedded', async () => {
    const docx = await report('docx')
    const text = await docxText(docx)
    for (const section of SECTIONS) expect(text, section).toContain(section)
    expect(text).not.toContain('Non renseigné')
    const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => f.startsWith('word/media/'))
    expect(media).toHaveLength(3)
  })
})

describe('workshop photos are private files', () => {
  const photoIds = () => (demo.photos ?? []).map((p) => (typeof p.image === 'object' ? p.image.id : p.image))
  it('are read by the trainer who uploaded them and coordination, never by anyone else', async () => {
    expect(photoIds()).toHaveLength(3)
    // How many of the photos a person may list (the rule the file route applies too); a refusal counts as none.
    const sees = async (user: User | null) => {
      let count = 0
      const ok = await allowed(async () => {
        count = (await payload.find({ collection: 'report-images', where: { id: { in: photoIds() } }, user, overrideAccess: false, depth: 0 })).totalDocs
      })
      return ok ? count : 0
    }
    expect(await sees(users.formateur!)).toBe(3)
    expect(await sees(users.coordination!)).toBe(3)
    expect(await sees(null)).toBe(0)
    expect(await sees(users.editeur!)).toBe(0)
    const stranger = await payload.create({ collection: 'users', data: { email: 'autre.formateur.photos@example.org', name: 'Autre formateur', password: 'Fleuve-Niger-en-crue-2026', roles: ['trainer'], passwordExpiryExempt: true }, overrideAccess: true })
    expect(await sees(stranger)).toBe(0)
  })

  it('refuse anything but a PNG or JPEG image', async () => {
    const notAnImage = Buffer.from('%PDF-1.4 pas une image')
    const upload = () =>
      payload.create({ collection: 'report-images', data: {}, file: { data: notAnImage, mimetype: 'image/png', name: 'photo.png', size: notAnImage.length }, user: users.formateur!, overrideAccess: false })
    const error = await upload().then(() => null, (e: { data?: { errors?: { message: string }[] } }) => e)
    expect(error?.data?.errors?.[0]?.message).toMatch(/n’est pas un fichier PNG ou JPEG valide/)
  })
})

describe('the letterhead is configured by coordination', () => {
  it('is edited by coordinators and admins only', async () => {
    const edit = (user: User) => payload.updateGlobal({ slug: 'letterhead', data: { signatoryName: 'Essai' }, user, overrideAccess: false })
    expect(await allowed(() => edit(users.formateur!))).toBe(false)
    expect(await allowed(() => edit(users.editeur!))).toBe(false)
    expect(await allowed(() => edit(users.coordination!))).toBe(true)
  })

  it('replaces the built-in header, adds the logos and the signatory, and falls back to the ministry header when emptied', async () => {
    const logoData = solidPng(80, 80, [0, 120, 60])
    const logo = await payload.create({ collection: 'report-images', data: { alt: 'Armoiries' }, file: { data: logoData, mimetype: 'image/png', name: 'armoiries.png', size: logoData.length }, user: users.coordination!, overrideAccess: false })
    await payload.updateGlobal({
      slug: 'letterhead',
      data: { lines: [{ text: 'RÉPUBLIQUE DU MALI' }, { text: 'Ministère de la Promotion de la Femme, de l’Enfant et de la Famille (nouvelle dénomination)' }], logos: [logo.id], signatoryName: 'Mme Kadidia Sangaré', signatoryTitle: 'La Directrice nationale' },
      user: users.coordination!,
      overrideAccess: false,
    })
    const pdf = await pdfText(await report('pdf'))
    expect(pdf).toContain('(nouvelle dénomination)')
    expect(pdf).not.toContain(MINISTRY_LETTERHEAD[2]!)
    expect(pdf).toMatch(/La Directrice nationale Mme Kadidia Sangaré/)
    const docx = await report('docx')
    expect(await docxText(docx)).toContain('Mme Kadidia Sangaré')
    expect(Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => f.startsWith('word/media/'))).toHaveLength(4)

    await payload.updateGlobal({ slug: 'letterhead', data: { lines: [], logos: [], signatoryName: '', signatoryTitle: '' }, user: users.admin!, overrideAccess: false })
    const fallback = await pdfText(await report('pdf'))
    expect(fallback).toContain(MINISTRY_LETTERHEAD[2]!)
    expect(fallback).not.toContain('Kadidia')
  })
})
