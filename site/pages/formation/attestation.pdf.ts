import type { APIRoute } from 'astro'
import { renderCertificatePdf } from '#cms/self-training/certificates.ts'
import { certificateFor } from '#cms/self-training/progress.ts'
import { download } from '#cms/endpoints/download.ts'
import { localePath } from '../../i18n/index.ts'

/** The signed-in learner's certificate (issued on first request once every required module is complete). */
export const GET: APIRoute = async ({ locals, redirect }) => {
  if (!locals.user) return redirect(`${localePath(locals.lang, '/connexion')}?suite=${encodeURIComponent(localePath(locals.lang, '/formation/mon-parcours'))}`, 303)
  const certificate = await certificateFor(locals.payload, locals.user)
  if (!certificate) return redirect(localePath(locals.lang, '/formation/mon-parcours'), 303)
  // The learner's own certificate: not an export of other people's data, so not journalled.
  return download({ body: await renderCertificatePdf(certificate), kind: 'pdf', fileName: 'attestation-autoformation.pdf' })
}
