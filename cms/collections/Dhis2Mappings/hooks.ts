import { ValidationError, type CollectionBeforeValidateHook, type Where } from 'payload'
import { DHIS2_INDICATORS, DISAGGREGATIONS, type TDisaggregation, type TIndicator } from '../../rules/dhis2.ts'
import { idOf } from '../../fields/relations.ts'

type TRow = { kind?: string; indicator?: string | null; disaggregation?: string | null; dataElement?: string | null; region?: unknown; orgUnit?: string | null }

/**
 * Each row needs the fields of its kind, and each target has one row: two data elements for the same indicator
 * and disaggregation (or two organisation units for one region) would make the export ambiguous. Sets the label
 * the list shows and clears the fields of the other kind.
 */
export const oneRowPerTarget: CollectionBeforeValidateHook = async ({ data, originalDoc, req, operation }) => {
  const row: TRow = { ...(originalDoc as TRow | undefined), ...(data as TRow) }
  const errors: { path: string; message: string }[] = []
  const missing = (path: string, what: string) => errors.push({ path, message: `${what} : champ obligatoire pour ce type de correspondance.` })
  const id = operation === 'update' ? (originalDoc as { id?: number | string } | undefined)?.id : undefined
  const others = (where: Where) =>
    req.payload.count({ collection: 'dhis2-mappings', where: { and: [where, ...(id === undefined ? [] : [{ id: { not_equals: id } }])] }, overrideAccess: true, req })
  let label = ''
  if (row.kind === 'region') {
    const region = idOf(row.region)
    if (region === null) missing('region', 'Région')
    if (!row.orgUnit) missing('orgUnit', 'Code de l’unité d’organisation')
    if (region !== null && (await others({ kind: { equals: 'region' }, region: { equals: region } })).totalDocs > 0) {
      errors.push({ path: 'region', message: 'Cette région a déjà une unité d’organisation : modifiez la ligne existante.' })
    }
    if (region !== null) {
      const found = await req.payload.findByID({ collection: 'regions', id: region, depth: 0, overrideAccess: true, disableErrors: true, req })
      label = `Région ${found?.name ?? region} → ${row.orgUnit ?? ''}`
    }
    Object.assign(data as TRow, { indicator: null, disaggregation: null, dataElement: null, categoryOptionCombo: null })
  } else {
    if (!row.indicator) missing('indicator', 'Indicateur')
    if (!row.disaggregation) missing('disaggregation', 'Ventilation')
    if (!row.dataElement) missing('dataElement', 'Code de l’élément de données')
    const indicator = DHIS2_INDICATORS[row.indicator as TIndicator]
    if (indicator && row.disaggregation && !(indicator.disaggregations as readonly string[]).includes(row.disaggregation)) {
      errors.push({ path: 'disaggregation', message: `« ${indicator.fr} » n’a pas cette ventilation : ${indicator.disaggregations.map((d) => DISAGGREGATIONS[d].fr).join(', ')}.` })
    }
    if (indicator && row.disaggregation && (await others({ kind: { equals: 'indicator' }, indicator: { equals: row.indicator }, disaggregation: { equals: row.disaggregation } })).totalDocs > 0) {
      errors.push({ path: 'disaggregation', message: 'Cet indicateur a déjà un élément de données pour cette ventilation : modifiez la ligne existante.' })
    }
    label = `${indicator?.fr ?? row.indicator} (${DISAGGREGATIONS[row.disaggregation as TDisaggregation]?.fr ?? row.disaggregation}) → ${row.dataElement ?? ''}`
    Object.assign(data as TRow, { region: null, orgUnit: null })
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'dhis2-mappings', errors }, req.t)
  return { ...data, label }
}
