import type { CollectionConfig } from 'payload'
import { adminsOnly, nobody } from '../access/index.ts'
import { serverOnly } from '../access/server-only.ts'

/** Audited actions; the admin shows their French labels. */
export const AUDIT_ACTIONS = [
  { value: 'login.success', label: { fr: 'Connexion réussie', en: 'Sign-in' } },
  { value: 'login.failure', label: { fr: 'Échec de connexion', en: 'Failed sign-in' } },
  { value: 'account.locked', label: { fr: 'Compte verrouillé', en: 'Account locked' } },
  { value: 'account.created', label: { fr: 'Compte créé', en: 'Account created' } },
  { value: 'account.invited', label: { fr: 'Invitation envoyée', en: 'Invitation sent' } },
  { value: 'account.verified', label: { fr: 'Adresse confirmée', en: 'Email confirmed' } },
  { value: 'account.deactivated', label: { fr: 'Compte désactivé', en: 'Account deactivated' } },
  { value: 'account.privileges', label: { fr: 'Rôles ou périmètre modifiés', en: 'Roles or scope changed' } },
  { value: 'password.changed', label: { fr: 'Mot de passe modifié', en: 'Password changed' } },
  { value: 'password.resetRequested', label: { fr: 'Réinitialisation demandée', en: 'Reset requested' } },
  { value: 'password.reset', label: { fr: 'Mot de passe réinitialisé', en: 'Password reset' } },
  { value: 'password.reauthFailed', label: { fr: 'Mot de passe actuel refusé (changement de compte)', en: 'Current password refused (account change)' } },
  { value: 'email.changeRequested', label: { fr: 'Changement d’adresse demandé', en: 'Email change requested' } },
  { value: 'email.changed', label: { fr: 'Adresse e-mail modifiée', en: 'Email changed' } },
  { value: 'sessions.revoked', label: { fr: 'Déconnexion de tous les appareils', en: 'Signed out everywhere' } },
  { value: 'export.personalData', label: { fr: 'Export de données personnelles', en: 'Personal data export' } },
  { value: 'participant.merged', label: { fr: 'Fiches participant fusionnées', en: 'Participant records merged' } },
  { value: 'import.participants', label: { fr: 'Import de participants', en: 'Participants import' } },
  { value: 'import.caseAggregates', label: { fr: 'Import d’un export de dossiers CPIMS+ (agrégats)', en: 'CPIMS+ case export import (aggregates)' } },
  { value: 'dhis2.sent', label: { fr: 'Indicateurs envoyés à DHIS2', en: 'Indicators sent to DHIS2' } },
  { value: 'participant.anonymised', label: { fr: 'Participant anonymisé (demande de la personne)', en: 'Participant anonymised (person’s request)' } },
  { value: 'indicators.locked', label: { fr: 'Trimestre d’indicateurs verrouillé', en: 'Indicators quarter locked' } },
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]['value']

/** Append-only journal: nobody may create, edit or delete entries through the API or admin. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: { fr: 'Entrée du journal', en: 'Audit entry' }, plural: { fr: 'Journal d’audit', en: 'Audit log' } },
  admin: {
    useAsTitle: 'action',
    group: { fr: 'Administration', en: 'Administration' },
  },
  access: serverOnly('audit-log', { read: adminsOnly, delete: nobody }),
  fields: [
    { name: 'action', type: 'select', required: true, index: true, options: AUDIT_ACTIONS.map((a) => ({ ...a, label: { ...a.label } })), label: { fr: 'Action', en: 'Action' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: { fr: 'Auteur', en: 'Actor' } },
    { name: 'actorEmail', type: 'text', label: { fr: 'E-mail de l’auteur', en: 'Actor email' } },
    { name: 'subject', type: 'relationship', relationTo: 'users', label: { fr: 'Compte concerné', en: 'Subject account' } },
    { name: 'subjectEmail', type: 'text', index: true, label: { fr: 'E-mail concerné', en: 'Subject email' } },
    { name: 'ip', type: 'text', label: { fr: 'Adresse IP', en: 'IP address' } },
    { name: 'details', type: 'json', label: { fr: 'Détails', en: 'Details' } },
  ],
}
