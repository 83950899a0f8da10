import type { CollectionConfig, Field, GlobalConfig, JSONField } from 'payload'
import { coordinatorsOrAdmins, nobody } from '../../access/index.ts'
import { serverOnly } from '../../access/server-only.ts'
import { APPROVAL_TYPES, RISK_LEVELS, SANDBOX_ROLES, STAGES, TRANSITION_KINDS, TRANSITION_STATUSES } from '../../rules/sandbox-workflow.ts'

// The sandbox: fictitious cases on which trainees practise the CPIMS+ workflow (docs/sandbox.md). Its records
// live in these collections only — no indicator, report or export of the real portal reads them — and every
// write goes through the sandbox operations (cms/sandbox/service.ts), which check workspace membership and the
// workflow rules, then write with the server's authority. No client reaches them through REST or the admin.

const group = { fr: 'Bac à sable', en: 'Sandbox' }
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const workspace: Field = { name: 'workspace', type: 'relationship', relationTo: 'sandbox-workspaces', required: true, index: true }

// The shapes of a case's JSON lists, for the generated types (the server alone writes them: cms/sandbox/service.ts).
type JSONSchema4 = ReturnType<NonNullable<JSONField['typescriptSchema']>[number]>
const text = { type: 'string' } as const
const listOf = (item: JSONSchema4) => ({ type: 'array' as const, items: item })
const ATTACHMENT_SCHEMA: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['attachmentId', 'fileName', 'mimeType', 'size', 'kind', 'addedBy', 'addedAt'],
  properties: { attachmentId: text, fileName: text, mimeType: text, size: { type: 'number' }, kind: { type: 'string', enum: ['photo', 'document'] }, addedBy: text, addedAt: text },
}
const FLAG_SCHEMA: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['message', 'by', 'at'],
  properties: { message: text, by: text, at: text, removed: { type: 'boolean' } },
}

export const SandboxWorkspaces: CollectionConfig = {
  slug: 'sandbox-workspaces',
  labels: { singular: { fr: 'Espace d’entraînement', en: 'Sandbox workspace' }, plural: { fr: 'Espaces d’entraînement', en: 'Sandbox workspaces' } },
  admin: { hidden: true, group },
  access: serverOnly('sandbox-workspaces', { read: nobody, delete: nobody }),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'kind', type: 'select', required: true, options: [{ value: 'personal', label: 'Personnel' }, { value: 'group', label: 'Groupe de formation' }] },
    // Personal: the learner; group: the trainer who created it and controls it.
    { name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'training', type: 'relationship', relationTo: 'trainings' },
    { name: 'organisationCode', type: 'text', required: true, maxLength: 8 },
    {
      name: 'members',
      type: 'array',
      fields: [
        { name: 'memberId', type: 'text', required: true },
        { name: 'name', type: 'text', required: true, maxLength: 80 },
        { name: 'role', type: 'select', required: true, options: options(SANDBOX_ROLES) },
        // The trainee playing this account; empty for the fictitious accounts the organisation admin creates.
        { name: 'user', type: 'relationship', relationTo: 'users', index: true },
        { name: 'active', type: 'checkbox', defaultValue: true },
      ],
    },
    // The scenarios loaded at creation and at every reset, with the stage each starts at.
    { name: 'scenarios', type: 'json', required: true },
    { name: 'resetAt', type: 'date' },
  ],
}

export const SandboxCases: CollectionConfig = {
  slug: 'sandbox-cases',
  labels: { singular: { fr: 'Cas fictif', en: 'Sandbox case' }, plural: { fr: 'Cas fictifs', en: 'Sandbox cases' } },
  admin: { hidden: true, group },
  access: serverOnly('sandbox-cases', { read: nobody, delete: nobody }),
  fields: [
    workspace,
    { name: 'caseId', type: 'text', required: true, index: true },
    { name: 'scenario', type: 'text' },
    { name: 'childName', type: 'text' },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', options: [{ value: 'open', label: 'Ouvert' }, { value: 'closed', label: 'Clôturé' }] },
    // Computed from the forms and transitions at every write (stageOf, riskLevelOf, consentOf), kept for filters.
    { name: 'stage', type: 'select', required: true, options: options(STAGES) },
    { name: 'riskLevel', type: 'select', options: options(RISK_LEVELS) },
    { name: 'consentServices', type: 'checkbox', defaultValue: false },
    { name: 'consentSharing', type: 'checkbox', defaultValue: false },
    { name: 'owner', type: 'text', required: true },
    { name: 'assigned', type: 'json', required: true },
    { name: 'forms', type: 'json', required: true },
    // Attachments and flags are JSON, like the forms: a case is read and written whole on every page and action,
    // and array fields cost a table each, rewritten at every save (docs/sandbox.md, "Speed").
    { name: 'attachments', type: 'json', typescriptSchema: [() => listOf(ATTACHMENT_SCHEMA)] },
    { name: 'flags', type: 'json', typescriptSchema: [() => listOf(FLAG_SCHEMA)] },
    { name: 'openedAt', type: 'date', required: true },
    { name: 'closedAt', type: 'date' },
    { name: 'reopenedAt', type: 'date' },
  ],
}

export const SandboxTransitions: CollectionConfig = {
  slug: 'sandbox-transitions',
  labels: { singular: { fr: 'Approbation, orientation ou transfert', en: 'Sandbox transition' }, plural: { fr: 'Approbations, orientations et transferts', en: 'Sandbox transitions' } },
  admin: { hidden: true, group },
  access: serverOnly('sandbox-transitions', { read: nobody, delete: nobody }),
  fields: [
    workspace,
    { name: 'case', type: 'relationship', relationTo: 'sandbox-cases', required: true, index: true },
    { name: 'transitionId', type: 'text', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: TRANSITION_KINDS.map((k) => ({ value: k, label: k })) },
    { name: 'approvalType', type: 'select', options: Object.entries(APPROVAL_TYPES).map(([value, t]) => ({ value, label: t.label })) },
    { name: 'status', type: 'select', required: true, options: options(TRANSITION_STATUSES) },
    { name: 'from', type: 'text', required: true },
    { name: 'to', type: 'text', index: true },
    { name: 'service', type: 'text' },
    { name: 'at', type: 'date', required: true },
    { name: 'decidedAt', type: 'date' },
    { name: 'decidedBy', type: 'text' },
    { name: 'comment', type: 'textarea' },
  ],
}

export const SandboxHistory: CollectionConfig = {
  slug: 'sandbox-history',
  labels: { singular: { fr: 'Historique du bac à sable', en: 'Sandbox history entry' }, plural: { fr: 'Historique du bac à sable', en: 'Sandbox history' } },
  admin: { hidden: true, group },
  access: serverOnly('sandbox-history', { read: nobody, delete: nobody }),
  fields: [
    workspace,
    { name: 'case', type: 'relationship', relationTo: 'sandbox-cases', index: true },
    { name: 'member', type: 'text', required: true },
    { name: 'memberName', type: 'text' },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    // `form.save`, `approval.request`, `referral.accept`…: what an exercise looks for (cms/sandbox/exercises.ts).
    { name: 'action', type: 'text', required: true, index: true },
    { name: 'form', type: 'text' },
    { name: 'field', type: 'text' },
    { name: 'before', type: 'text' },
    { name: 'after', type: 'text' },
    { name: 'at', type: 'date', required: true },
    // Set by the server on a person's first line for a case, action and form that an exercise looks for: the
    // dashboard reads these few lines instead of every save of a busy training room (cms/sandbox/exercises.ts).
    { name: 'completesExercise', type: 'checkbox', defaultValue: false },
  ],
}

/** Coordination decides whether completed sandbox exercises count toward the self-training certificate. */
export const SandboxSettings: GlobalConfig = {
  slug: 'sandbox-settings',
  label: { fr: 'Bac à sable', en: 'Sandbox' },
  admin: { group: { fr: 'Autoformation', en: 'Self-training' } },
  access: { read: coordinatorsOrAdmins, update: coordinatorsOrAdmins },
  fields: [
    {
      name: 'exercisesCountForCertificate',
      type: 'checkbox',
      defaultValue: false,
      label: { fr: 'Les exercices du bac à sable comptent pour l’attestation d’autoformation', en: 'Sandbox exercises count toward the self-training certificate' },
      admin: { description: { fr: 'Coché : l’attestation demande aussi que l’apprenant ait réussi les exercices de son espace personnel.', en: 'Checked: the certificate also requires the learner’s personal-workspace exercises to be done.' } },
    },
  ],
}
