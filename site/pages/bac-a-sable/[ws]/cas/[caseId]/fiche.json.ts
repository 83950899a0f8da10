import { PortalError } from '#cms/endpoints/errors.ts'
import { requireUser } from '#cms/endpoints/guards.ts'
import { idempotencyKeyOf, once } from '#cms/offline/idempotency.ts'
import { ACTION_FORMS } from '#cms/rules/sandbox-workflow.ts'
import { sandboxForm } from '#cms/sandbox/forms.ts'
import { actingAs, perform } from '#cms/sandbox/service.ts'
import { accepted, route } from '../../../../../lib/endpoint.ts'
import { sandboxCase } from '../../../../../lib/sandbox.ts'
import { sandboxSaveValidator } from '../../../../../lib/sandbox-save.ts'

/**
 * POST one form of a sandbox case (JSON), sent by the offline queue from the form page with an `Idempotency-Key`
 * header: a save sent again after a lost answer gets 409 and is stored once. The same workflow rules as the form
 * posted without JavaScript (cms/sandbox/service.ts `perform`); the values are checked by the same code as the
 * browser's before it kept them (site/lib/sandbox-save.ts).
 */
export const POST = route(async (context) => {
  const user = requireUser(context.locals, { fr: 'enregistrer une fiche du bac à sable', en: 'save a sandbox form' })
  const key = idempotencyKeyOf(context.request.headers)
  if (!key.ok) throw new PortalError('invalidInput', {}, [{ path: 'Idempotency-Key', message: key.message }])
  const found = await sandboxCase(context)
  if (!found) throw new PortalError('notFound', { thing: 'record' })
  const body = (await context.request.json().catch(() => null)) as { form?: unknown } | null
  const definition = sandboxForm(String(body?.form ?? ''))
  // A/B forms go with their action (referral, transfer, reopening), never through a plain save.
  if (!definition || ACTION_FORMS.includes(definition.code)) throw new PortalError('invalidInput', {}, [{ path: 'form', message: 'Fiche inconnue ou remplie avec son action (orientation, transfert, réouverture).' }])
  const save = accepted(sandboxSaveValidator(definition)(body), 'values')
  const { page, record } = found
  const actor = actingAs(page.opened, save.actor)
  const outcome = await once(context.locals.payload, user.id, key.key, async () => {
    const after = await perform(context.locals.payload, user, page.opened, actor, record, { do: 'form', form: definition.code, values: save.values }, new Date())
    return { caseId: after.doc.caseId, form: definition.code, stage: after.doc.stage }
  })
  if (outcome.replayed) throw new PortalError('alreadyReceived')
  return Response.json(outcome.value, { status: 201 })
})
