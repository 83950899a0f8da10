import { checkFormValues, type TFormDefinition } from '../../cms/rules/sandbox-forms.ts'
import { validator, ZSandboxFormSave, type TSandboxFormSave, type TValidation } from './offline-items.ts'

// The check of a sandbox form saved through the offline queue, shared by the form page's script (before the save
// is kept) and the endpoint (before it is applied): the body's shape, then the form's own fields with the French
// message of each (docs/sandbox.md, "Saving without a connection").

/** The check of a saved sandbox form, in the browser before queuing and on the server before saving: shape, then the form's own fields. */
export function sandboxSaveValidator(definition: TFormDefinition): (body: unknown) => TValidation<TSandboxFormSave> {
  const shape = validator(ZSandboxFormSave)
  return (body) => {
    const checked = shape(body)
    if (!checked.ok) return checked
    if (checked.value.form !== definition.code) return { ok: false, reason: `Fiche ${checked.value.form} envoyée pour la fiche ${definition.code}.` }
    const values = checkFormValues(definition, checked.value.values)
    return values.ok ? { ok: true, value: { ...checked.value, values: values.values } } : { ok: false, reason: values.errors.map((e) => e.message).join(' ; ') }
  }
}
