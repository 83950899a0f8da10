'use client'
import { FieldLabel } from '@payloadcms/ui'
import type { TextFieldLabelClientComponent } from 'payload'

/**
 * The label of a field the database requires but the person may leave empty because the server fills it (a slug
 * made from the title): without the required marker, so the form's stars match what the person must enter.
 */
export const OptionalLabel: TextFieldLabelClientComponent = ({ field, path }) => <FieldLabel label={field?.label} path={path} required={false} localized={field?.localized} />
