import { escapeHtml } from '../rules/display.ts'

/**
 * A rendered email: French subject, plain-text part (always) and HTML part. `secrets` lists the links that
 * grant something (reset, invitation, confirmation): the outbox stores the email with these links masked and
 * keeps them sealed only until delivery (see cms/email/adapter.ts).
 */
export type TEmail = { subject: string; text: string; html: string; secrets?: string[] }

const PORTAL = 'Portail national de protection de l’enfant'

/** Builds the three parts from paragraphs and one call-to-action link, so every email has the same shape. */
function compose(subject: string, greeting: string, paragraphs: string[], action?: { label: string; url: string; secret?: boolean }, footer?: string): TEmail {
  const closing = `— ${PORTAL}`
  const text = [greeting, '', ...paragraphs.flatMap((p) => [p, '']), ...(action ? [`${action.label} : ${action.url}`, ''] : []), ...(footer ? [footer, ''] : []), closing].join('\n')
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : '',
    footer ? `<p><small>${escapeHtml(footer)}</small></p>` : '',
    `<p>${escapeHtml(closing)}</p>`,
  ].join('\n')
  return { subject: `${subject} — ${PORTAL}`, text, html, ...(action?.secret ? { secrets: [action.url] } : {}) }
}

/** The form a URL takes in the HTML part (escaped), so the outbox can find it there too. */
export const htmlForm = escapeHtml

/** Email confirming a learner's self sign-up. */
export function verifyEmail(name: string, url: string): TEmail {
  return compose(
    'Confirmez votre adresse e-mail',
    `Bonjour ${name},`,
    ['Vous venez de créer un compte apprenant sur le portail. Pour l’activer, confirmez votre adresse e-mail (lien valable 48 heures).'],
    { label: 'Confirmer mon adresse', url, secret: true },
    'Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message : aucun compte ne sera activé.',
  )
}

/** Email sent when someone signs up again with an address that already has an account. */
export function alreadyRegistered(name: string, signInUrl: string, resetUrl: string): TEmail {
  return compose(
    'Vous avez déjà un compte',
    `Bonjour ${name},`,
    ['Une inscription vient d’être demandée avec votre adresse, mais un compte existe déjà.', `Mot de passe oublié ? ${resetUrl}`],
    { label: 'Se connecter', url: signInUrl },
  )
}

/** Invitation sent when an administrator creates a staff account. */
export function invitation(name: string, url: string, invitedBy: string): TEmail {
  return compose(
    'Invitation au portail',
    `Bonjour ${name},`,
    [`${invitedBy} vous a créé un compte sur le portail.`, 'Choisissez votre mot de passe (au moins 12 caractères) avec le lien ci-dessous, valable 7 jours.'],
    { label: 'Choisir mon mot de passe', url, secret: true },
  )
}

/** Password reset link. */
export function passwordReset(name: string, url: string): TEmail {
  return compose(
    'Réinitialisation de votre mot de passe',
    `Bonjour ${name},`,
    ['Une réinitialisation du mot de passe a été demandée pour votre compte. Le lien est valable une heure et ne sert qu’une fois.'],
    { label: 'Choisir un nouveau mot de passe', url, secret: true },
    'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
  )
}

/** Confirmation link sent to the NEW address when a person asks to change their email. */
export function emailChangeConfirm(name: string, newEmail: string, url: string): TEmail {
  return compose(
    'Confirmez votre nouvelle adresse e-mail',
    `Bonjour ${name},`,
    [`Vous avez demandé que votre compte du portail utilise désormais l’adresse ${newEmail}. Le changement ne sera fait qu’après confirmation (lien valable 24 heures, utilisable une fois).`],
    { label: 'Confirmer ma nouvelle adresse', url, secret: true },
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne changera.',
  )
}

/** Notice sent to the OLD address when a change of email is requested, and again when it is made. */
export function emailChangeNotice(name: string, newEmail: string, state: 'requested' | 'applied', resetUrl: string): TEmail {
  const paragraphs =
    state === 'requested'
      ? [
          `Un changement d’adresse e-mail vers ${newEmail} a été demandé pour votre compte. Il ne sera fait que si le lien envoyé à la nouvelle adresse est utilisé.`,
          `Si vous n’êtes pas à l’origine de cette demande, changez votre mot de passe sans attendre (${resetUrl}) : cela annule le changement d’adresse en attente. Prévenez aussi l’administrateur de votre structure.`,
        ]
      : [
          `L’adresse e-mail de votre compte est désormais ${newEmail}. Ce message est le dernier envoyé à l’ancienne adresse.`,
          'Si vous n’êtes pas à l’origine de ce changement, prévenez sans attendre l’administrateur de votre structure.',
        ]
  return compose(state === 'requested' ? 'Demande de changement d’adresse e-mail' : 'Adresse e-mail modifiée', `Bonjour ${name},`, paragraphs)
}

/** Reminder to a supervisor, a week before a follow-up they planned (formative supervision). */
export function followUpReminder(name: string, people: { name: string; due: string }[], url: string): TEmail {
  return compose(
    'Suivi formatif prévu dans une semaine',
    `Bonjour ${name},`,
    ['Vous avez prévu un suivi formatif dans une semaine pour :', ...people.map((p) => `• ${p.name} — le ${p.due}`), 'Préparez la visite (sur site ou à distance) et notez-la dans le portail, même sans réseau.'],
    { label: 'Ouvrir le suivi formatif', url },
  )
}

/** Monthly alert to coordination: people trained more than 60 days ago and never followed up. */
export function neverFollowedUpAlert(name: string, people: { name: string; organisation: string; region: string; trainedOn: string }[], url: string): TEmail {
  return compose(
    `Suivi formatif : ${people.length} personne(s) formée(s) jamais suivie(s)`,
    `Bonjour ${name},`,
    [
      `${people.length} personne(s) formée(s) il y a plus de 60 jours n’ont reçu aucun suivi formatif :`,
      ...people.map((p) => `• ${p.name} (${p.organisation}, ${p.region}) — formée le ${p.trainedOn}`),
      'Planifiez un suivi (sur site ou à distance) avec les superviseurs de leur structure et de leur région.',
    ],
    { label: 'Voir la couverture du suivi formatif', url },
  )
}

/** What a framework meeting email says about the meeting: its title, when, where, and its agenda. */
export type TMeetingMailFacts = { title: string; when: string; where: string; agenda: string[] }

const meetingLines = (m: TMeetingMailFacts): string[] => [`${m.title} — ${m.when}`, `Lieu : ${m.where}`, ...(m.agenda.length > 0 ? [`Ordre du jour : ${m.agenda.map((a, i) => `${i + 1}. ${a}`).join(' ; ')}`] : [])]

/**
 * A framework meeting's invitation, update (new date, place…) or reminder, with the answer links (oui, non,
 * peut-être) that work without signing in; the calendar file is attached. The links grant an answer: secrets.
 */
export function meetingInvitation(name: string, meeting: TMeetingMailFacts, kind: 'invitation' | 'update' | 'reminder', links: { yes: string; no: string; maybe: string }, daysBefore?: number): TEmail {
  const subject = kind === 'update' ? `Réunion modifiée : ${meeting.title}` : kind === 'reminder' ? `Rappel (${daysBefore === 1 ? 'demain' : `dans ${daysBefore} jours`}) : ${meeting.title}` : `Invitation : ${meeting.title}`
  const intro =
    kind === 'update'
      ? 'La réunion du cadre commun à laquelle vous êtes invité(e) a été modifiée ; le fichier d’agenda joint met à jour votre calendrier.'
      : kind === 'reminder'
        ? `La réunion du cadre commun à laquelle vous êtes invité(e) a lieu ${daysBefore === 1 ? 'demain' : `dans ${daysBefore} jours`}.`
        : 'Vous êtes invité(e) à la réunion du cadre commun national de gestion des cas ; le fichier d’agenda joint l’ajoute à votre calendrier.'
  const email = compose(subject, `Bonjour ${name},`, [
    intro,
    ...meetingLines(meeting),
    'Merci d’indiquer si vous participerez (sans connexion, lien personnel valable jusqu’à la réunion) :',
    `Oui : ${links.yes}`,
    `Non : ${links.no}`,
    `Peut-être : ${links.maybe}`,
  ])
  return { ...email, secrets: [links.yes, links.no, links.maybe] }
}

/** A framework meeting's cancellation; the attached calendar file removes it from the invitee's calendar. */
export function meetingCancellation(name: string, meeting: TMeetingMailFacts): TEmail {
  return compose(`Réunion annulée : ${meeting.title}`, `Bonjour ${name},`, ['La réunion du cadre commun suivante est annulée ; le fichier d’agenda joint la retire de votre calendrier.', ...meetingLines(meeting)])
}

/** Alert to coordinators: the quarter ends soon and no framework meeting was held or is planned in it. */
export function quarterComplianceAlert(name: string, quarter: string, daysLeft: number, url: string): TEmail {
  return compose(
    `Aucune réunion du cadre commun au ${quarter}`,
    `Bonjour ${name},`,
    [`Il reste ${daysLeft} jour${daysLeft > 1 ? 's' : ''} au ${quarter} et aucune réunion du cadre commun n’y a été tenue ni planifiée. Le cadre commun doit se réunir au moins une fois par trimestre.`],
    { label: 'Planifier la réunion', url },
  )
}

/** Acknowledgement of a difficulty report, with its reference number. */
export function supportReceived(name: string, reference: string, category: string, description: string): TEmail {
  return compose(
    `Demande d’assistance ${reference} reçue`,
    name ? `Bonjour ${name},` : 'Bonjour,',
    [
      `Nous avons bien reçu votre demande (« ${category} »). Son numéro de référence est ${reference} : rappelez-le si vous nous recontactez.`,
      `Votre message : « ${description} »`,
      'L’équipe d’assistance vous répondra par e-mail à cette adresse.',
    ],
  )
}

/** Alert to the administrators on duty: an urgent difficulty report just arrived. */
export function supportUrgentAlert(reference: string, category: string, requester: string, description: string, url: string): TEmail {
  return compose(
    `Demande urgente ${reference}`,
    'Bonjour,',
    [`Une demande d’assistance urgente vient d’arriver (« ${category} »), de ${requester}.`, `« ${description} »`, 'Vous la recevez parce que vous êtes de permanence.'],
    { label: 'Traiter la demande', url },
  )
}

/** A reply of the support desk to the requester. */
export function supportReply(name: string, reference: string, message: string): TEmail {
  return compose(
    `Réponse à votre demande ${reference}`,
    name ? `Bonjour ${name},` : 'Bonjour,',
    [...message.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean), `Pour compléter votre demande, signalez-le sur le portail (« Signaler une difficulté ») en rappelant la référence ${reference}.`],
  )
}

/** The daily security checks, sent to administrators when something needs action. */
export function securityDigest(findings: readonly { action: boolean; subject: string; detail: string }[], url: string): TEmail {
  const toDo = findings.filter((f) => f.action)
  const info = findings.filter((f) => !f.action)
  return compose(
    `Contrôles de sécurité : ${toDo.length} point(s) à traiter`,
    'Bonjour,',
    [
      'Les contrôles quotidiens du portail demandent votre attention :',
      ...toDo.map((f) => `• ${f.subject} — ${f.detail}`),
      ...(info.length > 0 ? [`Pour information : ${info.length} autre(s) constat(s) (mots de passe, exports de données personnelles), sur la page des contrôles.`] : []),
    ],
    { label: 'Voir tous les contrôles', url },
  )
}

/** The monthly report's draft, sent to coordination on the first working day of the next month (docs/reports.md). */
export function monthlyReportDraft(name: string, month: string, attached: boolean, url: string): TEmail {
  return compose(
    `Rapport mensuel d’activités de ${month} : brouillon à compléter`,
    `Bonjour ${name},`,
    [
      `Le brouillon du rapport mensuel d’activités de ${month} est prêt : les chiffres du mois y sont repris des enregistrements du portail${attached ? ' (PDF joint)' : ''}.`,
      'Complétez le résumé, les difficultés rencontrées et les activités prévues le mois prochain, puis soumettez-le.',
    ],
    { label: 'Compléter le rapport', url },
  )
}
