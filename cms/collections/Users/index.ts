import type { CollectionConfig } from 'payload'
import { accountsOrCoTrainers, onlyPickerFields } from '../../access/co-trainers.ts'
import { adminsOnly, adminsOnlyField, adminsOrSelf, nobodyField, personalFieldRead, signedInField, staffOnly } from '../../access/index.ts'
import { env } from '../../config/env.ts'
import { ROLES } from '../../rules/roles.ts'
import { afterAccountChange, auditLogin, auditRestLoginFailure, checkAccountAtLogin, enforcePasswordPolicy, requireReauthentication } from './hooks.ts'

/** French and English names of the roles. */
export const ROLE_LABELS: Record<(typeof ROLES)[number], { fr: string; en: string }> = {
  admin: { fr: 'Administrateur national', en: 'National administrator' },
  coordinator: { fr: 'Coordination (DNPEF)', en: 'Coordinator (DNPEF)' },
  trainer: { fr: 'Formateur', en: 'Trainer' },
  supervisor: { fr: 'Superviseur', en: 'Supervisor' },
  caseManager: { fr: 'Gestionnaire de cas', en: 'Case manager' },
  learner: { fr: 'Apprenant', en: 'Learner' },
  editor: { fr: 'Éditeur de contenus', en: 'Content editor' },
}

/** The one identity store of the portal (public site and back office). */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { fr: 'Compte', en: 'Account' }, plural: { fr: 'Comptes', en: 'Accounts' } },
  admin: {
    useAsTitle: 'name',
    group: { fr: 'Administration', en: 'Administration' },
  },
  auth: {
    tokenExpiration: env.SESSION_IDLE_MINUTES * 60,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    useSessions: true,
    cookies: { sameSite: 'Lax', secure: env.behindTls },
    // The session lives in the HttpOnly cookie only: login, refresh and "me" answers carry no token a script could read.
    removeTokenFromResponses: true,
  },
  access: {
    admin: staffOnly,
    create: adminsOnly,
    read: accountsOrCoTrainers,
    update: adminsOrSelf,
    delete: adminsOnly,
    unlock: adminsOnly,
  },
  hooks: {
    beforeValidate: [enforcePasswordPolicy],
    beforeChange: [requireReauthentication],
    beforeLogin: [checkAccountAtLogin],
    afterLogin: [auditLogin],
    afterChange: [afterAccountChange],
    afterRead: [onlyPickerFields],
    afterError: [auditRestLoginFailure],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: { fr: 'Nom complet', en: 'Full name' } },
    { name: 'email', type: 'email', access: { read: personalFieldRead }, label: { fr: 'E-mail', en: 'Email' } },
    {
      // Never stored nor returned: the acting person's password, required to change a password or an email
      // (see requireReauthentication). The admin shows it as a password input.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      access: { read: nobodyField, create: nobodyField, update: signedInField },
      label: { fr: 'Votre mot de passe actuel', en: 'Your current password' },
      admin: {
        condition: (data) => Boolean(data?.id),
        components: { Field: '/admin/CurrentPasswordField.tsx#CurrentPasswordField' },
        description: {
          fr: 'Obligatoire pour changer un mot de passe ou une adresse e-mail, y compris sur le compte d’une autre personne. Un changement de votre propre adresse n’est fait qu’après confirmation par le lien envoyé à la nouvelle adresse.',
          en: 'Required to change a password or an email address, including on someone else’s account. A change of your own address is made only once confirmed through the link sent to the new address.',
        },
      },
    },
    {
      // Set by the server only: the new address waiting for confirmation (see startEmailChange).
      name: 'pendingEmail',
      type: 'email',
      access: { read: personalFieldRead, create: nobodyField, update: nobodyField },
      label: { fr: 'Nouvelle adresse en attente de confirmation', en: 'New address awaiting confirmation' },
      admin: { readOnly: true, condition: (data) => Boolean(data?.pendingEmail) },
    },
    { name: 'phone', type: 'text', maxLength: 30, access: { read: personalFieldRead }, label: { fr: 'Téléphone', en: 'Phone' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['learner'],
      access: { create: adminsOnlyField, update: adminsOnlyField },
      options: ROLES.map((value) => ({ value, label: { ...ROLE_LABELS[value] } })),
      label: { fr: 'Rôles', en: 'Roles' },
    },
    {
      type: 'row',
      fields: [
        { name: 'organisation', type: 'relationship', relationTo: 'organisations', access: { create: adminsOnlyField, update: adminsOnlyField }, label: { fr: 'Structure', en: 'Organisation' } },
        { name: 'region', type: 'relationship', relationTo: 'regions', access: { create: adminsOnlyField, update: adminsOnlyField }, label: { fr: 'Région', en: 'Region' } },
      ],
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      access: { read: personalFieldRead, create: adminsOnlyField, update: adminsOnlyField },
      label: { fr: 'Compte actif', en: 'Active account' },
      admin: { position: 'sidebar', description: { fr: 'Décocher met fin à toutes les sessions du compte.', en: 'Unticking ends every session of the account.' } },
    },
    {
      name: 'emailVerified',
      type: 'checkbox',
      defaultValue: true,
      access: { read: personalFieldRead, create: adminsOnlyField, update: adminsOnlyField },
      label: { fr: 'Adresse e-mail confirmée', en: 'Email confirmed' },
      admin: { position: 'sidebar' },
    },
    {
      // Set only by the password policy hook, never from input (see enforcePasswordPolicy).
      name: 'passwordChangedAt',
      type: 'date',
      access: { read: personalFieldRead },
      label: { fr: 'Mot de passe changé le', en: 'Password changed on' },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'passwordExpiryExempt',
      type: 'checkbox',
      defaultValue: false,
      access: { read: personalFieldRead, create: adminsOnlyField, update: adminsOnlyField },
      label: { fr: 'Exempté d’expiration du mot de passe', en: 'Password never expires' },
      admin: { position: 'sidebar', description: { fr: 'Réservé aux comptes de démonstration.', en: 'For demo accounts only.' } },
    },
    {
      // Who receives urgent difficulty reports at once (cms/support/requests.ts); set by administrators.
      name: 'onDuty',
      type: 'checkbox',
      defaultValue: false,
      access: { read: personalFieldRead, create: adminsOnlyField, update: adminsOnlyField },
      label: { fr: 'De permanence (assistance)', en: 'On duty (support)' },
      admin: { position: 'sidebar', description: { fr: 'Reçoit aussitôt par e-mail les demandes d’assistance urgentes.', en: 'Receives urgent support requests by email at once.' } },
    },
  ],
}
