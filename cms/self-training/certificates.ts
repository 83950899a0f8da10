import { hmac } from '@oslojs/crypto/hmac'
import { SHA256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import type { Payload } from 'payload'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { Certificate } from '../payload-types.ts'
import { env } from '../config/env.ts'
import { dateFormatter } from '../rules/display.ts'

// Certificate codes: `<id>.<proof>`, the id 20 random bytes, the proof an HMAC of the id with the server secret.
// Nothing secret is stored (a database copy cannot forge or list codes), the holder can download the same PDF
// again, comparison is constant-time, and revocation is a flag on the record. Unlike email links they do not
// expire: a certificate stays verifiable (docs/decisions.md; the Lucia guide's rules otherwise).

const encoder = new TextEncoder()

function proofOf(id: string): string {
  return encodeBase32LowerCaseNoPadding(hmac(SHA256, encoder.encode(env.PAYLOAD_SECRET), encoder.encode(`certificate:${id}`)).slice(0, 20))
}

/** A new certificate code (id and its proof). */
export function newCertificateCode(): { id: string; code: string } {
  const id = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))
  return { id, code: `${id}.${proofOf(id)}` }
}

/** The full code of a stored certificate, for its PDF and QR code. */
export function codeOf(certificate: Pick<Certificate, 'codeId'>): string {
  return `${certificate.codeId}.${proofOf(certificate.codeId)}`
}

/** The certificate a code proves, or null for a malformed, forged or unknown code. */
export async function findByCode(payload: Payload, code: string): Promise<Certificate | null> {
  const match = /^([a-z2-7]{32})\.([a-z2-7]{32})$/.exec(code)
  if (!match) return null
  const expected = encoder.encode(proofOf(match[1]!))
  const given = encoder.encode(match[2]!)
  if (expected.length !== given.length || !constantTimeEqual(expected, given)) return null
  const { docs } = await payload.find({ collection: 'certificates', where: { codeId: { equals: match[1]! } }, limit: 1, depth: 0, overrideAccess: true })
  return docs[0] ?? null
}

/** The public verification address printed on the certificate and in its QR code. */
export function verificationUrl(code: string): string {
  return `${env.publicUrl}/attestations/verifier/${code}`
}

const dateFr = (iso: string | null | undefined) => (iso ? dateFormatter('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso)) : '')

/** The certificate as an A4 landscape PDF: name, modules with dates, verification code and QR code. */
export async function renderCertificatePdf(certificate: Certificate): Promise<Buffer> {
  const code = codeOf(certificate)
  const url = verificationUrl(code)
  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' })
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 50, info: { Title: `Attestation — ${certificate.holderName}`, Author: 'DNPEF — Portail national de protection de l’enfant' }, lang: 'fr-FR' })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.rect(25, 25, doc.page.width - 50, doc.page.height - 50).lineWidth(3).stroke('#0b5d3b')
    doc.fontSize(10).fillColor('#0b5d3b').text('RÉPUBLIQUE DU MALI — Ministère de la Promotion de la Femme, de l’Enfant et de la Famille — DNPEF', 60, 50, { align: 'center', width: doc.page.width - 120 })
    doc.moveDown(2).fontSize(28).fillColor('#000').text('ATTESTATION D’AUTOFORMATION', { align: 'center' })
    doc.moveDown(0.5).fontSize(13).text('Gestion des cas de protection de l’enfant', { align: 'center' })
    doc.moveDown(1.5).fontSize(13).text('Le portail national de protection de l’enfant atteste que', { align: 'center' })
    doc.moveDown(0.5).fontSize(22).text(certificate.holderName, { align: 'center' })
    doc.moveDown(0.5).fontSize(12).text(`a suivi et validé, le ${dateFr(certificate.issuedAt)}, les modules d’autoformation suivants :`, { align: 'center' })
    doc.moveDown(0.8).fontSize(10)
    const left = 90
    for (const m of certificate.modules ?? []) doc.text(`•  ${m.title}${m.completedAt ? ` — terminé le ${dateFr(m.completedAt)}` : ''}`, left, undefined, { width: doc.page.width - 360 })
    doc.image(qr, doc.page.width - 250, doc.page.height - 270, { width: 170 })
    doc.fontSize(8).fillColor('#333').text('Vérifier cette attestation :', doc.page.width - 260, doc.page.height - 95, { width: 200, align: 'center' })
    doc.text(url, doc.page.width - 300, doc.page.height - 83, { width: 270, align: 'center' })
    doc.fontSize(9).text(`Code de vérification : ${code}`, 60, doc.page.height - 70, { width: doc.page.width - 400 })
    doc.end()
  })
}
