import type { CollectionConfig } from 'payload'
import { adminsOnly, nobody, ownOrCoordinators, ownOrFollowers } from '../access/index.ts'
import { serverOnly, serverSetField } from '../access/server-only.ts'
import { can } from '../rules/roles.ts'

// Progress, attempts and certificates are computed by the server (cms/self-training/progress.ts) from what the learner
// did: the video position, the answers it scores. No client writes them, whatever its role.

const userField = { name: 'user', type: 'relationship' as const, relationTo: 'users' as const, required: true, index: true, label: { fr: 'Apprenant', en: 'Learner' } }
const moduleField = { name: 'module', type: 'relationship' as const, relationTo: 'modules' as const, required: true, index: true, label: { fr: 'Module', en: 'Module' } }
const group = { fr: 'Autoformation', en: 'Self-training' }
// The learner's name as the record's title in lists and forms (read through the relationship, never stored).
const learnerName = { name: 'learnerName', type: 'text' as const, virtual: 'user.name', admin: { hidden: true }, label: { fr: 'Apprenant', en: 'Learner' } }

/** How far a learner went in one module (furthest position, best quiz score); one record per learner and module. */
export const ModuleProgress: CollectionConfig = {
  slug: 'module-progress',
  labels: { singular: { fr: 'Progression', en: 'Progress' }, plural: { fr: 'Progressions', en: 'Progress' } },
  admin: { useAsTitle: 'learnerName', group },
  access: serverOnly('module-progress', { read: ownOrFollowers, delete: adminsOnly }),
  fields: [
    userField,
    learnerName,
    moduleField,
    { name: 'lastPosition', type: 'number', min: 0, defaultValue: 0, label: { fr: 'Dernière position (s)', en: 'Last position (s)' } },
    { name: 'maxPosition', type: 'number', min: 0, defaultValue: 0, label: { fr: 'Position la plus avancée (s)', en: 'Furthest position (s)' } },
    { name: 'watchedRatio', type: 'number', min: 0, max: 1, defaultValue: 0, label: { fr: 'Part regardée', en: 'Share watched' }, admin: { components: { Cell: '/admin/cells.tsx#ShareCell' } } },
    { name: 'bestScore', type: 'number', min: 0, max: 100, label: { fr: 'Meilleur score au quiz', en: 'Best quiz score' }, admin: { components: { Cell: '/admin/cells.tsx#ScoreCell' } } },
    { name: 'passed', type: 'checkbox', defaultValue: false, label: { fr: 'Quiz réussi', en: 'Quiz passed' } },
    { name: 'completedAt', type: 'date', index: true, label: { fr: 'Module terminé le', en: 'Completed on' } },
  ],
}

/** Every quiz attempt, scored by the server; `attemptId` makes a replayed submission count once. */
export const QuizAttempts: CollectionConfig = {
  slug: 'quiz-attempts',
  labels: { singular: { fr: 'Tentative de quiz', en: 'Quiz attempt' }, plural: { fr: 'Tentatives de quiz', en: 'Quiz attempts' } },
  admin: { useAsTitle: 'learnerName', group },
  access: serverOnly('quiz-attempts', { read: ownOrFollowers, delete: adminsOnly }),
  fields: [
    userField,
    learnerName,
    moduleField,
    { name: 'attemptId', type: 'text', required: true, unique: true, index: true, label: { fr: 'Identifiant de tentative', en: 'Attempt id' } },
    { name: 'answers', type: 'json', required: true, label: { fr: 'Réponses', en: 'Answers' } },
    { name: 'results', type: 'json', required: true, label: { fr: 'Résultat par question', en: 'Result per question' } },
    { name: 'score', type: 'number', required: true, min: 0, max: 100, label: { fr: 'Score', en: 'Score' }, admin: { components: { Cell: '/admin/cells.tsx#ScoreCell' } } },
    { name: 'passed', type: 'checkbox', required: true, label: { fr: 'Réussi', en: 'Passed' } },
  ],
}

const revokers = ({ req }: { req: { user?: unknown } }) => can(req.user as never, 'coordinate')

/** Certificates (attestations) issued when the required modules are complete; verifiable, revocable. */
export const Certificates: CollectionConfig = {
  slug: 'certificates',
  labels: { singular: { fr: 'Attestation', en: 'Certificate' }, plural: { fr: 'Attestations', en: 'Certificates' } },
  admin: { useAsTitle: 'holderName', group },
  access: serverOnly('certificates', { read: ownOrCoordinators, update: revokers, delete: nobody }),
  fields: [
    { ...userField, label: { fr: 'Titulaire', en: 'Holder' }, access: serverSetField, admin: { readOnly: true } },
    { name: 'holderName', type: 'text', required: true, access: serverSetField, admin: { readOnly: true }, label: { fr: 'Nom sur l’attestation', en: 'Name on the certificate' } },
    { name: 'codeId', type: 'text', required: true, unique: true, index: true, access: serverSetField, admin: { readOnly: true }, label: { fr: 'Identifiant de vérification', en: 'Verification id' } },
    { name: 'issuedAt', type: 'date', required: true, access: serverSetField, admin: { readOnly: true }, label: { fr: 'Délivrée le', en: 'Issued on' } },
    {
      name: 'modules',
      type: 'array',
      access: serverSetField,
      admin: { readOnly: true },
      label: { fr: 'Modules validés', en: 'Modules completed' },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'completedAt', type: 'date' },
      ],
    },
    { name: 'revoked', type: 'checkbox', defaultValue: false, access: { update: revokers }, label: { fr: 'Révoquée', en: 'Revoked' } },
    { name: 'revokedReason', type: 'text', maxLength: 300, access: { update: revokers }, label: { fr: 'Motif de révocation', en: 'Reason for revocation' } },
  ],
}
