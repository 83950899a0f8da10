import type { APIRoute } from 'astro'
import { renderCertificatePdf } from '#cms/learning/certificates.ts'
import { certificateFor } from '#cms/learning/progress.ts'
import { localePath } from '../../i18n/index.ts'

/** The signed-in learner's certificate (issued on first request once every required module is complete). */
export const GET: APIRoute = async ({ locals, redirect }) => {
  if (!locals.user) return redirect(`${localePath(locals.lang, '/connexion')}?suite=${encodeURIComponent(localePath(locals.lang, '/formation/mon-parcours'))}`, 303)
  const certificate = await certificateFor(locals.payload, locals.user)
  if (!certificate) return redirect(localePath(locals.lang, '/formation/mon-parcours'), 303)
  return new Response(new Uint8Array(await renderCertificatePdf(certificate)), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="attestation-autoformation.pdf"', 'Cache-Control': 'private, no-store' },
  })
}
